"""The triage rules: one small pure function per warning sign, registered once in ``RULES``.

A rule decides *whether* its flag fires for a profile, at which level when that differs from
the flag's usual one, and which answers it fired on. What the flag says (why it matters, what
to do now) and its sources live in the flag's ``red_flag`` entry (content/data/red-flags.yaml),
named in the rule's registration, so the wording is content: sourced, reviewed and searchable.

Two promises every rule keeps, checked as properties over random profiles:
- it fires only on answers that are present and point to trouble (a symptom answered true, a
  high score, an age at or above a threshold): an absent answer never raises a flag;
- more trouble never means less urgency: turning a symptom on, raising the score or the
  duration can add a flag or raise a level, never remove or lower one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from backcare.content.schema import FlagId, Level
from backcare.profile import Profile
from backcare.triage.thresholds import Thresholds


@dataclass(frozen=True)
class Hit:
    """A rule fired: the answers it fired on and, if not the flag's usual level, its level."""

    because: tuple[str, ...]
    level: Level | None = None


RuleFunction = Callable[[Profile, Thresholds], Hit | None]


@dataclass(frozen=True)
class Rule:
    """A rule function registered for one flag, whose wording and sources are ``entry_id``."""

    flag: FlagId
    check: RuleFunction

    @property
    def entry_id(self) -> str:
        return flag_entry_id(self.flag)


def flag_entry_id(flag: str) -> str:
    """The id of the ``red_flag`` entry that words a flag: ``red-flag-<flag with dashes>``."""
    return "red-flag-" + flag.replace("_", "-")


def said(profile: Profile, *keys: str) -> tuple[str, ...]:
    """The keys among ``symptoms.*`` / ``pain.*`` whose answer is true (absent is not true)."""
    parts = {"symptoms": profile.symptoms, "pain": profile.pain}
    return tuple(
        key for key in keys if getattr(parts[key.split(".")[0]], key.split(".")[1]) is True
    )


def _at_least(value: int | None, threshold: int) -> bool:
    return value is not None and value >= threshold


def _severe(profile: Profile) -> tuple[str, ...]:
    return ("pain.severe",) if profile.is_acute else ()


def _sudden(profile: Profile) -> tuple[str, ...]:
    return ("pain.sudden_onset",) if profile.pain.onset == "sudden" else ()


def cauda_equina(profile: Profile, _: Thresholds) -> Hit | None:
    """Saddle numbness or new bladder/bowel trouble: the nerves of the cauda equina (NICE CKS)."""
    signs = said(profile, "symptoms.saddle_numbness", "symptoms.bladder_or_bowel_change")
    return Hit(signs) if signs else None


def progressive_neuro_deficit(profile: Profile, _: Thresholds) -> Hit | None:
    """Leg weakness: urgent; with a past cancer (NICE NG234, cord compression) or after a fall,
    accident or blow (a spinal injury), an emergency."""
    if not said(profile, "symptoms.leg_weakness"):
        return None
    worse = said(profile, "symptoms.cancer_history", "symptoms.recent_trauma")
    return Hit(("symptoms.leg_weakness", *worse), "emergency" if worse else None)


def cardiac(profile: Profile, _: Thresholds) -> Hit | None:
    """Chest pain or breathlessness with back pain, or upper-back pain with sweating, nausea or
    faintness: a heart attack can feel like this (NICE CG95; seed 001's warning)."""
    chest = said(profile, "symptoms.chest_pain_or_breathlessness")
    upper = {"upper_back", "neck_shoulder"} & set(profile.pain.areas)
    autonomic = said(profile, "symptoms.sweating_nausea_or_faintness") if upper else ()
    if not chest and not autonomic:
        return None
    return Hit((*(("pain.upper_back",) if upper else ()), *chest, *autonomic))


