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
from backcare.profile import ACUTE_PAIN_SCORE, Profile
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


def bone_fragility(profile: Profile, thresholds: Thresholds) -> tuple[str, ...]:
    """Why this person's spinal bones may break after a minor strain or knock, if they may:
    osteoporosis, steroid tablets, age 65+, or the menopause at 50+ (NICE CKS osteoporosis).

    Most people with an osteoporotic spine do not know it, so the risk counts, not the diagnosis.
    """
    age = profile.age
    after_menopause = profile.menopause is True and (
        age is None or age >= thresholds.menopause_fragility_age
    )
    return (
        (("conditions.osteoporosis",) if "osteoporosis" in profile.conditions else ())
        + said(profile, "symptoms.immunosuppressed_or_steroids")
        + (("menopause",) if after_menopause else ())
        + (("age",) if _at_least(age, thresholds.fragility_age) else ())
    )


def in_maternity_care(profile: Profile, thresholds: Thresholds) -> bool:
    """Pregnant, or in the weeks after birth when the maternity unit is the first call (NHS)."""
    postpartum = profile.postpartum
    return profile.pregnancy is not None or (
        postpartum is not None
        and postpartum.weeks_since_birth <= thresholds.maternity_weeks_after_birth
    )


def cauda_equina(profile: Profile, _: Thresholds) -> Hit | None:
    """Saddle numbness, new bladder, bowel or sexual trouble, or sciatica in both legs: suspected
    cauda equina syndrome, an emergency (GIRFT 2023 national pathway; NICE CKS)."""
    signs = said(
        profile,
        "symptoms.saddle_numbness",
        "symptoms.bladder_or_bowel_change",
        "symptoms.new_sexual_problems",
        "symptoms.pain_or_numbness_both_legs",
    )
    return Hit(signs) if signs else None


def progressive_neuro_deficit(profile: Profile, thresholds: Thresholds) -> Hit | None:
    """Leg weakness: urgent; an emergency with a past cancer (NICE NG234, cord compression),
    after a fall, accident or blow or with a suspected fracture of thin bones (a broken spine
    pressing on the nerves, as after an injury), or when the legs are too weak to stand or walk
    (University of Sheffield Health Service, NHS: "weakness in your legs (for example, you have
    trouble walking)" needs immediate medical attention)."""
    if not said(profile, "symptoms.leg_weakness"):
        return None
    worse = said(
        profile,
        "symptoms.cancer_history",
        "symptoms.recent_trauma",
        "symptoms.cannot_stand_or_walk",
    )
    worse += tuple(key for key in _suspected_fracture(profile, thresholds) if key not in worse)
    return Hit(("symptoms.leg_weakness", *worse), "emergency" if worse else None)


def cardiac(profile: Profile, _: Thresholds) -> Hit | None:
    """Chest pain or breathlessness with back pain; or sweating, sickness or faintness with pain
    in the upper back, pain that came on suddenly or severe pain: a heart attack can feel like
    this, above all in women and older people (NHS heart attack; seed 001's warning). Faintness
    or sweating with milder back pain: urgent."""
    chest = said(profile, "symptoms.chest_pain_or_breathlessness")
    faint = said(profile, "symptoms.sweating_nausea_or_faintness")
    upper = (
        ("pain.upper_back",) if {"upper_back", "neck_shoulder"} & set(profile.pain.areas) else ()
    )
    alarming = upper + _sudden(profile) + _severe(profile)
    if chest or (faint and alarming):
        return Hit((*alarming, *chest, *faint))
    return Hit(faint, "urgent") if faint else None


def vascular(profile: Profile, thresholds: Thresholds) -> Hit | None:
    """The aorta: tearing or sudden severe pain (dissection); a known aneurysm or a pulsating lump
    in the belly; severe back or belly pain with faintness at 50+, whether or not the onset was
    answered (NICE NG156); new back pain with belly pain at 60+, however bad; a first 'kidney
    stone' pain at 60+ (NICE CKS renal colic) — all emergencies. A hot, swollen calf (a clot in
    a leg vein, NHS DVT): urgent."""
    named = said(
        profile,
        "symptoms.tearing_or_sudden_severe_pain",
        "symptoms.known_aortic_aneurysm",
        "symptoms.pulsating_lump_in_belly",
    )
    older = ("age",) if _at_least(profile.age, thresholds.vascular_age) else ()
    severe = _severe(profile) + said(profile, "symptoms.abdominal_pain")
    faint = said(profile, "symptoms.sweating_nausea_or_faintness")
    leak = (*severe, *faint, *older) if older and severe and faint else ()
    colic = _first_colic_when_older(profile, thresholds)
    rupture = _new_back_and_belly_pain_when_older(profile, thresholds)
    if named or leak or colic or rupture:
        return Hit((*named, *leak, *colic, *rupture), "emergency")
    calf = said(profile, "symptoms.hot_swollen_calf")
    return Hit(calf, "urgent") if calf else None


