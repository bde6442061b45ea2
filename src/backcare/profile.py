"""The person's profile (SPEC §2): one input model for check, plan, CLI, API and the app.

Every field is optional; unknown fields and out-of-range values are errors that name the field.
Symptom answers are true, false or absent (absent = not asked or not known).
"""

import re
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from backcare.content.schema import Area, Delivery, Equipment, Group
from backcare.validation import strict_field

Work = Literal["sitting", "standing", "lifting", "driving"]
Condition = Literal[
    "disc_herniation",
    "lumbar_strain",
    "ankylosing_spondylitis",
    "osteoporosis",
    "spinal_stenosis",
    "knee_problems",
    "rectus_diastasis",
]
Fitness = Literal["low", "moderate", "high"]

OLDER_ADULT_AGE = 65
"""Age from which the ``older_adult`` advice applies (the usual public-health definition)."""

ACUTE_PAIN_SCORE = 7
"""Pain at or above this score counts as the acute phase (SPEC §3: score 7+)."""


class ProfileModel(BaseModel):
    """Base for profile parts: unknown fields are errors; instances are immutable; no number
    may be given as true/false; lists are short and hold each value once."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("*", mode="before")
    @classmethod
    def _strict(cls, value: object, info: ValidationInfo) -> object:
        assert info.field_name is not None
        return strict_field(cls.model_fields[info.field_name].annotation, value, numbers=True)


class Pregnancy(ProfileModel):
    weeks: int = Field(ge=0, le=42)


class Postpartum(ProfileModel):
    weeks_since_birth: int = Field(ge=0, le=520)
    delivery: Delivery | None = None


class Pain(ProfileModel):
    areas: list[Area] = []
    score: int | None = Field(default=None, ge=0, le=10)
    duration_days: int | None = Field(default=None, ge=0, le=36500)
    onset: Literal["sudden", "gradual"] | None = None
    excruciating: bool | None = None
    worse_at_night: bool | None = None
    morning_stiffness_minutes: int | None = Field(default=None, ge=0, le=1440)
    better_with_exercise: bool | None = None
    better_with_rest: bool | None = None
    onset_age: int | None = Field(default=None, ge=0, le=120)
    improving: bool | None = None
    """The pain has started to get better. Asked only after a few weeks of pain: NHS advice is
    to get help when back pain "does not start to improve within a few weeks", so pain that is
    easing by then needs no appointment; unknown counts as not easing."""
    getting_worse: bool | None = None
    """The pain is getting worse over time. NHS back pain advice (as NHS practices reproduce it):
    "it's a good idea to get help if the back pain ... is very severe or gets worse over time";
    NHS inform, pain after exercise: "If pain persists for more than 5 days or gets worse,
    contact your GP". Asked once the pain has lasted more than five days and before the question
    of whether it has started to get better takes over (three weeks)."""
    usual_flare: bool | None = None
    """This is a flare-up of long-standing back pain that a doctor or physiotherapist has already
    seen, and it is like the person's usual flare-ups. NHS musculoskeletal services: "You don't
    normally need to see a healthcare professional. New or flare-up of longstanding back problems
    should begin to settle within 6 weeks" (County Durham and Darlington NHS FT). So the booked
    look for pain of three months or more (seed 001), and the check of new pain in an older
    person (seed 002), are not repeated for it. Asked only of pain of three months or more."""


class Symptoms(ProfileModel):
    fever_or_chills: bool | None = None
    night_sweats: bool | None = None
    urinary_pain_or_frequency: bool | None = None
    blood_in_urine: bool | None = None
    flank_pain_or_colic: bool | None = None
    saddle_numbness: bool | None = None
    bladder_or_bowel_change: bool | None = None
    leg_weakness: bool | None = None
    leg_numbness_or_pain: bool | None = None
    walking_leg_pain_eased_by_sitting: bool | None = None
    unexplained_weight_loss: bool | None = None
    chest_pain_or_breathlessness: bool | None = None
    sweating_nausea_or_faintness: bool | None = None
    abdominal_pain: bool | None = None
    recent_trauma: bool | None = None
    height_loss_or_new_stoop: bool | None = None
    cancer_history: bool | None = None
    immunosuppressed_or_steroids: bool | None = None
    pelvic_pressure_or_discharge_change: bool | None = None
    contractions_or_bleeding: bool | None = None
    cannot_stand_or_walk: bool | None = None
    pain_constant_whatever_position: bool | None = None
    dark_or_cola_urine: bool | None = None
    new_swelling_face_or_ankles: bool | None = None
    injected_drug_use: bool | None = None
    recent_spinal_procedure: bool | None = None
    known_aortic_aneurysm: bool | None = None
    pulsating_lump_in_belly: bool | None = None
    tearing_or_sudden_severe_pain: bool | None = None
    severe_headache_or_vision_change: bool | None = None
    waters_breaking: bool | None = None
    reduced_baby_movements: bool | None = None
    hot_swollen_calf: bool | None = None
    wound_redness_or_discharge: bool | None = None
    confused_or_drowsy: bool | None = None
    known_kidney_stones: bool | None = None
    pain_or_numbness_both_legs: bool | None = None
    new_sexual_problems: bool | None = None
    serious_accident: bool | None = None
    blood_in_vomit_or_black_stools: bool | None = None
    """Vomiting blood, or black, sticky stools: bleeding in the gut, which anti-inflammatory
    painkillers taken for back pain can cause (NHS, Stomach ache: call 999). Asked with belly
    pain."""
    might_be_pregnant: bool | None = None
    """Not known to be pregnant, but could be (a missed or late period, a positive test): belly
    pain may then be an ectopic pregnancy (NHS, Ectopic pregnancy). Asked with belly pain of
    anyone who may be pregnant and has not said so."""
    period_pain: bool | None = None
    """The belly pain is period pain: cramps in the tummy with a period, which can spread to the
    back (NHS, Period pain). Usually treated at home; severe period pain is for a GP. Asked with
    belly pain of anyone who may have periods and is not pregnant."""
    periods_changed: bool | None = None
    """Periods have changed lately: heavier, irregular or more painful than they used to be (NHS,
    Period pain: see a GP if "your normal pattern of periods changes"). Asked with period pain."""
    extreme_shivering: bool | None = None
    """Shaking with shivers that will not stop: with an infection, a sign of sepsis (UK Sepsis
    Trust: "Extreme shivering or muscle pain"). Asked with a fever or urine or kidney signs."""
    skin_blue_grey_or_blotchy: bool | None = None
    """Blue, grey, pale or blotchy skin, lips or tongue: with an infection, a sign of sepsis
    (NHS, Sepsis: call 999). Asked with a fever or urine or kidney signs."""
    clumsy_hands_or_unsteady_walking: bool | None = None
    """Hands newly clumsy (dropping things, trouble with buttons or writing) or walking newly
    unsteady: the spinal cord in the neck may be pressed (degenerative cervical myelopathy; NHS
    inform: call 111). Asked with neck, hand or both-leg symptoms."""
    testicle_pain: bool | None = None
    """Pain in a testicle: with back, side or belly pain it may be a twisted testicle (testicular
    torsion), an emergency when sudden, or a kidney stone's pain felt there. Asked of men and
    people who answered other with belly or side pain, and under 20."""
    little_or_no_urine: bool | None = None
    """Passing little or no urine (none for eight hours, or much less than usual): the kidneys
    may be failing from dehydration, an infection or a blockage (NHS, Dehydration: contact a GP
    or out-of-hours service straight away). Asked with a fever, vomiting or faintness, or urine
    or kidney signs."""
    recent_epidural_or_spinal_anaesthetic: bool | None = None
    """An epidural or spinal anaesthetic (an injection in the back for labour or an operation)
    in the last six weeks: rarely, pus or a blood clot then presses on the spinal cord, and new
    severe back pain, numbness or weakness in the legs or a fever need a doctor at once (NHS
    trust leaflets; St George's: such problems "can appear when you are at home up to six weeks
    later"). Asked in the six weeks after a birth, with severe pain, a fever, or a numb or weak
    leg."""
    rash_or_blisters_on_one_side: bool | None = None
    """A painful rash or blisters on one side of the body (the back, side, chest or tummy): with
    pain there, shingles, which needs antiviral medicine within days (NHS text as pharmacies
    reproduce it: "Ask for an urgent GP appointment or get help from NHS 111 if: you think you
    might have shingles"). Asked from 50, when shingles is most common (NHS Leicester City CCG),
    and of anyone with a weak immune system or on steroids."""
    lump_or_swelling_in_back: bool | None = None
    """A lump or swelling in the back, or a back that has changed shape: with back pain, an urgent
    GP appointment or NHS 111 (the NHS back pain list, as NHS services reproduce it: "there's a
    lump or swelling in your back or your back has changed shape"). Asked of everyone, with the
    other signs on that list."""


SYMPTOM_FIELDS: tuple[str, ...] = tuple(Symptoms.model_fields)


class Profile(ProfileModel):
    """Who the person is and how their back is: everything check and plan need."""

    age: int | None = Field(default=None, ge=0, le=120)
    sex: Literal["female", "male", "other"] | None = None
    pregnancy: Pregnancy | None = None
    postpartum: Postpartum | None = None
    menopause: bool | None = None
    work: list[Work] = []
    pain: Pain = Pain()
    symptoms: Symptoms = Symptoms()
    conditions: list[Condition] = []
    fitness: Fitness | None = None
    equipment: list[Equipment] = []
    minutes_per_day: int | None = Field(default=None, ge=1, le=240)
    standing_desk: bool | None = None
    """Works at a sit–stand desk: break reminders then alternate sitting and standing."""

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        """Answers that cannot all be true at once are refused, naming the fields."""
        if self.pregnancy is not None and self.postpartum is not None:
            raise ValueError("pregnancy, postpartum: pregnant and after a birth at once; give one")
        if self.pregnancy is not None and self.sex == "male":
            raise ValueError("pregnancy, sex: a pregnancy with sex male")
        onset = self.pain.onset_age
        if onset is not None and self.age is not None and onset > self.age:
            raise ValueError(
                f"pain.onset_age, age: pain began at {onset}, above the age {self.age}"
            )
        return self

    def groups(self) -> frozenset[Group]:
        """The population groups this person belongs to (used by ``not_for`` and advice)."""
        groups: set[Group] = set()
        work_groups: dict[str, Group] = {
            "sitting": "office_worker",
            "standing": "standing_worker",
            "lifting": "manual_worker",
            "driving": "driver",
        }
        groups.update(work_groups[w] for w in self.work)
        if self.sex == "male":
            groups.add("men")
        if self.sex == "female":
            groups.add("women")
        if self.pregnancy is not None:
            groups.add("pregnancy")
        if self.postpartum is not None:
            groups.add("postpartum")
        if self.menopause:
            groups.add("menopause")
        if self.age is not None and self.age >= OLDER_ADULT_AGE:
            groups.add("older_adult")
        groups.update(c for c in self.conditions if c != "knee_problems")
        if self.is_acute:
            groups.add("acute_phase")
        return frozenset(groups)

    @property
    def is_acute(self) -> bool:
        """Severe pain right now: score 7+ or described as excruciating (SPEC §3)."""
        score = self.pain.score
        return bool(self.pain.excruciating) or (score is not None and score >= ACUTE_PAIN_SCORE)


def parse_profile(text: str, *, source: str = "profile") -> Profile:
    """A profile from JSON or YAML text (JSON is YAML); problems with the text name the source.

    The YAML is read as JSON would be: ``yes``/``no``/``on``/``off``, ``0x22``, ``0o17``,
    ``1_000``, ``12:30`` and ``.inf`` stay text (the field then refuses them), a key given
    twice, anchors and aliases, and text with no answers at all are refused.

    Raises ``InputError`` for malformed or empty text and pydantic's ``ValidationError`` for
    bad fields.
    """
    from backcare.errors import InputError

    data = _plain_json(text)
    if data is None:
        from backcare.strict_yaml import load

        data = load(text, source=source)
    if data is None or data == {}:
        raise InputError(f"{source}: the profile is empty (give at least one answer)")
    if not isinstance(data, dict):
        raise InputError(f"{source}: a profile must be a JSON/YAML object")
    return Profile.model_validate(data)


def stored_profile(data: dict[str, object]) -> Profile:
    """A saved profile; one saved before a rule was added (a pregnancy and a birth at once)
    is a one-line ``InputError`` asking for a new check-in, not a crash. Every reader of saved
    profiles (the store's and ``backcare log``'s quick path) goes through here."""
    from pydantic import ValidationError

    from backcare.errors import InputError

    try:
        return Profile.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(map(str, first["loc"])) or "profile"
        raise InputError(
            f"saved profile: {where}: {first['msg'].removeprefix('Value error, ')}; "
            "check in again to replace it"
        ) from None


JSON_DEPTH = 4
"""Deepest JSON read without the YAML reader: a profile needs three levels, and the YAML
reader's own limit (``strict_yaml.MAX_DEPTH``) is higher, so both read such text alike."""


_NOT_PLAIN = re.compile(r"[^\t\n\r\x20-\x5b\x5d-\x7e]")
"""Anything but printable ASCII, tabs and line breaks, or a backslash: the two readers differ
on some such text (the YAML reader refuses control characters; lone surrogates in escapes)."""


def _plain_json(text: str) -> dict[str, object] | None:
    """The profile object, when the text is plain (``_NOT_PLAIN``) strict JSON no deeper than
    ``JSON_DEPTH``; else None, and the YAML reader (which reads JSON as JSON) decides, with
    its own messages.

    Most profile files are JSON, and the YAML reader costs more to import than the rest of a
    ``backcare check``.
    """
    from backcare.strict_json import loads

    if _NOT_PLAIN.search(text):
        return None
    try:
        data = loads(text)
    except ValueError:  # JsonError and json.JSONDecodeError
        return None
    if not isinstance(data, dict) or not data or _depth(data) > JSON_DEPTH:
        return None
    return data


def _depth(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    return 0
