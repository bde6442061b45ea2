"""Typed schema of the knowledge-base content.

The YAML files in ``content/data`` are validated against these models when loaded and in tests.
Every entry is tied to the seed passages it came from (``sources``); content from outside the
seeds cites a public reference instead. Numbers live in structured fields (``Dose``,
``ThermoStep``, ``Target`` …) so the plan can compute with them, not only in prose.
"""

import re
from typing import Annotated, Literal, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    field_validator,
    model_serializer,
    model_validator,
)

from backcare.content.names import AREAS as AREAS
from backcare.content.names import GROUPS as GROUPS
from backcare.content.names import KINDS as KINDS
from backcare.content.names import Area as Area
from backcare.content.names import Group as Group
from backcare.content.names import Kind as Kind

Equipment = Literal[
    "mat",
    "chair",
    "wall",
    "stool",
    "pillow",
    "foam_roller",
    "yoga_ball",
    "elastic_band",
    "hot_water_bottle",
    "ice_pack",
]
EQUIPMENT: tuple[Equipment, ...] = Equipment.__args__  # type: ignore[attr-defined]

Evidence = Literal["research", "clinical", "traditional", "anecdotal"]
Family = Literal[
    "massage", "support", "stretching", "exercise", "habits", "natural", "professional"
]
Delivery = Literal["vaginal", "caesarean"]
FlagId = Literal[
    "cauda_equina",
    "progressive_neuro_deficit",
    "cardiac",
    "vascular",
    "preterm_labour",
    "major_trauma",
    "infection",
    "urinary_kidney",
    "cancer",
    "fracture",
    "abdominal_visceral",
    "spinal_stenosis",
    "inflammatory_back_pain",
    "chronic_pain",
    "night_pain",
    "acute_phase",
    "sepsis",
    "pregnancy_warning",
    "child",
    "thoracic_pain",
    "sudden_confusion",
    "severe_headache",
    "ectopic_pregnancy",
    "cervical_myelopathy",
    "testicular_torsion",
    "shingles",
    "epidural_complication",
    "period_problem",
]
FLAG_IDS: tuple[FlagId, ...] = FlagId.__args__  # type: ignore[attr-defined]
Level = Literal["emergency", "urgent", "routine", "self_care"]
LEVELS: tuple[Level, ...] = Level.__args__  # type: ignore[attr-defined]
"""Levels from the most to the least urgent."""
Phase = Literal["acute", "subacute", "chronic"]
"""The pain's phase (SPEC §4): severe now, settling (up to 12 weeks), or long-lasting."""

Intensity = Literal["gentle", "moderate", "hard"]
LoadTag = Literal[
    "loaded_flexion",
    "sustained_flexion",
    "twist",
    "twist_deep",
    "spinal_extension",
    "supine_long",
    "prone",
    "abdominal_pressure",
    "impact",
]
"""What a movement does to the spine and belly, so a rule can leave out a whole class of moves:
``loaded_flexion`` bends the spine forward under load or to its end (sit-ups, toe touches,
rolling on the rounded back); ``sustained_flexion`` holds a forward bend for long;
``twist`` turns the trunk, ``twist_deep`` to its end or under load; ``spinal_extension`` arches
the lower back backwards; ``supine_long`` lies on the back for a minute or more at a time;
``prone`` lies face down; ``abdominal_pressure`` raises the pressure in the belly (curls, planks,
leg lifts); ``impact`` jumps or runs."""
Tag = Literal[
    "gentle",
    "moderate",
    "vigorous",
    "loaded_flexion",
    "sustained_flexion",
    "twist",
    "twist_deep",
    "spinal_extension",
    "supine_long",
    "prone",
    "abdominal_pressure",
    "impact",
]
TAGS: tuple[Tag, ...] = Tag.__args__  # type: ignore[attr-defined]
INTENSITY_TAG: dict[str, Tag] = {"gentle": "gentle", "moderate": "moderate", "hard": "vigorous"}
"""An exercise's intensity as a tag: hard work is ``vigorous``."""

_KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _plain(text: str) -> str:
    """Lower-case words without punctuation: how a cue is matched against its step."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


class Strict(BaseModel):
    """Base for content models: unknown keys are errors, instances are immutable.

    ``defer_build``: validators are built on first validation, not at import; a start that reads
    the compiled knowledge base (already validated) never builds them."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Source(Strict):
    """Where a fact comes from: a verbatim seed passage, or a public reference outside the seeds."""

    seed: str | None = None
    quote: str | None = None
    ref: str | None = None

    @model_validator(mode="after")
    def _seed_quote_or_ref(self) -> Self:
        has_seed = self.seed is not None and self.quote is not None
        if has_seed == (self.ref is not None) or (self.seed is None) != (self.quote is None):
            raise ValueError("a source is either {seed, quote} or {ref}")
        return self

    @model_serializer(mode="wrap")
    def _only_what_is_set(self, handler: SerializerFunctionWrapHandler) -> dict[str, str]:
        """Serialise as ``{seed, quote}`` or ``{ref}``, the shapes SPEC §1 names."""
        return {key: value for key, value in handler(self).items() if value is not None}


Sources = Annotated[list[Source], Field(min_length=1)]


class Dose(Strict):
    """How much of an exercise: every number from the sources, nothing invented."""

    hold_s: float | None = None
    reps: int | None = None
    sets: int | None = None
    per_day: int | None = None
    per_week: int | None = None
    rest_s: float | None = None
    duration_s: float | None = None
    breaths: int | None = None
    per_side: bool = False
    as_tolerated: bool = False
    note: str | None = None

    @model_validator(mode="after")
    def _has_a_number(self) -> Self:
        numbers = (self.hold_s, self.reps, self.sets, self.duration_s, self.breaths)
        if all(n is None for n in numbers) and not self.as_tolerated:
            raise ValueError(
                "a dose needs hold_s, reps, sets, duration_s or breaths, or as_tolerated"
            )
        return self


class NotFor(Strict):
    """Who must not do an entry, optionally bounded (pregnancy from week N, postpartum before N)."""

    group: Group | None = None
    pregnancy_week_from: int | None = Field(default=None, ge=0, le=42)
    postpartum_weeks_before: int | None = Field(default=None, ge=0, le=104)
    delivery: Delivery | None = None
    pain_at_least: int | None = Field(default=None, ge=0, le=10)
    reason: str
    sources: Sources

    @model_validator(mode="after")
    def _has_a_target(self) -> Self:
        if self.group is None and self.pain_at_least is None:
            raise ValueError("not_for needs a group or pain_at_least")
        if self.pregnancy_week_from is not None and self.group != "pregnancy":
            raise ValueError("pregnancy_week_from goes with group: pregnancy")
        if (
            self.postpartum_weeks_before is not None or self.delivery
        ) and self.group != "postpartum":
            raise ValueError("postpartum_weeks_before/delivery go with group: postpartum")
        return self


class Who(Strict):
    """Whom a safety promise covers: every criterion given must hold (``groups``, ``phases`` and
    ``flags`` match when the person has any one of those listed)."""

    groups: list[Group] = []
    pregnancy_week_from: int | None = Field(default=None, ge=0, le=42)
    pregnancy_week_before: int | None = Field(default=None, ge=1, le=43)
    postpartum_weeks_before: int | None = Field(default=None, ge=1, le=520)
    delivery: Delivery | None = None
    phases: list[Phase] = []
    pain_at_least: int | None = Field(default=None, ge=0, le=10)
    pain_days_from: int | None = Field(default=None, ge=0)
    bone_fragility: bool = False
    diastasis: bool = False
    flags: list[FlagId] = []

    @model_validator(mode="after")
    def _names_someone(self) -> Self:
        named = [v for v in self.__dict__.values() if v is not None and v is not False and v != []]
        if not named:
            raise ValueError("who: name at least one criterion")
        return self


DoseField = Literal["hold_s", "reps", "sets", "per_day", "per_week", "duration_s", "breaths"]


class DoseCap(Strict):
    """The most of one dose number an exercise may reach for the people a rule covers."""

    entry: str
    field: DoseField
    at_most: float = Field(ge=0)