def _new_back_and_belly_pain_when_older(
    profile: Profile, thresholds: Thresholds
) -> tuple[str, ...]:
    """New back pain with belly pain at 60+, not known to have come on slowly: a leaking
    aneurysm until proven otherwise, even without faintness and however bad the pain (NICE
    NG156 1.1: "Think about the possibility of ruptured AAA in people with new abdominal and/or
    back pain, cardiovascular collapse, or loss of consciousness" and transfer them at once; the
    guideline names no pain score, so none is asked for). Severe pain is named when there."""
    older = _at_least(profile.age, thresholds.renal_colic_vascular_age)
    if not older or profile.pain.onset == "gradual" or pain_free(profile):
        return ()
    belly = said(profile, "symptoms.abdominal_pain")
    severe = ("pain.severe",) if _severe(profile) else ()
    return (*belly, *severe, "age") if belly else ()


def _first_colic_when_older(profile: Profile, thresholds: Thresholds) -> tuple[str, ...]:
    colic = said(profile, "symptoms.flank_pain_or_colic")
    known_stones = profile.symptoms.known_kidney_stones is True
    if colic and not known_stones and _at_least(profile.age, thresholds.renal_colic_vascular_age):
        return (*colic, "age")
    return ()


def preterm_labour(profile: Profile, thresholds: Thresholds) -> Hit | None:
    """Contractions or bleeding in pregnancy; before term also pelvic pressure, a discharge
    change or the waters breaking (seed 000: "a sign of premature birth"; NICE NG25)."""
    if profile.pregnancy is None:
        return None
    signs = said(profile, "symptoms.contractions_or_bleeding")
    if profile.pregnancy.weeks < thresholds.term_weeks:
        signs += said(
            profile, "symptoms.pelvic_pressure_or_discharge_change", "symptoms.waters_breaking"
        )
    return Hit((*signs, "pregnancy.weeks")) if signs else None


def pregnancy_warning(profile: Profile, thresholds: Thresholds) -> Hit | None:
    """Warning signs in pregnancy and the weeks after birth (NHS pregnancy and postnatal pages):
    belly pain, faintness, a severe headache or changed vision (pre-eclampsia), fewer baby
    movements; after birth heavy bleeding, a hot swollen calf or a fever with belly pain
    (`_after_birth_emergency`) — emergencies; a fever, a hot swollen calf in pregnancy, a red or
    weeping wound, the waters breaking at term, or severe pain in pregnancy (HSE: intense pain
    "could be a sign of early or premature labour") — urgent; pregnancy back pain not eased after
    three weeks — routine."""
    if not in_maternity_care(profile, thresholds):
        return None
    pregnant = profile.pregnancy is not None
    emergency = said(profile, "symptoms.severe_headache_or_vision_change")
    if pregnant:
        emergency += said(
            profile,
            "symptoms.abdominal_pain",
            "symptoms.sweating_nausea_or_faintness",
            "symptoms.reduced_baby_movements",
        )
    else:
        emergency += _after_birth_emergency(profile)
    if emergency:
        return Hit((*emergency, *_when(profile)), "emergency")
    urgent = said(
        profile,
        "symptoms.fever_or_chills",
        "symptoms.hot_swollen_calf",
        "symptoms.wound_redness_or_discharge",
        "symptoms.waters_breaking",
    )
    if pregnant:
        urgent += _severe(profile)
    if urgent:
        return Hit((*urgent, *_when(profile)), "urgent")
    days = profile.pain.duration_days
    if pregnant and days is not None and days >= thresholds.pregnancy_pain_days:
        return Hit(("pain.duration_days", *_when(profile)), "routine")
    return None


def _after_birth_emergency(profile: Profile) -> tuple[str, ...]:
    """After a birth: heavy bleeding, a hot swollen calf (a clot), or a fever with belly pain (an
    infection of the womb). NICE CG37 lists "unilateral calf pain, redness or swelling" and
    "fever, shivering, abdominal pain" among the signs of potentially life-threatening conditions
    after birth, and NHS maternity services send them to emergency care (Northern Health and
    Social Care Trust, Complications after giving birth: "You must seek emergency medical
    attention"; Wye Valley NHS Trust: "ring triage, or 999"). A fever alone stays urgent."""
    signs = said(profile, "symptoms.contractions_or_bleeding", "symptoms.hot_swollen_calf")
    womb = said(profile, "symptoms.fever_or_chills", "symptoms.abdominal_pain")
    return signs + (womb if len(womb) == 2 else ())


def _when(profile: Profile) -> tuple[str, ...]:
    return ("pregnancy.weeks",) if profile.pregnancy is not None else ("postpartum.weeks",)


def major_trauma(profile: Profile, thresholds: Thresholds) -> Hit | None:
    """Pain after a fall, accident or blow (seed 001: "should never be treated as backache"):
    urgent. An emergency after a serious accident (NHS: "a serious accident, such as a car
    accident"), when the person cannot stand or walk, or with severe pain — at 65+ (issue 14,
    class 1, from NICE NG41: 65 or over with spinal pain is a high-risk injury, do not move
    them) and at any age (St John Ambulance, spinal injury: pain at the site of the injury after
    a fall or blow, call 999 and do not move); at 65+ also with pain more than mild, a hurt back
    (`_hurt_back`). At 65+ with mild pain it stays urgent, a possible fragility fracture
    (class 2, the fracture rule). A fall that left no pain at all
    (a score of 0) is not flagged. A minor knock — pain not severe, under 65, no thin-bone risk,
    able to walk — is looked after at home, watching for the signs that it is worse."""
    trauma = said(profile, "symptoms.recent_trauma")
    if not trauma:
        return None
    grave = said(profile, "symptoms.serious_accident", "symptoms.cannot_stand_or_walk")
    older = ("age",) if _at_least(profile.age, thresholds.fall_emergency_age) else ()
    severe = _severe(profile) or (_hurt_back(profile, thresholds) if older else ())
    if grave or severe:
        return Hit((*trauma, *grave, *older, *severe), "emergency")
    if _minor_knock(profile, thresholds):
        return _knock_not_settling(profile, thresholds, trauma)
    pregnant = ("pregnancy.weeks",) if profile.pregnancy is not None else ()
    return None if pain_free(profile) else Hit((*trauma, *older, *pregnant))