def vascular(profile: Profile, thresholds: Thresholds) -> Hit | None:
    """Sudden pain, severe or reaching the belly, with faintness, sweating or nausea in an older
    person: a leaking aortic aneurysm (NICE NG156)."""
    if not _at_least(profile.age, thresholds.vascular_age) or profile.pain.onset != "sudden":
        return None
    faint = said(profile, "symptoms.sweating_nausea_or_faintness")
    severe = _severe(profile) + said(profile, "symptoms.abdominal_pain")
    if not faint or not severe:
        return None
    return Hit(("pain.sudden_onset", *severe, *faint, "age"))


def preterm_labour(profile: Profile, thresholds: Thresholds) -> Hit | None:
    """Contractions or bleeding in pregnancy; before term also pelvic pressure or a discharge
    change (seed 000: "a sign of premature birth"; NICE NG25)."""
    if profile.pregnancy is None:
        return None
    signs = said(profile, "symptoms.contractions_or_bleeding")
    if profile.pregnancy.weeks < thresholds.term_weeks:
        signs += said(profile, "symptoms.pelvic_pressure_or_discharge_change")
    return Hit((*signs, "pregnancy.weeks")) if signs else None


def major_trauma(profile: Profile, _: Thresholds) -> Hit | None:
    """Pain after a fall, accident or blow (seed 001: "should never be treated as backache")."""
    trauma = said(profile, "symptoms.recent_trauma")
    return Hit(trauma) if trauma else None


def infection(profile: Profile, _: Thresholds) -> Hit | None:
    """Fever or chills (seed 001), or a weak immune system with night sweats: urgent. A weak
    immune system or night sweats alone: routine (NICE CKS risk factors)."""
    fever = said(profile, "symptoms.fever_or_chills")
    immune = said(profile, "symptoms.immunosuppressed_or_steroids")
    sweats = said(profile, "symptoms.night_sweats")
    if fever or (immune and sweats):
        return Hit((*fever, *immune, *sweats))
    return Hit((*immune, *sweats), "routine") if immune or sweats else None


def urinary_kidney(profile: Profile, _: Thresholds) -> Hit | None:
    """Urinary pain, blood in the urine or colicky flank pain (seeds 000, 001): routine; with
    fever (kidney infection, NICE NG111), or colic that is severe or with blood (a stone,
    NICE NG118): urgent."""
    signs = said(
        profile,
        "symptoms.urinary_pain_or_frequency",
        "symptoms.blood_in_urine",
        "symptoms.flank_pain_or_colic",
    )
    if not signs:
        return None
    fever = said(profile, "symptoms.fever_or_chills")
    colic = "symptoms.flank_pain_or_colic" in signs
    stone = colic and (profile.is_acute or "symptoms.blood_in_urine" in signs)
    if fever or stone:
        return Hit((*signs, *fever, *(_severe(profile) if colic else ())), "urgent")
    return Hit(signs)


def cancer(profile: Profile, thresholds: Thresholds) -> Hit | None:
    """A past cancer, or weight loss with age 50+ or night pain: urgent (NICE CKS, NG234).
    Weight loss alone, night pain at 50+, or back pain in an older person: routine (seed 002)."""
    history = said(profile, "symptoms.cancer_history")
    weight = said(profile, "symptoms.unexplained_weight_loss")
    night = said(profile, "pain.worse_at_night", "symptoms.night_sweats")
    older = ("age",) if _at_least(profile.age, thresholds.cancer_age) else ()
    if history or (weight and (older or night)):
        return Hit((*history, *weight, *night, *older))
    if weight or (older and night):
        return Hit((*weight, *night, *older), "routine")
    if _at_least(profile.age, thresholds.unexplained_pain_age):
        return Hit(("age",), "routine")
    return None


def fracture(profile: Profile, thresholds: Thresholds) -> Hit | None:
    """A fall or blow with thin-bone risks (osteoporosis, steroids, menopause, age 50+), or sudden
    pain with osteoporosis or steroids: urgent. Height loss or a new stoop: routine (seed 000's
    osteoporotic fractures after menopause; NICE CKS)."""
    bones = (("conditions.osteoporosis",) if "osteoporosis" in profile.conditions else ()) + said(
        profile, "symptoms.immunosuppressed_or_steroids"
    )
    risks = (
        bones
        + (("menopause",) if profile.menopause else ())
        + (("age",) if _at_least(profile.age, thresholds.fracture_age) else ())
    )
    trauma = said(profile, "symptoms.recent_trauma")
    if trauma and risks:
        return Hit((*trauma, *risks))
    if bones and _sudden(profile):
        return Hit((*_sudden(profile), *bones))
    stoop = said(profile, "symptoms.height_loss_or_new_stoop")
    return Hit((*stoop, *risks), "routine") if stoop else None