class Rule(Strict):
    """One safety promise: who it covers, and what it does for them — leave out entries or
    tagged moves, allow only moves carrying one of ``only_tags``, cap a dose, cap the number of
    exercises a day. Conflict entries name the rules that carry their resolution (``enforces``).
    An exercise's ``not_for`` and a population's ``avoid`` list are read as rules of this shape."""

    id: str
    who: Who
    exclude: list[str] = []
    exclude_tags: list[Tag] = []
    only_tags: list[Tag] = []
    caps: list[DoseCap] = []
    max_exercises_per_day: int | None = Field(default=None, ge=1)
    reason: str
    sources: Sources

    @model_validator(mode="after")
    def _does_something(self) -> Self:
        effects = (self.exclude, self.exclude_tags, self.only_tags, self.caps)
        if not any(effects) and self.max_exercises_per_day is None:
            raise ValueError(f"rule {self.id}: exclude, exclude_tags, only_tags, caps or a limit")
        return self


class DoseVariant(Strict):
    """Another way to dose an exercise for the people ``who`` covers (the postpartum bridge's
    2-3 s hold; the office bridge's long hold instead of repetitions). The first variant whose
    ``who`` matches replaces ``dose`` and ``dose_max``."""

    id: str
    who: Who
    dose: Dose
    dose_max: Dose | None = None
    reason: str
    sources: Sources


class GuidelineNote(Strict):
    """What the main clinical guideline (NICE NG59 unless said) says about this kind of care."""

    ref: str = "NICE NG59"
    stance: Literal["recommended", "only_with_exercise", "not_recommended", "consider"]
    note: str


class Correction(Strict):
    """A seed passage that is unsafe or mistranslated, and the safe reading the product follows."""

    source: Source
    instead: str
    why: str


CameraPoint = Literal["nose", "shoulder", "elbow", "wrist", "hip", "knee", "ankle", "heel", "foot"]
"""A body point the camera's pose model finds on both sides (MediaPipe's pose landmarks without
their ``left_``/``right_`` prefix; ``nose`` is on the midline)."""
CameraSide = Literal["left", "right", "mean", "max", "min"]
CuePhase = Literal["top", "rising", "returning", "any"]
MIN_REP_GAP = 15.0
"""Degrees between a camera block's ``rest`` and ``top``: wider than the pose model's jitter, so
a shaking measure cannot cross both thresholds and count a repetition that did not happen."""


class CameraMeasure(Strict):
    """One number read from the body in degrees: the ``angle`` at the middle of three points
    (0-180), or the ``incline`` of the line between two points from the horizontal (0-90).
    ``side`` says which side's value to use, or how to combine both."""

    angle: tuple[CameraPoint, CameraPoint, CameraPoint] | None = None
    incline: tuple[CameraPoint, CameraPoint] | None = None
    side: CameraSide = "mean"

    @model_validator(mode="after")
    def _one_kind(self) -> Self:
        if (self.angle is None) == (self.incline is None):
            raise ValueError("a camera measure is either an angle or an incline")
        return self


class CameraCue(Strict):
    """One thing the camera may say, in the words of the exercise's own step ``step`` (1-based):
    shown when ``measure`` (the rep signal when not given) stays ``below``/``above`` a value, or
    moves ``faster_than`` degrees a second, for ``for_s`` seconds during the named phase."""

    id: str = Field(pattern=_KEBAB.pattern)
    says: str = Field(min_length=1)
    step: int = Field(ge=1)
    measure: CameraMeasure | None = None
    below: float | None = None
    above: float | None = None
    faster_than: float | None = Field(default=None, gt=0)
    during: CuePhase = "top"
    for_s: float = Field(default=0.4, ge=0, le=5)

    @model_validator(mode="after")
    def _one_condition(self) -> Self:
        if sum(v is not None for v in (self.below, self.above, self.faster_than)) != 1:
            raise ValueError(f"cue {self.id}: exactly one of below, above, faster_than")
        return self