def _knock_not_settling(profile: Profile, thresholds: Thresholds, trauma: tuple[str, ...]) -> Hit:
    """A minor knock is looked after at home; still hurting after two weeks, it deserves a booked
    check (a hospital's back-bruise leaflet: "Call if you are not better in 1 to 2 weeks")."""
    if _at_least(profile.pain.duration_days, thresholds.knock_review_days):
        return Hit((*trauma, "pain.duration_days"), "routine")
    return Hit(trauma, "self_care")


def _hurt_back(profile: Profile, thresholds: Thresholds) -> tuple[str, ...]:
    """The back was hurt in the fall: pain more than mild. An older person who fell and hurt
    their back is a 999 call (East of England Ambulance Service NHS Trust: "Call 999 at once
    if ... the person who has fallen ... has injured their head, neck, back or hip"; NICE NG41:
    65 or over with spinal pain after an injury). A twinge the person calls mild stays urgent."""
    return ("pain.score",) if _at_least(profile.pain.score, thresholds.mild_pain + 1) else ()


def pain_free(profile: Profile) -> bool:
    """No pain right now (a score of 0): a fall or knock that left no pain is not a warning sign.
    An unknown score is not pain-free (the person came to a back-pain check)."""
    return profile.pain.score == 0 and not profile.pain.excruciating


def _minor_knock(profile: Profile, thresholds: Thresholds) -> bool:
    """A knock that can be looked after at home: a known age under 65 with no thin-bone risk,
    able to stand and walk, and pain known to be mild — or, when the person has said it was not
    a serious accident (the NHS's line for 999 is the accident, not the pain), pain short of
    severe. An unknown age or score keeps the doctor's check. In pregnancy no fall or blow is
    minor: the maternity unit checks the baby (Pregnancy, Birth and Baby: "If you experience any
    injury to your abdomen (tummy) in your pregnancy — for example, from a sudden impact, a fall
    … — contact your midwife or doctor immediately"), so it stays urgent, in their wording."""
    score, age, symptoms = profile.pain.score, profile.age, profile.symptoms
    limit = ACUTE_PAIN_SCORE - 1 if symptoms.serious_accident is False else thresholds.mild_pain
    return (
        symptoms.cannot_stand_or_walk is not True
        and score is not None
        and score <= limit
        and not profile.pain.excruciating
        and age is not None
        and not bone_fragility(profile, thresholds)
        and profile.pregnancy is None
    )


def sepsis(profile: Profile, _: Thresholds) -> Hit | None:
    """An infection with confusion or drowsiness, shivering that will not stop, or blue, grey or
    blotchy skin, or a fever with vomiting, faintness or a racing heart alongside urine or kidney
    symptoms: possible sepsis, an emergency (NICE NG51; NHS, Sepsis: "Call 999 or go to A&E if …
    an adult … has … blue, grey, pale or blotchy skin, lips or tongue"; UK Sepsis Trust: "Call 999
    … if someone has one of the sepsis symptoms", among them "Extreme shivering or muscle pain")."""
    infection = said(
        profile,
        "symptoms.fever_or_chills",
        "symptoms.urinary_pain_or_frequency",
        "symptoms.flank_pain_or_colic",
        "symptoms.wound_redness_or_discharge",
    )
    if not infection:
        return None
    confused = said(
        profile,
        "symptoms.confused_or_drowsy",
        "symptoms.extreme_shivering",
        "symptoms.skin_blue_grey_or_blotchy",
    )
    fever = said(profile, "symptoms.fever_or_chills")
    kidney = said(profile, "symptoms.urinary_pain_or_frequency", "symptoms.flank_pain_or_colic")
    unwell = said(profile, "symptoms.sweating_nausea_or_faintness") if fever and kidney else ()
    if confused or unwell:
        return Hit((*infection, *confused, *unwell))
    return None


def sudden_confusion(profile: Profile, thresholds: Thresholds) -> Hit | None:
    """Suddenly confused or very drowsy, without the infection signs that make it sepsis (the
    rule above): an emergency whatever the cause (NHS, Sudden confusion (delirium): "Go to A&E
    or call 999 if: someone suddenly becomes confused")."""
    confused = said(profile, "symptoms.confused_or_drowsy")
    return Hit(confused) if confused and sepsis(profile, thresholds) is None else None


