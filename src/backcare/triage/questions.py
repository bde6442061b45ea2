"""The check-in questions as data, so the CLI and the web app ask the same things the same way.

``questions_for(answers)`` gives the questions still to ask, given the answers so far: it asks
only what applies (no pregnancy questions for men, follow-ups only when an answer calls for them).
Answers are keyed by profile path (``pain.score``, ``symptoms.fever_or_chills``) plus
``pregnant``; ``None`` records "don't know", which stays absent in the profile.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from backcare.content.schema import AREAS
from backcare.errors import InputError
from backcare.profile import ACUTE_PAIN_SCORE, Condition, Profile
from backcare.triage.thresholds import DEFAULT_THRESHOLDS

Answers = Mapping[str, Any]
Kind = Literal["yes_no", "number", "choice", "choices"]

CONDITIONS: tuple[Condition, ...] = Condition.__args__  # type: ignore[attr-defined]
YES = frozenset({"y", "yes", "true"})
NO = frozenset({"n", "no", "false"})
DONT_KNOW = frozenset({"", "?", "skip", "don't know", "dont know"})


def _always(_: Answers) -> bool:
    return True


@dataclass(frozen=True)
class Question:
    """One question: its answer key, the words, the kind of answer and when it applies."""

    key: str
    text: str
    kind: Kind = "yes_no"
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    required: bool = False
    applies: Callable[[Answers], bool] = field(default=_always, compare=False, repr=False)
    most: Callable[[Answers], int | None] | None = field(default=None, compare=False, repr=False)
    """The highest number the earlier answers allow (pain cannot begin after today's age)."""

    def highest(self, answers: Answers) -> int | None:
        """``maximum``, lowered by ``most`` when the earlier answers say so."""
        limit = self.most(answers) if self.most is not None else None
        if limit is None or self.maximum is None:
            return self.maximum if limit is None else limit
        return min(self.maximum, limit)


def _yes(key: str) -> Callable[[Answers], bool]:
    return lambda answers: answers.get(key) is True


def _any_yes(*keys: str) -> Callable[[Answers], bool]:
    return lambda answers: any(answers.get(key) is True for key in keys)


def _may_be_pregnant(answers: Answers) -> bool:
    age = answers.get("age")
    return answers.get("sex") in ("female", "other") and (age is None or 12 <= age <= 55)


def _may_be_menopausal(answers: Answers) -> bool:
    age = answers.get("age")
    female = answers.get("sex") in ("female", "other")
    return female and answers.get("pregnant") is not True and (age is None or age >= 40)


def _long_or_unknown(answers: Answers) -> bool:
    """The inflammatory back pain screen (ASAS) is for pain of three months or more."""
    days = answers.get("pain.duration_days")
    return days is None or days >= DEFAULT_THRESHOLDS.chronic_days


def _in_the_weeks_that_count(answers: Answers) -> bool:
    """Whether the pain is easing decides the check only between a few weeks (NHS: get help if
    it "does not start to improve within a few weeks") and three months, when pain is long-term
    whatever its course."""
    days = answers.get("pain.duration_days")
    thresholds = DEFAULT_THRESHOLDS
    return days is not None and thresholds.persistent_days <= days < thresholds.chronic_days


def _onset_age_matters(answers: Answers) -> bool:
    """For the ASAS screen (long pain from 40), and from 50 whatever the duration: back pain
    that first began at 50 or over is a red flag, a flare of pain that began years ago is not
    (NHS Gloucestershire red flags: "new onset pain in patient over age 50 years"), and only the
    onset age tells them apart."""
    age = answers.get("age")
    screen = _long_or_unknown(answers) and (
        age is None or age >= DEFAULT_THRESHOLDS.ibp_onset_before
    )
    return screen or (age is not None and age >= DEFAULT_THRESHOLDS.cancer_age)


def _before_the_weeks_that_count(answers: Answers) -> bool:
    """Whether the pain is getting worse is asked after the first days, when a new pain may still
    be peaking (NHS inform: pain that "persists for more than 5 days or gets worse"), until the
    question of whether it has started to get better takes over."""
    days = answers.get("pain.duration_days")
    thresholds = DEFAULT_THRESHOLDS
    return days is not None and thresholds.worsening_days < days < thresholds.persistent_days


def _at_least(key: str, threshold: int) -> Callable[[Answers], bool]:
    return lambda answers: (value := answers.get(key)) is not None and value >= threshold


_infection_signs = _any_yes(
    "symptoms.fever_or_chills",
    "symptoms.urinary_pain_or_frequency",
    "symptoms.flank_pain_or_colic",
)
"""A fever or urine or kidney symptoms: an infection, whose sepsis signs are then asked."""

_older = _at_least("age", DEFAULT_THRESHOLDS.confusion_question_age)


def _confusion_matters(answers: Answers) -> bool:
    """Sudden confusion is an emergency at any age (NHS); it is asked with a fever or urine or
    kidney symptoms (sepsis), and of every older person, in whom new confusion may be the only
    sign of an infection or a heart attack (``Thresholds.confusion_question_age``)."""
    return _infection_signs(answers) or _older(answers)


def _belly_pain_with_periods(answers: Answers) -> bool:
    """Belly pain in someone who may have periods and has not said they are pregnant: it may be
    an ectopic pregnancy, which can come before the person knows (NHS: "you might not realise
    you're pregnant"), or period pain, which spreads to the back (NHS, Period pain)."""
    return (
        _may_be_pregnant(answers)
        and answers.get("pregnant") is not True
        and answers.get("symptoms.abdominal_pain") is True
    )


def _spinal_cord_signs_matter(answers: Answers) -> bool:
    """Clumsy hands or unsteady walking matter with neck or hand pain, or with symptoms in both
    legs: the spinal cord in the neck (degenerative cervical myelopathy) is then a cause."""
    areas = answers.get("pain.areas") or ()
    return (
        "neck_shoulder" in areas
        or "wrist_hand" in areas
        or answers.get("symptoms.pain_or_numbness_both_legs") is True
    )


def _kidneys_may_be_failing(answers: Answers) -> bool:
    """Little or no urine matters with a fever, being sick or faint, or urine or kidney signs:
    the kidneys may then be failing from dehydration, an infection or a blockage."""
    return _infection_signs(answers) or _yes("symptoms.sweating_nausea_or_faintness")(answers)


def _testicle_pain_matters(answers: Answers) -> bool:
    """Pain in a testicle matters for men and people who answered other, with belly pain or
    cramping pain in the side (a twisted testicle can be felt in the belly; a kidney stone's pain
    spreads to the testicle), and under 20, the ages at which a testicle most often twists
    (Fern House Surgery, NHS: testicular torsion "most commonly affects boys aged 10-18")."""
    age = answers.get("age")
    young = isinstance(age, int) and age < DEFAULT_THRESHOLDS.young_age
    belly_or_side = _any_yes("symptoms.abdominal_pain", "symptoms.flank_pain_or_colic")(answers)
    return answers.get("sex") in ("male", "other") and (young or belly_or_side)


def _shingles_likely(answers: Answers) -> bool:
    """Shingles is most common from 50 and in people with a weak immune system or on steroids
    (``Thresholds.shingles_question_age``)."""
    age = answers.get("age")
    older = isinstance(age, int) and age >= DEFAULT_THRESHOLDS.shingles_question_age
    return older or answers.get("symptoms.immunosuppressed_or_steroids") is True


def _bones_at_risk(answers: Answers) -> bool:
    age = answers.get("age")
    return (
        (age is not None and age >= DEFAULT_THRESHOLDS.fragility_age)
        or answers.get("menopause") is True
        or "osteoporosis" in (answers.get("conditions") or ())
        or answers.get("symptoms.immunosuppressed_or_steroids") is True
    )


def _may_have_given_birth(answers: Answers) -> bool:
    age = answers.get("age")
    female = answers.get("sex") in ("female", "other")
    return female and answers.get("pregnant") is not True and (age is None or 12 <= age <= 57)


DIASTASIS: Condition = "rectus_diastasis"
"""Separated belly muscles: asked as its own question, of pregnant people and new mothers only
(the plan's belly-pressure rules follow it)."""


def _pregnant_or_after_birth(answers: Answers) -> bool:
    return answers.get("pregnant") is True or _weeks_after_birth(answers) is not None


def _weeks_after_birth(answers: Answers) -> int | None:
    weeks = answers.get("postpartum.weeks_since_birth")
    return weeks if isinstance(weeks, int) else None


def _in_maternity_care(answers: Answers) -> bool:
    """Pregnant, or within six weeks of a birth: the maternity warning signs apply."""
    weeks = _weeks_after_birth(answers)
    limit = DEFAULT_THRESHOLDS.maternity_weeks_after_birth
    return answers.get("pregnant") is True or (weeks is not None and weeks <= limit)


def _headache_matters(answers: Answers) -> bool:
    """A severe headache is a pregnancy warning sign; outside pregnancy it matters with a fever
    or with neck pain (NHS, Headaches: a severe headache with a high temperature and a stiff
    neck, or one that came on suddenly, is a 999 call)."""
    neck = "neck_shoulder" in (answers.get("pain.areas") or ())
    return _in_maternity_care(answers) or neck or answers.get("symptoms.fever_or_chills") is True


def _just_gave_birth(answers: Answers) -> bool:
    weeks = _weeks_after_birth(answers)
    return weeks is not None and weeks <= DEFAULT_THRESHOLDS.maternity_weeks_after_birth


def _baby_moves(answers: Answers) -> bool:
    """Movements are felt from about 16–24 weeks (NHS), so ask from 16 weeks."""
    weeks = answers.get("pregnancy.weeks")
    return answers.get("pregnant") is True and (weeks is None or weeks >= 16)


def _may_tear(answers: Answers) -> bool:
    """The aorta's warning (tearing, sudden severe pain) matters when the pain came on suddenly,
    sits in the upper back, or comes with chest pain."""
    return (
        answers.get("pain.onset") == "sudden"
        or "upper_back" in (answers.get("pain.areas") or ())
        or answers.get("symptoms.chest_pain_or_breathlessness") is True
    )


def _aneurysm_possible(answers: Answers) -> bool:
    return _at_least("age", DEFAULT_THRESHOLDS.vascular_age)(answers) or _yes(
        "symptoms.abdominal_pain"
    )(answers)


def _cancer_pattern_possible(answers: Answers) -> bool:
    """Pain that never eases matters with age 50+, night pain, a past cancer or weight loss."""
    return _at_least("age", DEFAULT_THRESHOLDS.cancer_age)(answers) or _any_yes(
        "pain.worse_at_night", "symptoms.cancer_history", "symptoms.unexplained_weight_loss"
    )(answers)


def _cannot_walk_matters(answers: Answers) -> bool:
    """After a fall, with a fever or a weak leg; in a child, whatever else (a child who cannot
    walk is an urgent referral: paediatric red flags); and with severe pain (7+ or excruciating)
    that began a day or more ago, when still not being able to get up is a doctor's matter (NHS
    inform). The ordinary case, milder pain, is not asked."""
    age = answers.get("age")
    is_child = isinstance(age, int) and age < DEFAULT_THRESHOLDS.child_age
    return (
        is_child
        or _severe_since_yesterday(answers)
        or _any_yes("symptoms.recent_trauma", "symptoms.fever_or_chills", "symptoms.leg_weakness")(
            answers
        )
    )


def _severe_since_yesterday(answers: Answers) -> bool:
    severe = (
        _at_least("pain.score", ACUTE_PAIN_SCORE)(answers)
        or answers.get("pain.excruciating") is True
    )
    return severe and _at_least("pain.duration_days", DEFAULT_THRESHOLDS.cannot_walk_days)(answers)


def _wound_possible(answers: Answers) -> bool:
    caesarean = answers.get("postpartum.delivery") == "caesarean"
    weeks = _weeks_after_birth(answers)
    recent_caesarean = caesarean and weeks is not None and weeks <= 12
    return recent_caesarean or _any_yes(
        "symptoms.recent_spinal_procedure", "symptoms.recent_epidural_or_spinal_anaesthetic"
    )(answers)


def _epidural_matters(answers: Answers) -> bool:
    """An epidural or spinal anaesthetic matters in the six weeks after a birth, and with the
    signs that would make one a worry: severe pain (7+ or excruciating), a fever, or a numb or
    weak leg (NHS trust leaflets on what to look out for after an epidural)."""
    severe = (
        _at_least("pain.score", ACUTE_PAIN_SCORE)(answers)
        or answers.get("pain.excruciating") is True
    )
    signs = _any_yes(
        "symptoms.fever_or_chills", "symptoms.leg_numbness_or_pain", "symptoms.leg_weakness"
    )(answers)
    return _just_gave_birth(answers) or severe or signs


MAX_POSTPARTUM_WEEKS = 104
"""Postpartum advice in the sources runs to about two years after birth."""


QUESTIONS: tuple[Question, ...] = (
    Question("age", "How old are you?", "number", minimum=0, maximum=120),
    Question("sex", "Are you female, male or other?", "choice", ("female", "male", "other")),
    Question("pregnant", "Are you pregnant?", applies=_may_be_pregnant),
    Question(
        "pregnancy.weeks",
        "How many weeks pregnant are you?",
        "number",
        minimum=0,
        maximum=42,
        required=True,
        applies=_yes("pregnant"),
    ),
    Question(
        "postpartum.weeks_since_birth",
        "If you have had a baby in the last two years: how many weeks ago? (leave empty if not)",
        "number",
        minimum=0,
        maximum=MAX_POSTPARTUM_WEEKS,
        applies=_may_have_given_birth,
    ),
    Question(
        "postpartum.delivery",
        "How was your baby born?",
        "choice",
        ("vaginal", "caesarean"),
        applies=lambda answers: _weeks_after_birth(answers) is not None,
    ),
    Question("menopause", "Have you been through the menopause?", applies=_may_be_menopausal),
    Question(
        "conditions",
        "Has a doctor told you that you have any of these?",
        "choices",
        tuple(c for c in CONDITIONS if c != DIASTASIS),
    ),
    Question(
        "diastasis",
        "Have you been told that your belly muscles have separated (a gap down the middle of "
        "your tummy, called diastasis recti)?",
        applies=_pregnant_or_after_birth,
    ),
    Question("pain.areas", "Where does it hurt?", "choices", AREAS),
    Question(
        "pain.score",
        "How bad is the pain right now, from 0 (none) to 10 (the worst imaginable)?",
        "number",
        minimum=0,
        maximum=10,
    ),
    Question(
        "pain.excruciating",
        "Is the pain excruciating right now?",
        applies=lambda answers: answers.get("pain.score") is None,
    ),
    Question(
        "pain.duration_days",
        "How many days have you had this pain? (about 30 days is a month, 90 is three months)",
        "number",
        minimum=0,
        maximum=36500,
    ),
    Question("pain.onset", "Did it start suddenly or slowly?", "choice", ("sudden", "gradual")),
    Question(
        "pain.improving",
        "Has the pain started to get better over the last week or two?",
        applies=_in_the_weeks_that_count,
    ),
    Question(
        "pain.getting_worse",
        "Is the pain getting worse as the days go by?",
        applies=_before_the_weeks_that_count,
    ),
    Question(
        "pain.usual_flare",
        "Is this a flare-up of back pain a doctor or physiotherapist has already seen, like your "
        "usual flare-ups?",
        applies=_at_least("pain.duration_days", DEFAULT_THRESHOLDS.chronic_days),
    ),
    Question("pain.worse_at_night", "Is the pain worse at night?"),
    Question(
        "pain.better_with_exercise",
        "Does it get better when you move about or exercise?",
        applies=_long_or_unknown,
    ),
    Question(
        "pain.better_with_rest", "Does it get better when you rest?", applies=_long_or_unknown
    ),
    Question(
        "pain.onset_age",
        "How old were you when this back pain first began?",
        "number",
        minimum=0,
        maximum=120,
        applies=_onset_age_matters,
        most=lambda answers: answers.get("age"),
    ),
    Question(
        "symptoms.saddle_numbness",
        "Is there numbness between your legs or around your bottom (where you would sit on a "
        "saddle)?",
    ),
    Question(
        "symptoms.bladder_or_bowel_change",
        "Any new trouble controlling or emptying your bladder or bowel?",
    ),
    Question("symptoms.leg_weakness", "Is a leg or foot weak, or does it give way?"),
    Question("symptoms.leg_numbness_or_pain", "Does numbness or pain go down a leg?"),
    Question(
        "symptoms.pain_or_numbness_both_legs",
        "Is the pain, tingling, numbness or weakness in both legs?",
        applies=_any_yes("symptoms.leg_numbness_or_pain", "symptoms.leg_weakness"),
    ),
    Question(
        "symptoms.new_sexual_problems",
        "Have you noticed new numbness of your genitals, or new trouble with erections or "
        "sexual feeling?",
        applies=_any_yes("symptoms.leg_numbness_or_pain", "symptoms.leg_weakness"),
    ),
    Question(
        "symptoms.clumsy_hands_or_unsteady_walking",
        "Have your hands become clumsy lately (dropping things, trouble with buttons or "
        "writing), or has your walking become unsteady?",
        applies=_spinal_cord_signs_matter,
    ),
    Question(
        "symptoms.walking_leg_pain_eased_by_sitting",
        "Does the leg pain come on when you walk and ease when you sit down?",
        applies=_any_yes("symptoms.leg_numbness_or_pain", "symptoms.leg_weakness"),
    ),
    Question(
        "symptoms.chest_pain_or_breathlessness",
        "Do you have chest pain or tightness, or have you suddenly become short of breath?",
    ),
    Question(
        "symptoms.sweating_nausea_or_faintness", "Are you sweating, feeling sick or feeling faint?"
    ),
    Question(
        "symptoms.tearing_or_sudden_severe_pain",
        "Did the pain come on suddenly and severely, or does it feel like tearing or ripping?",
        applies=_may_tear,
    ),
    Question("symptoms.abdominal_pain", "Do you have pain in your belly?"),
    Question(
        "symptoms.blood_in_vomit_or_black_stools",
        "Have you vomited blood, or had black, sticky stools?",
        applies=_yes("symptoms.abdominal_pain"),
    ),
    Question(
        "symptoms.might_be_pregnant",
        "Could you be pregnant (a missed or late period, or a positive test)?",
        applies=_belly_pain_with_periods,
    ),
    Question(
        "symptoms.period_pain",
        "Is this belly pain your period pain (cramps with your period that spread to your back)?",
        applies=_belly_pain_with_periods,
    ),
    Question(
        "symptoms.periods_changed",
        "Have your periods changed lately: heavier, irregular, or more painful than they used "
        "to be?",
        applies=_yes("symptoms.period_pain"),
    ),
    Question(
        "symptoms.known_aortic_aneurysm",
        "Has a doctor told you that you have an aortic aneurysm (a swelling of the body's main "
        "artery)?",
        applies=_aneurysm_possible,
    ),
    Question(
        "symptoms.pulsating_lump_in_belly",
        "Can you feel a lump in your belly that beats like a pulse?",
        applies=_aneurysm_possible,
    ),
    Question("symptoms.fever_or_chills", "Do you have a fever or chills?"),
    Question(
        "symptoms.confused_or_drowsy",
        "Have you suddenly become confused, or so drowsy that it is hard to stay awake?",
        applies=_confusion_matters,
    ),
    Question(
        "symptoms.extreme_shivering",
        "Are you shaking with shivers that you cannot stop?",
        applies=_infection_signs,
    ),
    Question(
        "symptoms.skin_blue_grey_or_blotchy",
        "Has your skin, lips or tongue turned blue, grey, pale or blotchy?",
        applies=_infection_signs,
    ),
    Question(
        "symptoms.injected_drug_use",
        "Do you inject drugs that were not prescribed to you?",
        applies=_yes("symptoms.fever_or_chills"),
    ),
    Question(
        "symptoms.recent_spinal_procedure",
        "Have you had an operation or an injection on your spine in the last three months?",
        applies=_yes("symptoms.fever_or_chills"),
    ),
    Question(
        "symptoms.recent_epidural_or_spinal_anaesthetic",
        "In the last six weeks, have you had an epidural or a spinal anaesthetic (an injection "
        "in your back for labour or an operation)?",
        applies=_epidural_matters,
    ),
    Question(
        "symptoms.wound_redness_or_discharge",
        "Is a wound (from an operation, a caesarean or an injection) red, swollen or weeping?",
        applies=_wound_possible,
    ),
    Question("symptoms.recent_trauma", "Did the pain start after a fall, an accident or a blow?"),
    Question(
        "symptoms.serious_accident",
        "Was it a serious accident, such as a road crash or a fall from higher than your own "
        "height?",
        applies=_yes("symptoms.recent_trauma"),
    ),
    Question(
        "symptoms.cannot_stand_or_walk",
        "Are you now unable to stand up or walk?",
        applies=_cannot_walk_matters,
    ),
    Question("symptoms.cancer_history", "Have you ever had cancer?"),
    Question("symptoms.unexplained_weight_loss", "Have you lost weight recently without trying?"),
    Question(
        "symptoms.lump_or_swelling_in_back",
        "Is there a lump or swelling in your back, or has the shape of your back changed?",
    ),
    Question(
        "symptoms.immunosuppressed_or_steroids",
        "Do you take steroid tablets or medicines that weaken the immune system, or have a "
        "weak immune system?",
    ),
    Question(
        "symptoms.rash_or_blisters_on_one_side",
        "Is there a painful rash or blisters on one side of your back, side, chest or tummy?",
        applies=_shingles_likely,
    ),
    Question(
        "symptoms.night_sweats",
        "Do you have drenching sweats at night?",
        applies=_any_yes(
            "symptoms.fever_or_chills",
            "symptoms.cancer_history",
            "symptoms.unexplained_weight_loss",
            "symptoms.immunosuppressed_or_steroids",
        ),
    ),
    Question(
        "symptoms.pain_constant_whatever_position",
        "Is the pain there all the time, the same whatever position you are in, even lying still?",
        applies=_cancer_pattern_possible,
    ),
    Question(
        "symptoms.height_loss_or_new_stoop",
        "Have you lost height, or started to stoop?",
        applies=_bones_at_risk,
    ),
    Question(
        "symptoms.urinary_pain_or_frequency",
        "Does it hurt or burn when you pass urine, or do you need to go much more often?",
    ),
    Question(
        "symptoms.flank_pain_or_colic",
        "Do you have cramping pain in your side that comes in waves?",
    ),
    Question(
        "symptoms.known_kidney_stones",
        "Have you had kidney stones before?",
        applies=_yes("symptoms.flank_pain_or_colic"),
    ),
    Question(
        "symptoms.testicle_pain",
        "Do you have pain in a testicle?",
        applies=_testicle_pain_matters,
    ),
    Question(
        "symptoms.little_or_no_urine",
        "Have you passed little or no urine today (none for eight hours, or much less than usual)?",
        applies=_kidneys_may_be_failing,
    ),
    Question(
        "symptoms.blood_in_urine",
        "Have you seen blood in your urine (pink, red or dark brown)?",
        applies=lambda answers: (
            _any_yes("symptoms.urinary_pain_or_frequency", "symptoms.flank_pain_or_colic")(answers)
            or _at_least("age", DEFAULT_THRESHOLDS.cancer_age)(answers)
        ),
    ),
    Question(
        "symptoms.dark_or_cola_urine",
        "Is your urine dark, like cola or strong tea?",
        applies=_yes("symptoms.blood_in_urine"),
    ),
    Question(
        "symptoms.new_swelling_face_or_ankles",
        "Have your face or ankles swollen up recently?",
        applies=_yes("symptoms.blood_in_urine"),
    ),
    Question(
        "symptoms.contractions_or_bleeding",
        "Do you have tightenings (contractions) or any bleeding from the vagina?",
        applies=_yes("pregnant"),
    ),
    Question(
        "symptoms.pelvic_pressure_or_discharge_change",
        "Does your pelvis feel heavy, as if it is sagging, or has your vaginal discharge changed "
        "(for example become thicker)?",
        applies=_yes("pregnant"),
    ),
    Question(
        "symptoms.waters_breaking",
        "Have your waters broken, or is fluid leaking from your vagina?",
        applies=_yes("pregnant"),
    ),
    Question(
        "symptoms.reduced_baby_movements",
        "Is your baby moving less than usual, or have the movements changed?",
        applies=_baby_moves,
    ),
    Question(
        "symptoms.contractions_or_bleeding",
        "Are you bleeding heavily from the vagina (soaking a pad in an hour) or passing large "
        "clots?",
        applies=_just_gave_birth,
    ),
    Question(
        "symptoms.severe_headache_or_vision_change",
        "Do you have a severe headache, or problems with your vision (blurring, flashing lights)?",
        applies=_headache_matters,
    ),
    Question(
        "symptoms.hot_swollen_calf",
        "Is one calf (lower leg) painful, swollen, red or warm?",
        applies=_in_maternity_care,
    ),
)
"""Every check-in question, in the order they are asked."""


def questions_for(answers: Answers) -> list[Question]:
    """The questions still to ask, in order, given the answers so far."""
    return [q for q in QUESTIONS if q.key not in answers and q.applies(answers)]


def parse_answer(question: Question, text: str, answers: Answers | None = None) -> Any:
    """A typed answer from what the person typed; ``None`` for "don't know". ``answers`` (the
    earlier ones) may narrow a number's range."""
    value = text.strip().lower()
    if value in DONT_KNOW and not question.required:
        return [] if question.kind == "choices" else None
    if question.kind == "yes_no":
        if value in YES | NO:
            return value in YES
        raise InputError(f"{question.key}: answer yes, no, or ? if you don't know")
    if question.kind == "number":
        return _number(question, value, question.highest(answers or {}))
    options = [part.strip() for part in value.split(",")] if question.kind == "choices" else [value]
    chosen = [_choice(question, option) for option in options if option]
    return chosen if question.kind == "choices" else chosen[0]


def _number(question: Question, value: str, high: int | None) -> int:
    low = question.minimum
    try:
        number = int(value)
    except ValueError:
        raise InputError(f"{question.key}: a whole number is needed") from None
    if (low is not None and number < low) or (high is not None and number > high):
        raise InputError(f"{question.key}: a number from {low} to {high} is needed")
    return number


def _choice(question: Question, value: str) -> str:
    """A choice by its name, the start of its name or its number in the list."""
    if value.isdigit() and 1 <= int(value) <= len(question.choices):
        return question.choices[int(value) - 1]
    matches = [c for c in question.choices if c == value or c.startswith(value.replace(" ", "_"))]
    if len(matches) != 1:
        raise InputError(f"{question.key}: choose one of {', '.join(question.choices)}")
    return matches[0]


def profile_from_answers(answers: Answers) -> Profile:
    """The profile the answers describe ("don't know" answers stay absent)."""
    data: dict[str, Any] = {}
    if answers.get("diastasis") is True:
        data["conditions"] = [*(answers.get("conditions") or []), DIASTASIS]
    for key, value in answers.items():
        if (
            value is None
            or key in ("pregnant", "diastasis")
            or (key == "conditions" and "conditions" in data)
            or (key == "pregnancy.weeks" and not answers.get("pregnant"))
        ):
            continue
        *parents, leaf = key.split(".")
        target = data
        for parent in parents:
            target = target.setdefault(parent, {})
        target[leaf] = value
    return Profile.model_validate(data)