class Camera(Strict):
    """How a camera judges an exercise: the ``view`` to film it from, the rep ``signal`` and its
    ``rest`` and ``top`` values (a repetition goes from rest past top and back past rest), and
    the cues. Thresholds live here, not in code: the browser reads this block as JSON.
    ``min_visibility`` is how sure the pose model must be that a point is in view: it guesses
    points out of the picture (knees below the frame) at about 0.4-0.6, and a guessed knee must
    not count a repetition."""

    view: Literal["side", "front"]
    why: str
    signal: CameraMeasure
    rest: float = Field(ge=0, le=180)
    top: float = Field(ge=0, le=180)
    cues: list[CameraCue] = []
    speed_window_s: float = Field(default=0.3, gt=0, le=2)
    lost_after_s: float = Field(default=1.0, gt=0, le=10)
    cue_shown_s: float = Field(default=2.5, ge=0, le=10)
    min_visibility: float = Field(default=0.75, ge=0, le=1)

    @model_validator(mode="after")
    def _wide_enough(self) -> Self:
        if abs(self.top - self.rest) < MIN_REP_GAP:
            raise ValueError(f"camera: rest and top must be at least {MIN_REP_GAP:g} degrees apart")
        ids = [cue.id for cue in self.cues]
        if len(ids) != len(set(ids)):
            raise ValueError("camera: cue ids must be unique")
        return self


class EntryBase(Strict):
    """Fields every knowledge-base entry has."""

    id: str
    name: str
    aliases: list[str] = []
    summary: str
    advice: list[str] = []
    family: Family | None = None
    body_areas: list[Area] = []
    suitable_for: list[Group] = []
    not_for: list[NotFor] = []
    cautions: list[str] = []
    evidence: Evidence
    guideline: GuidelineNote | None = None
    corrections: list[Correction] = []
    related: list[str] = []
    sources: Sources

    @field_validator("id")
    @classmethod
    def _kebab_case(cls, value: str) -> str:
        if not _KEBAB.match(value):
            raise ValueError(f"id {value!r} is not kebab-case")
        return value


class Exercise(EntryBase):
    """A movement with steps and a dose: stretches, yoga poses, core work, breathing."""

    kind: Literal["exercise"]
    category: Literal[
        "stretch",
        "strength",
        "core",
        "mobility",
        "yoga",
        "breathing",
        "aerobic",
        "relaxation",
        "pelvic_floor",
    ]
    position: Literal[
        "standing",
        "sitting",
        "lying_back",
        "lying_front",
        "lying_side",
        "kneeling",
        "all_fours",
        "against_wall",
        "on_ball",
        "in_water",
    ]
    equipment: list[Equipment] = []
    steps: Annotated[list[str], Field(min_length=1)]
    dose: Dose
    dose_max: Dose | None = None
    dose_variants: list[DoseVariant] = []
    one_sided: bool = False
    intensity: Intensity = "moderate"
    loading: list[LoadTag] = []
    """Every shipped exercise states this, even when empty (a content test holds it to that)."""
    camera: Camera | None = None
    """How "Check my form" judges this exercise, when a camera can judge it at all."""

    @model_validator(mode="after")
    def _cues_quote_steps(self) -> Self:
        """A cue repeats words of one of this exercise's steps, so it never says anything the
        exercise (and so its seed quote) does not already say."""
        for cue in self.camera.cues if self.camera else []:
            if cue.step > len(self.steps):
                steps = len(self.steps)
                raise ValueError(f"{self.id}: cue {cue.id} names step {cue.step} of {steps}")
            if f" {_plain(cue.says)} " not in f" {_plain(self.steps[cue.step - 1])} ":
                raise ValueError(f"{self.id}: cue {cue.id} is not words of step {cue.step}")
        return self

    @property
    def tags(self) -> frozenset[Tag]:
        """Intensity and loading tags together: what rules match an exercise by."""
        return frozenset([INTENSITY_TAG[self.intensity], *self.loading])


class Method(EntryBase):
    """Massage, foam rolling, professional help, supports such as lumbar pillows."""

    kind: Literal["method"]
    equipment: list[Equipment] = []
    steps: list[str] = []
    dose: Dose | None = None