def infection(profile: Profile, _: Thresholds) -> Hit | None:
    """Fever or chills (seed 001): urgent, and an emergency with new leg weakness, numbness,
    bladder change or not being able to stand or walk (a spinal abscess; in a young child, Perth
    Children's Hospital: fever or refusal to walk goes to the emergency department). Risks that
    make a spinal infection likelier — injected drugs, a spinal operation or injection in the
    last three months, a weak immune system or steroids, night sweats — are named with it; a red
    or weeping wound is urgent. Injecting drugs with back pain is urgent even without a fever:
    back pain is often the only sign of an abscess in people who inject (J Urgent Care Med,
    "High-risk conditions presenting with back pain, part 3"). Another risk alone is routine
    (NHS Gloucestershire red flags)."""
    fever = said(profile, "symptoms.fever_or_chills")
    nerves = said(
        profile,
        "symptoms.leg_weakness",
        "symptoms.leg_numbness_or_pain",
        "symptoms.saddle_numbness",
        "symptoms.bladder_or_bowel_change",
        "symptoms.cannot_stand_or_walk",
    )
    if fever and nerves:
        return Hit((*fever, *nerves), "emergency")
    risks = said(
        profile,
        "symptoms.injected_drug_use",
        "symptoms.recent_spinal_procedure",
        "symptoms.immunosuppressed_or_steroids",
        "symptoms.night_sweats",
    )
    wound = said(profile, "symptoms.wound_redness_or_discharge")
    immune_and_sweats = {"symptoms.immunosuppressed_or_steroids", "symptoms.night_sweats"}
    injects = "symptoms.injected_drug_use" in risks
    if fever or wound or injects or immune_and_sweats <= set(risks):
        return Hit((*fever, *wound, *risks))
    return Hit(risks, "routine") if risks else None


def urinary_kidney(profile: Profile, _: Thresholds) -> Hit | None:
    """The kidneys and bladder: pain or burning passing urine, or going often, with back pain (an
    infection reaching the kidney or, in men, the prostate: NICE NG111, NG110), cramping pain in
    the side (a stone, NICE NG118), blood in the urine at any age (NHS; from 45 a suspected-cancer
    referral, NICE NG12) or urine dark like cola or new swelling (inflamed kidneys): see a doctor
    within a day or two (seeds 000, 001 name the same signs). A kidney infection (a fever with
    urine symptoms or pain in the side) in pregnancy or with a weak immune system or steroids is
    an emergency: NICE NG111 refers pregnant and immunosuppressed people with acute
    pyelonephritis to hospital. So is a fever with a known stone's pain (`_blocked_by_a_stone`).
    Passing little or no urine (the kidneys failing from dehydration, an infection or a blockage)
    is urgent too (NHS, Dehydration, Symptoms: "Contact your GP or out-of-hours service straight
    away if you have any of the following symptoms: … not passing urine for eight hours")."""
    signs = said(
        profile,
        "symptoms.urinary_pain_or_frequency",
        "symptoms.flank_pain_or_colic",
        "symptoms.blood_in_urine",
        "symptoms.dark_or_cola_urine",
        "symptoms.new_swelling_face_or_ankles",
        "symptoms.little_or_no_urine",
    )
    if not signs:
        return None
    fever = said(profile, "symptoms.fever_or_chills")
    kidney = said(profile, "symptoms.urinary_pain_or_frequency", "symptoms.flank_pain_or_colic")
    pregnant = ("pregnancy.weeks",) if profile.pregnancy is not None else ()
    at_risk = pregnant + said(profile, "symptoms.immunosuppressed_or_steroids")
    at_risk += _blocked_by_a_stone(profile)
    if fever and kidney and at_risk:
        return Hit((*signs, *fever, *at_risk), "emergency")
    return Hit((*signs, *fever))


def _blocked_by_a_stone(profile: Profile) -> tuple[str, ...]:
    """The pain in waves of a known kidney stone: with a fever the kidney may be blocked and
    infected, a hospital emergency (Guy's and St Thomas' NHS, kidney stone pain: come back to
    A&E with "signs of an infection, such as a high temperature"; NHS Cornwall colic referral
    criteria: "an obstructed infected kidney is a surgical emergency")."""
    side_pain = said(profile, "symptoms.flank_pain_or_colic")
    if profile.symptoms.known_kidney_stones is not True or not side_pain:
        return ()
    return ("symptoms.known_kidney_stones",)


def cancer(profile: Profile, thresholds: Thresholds) -> Hit | None:
    """A past cancer, weight loss without trying, pain that stays whatever the position and
    does not ease with rest ("non-mechanical"), or a lump or swelling in the back or a back that
    has changed shape, at any age: urgent (NICE CKS, NG12, NG234; NHS: an urgent GP appointment
    when "the pain does not improve after resting" or "there's a lump or swelling in your back or
    your back has changed shape"). A past cancer with
    low back pain the person says behaves mechanically (`_mechanical_after_cancer`): routine.
    Night pain at 50+, new back pain in an older person (not a flare of pain that began before
    65; seed 002), or back pain for the first time in one's life at 50 or over
    (`_first_back_pain_late`): routine."""
    history = said(profile, "symptoms.cancer_history")
    weight = said(profile, "symptoms.unexplained_weight_loss")
    signs = said(
        profile, "symptoms.pain_constant_whatever_position", "symptoms.lump_or_swelling_in_back"
    )
    night = said(profile, "pain.worse_at_night", "symptoms.night_sweats")
    older = ("age",) if _at_least(profile.age, thresholds.cancer_age) else ()
    if history and not signs and _mechanical_after_cancer(profile):
        return Hit(history, "routine")
    if history or weight or signs:
        return Hit((*history, *weight, *signs, *night, *older))
    if older and night:
        return Hit((*night, *older), "routine")
    if _at_least(profile.age, thresholds.unexplained_pain_age) and not _long_standing(
        profile, thresholds
    ):
        return Hit(("age",), "routine")
    first = _first_back_pain_late(profile, thresholds)
    return Hit(first, "routine") if first else None