def abdominal_visceral(profile: Profile, _: Thresholds) -> Hit | None:
    """Belly pain with back pain: an organ may be the cause (seed 001's digestive and pelvic
    causes): routine; with severe pain or fever, urgent."""
    if not said(profile, "symptoms.abdominal_pain"):
        return None
    worse = _severe(profile) + said(profile, "symptoms.fever_or_chills")
    return Hit(("symptoms.abdominal_pain", *worse), "urgent" if worse else None)


def spinal_stenosis(profile: Profile, _: Thresholds) -> Hit | None:
    """Leg pain on walking, eased by sitting: neurogenic claudication (seed 001; NASS 2011)."""
    signs = said(profile, "symptoms.walking_leg_pain_eased_by_sitting")
    return Hit(signs) if signs else None


def inflammatory_back_pain(profile: Profile, thresholds: Thresholds) -> Hit | None:
    """ASAS: 4 of 5 of onset before 40, slow onset, better with exercise, not better with rest,
    worse at night, counting only answered items (seed 002's ankylosing spondylitis features).
    ASAS applies to back pain of three months or more, so known shorter pain is not screened."""
    pain = profile.pain
    if pain.duration_days is not None and pain.duration_days < thresholds.chronic_days:
        return None
    met = said(profile, "pain.better_with_exercise", "pain.worse_at_night")
    met += ("pain.gradual_onset",) if pain.onset == "gradual" else ()
    met += ("pain.not_better_with_rest",) if pain.better_with_rest is False else ()
    if pain.onset_age is not None:
        met += ("pain.onset_age",) if pain.onset_age < thresholds.ibp_onset_before else ()
    elif profile.age is not None and profile.age < thresholds.ibp_onset_before:
        met += ("pain.young_onset",)
    return Hit(met) if len(met) >= thresholds.ibp_criteria_needed else None


def chronic_pain(profile: Profile, thresholds: Thresholds) -> Hit | None:
    """Pain for more than three months (seed 001: "lasts for more than 3 months")."""
    days = profile.pain.duration_days
    return (
        Hit(("pain.duration_days",))
        if days is not None and days > thresholds.chronic_days
        else None
    )


def night_pain(profile: Profile, _: Thresholds) -> Hit | None:
    """Pain worse at night (seed 001: "intensified at night, seek medical treatment")."""
    night = said(profile, "pain.worse_at_night")
    return Hit(night) if night else None


def acute_phase(profile: Profile, _: Thresholds) -> Hit | None:
    """Severe pain right now, 7+ or excruciating: no exercise until it subsides (seed 000)."""
    return Hit(_severe(profile)) if profile.is_acute else None


RULES: tuple[Rule, ...] = (
    Rule("cauda_equina", cauda_equina),
    Rule("progressive_neuro_deficit", progressive_neuro_deficit),
    Rule("cardiac", cardiac),
    Rule("vascular", vascular),
    Rule("preterm_labour", preterm_labour),
    Rule("major_trauma", major_trauma),
    Rule("infection", infection),
    Rule("urinary_kidney", urinary_kidney),
    Rule("cancer", cancer),
    Rule("fracture", fracture),
    Rule("abdominal_visceral", abdominal_visceral),
    Rule("spinal_stenosis", spinal_stenosis),
    Rule("inflammatory_back_pain", inflammatory_back_pain),
    Rule("chronic_pain", chronic_pain),
    Rule("night_pain", night_pain),
    Rule("acute_phase", acute_phase),
)
"""Every rule, once. Adding a rule: write the function, register it here, add its entry."""
