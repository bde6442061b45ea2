"""The check-in question flow: asks only what applies, and every answer lands in the profile."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backcare.errors import InputError
from backcare.profile import SYMPTOM_FIELDS, Profile
from backcare.triage import Question, parse_answer, profile_from_answers, questions_for
from backcare.triage.questions import QUESTIONS

Policy = Callable[[Question], Any]


def walk(given_answers: dict[str, Any], default: Policy) -> tuple[list[str], Profile]:
    """Answer the flow to the end: ``given_answers`` where set, else ``default``."""
    answers: dict[str, Any] = {}
    asked: list[str] = []
    while remaining := questions_for(answers):
        question = remaining[0]
        asked.append(question.key)
        answers[question.key] = given_answers.get(question.key, default(question))
    return asked, profile_from_answers(answers)


def no_or_skip(question: Question) -> Any:
    return False if question.kind == "yes_no" else None


def test_a_man_is_never_asked_about_pregnancy_or_menopause() -> None:
    asked, profile = walk({"age": 45, "sex": "male"}, no_or_skip)
    assert not [key for key in asked if "pregnan" in key or "menopause" in key]
    assert "symptoms.contractions_or_bleeding" not in asked
    assert profile.pregnancy is None


def test_a_pregnant_woman_is_asked_her_week_and_the_labour_signs() -> None:
    woman = {"age": 31, "sex": "female", "pregnant": True, "pregnancy.weeks": 30}
    asked, profile = walk(woman, no_or_skip)
    assert "symptoms.contractions_or_bleeding" in asked
    assert "symptoms.pelvic_pressure_or_discharge_change" in asked
    assert "menopause" not in asked
    assert profile.pregnancy is not None
    assert profile.pregnancy.weeks == 30


def test_pregnancy_week_cannot_be_skipped() -> None:
    weeks = next(q for q in QUESTIONS if q.key == "pregnancy.weeks")
    with pytest.raises(InputError, match=r"^pregnancy\.weeks: "):
        parse_answer(weeks, "")


@pytest.mark.parametrize(
    ("trigger", "follow_up"),
    [
        ("symptoms.leg_numbness_or_pain", "symptoms.walking_leg_pain_eased_by_sitting"),
        ("symptoms.urinary_pain_or_frequency", "symptoms.blood_in_urine"),
        ("symptoms.flank_pain_or_colic", "symptoms.blood_in_urine"),
        ("symptoms.fever_or_chills", "symptoms.night_sweats"),
        ("symptoms.immunosuppressed_or_steroids", "symptoms.height_loss_or_new_stoop"),
    ],
)
def test_follow_ups_only_when_an_answer_calls_for_them(trigger: str, follow_up: str) -> None:
    calm, _ = walk({"age": 30, "sex": "male"}, no_or_skip)
    worried, _ = walk({"age": 30, "sex": "male", trigger: True}, no_or_skip)
    assert follow_up not in calm
    assert follow_up in worried


def test_a_child_is_asked_whether_they_can_walk_and_an_adult_only_after_a_reason() -> None:
    """A child who cannot walk needs urgent referral whatever else they answer (paediatric red
    flags); an adult is asked only after a fall, a fever or a weak leg."""
    child, _ = walk({"age": 12, "sex": "female"}, no_or_skip)
    adult, _ = walk({"age": 30, "sex": "female"}, no_or_skip)
    assert "symptoms.cannot_stand_or_walk" in child
    assert "symptoms.cannot_stand_or_walk" not in adult


def test_the_inflammatory_pattern_is_asked_only_for_long_pain() -> None:
    short, _ = walk({"age": 30, "pain.duration_days": 10}, no_or_skip)
    long, _ = walk({"age": 30, "pain.duration_days": 200}, no_or_skip)
    assert "pain.better_with_rest" not in short
    assert {"pain.better_with_exercise", "pain.better_with_rest"} <= set(long)


def test_every_warning_sign_and_pain_answer_the_rules_use_is_asked_somewhere() -> None:
    keys = {question.key for question in QUESTIONS}
    needed = {f"symptoms.{name}" for name in SYMPTOM_FIELDS} | {
        "age",
        "menopause",
        "conditions",
        "pregnancy.weeks",
        "pain.areas",
        "pain.score",
        "pain.excruciating",
        "pain.duration_days",
        "pain.onset",
        "pain.worse_at_night",
        "pain.better_with_exercise",
        "pain.better_with_rest",
        "pain.onset_age",
    }
    assert needed - keys == set()


@pytest.mark.parametrize(
    ("key", "typed", "value"),
    [
        ("symptoms.fever_or_chills", "y", True),
        ("symptoms.fever_or_chills", "No", False),
        ("symptoms.fever_or_chills", "?", None),
        ("pain.score", "7", 7),
        ("pain.score", "", None),
        ("sex", "2", "male"),
        ("pain.onset", "grad", "gradual"),
        ("pain.areas", "lower back, 4", ["lower_back", "leg_sciatica"]),
        ("conditions", "", []),
    ],
)
def test_typed_answers(key: str, typed: str, value: Any) -> None:
    question = next(q for q in QUESTIONS if q.key == key)
    assert parse_answer(question, typed) == value


@pytest.mark.parametrize(
    ("key", "typed"),
    [
        ("pain.score", "11"),
        ("pain.score", "a lot"),
        ("symptoms.leg_weakness", "maybe"),
        ("sex", "dog"),
        ("pain.areas", "lower back, elbow"),
    ],
)
def test_bad_typed_answers_name_the_question(key: str, typed: str) -> None:
    question = next(q for q in QUESTIONS if q.key == key)
    with pytest.raises(InputError, match=f"^{key}: "):
        parse_answer(question, typed)


def test_pain_cannot_begin_after_todays_age() -> None:
    question = next(q for q in QUESTIONS if q.key == "pain.onset_age")
    assert parse_answer(question, "45", {"age": 45}) == 45
    with pytest.raises(InputError, match=r"^pain\.onset_age: a number from 0 to 45"):
        parse_answer(question, "46", {"age": 45})


def random_answer(question: Question) -> st.SearchStrategy[Any]:
    if question.kind == "yes_no":
        return st.none() | st.booleans()
    if question.kind == "number":
        low, high = question.minimum or 0, question.maximum or 0
        values = st.integers(low, high)
        return values if question.required else st.none() | values
    if question.kind == "choice":
        return st.none() | st.sampled_from(question.choices)
    return st.lists(st.sampled_from(question.choices), unique=True)


all_answers = st.fixed_dictionaries({q.key: random_answer(q) for q in QUESTIONS})
"""A random answer ready for every question; the flow decides which get asked."""


@settings(max_examples=300, deadline=None)
@given(all_answers)
def test_any_way_through_the_questions_gives_a_valid_profile(ready: dict[str, Any]) -> None:
    answers: dict[str, Any] = {}
    while remaining := questions_for(answers):
        question = remaining[0]
        assert question.key not in answers
        value, highest = ready[question.key], question.highest(answers)
        answers[question.key] = min(value, highest) if value and highest is not None else value
    profile = profile_from_answers(answers)
    assert (profile.pregnancy is not None) == (answers.get("pregnant") is True)
    if profile.sex == "male":
        assert "pregnant" not in answers


FOLLOW_UPS = frozenset(
    {
        "symptoms.cannot_stand_or_walk",
        "symptoms.serious_accident",
        "symptoms.tearing_or_sudden_severe_pain",
        "symptoms.known_aortic_aneurysm",
        "symptoms.pulsating_lump_in_belly",
        "symptoms.pain_constant_whatever_position",
        "symptoms.dark_or_cola_urine",
        "symptoms.new_swelling_face_or_ankles",
        "symptoms.injected_drug_use",
        "symptoms.recent_spinal_procedure",
        "symptoms.confused_or_drowsy",
        "symptoms.known_kidney_stones",
        "symptoms.waters_breaking",
        "symptoms.reduced_baby_movements",
        "symptoms.severe_headache_or_vision_change",
        "symptoms.hot_swollen_calf",
        "symptoms.wound_redness_or_discharge",
        "symptoms.blood_in_vomit_or_black_stools",
        "symptoms.might_be_pregnant",
        "symptoms.period_pain",
        "symptoms.periods_changed",
        "symptoms.extreme_shivering",
        "symptoms.skin_blue_grey_or_blotchy",
        "symptoms.clumsy_hands_or_unsteady_walking",
        "symptoms.testicle_pain",
        "symptoms.little_or_no_urine",
        "symptoms.recent_epidural_or_spinal_anaesthetic",
    }
)
"""The warning-sign questions issue 14 added: asked only of the people they concern."""

OFFICE_WORKER = {
    "age": 35,
    "sex": "male",
    "pain.areas": ["lower_back"],
    "pain.score": 4,
    "pain.duration_days": 10,
    "pain.onset": "gradual",
}


def test_an_office_worker_with_plain_back_pain_gets_a_short_check() -> None:
    """Issue 14: the follow-up warning-sign questions cost the ordinary case nothing; the one
    question every person is asked that the NHS back pain list adds (a lump, swelling or changed
    shape, beside fever and weight loss) made 23 for this man, 22 before; whether his pain of ten
    days is getting worse (NHS: get help if it "gets worse over time") makes 24."""
    asked, _ = walk(OFFICE_WORKER, no_or_skip)
    assert len(asked) == 24
    assert "pain.getting_worse" in asked
    assert "symptoms.lump_or_swelling_in_back" in asked
    assert FOLLOW_UPS & set(asked) == set()


@pytest.mark.parametrize(
    ("person", "asked_about"),
    [
        pytest.param(
            {"age": 72, "symptoms.recent_trauma": True},
            {"symptoms.cannot_stand_or_walk", "symptoms.serious_accident"},
            id="an-older-person-who-fell-is-asked-whether-they-can-stand",
        ),
        pytest.param(
            {
                "age": 40,
                "symptoms.urinary_pain_or_frequency": True,
                "symptoms.blood_in_urine": True,
            },
            {"symptoms.dark_or_cola_urine", "symptoms.new_swelling_face_or_ankles"},
            id="blood-in-the-urine-brings-its-colour",
        ),
        pytest.param(
            {"age": 55},
            {"symptoms.blood_in_urine", "symptoms.known_aortic_aneurysm"},
            id="from-50-blood-in-the-urine-and-the-aorta",
        ),
        pytest.param(
            {"age": 30, "sex": "female", "pregnant": True, "pregnancy.weeks": 30},
            {
                "symptoms.waters_breaking",
                "symptoms.reduced_baby_movements",
                "symptoms.severe_headache_or_vision_change",
                "symptoms.hot_swollen_calf",
            },
            id="a-pregnant-woman-is-asked-the-pregnancy-warning-signs",
        ),
        pytest.param(
            {
                "age": 30,
                "sex": "female",
                "postpartum.weeks_since_birth": 2,
                "postpartum.delivery": "caesarean",
            },
            {
                "symptoms.contractions_or_bleeding",
                "symptoms.wound_redness_or_discharge",
                "symptoms.severe_headache_or_vision_change",
            },
            id="two-weeks-after-a-caesarean-bleeding-and-the-wound",
        ),
        pytest.param(
            {"age": 40, "symptoms.fever_or_chills": True},
            {
                "symptoms.injected_drug_use",
                "symptoms.recent_spinal_procedure",
                "symptoms.confused_or_drowsy",
                "symptoms.cannot_stand_or_walk",
                "symptoms.severe_headache_or_vision_change",
            },
            id="a-fever-brings-the-spinal-infection-risks-and-whether-they-can-walk",
        ),
        pytest.param(
            {"age": 65},
            {"symptoms.confused_or_drowsy"},
            id="from-65-sudden-confusion-without-a-fever",
        ),
        pytest.param(
            {"age": 30, "symptoms.abdominal_pain": True},
            {"symptoms.blood_in_vomit_or_black_stools"},
            id="belly-pain-asks-about-bleeding-in-the-gut",
        ),
        pytest.param(
            {"age": 30, "pain.areas": ["neck_shoulder"]},
            {
                "symptoms.severe_headache_or_vision_change",
                "symptoms.clumsy_hands_or_unsteady_walking",
            },
            id="neck-pain-asks-about-a-severe-headache-and-clumsy-hands",
        ),
        pytest.param(
            {"age": 27, "sex": "female", "pregnant": False, "symptoms.abdominal_pain": True},
            {"symptoms.might_be_pregnant", "symptoms.period_pain"},
            id="belly-pain-in-a-woman-not-known-to-be-pregnant-asks-about-pregnancy-and-periods",
        ),
        pytest.param(
            {"age": 30, "sex": "male", "symptoms.flank_pain_or_colic": True},
            {"symptoms.testicle_pain"},
            id="side-pain-in-waves-in-a-man-asks-about-testicle-pain",
        ),
        pytest.param(
            {"age": 45, "symptoms.sweating_nausea_or_faintness": True},
            {"symptoms.little_or_no_urine"},
            id="being-sick-asks-about-little-or-no-urine",
        ),
        pytest.param(
            {"age": 29, "sex": "female", "postpartum.weeks_since_birth": 2},
            {"symptoms.recent_epidural_or_spinal_anaesthetic"},
            id="two-weeks-after-a-birth-asks-about-an-epidural",
        ),
        pytest.param(
            {"age": 52, "symptoms.leg_numbness_or_pain": True},
            {"symptoms.recent_epidural_or_spinal_anaesthetic"},
            id="a-numb-leg-asks-about-an-epidural",
        ),
        pytest.param(
            {"age": 58, "pain.duration_days": 3650},
            {"pain.usual_flare"},
            id="pain-of-ten-years-asks-whether-this-is-a-usual-flare-up",
        ),
        pytest.param(
            {"age": 15, "sex": "male"},
            {"symptoms.testicle_pain"},
            id="a-boy-of-15-is-asked-about-testicle-pain",
        ),
        pytest.param(
            {"age": 50, "symptoms.urinary_pain_or_frequency": True},
            {"symptoms.extreme_shivering", "symptoms.skin_blue_grey_or_blotchy"},
            id="urine-symptoms-ask-the-sepsis-signs",
        ),
        pytest.param(
            {"age": 40, "symptoms.flank_pain_or_colic": True},
            {"symptoms.known_kidney_stones", "symptoms.confused_or_drowsy"},
            id="colic-asks-about-known-stones",
        ),
        pytest.param(
            {"age": 40, "symptoms.leg_numbness_or_pain": True},
            {"symptoms.pain_or_numbness_both_legs", "symptoms.new_sexual_problems"},
            id="sciatica-asks-both-legs-and-sexual-function",
        ),
        pytest.param(
            {"age": 40, "symptoms.leg_weakness": True},
            {"symptoms.cannot_stand_or_walk", "symptoms.pain_or_numbness_both_legs"},
            id="a-weak-leg-asks-whether-they-can-stand-or-walk",
        ),
        pytest.param(
            {"age": 70, "pain.duration_days": 5},
            {"pain.onset_age"},
            id="at-70-a-short-pain-asks-when-the-back-pain-first-began",
        ),
        pytest.param(
            {"age": 40, "pain.score": 8, "pain.duration_days": 1},
            {"symptoms.cannot_stand_or_walk"},
            id="severe-pain-since-yesterday-asks-whether-they-can-stand-or-walk",
        ),
        pytest.param(
            {"age": 56, "pain.duration_days": 7},
            {"pain.onset_age"},
            id="at-56-a-short-pain-asks-when-the-back-pain-first-began",
        ),
    ],
)
def test_new_questions_come_only_where_they_matter(
    person: dict[str, Any], asked_about: set[str]
) -> None:
    asked, _ = walk(person, no_or_skip)
    ordinary, _ = walk(OFFICE_WORKER, no_or_skip)
    assert asked_about <= set(asked)
    assert asked_about & set(ordinary) == set()


@pytest.mark.parametrize(
    "person",
    [
        pytest.param({"age": 40, "pain.score": 8, "pain.duration_days": 0}, id="severe-today"),
        pytest.param({"age": 40, "pain.score": 6, "pain.duration_days": 3}, id="moderate"),
    ],
)
def test_not_being_able_to_walk_is_not_asked_on_the_first_day_or_with_milder_pain(
    person: dict[str, Any],
) -> None:
    """Severe pain on the day it began, or milder pain, cannot reach the "still not walking"
    rule, so the question is not asked (no fall, fever or weak leg either)."""
    asked, _ = walk(person, no_or_skip)
    assert "symptoms.cannot_stand_or_walk" not in asked


@pytest.mark.parametrize(
    "person",
    [
        pytest.param({"age": 40, "sex": "male", "symptoms.abdominal_pain": True}, id="a-man"),
        pytest.param(
            {"age": 60, "sex": "female", "symptoms.abdominal_pain": True}, id="a-woman-of-60"
        ),
        pytest.param(
            {"age": 30, "sex": "female", "pregnant": True, "symptoms.abdominal_pain": True},
            id="known-to-be-pregnant",
        ),
        pytest.param({"age": 30, "sex": "female"}, id="no-belly-pain"),
    ],
)
def test_pregnancy_and_period_pain_are_asked_only_with_belly_pain_of_who_could_have_periods(
    person: dict[str, Any],
) -> None:
    asked, _ = walk(person, no_or_skip)
    assert not {"symptoms.might_be_pregnant", "symptoms.period_pain"} & set(asked)


@pytest.mark.parametrize(
    "person",
    [
        pytest.param({"age": 35, "sex": "male"}, id="a-man-of-35-without-belly-or-side-pain"),
        pytest.param(
            {"age": 30, "sex": "female", "symptoms.abdominal_pain": True},
            id="a-woman-with-belly-pain",
        ),
    ],
)
def test_testicle_pain_is_asked_only_where_it_matters(person: dict[str, Any]) -> None:
    asked, _ = walk(person, no_or_skip)
    assert "symptoms.testicle_pain" not in asked


def test_confusion_is_asked_from_65_or_with_a_fever_not_of_a_well_64_year_old() -> None:
    asked, _ = walk({"age": 64}, no_or_skip)
    assert "symptoms.confused_or_drowsy" not in asked


def test_separated_belly_muscles_are_asked_of_pregnant_people_and_new_mothers_only() -> None:
    pregnant = {"age": 30, "sex": "female", "pregnant": True, "pregnancy.weeks": 20}
    mother = {"age": 30, "sex": "female", "postpartum.weeks_since_birth": 8}
    asked_pregnant, _ = walk(pregnant, no_or_skip)
    asked_mother, profile = walk({**mother, "diastasis": True}, no_or_skip)
    asked_worker, _ = walk(OFFICE_WORKER, no_or_skip)
    assert "diastasis" in asked_pregnant
    assert "diastasis" in asked_mother
    assert "diastasis" not in asked_worker
    assert "rectus_diastasis" in profile.conditions
    conditions = next(q for q in QUESTIONS if q.key == "conditions")
    assert "rectus_diastasis" not in conditions.choices


@pytest.mark.parametrize(
    ("key", "days", "asked"),
    [
        pytest.param("pain.improving", 10, False, id="easing-ten-days-too-soon-to-ask"),
        pytest.param("pain.improving", 21, True, id="easing-three-weeks"),
        pytest.param("pain.improving", 60, True, id="easing-two-months"),
        pytest.param("pain.improving", 90, False, id="easing-three-months-is-long-term-anyway"),
        pytest.param("pain.improving", None, False, id="easing-duration-not-known"),
        pytest.param("pain.getting_worse", 5, False, id="worse-first-five-days"),
        pytest.param("pain.getting_worse", 6, True, id="worse-six-days"),
        pytest.param("pain.getting_worse", 20, True, id="worse-twenty-days"),
        pytest.param("pain.getting_worse", 21, False, id="worse-three-weeks-asks-if-easing"),
        pytest.param("pain.getting_worse", None, False, id="worse-duration-not-known"),
    ],
)
def test_the_course_of_the_pain_is_asked_only_in_the_days_it_decides(
    key: str, days: int | None, asked: bool
) -> None:
    """Whether the pain is getting worse is asked from the sixth day (in the first days a new
    pain often peaks), whether it has started to ease from three weeks to three months."""
    answers = {**OFFICE_WORKER, "pain.duration_days": days}
    keys = {question.key for question in questions_for(answers)}
    assert (key in keys) is asked


def test_a_change_in_periods_is_asked_only_of_who_says_the_pain_is_period_pain() -> None:
    person = {"age": 29, "sex": "female", "pregnant": False, "symptoms.abdominal_pain": True}
    asked_yes, _ = walk({**person, "symptoms.period_pain": True}, no_or_skip)
    asked_no, _ = walk({**person, "symptoms.period_pain": False}, no_or_skip)
    assert "symptoms.periods_changed" in asked_yes
    assert "symptoms.periods_changed" not in asked_no


@pytest.mark.parametrize(
    ("answers", "asked"),
    [
        pytest.param({}, False, id="office-worker-of-35"),
        pytest.param({"age": 50}, True, id="fifty"),
        pytest.param({"age": 72}, True, id="seventy-two"),
        pytest.param(
            {"symptoms.immunosuppressed_or_steroids": True}, True, id="weak-immune-system"
        ),
    ],
)
def test_a_one_sided_rash_is_asked_from_fifty_or_with_a_weak_immune_system(
    answers: dict[str, object], asked: bool
) -> None:
    """Shingles is most common from 50 (NHS Leicester City CCG) and with a weak immune system or
    steroids; the ordinary office worker is not asked (his count stays 24)."""
    keys = {question.key for question in questions_for({**OFFICE_WORKER, **answers})}
    assert ("symptoms.rash_or_blisters_on_one_side" in keys) is asked