def _mechanical_after_cancer(profile: Profile) -> bool:
    """After a cancer, low back pain needs an urgent (24-hour) look when it has a feature of a
    spinal metastasis: pain in the upper back or neck, progressive or severe unremitting pain,
    night pain preventing sleep, or nerve pain into a leg (Scottish Referral Guidelines for
    Suspected Cancer, MSCC; NICE's MSCC advice as summarised by GPnotebook). Pain "not
    progressive, severe or aggravated by straining" with no nerve symptoms gets a doctor's
    review instead, a booked appointment. The check takes the person's word for it only when
    they have said so: the pain varies with position or eases with rest, is not worse at night,
    and is neither severe nor getting worse; an unanswered question keeps the urgent look."""
    pain, symptoms = profile.pain, profile.symptoms
    eases = symptoms.pain_constant_whatever_position is False or pain.better_with_rest is True
    never_eases = symptoms.pain_constant_whatever_position is True or pain.better_with_rest is False
    lower_back_only = not set(pain.areas) & {"upper_back", "neck_shoulder", "leg_sciatica"}
    return (
        eases
        and not never_eases
        and pain.worse_at_night is False
        and pain.improving is not False
        and pain.getting_worse is not True
        and not profile.is_acute
        and lower_back_only
        and not said(
            profile,
            "symptoms.night_sweats",
            "symptoms.leg_numbness_or_pain",
            "symptoms.unexplained_weight_loss",
        )
    )


def _first_back_pain_late(profile: Profile, thresholds: Thresholds) -> tuple[str, ...]:
    """Back pain that first began at 50 or over, and recently (this year or last): new back pain
    after 50 is a red flag for cancer in NHS pathways, listed beside pain before 20, which the
    check also books (NHS Gloucestershire G-Care, "Red flags for spinal conditions", symptoms
    that may suggest cancer: "new onset pain in patient over age 50 years (defined as over age
    55 years in some guidelines), or younger than age 20 years"). The page gives no urgency, so
    it is a booked check, as for the young. An unknown onset age raises nothing here (from 65
    the age rule above keeps the check)."""
    onset_age, age = profile.pain.onset_age, profile.age
    if onset_age is None or age is None or onset_age < thresholds.cancer_age:
        return ()
    return ("pain.onset_age",) if age - onset_age <= thresholds.new_onset_years else ()


def _long_standing(profile: Profile, thresholds: Thresholds) -> bool:
    """Back pain that began before old age (a known onset age under 65), or a usual flare-up of
    back pain a doctor has already seen: a flare of a back problem the person has had for years,
    not the new pain "of unknown reasons" in an older person that seed 002 sends for a check."""
    onset_age = profile.pain.onset_age
    began_before = onset_age is not None and onset_age < thresholds.unexplained_pain_age
    return began_before or profile.pain.usual_flare is True


def fracture(profile: Profile, thresholds: Thresholds) -> Hit | None:
    """A possible osteoporotic fracture: pain after a fall or knock, pain that came on suddenly
    (a lift, a cough, a sneeze) or height loss or a new stoop, in someone whose bones may be thin
    (65+, the menopause at 50+, steroids, osteoporosis): urgent (issue 14, class 2; NHS
    Gloucestershire red flags: "minor trauma in people with osteoporosis or in those taking
    corticosteroids"; seed 000's fractures after the menopause). Height loss or a stoop without
    those risks: routine."""
    suspected = _suspected_fracture(profile, thresholds)
    if suspected:
        return Hit(suspected)
    stoop = said(profile, "symptoms.height_loss_or_new_stoop")
    return Hit(stoop, "routine") if stoop else None


def _suspected_fracture(profile: Profile, thresholds: Thresholds) -> tuple[str, ...]:
    """Why a bone of the spine may have broken: an event (a knock that hurts, sudden pain,
    height loss or a new stoop) in someone whose bones may be thin; empty if not suspected."""
    risks = bone_fragility(profile, thresholds)
    knock = () if pain_free(profile) else said(profile, "symptoms.recent_trauma")
    events = knock + said(profile, "symptoms.height_loss_or_new_stoop") + _sudden(profile)
    return (*events, *risks) if risks and events else ()