class Target(Strict):
    """A number a habit aims at, e.g. water 2.7 litres a day for women."""

    what: str
    amount: float | None = None
    amount_max: float | None = None
    unit: str | None = None
    per: str | None = None
    group: Group | None = None
    note: str | None = None


class Habit(EntryBase):
    """Everyday habits: water, sleep, minerals, sunlight, weight, diet."""

    kind: Literal["habit"]
    targets: list[Target] = []


class ThermoStep(Strict):
    """One phase of a heat or ice protocol."""

    phase: str
    minutes: float | None = None
    minutes_max: float | None = None
    times_per_day: int | None = None
    every_hours: float | None = None
    note: str | None = None


class Thermotherapy(EntryBase):
    """Ice and heat: when, how long, how often, and how to stay safe."""

    kind: Literal["thermotherapy"]
    modality: Literal["ice", "heat", "contrast"]
    equipment: list[Equipment] = []
    protocol: Annotated[list[ThermoStep], Field(min_length=1)]
    safety: list[str] = []


class Posture(EntryBase):
    """How to sit, stand, lie, lift, walk … in daily life."""

    kind: Literal["posture"]
    situation: Literal[
        "sitting",
        "standing",
        "sofa",
        "stairs",
        "running",
        "lifting",
        "sleeping",
        "breastfeeding",
        "phone",
        "walking",
        "driving",
        "computer",
        "tv",
        "carrying",
        "bending",
        "shoes",
    ]


class Acupressure(EntryBase):
    """A pressure point and how to press it (traditional practice)."""

    kind: Literal["acupressure"]
    location: str
    steps: list[str] = []
    dose: Dose | None = None


class Cause(EntryBase):
    """A cause of back pain and the symptom pattern that points to it."""

    kind: Literal["cause"]
    symptoms: list[str] = []
    flags: list[FlagId] = []


class RedFlag(EntryBase):
    """A warning sign: what it is and how urgent. What to do is its level's wording
    (``LevelWording``), followed by ``also``: what this sign adds to it, if anything."""

    kind: Literal["red_flag"]
    flag: FlagId
    level: Level
    also: str = ""
    also_at: dict[Level, str] = {}
    """What the sign adds at a level other than its usual one, instead of ``also`` (a minor
    knock is self-care with its own safety net; a fall at 70 with severe pain is an emergency)."""


class LevelWording(Strict):
    """One level of the safety check, worded once for every front end: its title, what to do
    now, and (for urgent) the wording in pregnancy and the six weeks after birth."""

    level: Level
    title: str
    action: str
    maternity_action: str | None = None
    maternity_title: str | None = None
    """The title shown with ``maternity_action``, so the heading never says "today or
    tomorrow" while the action says "now" (issue 14, class 10)."""
    sources: Sources


class Population(EntryBase):
    """An advice set for one group of people."""

    kind: Literal["population"]
    group: Group
    recommends: list[str] = []
    avoid: list[str] = []


class ConflictSide(Strict):
    """One side of a disagreement between seed passages."""

    position: str
    sources: Sources


class Conflict(EntryBase):
    """Where seeds disagree: both sides, and the resolution the product follows."""

    kind: Literal["conflict"]
    sides: Annotated[list[ConflictSide], Field(min_length=2)]
    resolution: str
    resolution_reason: str
    enforces: list[str] = []
    """Ids of the rules (or ``<exercise>#<variant>`` dose variants) that keep the resolution."""


Entry = Annotated[
    Exercise
    | Method
    | Habit
    | Thermotherapy
    | Posture
    | Acupressure
    | Cause
    | RedFlag
    | Population
    | Conflict,
    Field(discriminator="kind"),
]


class ExtraSources(Strict):
    """More seed passages (and aliases) for an entry defined in another content file."""

    id: str
    sources: Sources
    aliases: list[str] = []


class NotCarried(Strict):
    """A seed passage deliberately left out (ads, unrelated link lists), with the reason."""

    seed: str
    quote: str
    reason: str


class ContentFile(Strict):
    """One YAML file of the knowledge base."""

    entries: list[Entry] = []
    rules: list[Rule] = []
    extra_sources: list[ExtraSources] = []
    not_carried: list[NotCarried] = []
    levels: list[LevelWording] = []