def abdominal_visceral(profile: Profile, _: Thresholds) -> Hit | None:
    """Belly pain with back pain: an organ may be the cause (seed 001's digestive and pelvic
    causes): routine; with a fever, urgent; with severe pain (7+/10 or excruciating), sudden or
    not, an emergency (NHS inform, Stomach ache and abdominal pain: "Go to A&E or phone 999 for
    an ambulance if: … a stomach ache came on very suddenly or is severe"; NHS, Stomach ache:
    "have sudden, severe stomach pain" — a perforated ulcer, an inflamed gallbladder or
    pancreas, a burst ectopic pregnancy); vomiting blood or black, sticky stools, an emergency
    with or without belly pain (NHS: "are vomiting blood", "have bloody or black, sticky
    stools").

    Belly pain that is only period pain is ``period_problem``'s, not this rule's."""
    bleeding = said(profile, "symptoms.blood_in_vomit_or_black_stools")
    if bleeding:
        return Hit((*bleeding, *said(profile, "symptoms.abdominal_pain")), "emergency")
    if not said(profile, "symptoms.abdominal_pain"):
        return None
    if _only_period_pain(profile):
        return None
    if _severe(profile):
        return Hit(("symptoms.abdominal_pain", *_sudden(profile), *_severe(profile)), "emergency")
    fever = said(profile, "symptoms.fever_or_chills")
    return Hit(("symptoms.abdominal_pain", *fever), "urgent" if fever else None)


def _only_period_pain(profile: Profile) -> bool:
    """There is belly pain, it is period pain, and nothing says otherwise: no fever, no feeling
    faint or sick, no sudden severe pain, no chance of a pregnancy (``ectopic_pregnancy`` judges
    that)."""
    period = said(profile, "symptoms.abdominal_pain", "symptoms.period_pain")
    others = said(
        profile,
        "symptoms.fever_or_chills",
        "symptoms.sweating_nausea_or_faintness",
        "symptoms.might_be_pregnant",
    )
    sudden_and_severe = bool(_sudden(profile) and _severe(profile))
    return len(period) == 2 and not others and not sudden_and_severe


def period_problem(profile: Profile, _: Thresholds) -> Hit | None:
    """Belly pain that is period pain, spreading to the back, with nothing else going on: "in
    most cases period pain is mild enough to treat at home", so it raises nothing; severe period
    pain, or periods that have changed, are for a GP, who can look for a cause such as
    endometriosis or fibroids: routine (NHS, Period pain: "See your GP if you have severe period
    pain or your normal pattern of periods changes")."""
    if not _only_period_pain(profile):
        return None
    reasons = (*_severe(profile), *said(profile, "symptoms.periods_changed"))
    return Hit(("symptoms.period_pain", *reasons), None) if reasons else None


def severe_headache(profile: Profile, thresholds: Thresholds) -> Hit | None:
    """A severe headache or changed vision outside pregnancy and the weeks after birth (where it
    is a pregnancy warning sign): urgent (NHS, Headaches: "Get advice from 111 now if: You have a
    severe headache and: … blurred or double vision"); with a fever, or with pain that came on
    suddenly, an emergency ("Call 999 or go to A&E if: … a headache came on suddenly and is
    extremely painful"; an extremely painful headache with "a very high temperature, feel hot
    and shivery, and have a stiff neck": meningitis, a bleed on the brain)."""
    headache = said(profile, "symptoms.severe_headache_or_vision_change")
    if not headache or in_maternity_care(profile, thresholds):
        return None
    worse = said(profile, "symptoms.fever_or_chills") + _sudden(profile)
    return Hit((*headache, *worse), "emergency" if worse else None)


def ectopic_pregnancy(profile: Profile, _: Thresholds) -> Hit | None:
    """Belly pain in someone who is not known to be pregnant but could be (a missed or late
    period): an ectopic pregnancy, urgent (NHS, Ectopic pregnancy, as reproduced by Health for
    Under 5s: "speak to your GP, pregnancy unit or call 111 as soon as possible if you're pregnant
    (or might be pregnant)" with "tummy pain low down on 1 side"); with feeling faint or sick, or
    pain that came on suddenly and severely, an emergency ("Seek immediate emergency help from 999"
    for "a sharp, sudden and intense pain in your tummy", "feeling very dizzy or fainting"). A
    known pregnancy has its own warning signs (``pregnancy_warning``)."""
    signs = said(profile, "symptoms.might_be_pregnant", "symptoms.abdominal_pain")
    if len(signs) < 2 or profile.pregnancy is not None:
        return None
    sudden, severe = _sudden(profile), _severe(profile)
    bleeding_inside = said(profile, "symptoms.sweating_nausea_or_faintness") + (
        sudden + severe if sudden and severe else ()
    )
    return Hit((*signs, *bleeding_inside), "emergency" if bleeding_inside else None)


def cervical_myelopathy(profile: Profile, _: Thresholds) -> Hit | None:
    """Hands that have become clumsy or walking that has become unsteady: the spinal cord in the
    neck may be pressed (degenerative cervical myelopathy), urgent (NHS inform, Degenerative
    cervical myelopathy: "Call 111 if you have a new onset or significant worsening of" "clumsy
    hands", "loss of dexterity", imbalance); with symptoms in both legs as well, an emergency
    (Royal Free London, Degenerative cervical myelopathy leaflet: "If you experience a combination
    of the symptoms above, attend your nearest emergency department immediately or call 999").
    One weak leg with a trip over its foot is a nerve root's sign, not the cord's, so it is not
    that combination. With bladder or bowel change, ``cauda_equina`` already calls for A&E."""
    signs = said(profile, "symptoms.clumsy_hands_or_unsteady_walking")
    if not signs:
        return None
    legs = said(profile, "symptoms.pain_or_numbness_both_legs")
    return Hit((*signs, *legs), "emergency" if legs else None)


def testicular_torsion(profile: Profile, _: Thresholds) -> Hit | None:
    """Pain in a testicle with back, side or belly pain. When the pain came on suddenly, a twisted
    testicle (testicular torsion), an emergency: NHS South Yorkshire and Bassetlaw Healthier
    Together, Torsion: "This is an emergency. If you or your child has sudden testicular pain, go
    to hospital immediately"; Fern House Surgery (NHS): "Sudden, severe testicular pain means go
    straight to A&E or call 999". Otherwise a booked look: unexplained or persisting testicular
    symptoms are a GP's to examine and scan (NICE NG12, testicular symptoms, "Consider a direct
    access ultrasound scan"). A kidney stone's pain felt in the testicle comes with cramping side
    pain, which ``urinary_kidney`` already sees within a day or two."""
    pain = said(profile, "symptoms.testicle_pain")
    if not pain:
        return None
    sudden = _sudden(profile)
    return Hit((*pain, *sudden), "emergency" if sudden else "routine")


def epidural_complication(profile: Profile, _: Thresholds) -> Hit | None:
    """After an epidural or spinal anaesthetic in the last six weeks, severe back pain, a numb
    or weak leg, a fever or a red or weeping wound: pus or a blood clot may be pressing on the
    spinal cord, urgent (Cambridge University Hospitals NHS, post-epidural discharge
    instructions: "it is important that you contact your GP immediately or attend your local
    emergency department"; Bradford Teaching Hospitals NHS, What to look out for after an
    epidural or spinal anaesthetic: "New severe back pain", "New weakness, increasing numbness or
    new loss of sensation in your legs" — "These rare complications need urgent treatment").
    In the six weeks after a birth the urgent wording is the maternity unit's (Gateshead Health
    NHS, Epidural advice for maternity patients: contact the Pregnancy Assessment Unit, 24
    hours). Bladder or bowel change is ``cauda_equina``'s emergency; a fever with a numb or weak
    leg is ``infection``'s."""
    epidural = said(profile, "symptoms.recent_epidural_or_spinal_anaesthetic")
    if not epidural:
        return None
    signs = _severe(profile) + said(
        profile,
        "symptoms.leg_numbness_or_pain",
        "symptoms.leg_weakness",
        "symptoms.fever_or_chills",
        "symptoms.wound_redness_or_discharge",
    )
    return Hit((*epidural, *signs)) if signs else None


def shingles(profile: Profile, _: Thresholds) -> Hit | None:
    """A painful rash or blisters on one side of the body: shingles, a nerve infection whose pain
    in a band on one side can come before the rash; antiviral medicine works best within 3 days
    of the rash, so today or tomorrow (NHS text as pharmacies reproduce it: "Ask for an urgent GP
    appointment or get help from NHS 111 if: you think you might have shingles"; Cullimore
    Chemist, NHS Pharmacy First: "seek urgent medical help from your GP or NHS 111 if you suspect
    shingles")."""
    rash = said(profile, "symptoms.rash_or_blisters_on_one_side")
    return Hit(rash) if rash else None


def child(profile: Profile, thresholds: Thresholds) -> Hit | None:
    """New back pain before the age of 20 is less often a simple strain (NICE CKS red flags):
    routine; with night pain, a fever or weight loss, urgent; and under 16 also with a nerve
    sign or a child who cannot walk (paediatric red flags: PMM, NENC Healthier Together)."""
    if profile.age is None or profile.age >= thresholds.young_age:
        return None
    worse = said(
        profile,
        "pain.worse_at_night",
        "symptoms.fever_or_chills",
        "symptoms.unexplained_weight_loss",
    )
    if profile.age < thresholds.child_age:
        worse += _nerve_or_walking_signs(profile)
    return Hit(("age", *worse), "urgent" if worse else None)


def _nerve_or_walking_signs(profile: Profile) -> tuple[str, ...]:
    """Pain or numbness into a leg, a weak leg, or not being able to walk: in a child, urgent
    referral (PMM "Red Flags - Back and Neck Pain": "neurological symptoms suggestive of nerve
    root entrapment ... pins and needles, nerve root pain"; NENC: "inability to weight bear",
    "unexplained muscle weakness")."""
    signs = said(
        profile,
        "symptoms.leg_numbness_or_pain",
        "symptoms.leg_weakness",
        "symptoms.cannot_stand_or_walk",
    )
    leg_area = "leg_sciatica" in profile.pain.areas
    into_leg = (
        ("pain.leg_sciatica",) if leg_area and not profile.symptoms.leg_numbness_or_pain else ()
    )
    return into_leg + signs


def thoracic_pain(profile: Profile, _: Thresholds) -> Hit | None:
    """Pain from the upper back, between the shoulders, rather than the lower back: see a doctor
    soon (NHS: an urgent GP appointment or 111 when "the pain is coming from the top of your back
    (between your shoulders), rather than your lower back")."""
    return Hit(("pain.upper_back",)) if "upper_back" in profile.pain.areas else None


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
    """Pain not better after a few weeks, three (NHS: get help if back pain "does not start to
    improve within a few weeks"; NHS Gloucestershire red flags: "failure to improve after one
    month"), or lasting more than three months (seed 001: "lasts for more than 3 months"): book
    a doctor's look. Pain the person says has started to get better is not booked before three
    months: that is the NHS line itself (Millcroft NHS practice: mechanical back pain "may last
    8 weeks but should get better over this time … does NOT need a GP appointment"); not knowing
    counts as not better. A flare-up like the usual ones of long-standing pain a doctor or
    physiotherapist has already seen is not booked again (County Durham and Darlington NHS FT:
    "You don't normally need to see a healthcare professional. New or flare-up of longstanding
    back problems should begin to settle within 6 weeks"). Pain getting worse after the first
    days is booked whatever its length (`_getting_worse`)."""
    worse = _getting_worse(profile, thresholds)
    if worse:
        return Hit(worse)
    days = profile.pain.duration_days
    if days is None or days < thresholds.persistent_days or profile.pain.usual_flare is True:
        return None
    if days >= thresholds.chronic_days:
        return Hit(("pain.duration_days",))
    if profile.pain.improving is True:
        return None
    not_easing = ("pain.not_improving",) if profile.pain.improving is False else ()
    return Hit(("pain.duration_days", *not_easing))


def _getting_worse(profile: Profile, thresholds: Thresholds) -> tuple[str, ...]:
    """Pain the person says is getting worse, more than five days after it began (or not knowing
    when): a doctor's look (NHS back pain advice as NHS practices reproduce it: "get help if the
    back pain ... is very severe or gets worse over time"; University of Sheffield Health
    Service, NHS: "book an appointment ... if your pain is getting worse despite treating it";
    NHS inform, pain after exercise: "If pain persists for more than 5 days or gets worse,
    contact your GP"). In the first days a new pain often peaks before it eases."""
    days = profile.pain.duration_days
    if profile.pain.getting_worse is not True:
        return ()
    if days is None:
        return ("pain.getting_worse",)
    return ("pain.getting_worse", "pain.duration_days") if days > thresholds.worsening_days else ()


def night_pain(profile: Profile, _: Thresholds) -> Hit | None:
    """Pain worse at night: see a doctor soon (seed 001: "intensified at night, seek medical
    treatment as soon as possible"; NHS: urgent GP or 111 when the pain "is worse at night")."""
    night = said(profile, "pain.worse_at_night")
    return Hit(night) if night else None


def acute_phase(profile: Profile, thresholds: Thresholds) -> Hit | None:
    """Severe pain right now, 7+ or excruciating: no exercise until it subsides (seed 000).
    Still not able to stand up or walk a day or more after the pain began: urgent
    (`_still_cannot_stand_or_walk`)."""
    still = _still_cannot_stand_or_walk(profile, thresholds)
    if still:
        return Hit((*still, *_severe(profile)), "urgent")
    return Hit(_severe(profile)) if profile.is_acute else None


def _still_cannot_stand_or_walk(profile: Profile, thresholds: Thresholds) -> tuple[str, ...]:
    """Back pain that still stops the person standing up or walking a day or more after it
    began, with or without a fall: see a doctor today or tomorrow. NHS inform, "New or worsening
    back pain", Sitting and standing: "If you've tried these techniques but still find it too
    painful or difficult to get off the floor, speak to your GP. If your GP surgery is closed,
    phone 111"; HSC Northern Trust, Low back pain: "disturbance to your normal walk" → "consult
    your GP as soon as possible". In the first hours a locked back is first looked after at home
    with NHS inform's ways of getting up, so the answer counts from the next day; an unknown
    duration raises nothing here."""
    cannot = said(profile, "symptoms.cannot_stand_or_walk")
    if cannot and _at_least(profile.pain.duration_days, thresholds.cannot_walk_days):
        return (*cannot, "pain.duration_days")
    return ()


RULES: tuple[Rule, ...] = (
    Rule("cauda_equina", cauda_equina),
    Rule("sepsis", sepsis),
    Rule("sudden_confusion", sudden_confusion),
    Rule("progressive_neuro_deficit", progressive_neuro_deficit),
    Rule("cardiac", cardiac),
    Rule("vascular", vascular),
    Rule("preterm_labour", preterm_labour),
    Rule("pregnancy_warning", pregnancy_warning),
    Rule("major_trauma", major_trauma),
    Rule("infection", infection),
    Rule("urinary_kidney", urinary_kidney),
    Rule("cancer", cancer),
    Rule("fracture", fracture),
    Rule("abdominal_visceral", abdominal_visceral),
    Rule("period_problem", period_problem),
    Rule("severe_headache", severe_headache),
    Rule("ectopic_pregnancy", ectopic_pregnancy),
    Rule("cervical_myelopathy", cervical_myelopathy),
    Rule("testicular_torsion", testicular_torsion),
    Rule("shingles", shingles),
    Rule("epidural_complication", epidural_complication),
    Rule("child", child),
    Rule("thoracic_pain", thoracic_pain),
    Rule("spinal_stenosis", spinal_stenosis),
    Rule("inflammatory_back_pain", inflammatory_back_pain),
    Rule("chronic_pain", chronic_pain),
    Rule("night_pain", night_pain),
    Rule("acute_phase", acute_phase),
)
"""Every rule, once. Adding a rule: write the function, register it here, add its entry."""
