"""Properties of the safety check over random profiles (every field drawn, see tests/strategies).

More trouble never means less urgency, a cauda equina sign is always an emergency, exercise waits
whenever it must, every flag is sourced, the result is deterministic and keeps the SPEC §3 shape.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from backcare.content.schema import FLAG_IDS
from backcare.knowledge import KnowledgeBase
from backcare.profile import SYMPTOM_FIELDS, Profile
from backcare.triage import LEVELS, CheckResult, evaluate
from tests.strategies import profiles

EXAMPLES = settings(max_examples=300, deadline=None)

# Answers whose "trouble" value is true: every symptom, and the pain answers that point to a
# problem. ``better_with_rest`` is an answer where trouble is *false* (pain that rest does not
# ease is the ASAS criterion); rest bringing relief is reassuring, so it is flipped to false.
# ``known_kidney_stones`` is a fact of history, not a symptom, and counts both ways: a known
# stone lets a first-looking colic at 60+ be a stone rather than an aneurysm, and with a fever
# it makes a blocked, infected kidney likely (an emergency). It is left out of the monotone
# properties and tested by example in test_classes.
# ``serious_accident`` counts both ways: yes is trouble, and an answered no lets a knock with
# moderate pain stay minor. ``improving`` is trouble when false (pain not easing after a few
# weeks is booked); an answered yes lets pain of three weeks to three months stay self-care.
# After a cancer, pain the person says eases (with rest or a change of position) and is not
# worse at night is booked rather than urgent, so those three answers reassure too.
# ``period_pain`` is trouble when false: belly pain that is only period pain is self-care, or
# booked when severe, where other belly pain is booked, or an emergency when severe.
# ``usual_flare`` is trouble when false: a usual flare-up of long-standing pain a doctor has
# already seen is not booked again for lasting three months, or for being new when older.
REASSURANCE = frozenset(
    {
        "symptoms.serious_accident",
        "pain.improving",
        "pain.worse_at_night",
        "pain.better_with_rest",
        "symptoms.pain_constant_whatever_position",
        "symptoms.period_pain",
        "pain.usual_flare",
    }
)
"""Answers one of whose values lowers the worry ("no, it was not a serious accident", which lets
a knock with moderate pain stay minor). Not knowing them cannot reassure, so forgetting the
reassuring value may raise the level (tested by example in test_classes); forgetting the
worrying value still never does."""

BOTH_WAYS = frozenset({"known_kidney_stones"})

TROUBLE: dict[str, bool] = {
    **{f"symptoms.{name}": True for name in SYMPTOM_FIELDS if name not in BOTH_WAYS},
    "symptoms.period_pain": False,
    "pain.excruciating": True,
    "pain.worse_at_night": True,
    "pain.better_with_exercise": True,
    "pain.better_with_rest": False,
    "pain.improving": False,
    "pain.getting_worse": True,
    "pain.usual_flare": False,
}


def rank(result: CheckResult) -> int:
    """0 = emergency … 3 = self_care."""
    return LEVELS.index(result.level)


def with_answer(profile: Profile, key: str, value: Any) -> Profile:
    part, name = key.split(".")
    data = profile.model_dump()
    data[part][name] = value
    return Profile.model_validate(data)


@EXAMPLES
@given(profiles(), st.sampled_from(sorted(TROUBLE)))
def test_adding_a_symptom_never_lowers_the_level(
    flags_kb: KnowledgeBase, profile: Profile, key: str
) -> None:
    before = evaluate(profile, flags_kb)
    after = evaluate(with_answer(profile, key, TROUBLE[key]), flags_kb)
    assert rank(after) <= rank(before)
    assert after.exercise_allowed <= before.exercise_allowed


@EXAMPLES
@given(profiles(), st.sampled_from(sorted(TROUBLE)))
def test_forgetting_an_answer_never_raises_the_level(
    flags_kb: KnowledgeBase, profile: Profile, key: str
) -> None:
    """Absent is "not known": no flag may fire because an answer is missing. A reassuring
    answer is the one exception, so for those the answer forgotten is the worrying one."""
    if key in REASSURANCE:
        profile = with_answer(profile, key, TROUBLE[key])
    before = evaluate(profile, flags_kb)
    after = evaluate(with_answer(profile, key, None), flags_kb)
    assert rank(after) >= rank(before)


@EXAMPLES
@given(profiles(), st.integers(1, 10), st.integers(1, 3000))
def test_more_pain_for_longer_never_lowers_the_level(
    flags_kb: KnowledgeBase, profile: Profile, more_score: int, more_days: int
) -> None:
    pain = profile.pain
    days = pain.duration_days  # only a longer duration: answering it may rule the ASAS screen out
    score = pain.score or 0  # a known score: answering it may show a knock is minor
    known = profile.model_copy(update={"pain": pain.model_copy(update={"score": score})})
    worse_pain = pain.model_copy(
        update={
            "score": min(10, score + more_score),
            "duration_days": None if days is None else days + more_days,
        }
    )
    worse = profile.model_copy(update={"pain": worse_pain})
    assert rank(evaluate(worse, flags_kb)) <= rank(evaluate(known, flags_kb))


@EXAMPLES
@given(profiles(), st.sampled_from(["saddle_numbness", "bladder_or_bowel_change"]))
def test_any_cauda_equina_sign_is_an_emergency(
    flags_kb: KnowledgeBase, profile: Profile, sign: str
) -> None:
    result = evaluate(with_answer(profile, f"symptoms.{sign}", True), flags_kb)
    assert result.level == "emergency"
    assert "cauda_equina" in {flag.id for flag in result.flags}
    assert not result.exercise_allowed


@EXAMPLES
@given(profiles())
def test_anyone_suddenly_confused_or_very_drowsy_is_an_emergency(
    flags_kb: KnowledgeBase, profile: Profile
) -> None:
    """NHS, Sudden confusion: "Go to A&E or call 999 if someone suddenly becomes confused",
    whatever else they answered."""
    symptoms = profile.symptoms.model_copy(update={"confused_or_drowsy": True})
    confused = profile.model_copy(update={"symptoms": symptoms})
    result = evaluate(confused, flags_kb)
    assert result.level == "emergency"
    assert {"sepsis", "sudden_confusion"} & {flag.id for flag in result.flags}


@EXAMPLES
@given(profiles())
def test_exercise_waits_for_emergency_urgent_and_acute_pain(
    flags_kb: KnowledgeBase, profile: Profile
) -> None:
    result = evaluate(profile, flags_kb)
    must_wait = result.level in ("emergency", "urgent") or profile.is_acute
    assert result.exercise_allowed is not must_wait


@EXAMPLES
@given(profiles())
def test_every_flag_is_sourced_worded_and_sets_the_level(
    flags_kb: KnowledgeBase, profile: Profile
) -> None:
    result = evaluate(profile, flags_kb)
    for flag in result.flags:
        assert flag.sources, flag.id
        assert flag.message.startswith("We noticed "), flag.id
        assert flag.action, flag.id
    ids = [flag.id for flag in result.flags]
    assert len(ids) == len(set(ids))
    levels = [LEVELS.index(flag.level) for flag in result.flags]
    assert levels == sorted(levels)
    assert result.level == (result.flags[0].level if result.flags else "self_care")
    assert result.advice


@EXAMPLES
@given(profiles())
def test_the_advice_says_no_sentence_twice_and_the_page_keeps_every_instruction(
    flags_kb: KnowledgeBase, profile: Profile
) -> None:
    """The result page prints the advice, then each sign with only what the advice leaves out
    (``action_beyond_advice``): nothing said twice, nothing a sign asks for lost, and no
    self-care wording beside a "see a doctor today" result."""
    result = evaluate(profile, flags_kb)
    sentences = [part.strip() for part in result.advice.split(". ") if part.strip()]
    assert len(sentences) == len(set(sentences)), result.advice
    assert result.advice.lower().count("check again if anything changes") <= 1
    doctor_today = result.level in {"emergency", "urgent"}
    for flag in result.flags:
        if flag.level == "self_care" and doctor_today:
            assert result.action_beyond_advice(flag) is None  # no "carry on" beside "see a doctor"
            continue
        on_page = f"{result.advice} {result.action_beyond_advice(flag) or ''}"
        own_note = flag.action.rstrip(".").split(". ")[-1]
        assert own_note in on_page, (flag.id, flag.action, result.advice)


@EXAMPLES
@given(profiles())
def test_the_result_is_deterministic(flags_kb: KnowledgeBase, profile: Profile) -> None:
    again = Profile.model_validate_json(profile.model_dump_json())
    assert evaluate(profile, flags_kb) == evaluate(again, flags_kb)


@EXAMPLES
@given(profiles())
def test_json_has_the_spec_shape(flags_kb: KnowledgeBase, profile: Profile) -> None:
    data = json.loads(evaluate(profile, flags_kb).model_dump_json(exclude_none=True))
    assert_spec_shape(data)


def assert_spec_shape(data: dict[str, Any]) -> None:
    """SPEC §3: level, exercise_allowed, flags [{id, level, message, sources, action}], advice."""
    assert set(data) == {"level", "exercise_allowed", "flags", "advice"}
    assert data["level"] in LEVELS
    assert isinstance(data["exercise_allowed"], bool)
    assert isinstance(data["advice"], str)
    assert data["advice"]
    for flag in data["flags"]:
        assert set(flag) == {"id", "level", "message", "action", "sources"}
        assert flag["id"] in FLAG_IDS
        assert flag["level"] in LEVELS
        assert isinstance(flag["message"], str)
        assert isinstance(flag["action"], str)
        for source in flag["sources"]:
            assert set(source) in ({"seed", "quote"}, {"ref"})
            assert all(isinstance(value, str) and value for value in source.values())


@EXAMPLES
@given(
    profiles(age=st.integers(65, 120)),
    st.integers(5, 10) | st.none(),
    st.booleans() | st.none(),
)
def test_every_person_65_or_over_who_fell_with_more_than_mild_pain_is_an_emergency(
    flags_kb: KnowledgeBase, profile: Profile, score: int | None, excruciating: bool | None
) -> None:
    """NICE NG41: 65 or over with spinal pain after a fall is high risk; East of England
    Ambulance Service: call 999 if an older person who fell hurt their back. An ambulance, not
    a walk to the doctor's, from a score of 5 (more than mild) or "excruciating". This holds the
    issue's property (severe pain at 65+ after a fall is an emergency) and widens it."""
    assert_severe_pain_after_a_fall_is_an_emergency(flags_kb, profile, score, excruciating)


@EXAMPLES
@given(profiles(), st.integers(7, 10) | st.none(), st.booleans() | st.none())
def test_every_person_who_fell_with_severe_pain_is_an_emergency_at_any_age(
    flags_kb: KnowledgeBase, profile: Profile, score: int | None, excruciating: bool | None
) -> None:
    """St John Ambulance, spinal injury: severe pain where a fall or blow landed may be a
    broken spine at any age; call 999 and do not move."""
    assert_severe_pain_after_a_fall_is_an_emergency(flags_kb, profile, score, excruciating)


def assert_severe_pain_after_a_fall_is_an_emergency(
    kb: KnowledgeBase, profile: Profile, score: int | None, excruciating: bool | None
) -> None:
    pain = profile.pain.model_copy(
        update={"score": score, "excruciating": True if score is None else excruciating}
    )
    fell = with_answer(profile.model_copy(update={"pain": pain}), "symptoms.recent_trauma", True)
    result = evaluate(fell, kb)
    assert result.level == "emergency"
    assert "major_trauma" in {flag.id for flag in result.flags}
    assert not result.exercise_allowed


@EXAMPLES
@given(profiles(age=st.integers(60, 120)), st.integers(1, 10), st.sampled_from(["sudden", None]))
def test_new_back_and_belly_pain_at_60_or_over_is_an_emergency_however_bad(
    flags_kb: KnowledgeBase, profile: Profile, score: int, onset: str | None
) -> None:
    """NICE NG156: think of a ruptured aneurysm with new back and belly pain; the onset need not
    be answered (issue 14, class 6), and the guideline names no pain score, so moderate and mild
    pain count as well as severe."""
    pain = profile.pain.model_copy(update={"score": score, "onset": onset})
    belly = with_answer(profile.model_copy(update={"pain": pain}), "symptoms.abdominal_pain", True)
    result = evaluate(belly, flags_kb)
    assert result.level == "emergency"
    assert "vascular" in {flag.id for flag in result.flags}


@EXAMPLES
@given(profiles(age=st.integers(50, 120)), st.integers(0, 1))
def test_back_pain_for_the_first_time_at_50_or_over_is_at_least_booked(
    flags_kb: KnowledgeBase, profile: Profile, years_ago: int
) -> None:
    """G-Care red flags: "new onset pain in patient over age 50 years". Back pain that first
    began at 50 or over, this year or last, always reaches a doctor; the cancer flag names it."""
    age = profile.age
    assert age is not None
    onset_age = max(age - years_ago, 50)
    pain = profile.pain.model_copy(update={"onset_age": onset_age})
    result = evaluate(profile.model_copy(update={"pain": pain}), flags_kb)
    assert rank(result) <= LEVELS.index("routine")
    assert "cancer" in {flag.id for flag in result.flags}


@EXAMPLES
@given(profiles(), st.integers(1, 36500))
def test_still_not_able_to_stand_or_walk_a_day_on_sees_a_doctor(
    flags_kb: KnowledgeBase, profile: Profile, days: int
) -> None:
    """NHS inform: still too painful or difficult to get up after trying → GP, or 111 when it is
    closed. A day or more after the pain began, not being able to stand or walk is at least
    urgent at any age, with or without a fall, and exercise waits."""
    pain = profile.pain.model_copy(update={"duration_days": days})
    stuck = with_answer(
        profile.model_copy(update={"pain": pain}), "symptoms.cannot_stand_or_walk", True
    )
    result = evaluate(stuck, flags_kb)
    assert rank(result) <= LEVELS.index("urgent")
    assert not result.exercise_allowed
    assert "acute_phase" in {flag.id for flag in result.flags if flag.level != "self_care"}


@EXAMPLES
@given(profiles(age=st.integers(65, 120)))
def test_a_weak_leg_with_a_suspected_fracture_is_an_emergency(
    flags_kb: KnowledgeBase, profile: Profile
) -> None:
    """Sudden pain at 65+ may be a broken spine (issue 14, class 2); a weak leg with it means
    pressure on the nerves, as after an injury."""
    pain = profile.pain.model_copy(update={"onset": "sudden"})
    sudden = profile.model_copy(update={"pain": pain})
    result = evaluate(with_answer(sudden, "symptoms.leg_weakness", True), flags_kb)
    assert result.level == "emergency"
    assert "progressive_neuro_deficit" in {flag.id for flag in result.flags}


@EXAMPLES
@given(profiles())
def test_a_known_stones_pain_with_a_fever_is_an_emergency(
    flags_kb: KnowledgeBase, profile: Profile
) -> None:
    """A blocked, infected kidney: back to A&E with a high temperature (Guy's and St Thomas')."""
    for key in ("flank_pain_or_colic", "known_kidney_stones", "fever_or_chills"):
        profile = with_answer(profile, f"symptoms.{key}", True)
    result = evaluate(profile, flags_kb)
    assert result.level == "emergency"
    assert "urinary_kidney" in {flag.id for flag in result.flags}


@EXAMPLES
@given(profiles())
def test_legs_too_weak_to_stand_or_walk_are_an_emergency(
    flags_kb: KnowledgeBase, profile: Profile
) -> None:
    """Weakness in the legs with trouble walking needs immediate medical attention (University
    of Sheffield Health Service, NHS), whatever else the person has said."""
    weak = with_answer(profile, "symptoms.leg_weakness", True)
    result = evaluate(with_answer(weak, "symptoms.cannot_stand_or_walk", True), flags_kb)
    assert result.level == "emergency"
    assert "progressive_neuro_deficit" in {flag.id for flag in result.flags}


@EXAMPLES
@given(profiles(age=st.integers(65, 120)), st.integers(1, 6))
def test_every_person_65_or_over_with_milder_pain_after_a_fall_is_at_least_urgent(
    flags_kb: KnowledgeBase, profile: Profile, score: int
) -> None:
    """Issue 14 class 2: pain after a fall at 65+ may be a fragility fracture, whatever else."""
    pain = profile.pain.model_copy(update={"score": score})
    fell = with_answer(profile.model_copy(update={"pain": pain}), "symptoms.recent_trauma", True)
    result = evaluate(fell, flags_kb)
    assert rank(result) <= LEVELS.index("urgent")
    assert "fracture" in {flag.id for flag in result.flags}


@EXAMPLES
@given(profiles(age=st.integers(16, 50)), st.integers(4, 41), st.integers(1, 10))
def test_every_pregnant_person_who_fell_with_pain_contacts_the_maternity_unit_at_least(
    flags_kb: KnowledgeBase, profile: Profile, weeks: int, score: int
) -> None:
    """No fall or blow in pregnancy is a minor knock to look after at home (Pregnancy, Birth and
    Baby, injuries during pregnancy): at least urgent, and urgent in the maternity unit's words."""
    data = profile.model_dump()
    data.update(sex="female", pregnancy={"weeks": weeks}, postpartum=None, menopause=None)
    data["pain"]["score"] = score
    data["symptoms"]["recent_trauma"] = True
    result = evaluate(Profile.model_validate(data), flags_kb)
    assert rank(result) <= LEVELS.index("urgent")
    if result.level == "urgent":
        assert all("midwife" in flag.action for flag in result.flags if flag.level == "urgent")


@EXAMPLES
@given(
    profiles(age=st.integers(16, 50)),
    st.integers(0, 6),
    st.sampled_from([("hot_swollen_calf",), ("fever_or_chills", "abdominal_pain")]),
)
def test_a_hot_calf_or_a_fever_with_belly_pain_after_birth_is_a_maternity_emergency(
    flags_kb: KnowledgeBase, profile: Profile, weeks: int, signs: tuple[str, ...]
) -> None:
    """In the six weeks after birth a hot swollen calf (a clot) or a fever with belly pain (an
    infection of the womb) is an emergency (NICE CG37's signs of potentially life-threatening
    conditions; NHS maternity services), worded as the maternity unit's call."""
    data = profile.model_dump()
    data.update(sex="female", pregnancy=None, postpartum={"weeks_since_birth": weeks})
    data["symptoms"].update(dict.fromkeys(signs, True))
    result = evaluate(Profile.model_validate(data), flags_kb)
    assert result.level == "emergency"
    warning = next(flag for flag in result.flags if flag.id == "pregnancy_warning")
    assert warning.level == "emergency"
    assert "maternity unit" in warning.action


@EXAMPLES
@given(profiles(age=st.integers(65, 120)))
def test_a_fall_without_pain_raises_no_injury_flag(
    flags_kb: KnowledgeBase, profile: Profile
) -> None:
    """A score of 0 after a fall, able to stand, not a serious accident: no injury to flag."""
    pain = profile.pain.model_copy(update={"score": 0, "excruciating": False})
    unhurt = profile.model_copy(update={"pain": pain})
    for key, value in (
        ("symptoms.recent_trauma", True),
        ("symptoms.cannot_stand_or_walk", False),
        ("symptoms.serious_accident", False),
    ):
        unhurt = with_answer(unhurt, key, value)
    flags = {flag.id for flag in evaluate(unhurt, flags_kb).flags}
    other_fracture_sign = (
        profile.symptoms.height_loss_or_new_stoop is True or profile.pain.onset == "sudden"
    )
    assert "major_trauma" not in flags
    assert "fracture" not in flags or other_fracture_sign


@EXAMPLES
@given(profiles(age=st.integers(0, 19)))
def test_every_young_person_is_at_least_routine_and_urgent_with_night_pain_fever_or_weight_loss(
    flags_kb: KnowledgeBase, profile: Profile
) -> None:
    """Issue 14 class 11 (NICE CKS red flags: new back pain under 20)."""
    result = evaluate(profile, flags_kb)
    assert rank(result) <= LEVELS.index("routine")
    worse = (
        profile.pain.worse_at_night is True
        or profile.symptoms.fever_or_chills is True
        or profile.symptoms.unexplained_weight_loss is True
    )
    assert not worse or rank(result) <= LEVELS.index("urgent")


@EXAMPLES
@given(
    profiles(age=st.integers(0, 15)),
    st.sampled_from(["leg_numbness_or_pain", "leg_weakness", "cannot_stand_or_walk", "into_leg"]),
)
def test_every_child_with_a_nerve_sign_or_who_cannot_walk_is_at_least_urgent(
    flags_kb: KnowledgeBase, profile: Profile, sign: str
) -> None:
    """Under 16, pain or numbness into a leg, a weak leg or not being able to walk means an
    urgent referral (Paediatric Musculoskeletal Matters red flags; NENC Healthier Together),
    and the child flag says so."""
    data = profile.model_dump()
    if sign == "into_leg":
        data["pain"]["areas"] = sorted({*data["pain"]["areas"], "leg_sciatica"})
    else:
        data["symptoms"][sign] = True
    result = evaluate(Profile.model_validate(data), flags_kb)
    assert rank(result) <= LEVELS.index("urgent")
    assert any(flag.id == "child" and flag.level == "urgent" for flag in result.flags)


BASE_PEOPLE: dict[str, dict[str, Any]] = {
    "young-man": {"age": 30, "sex": "male", "pain": {"score": 3, "onset": "gradual"}},
    "woman-55-sudden": {"age": 55, "sex": "female", "pain": {"score": 5, "onset": "sudden"}},
    "man-72-severe-upper": {
        "age": 72,
        "sex": "male",
        "pain": {"score": 8, "onset": "sudden", "areas": ["upper_back"]},
    },
    "pregnant-30-weeks": {"age": 31, "sex": "female", "pregnancy": {"weeks": 30}},
    "osteoporosis-menopause": {
        "age": 60,
        "sex": "female",
        "menopause": True,
        "conditions": ["osteoporosis"],
        "pain": {"duration_days": 200, "onset_age": 30},
    },
}


def test_every_pair_of_trouble_answers_is_monotone(flags_kb: KnowledgeBase) -> None:
    """Systematically, not by chance: with one trouble answer set, setting any second one never
    lowers the level nor allows exercise again."""
    wrong = []
    for name, base in BASE_PEOPLE.items():
        person = Profile.model_validate(base)
        for first in TROUBLE:
            one = with_answer(person, first, TROUBLE[first])
            before = evaluate(one, flags_kb)
            for second in TROUBLE:
                after = evaluate(with_answer(one, second, TROUBLE[second]), flags_kb)
                if rank(after) > rank(before) or after.exercise_allowed > before.exercise_allowed:
                    wrong.append((name, first, second, before.level, after.level))
    assert wrong == []


@EXAMPLES
@given(profiles())
def test_testicle_pain_is_at_least_booked_and_an_emergency_when_sudden(
    flags_kb: KnowledgeBase, profile: Profile
) -> None:
    """Pain in a testicle is never self-care, and with pain that came on suddenly it is always an
    emergency (NHS SYB Healthier Together, Torsion: "If you or your child has sudden testicular
    pain, go to hospital immediately")."""
    result = evaluate(with_answer(profile, "symptoms.testicle_pain", True), flags_kb)
    assert rank(result) <= LEVELS.index("routine")
    assert profile.pain.onset != "sudden" or result.level == "emergency"


@EXAMPLES
@given(profiles())
def test_little_or_no_urine_always_sees_a_doctor_today_or_tomorrow_at_least(
    flags_kb: KnowledgeBase, profile: Profile
) -> None:
    """NHS, Dehydration, Symptoms: "Contact your GP or out-of-hours service straight away if you
    have … not passing urine for eight hours"."""
    result = evaluate(with_answer(profile, "symptoms.little_or_no_urine", True), flags_kb)
    assert rank(result) <= LEVELS.index("urgent")
    assert "urinary_kidney" in {flag.id for flag in result.flags}


@EXAMPLES
@given(profiles())
def test_a_lump_or_a_changed_shape_in_the_back_sees_a_doctor_today_or_tomorrow_at_least(
    flags_kb: KnowledgeBase, profile: Profile
) -> None:
    """NHS back pain list (Sheffield Aches and Pains): "Ask for an urgent GP practice appointment
    or call 111 if: You have back pain and … there's a lump or swelling in your back or your back
    has changed shape" — after a cancer too, however mechanical the pain."""
    result = evaluate(with_answer(profile, "symptoms.lump_or_swelling_in_back", True), flags_kb)
    assert rank(result) <= LEVELS.index("urgent")
    assert "cancer" in {flag.id for flag in result.flags}


@EXAMPLES
@given(
    profiles(),
    st.sampled_from(["leg_numbness_or_pain", "leg_weakness", "fever_or_chills", "severe"]),
)
def test_after_an_epidural_a_warning_sign_always_sees_a_doctor_today_or_tomorrow(
    flags_kb: KnowledgeBase, profile: Profile, sign: str
) -> None:
    """CUH NHS: after an epidural, such signs mean "contact your GP immediately or attend your
    local emergency department"."""
    person = with_answer(profile, "symptoms.recent_epidural_or_spinal_anaesthetic", True)
    if sign == "severe":
        person = with_answer(person, "pain.score", 8)
    else:
        person = with_answer(person, f"symptoms.{sign}", True)
    result = evaluate(person, flags_kb)
    assert rank(result) <= LEVELS.index("urgent")
    assert "epidural_complication" in {flag.id for flag in result.flags}


@EXAMPLES
@given(profiles())
def test_period_pain_is_never_taken_less_seriously_than_no_belly_pain(
    flags_kb: KnowledgeBase, profile: Profile
) -> None:
    """Saying the belly pain is period pain may take away the belly pain's own flag, never more:
    the level is at least the one the person gets without belly pain; and with a fever, feeling
    faint or sick, or a possible pregnancy, it changes nothing."""
    belly = with_answer(profile, "symptoms.abdominal_pain", True)
    period = evaluate(with_answer(belly, "symptoms.period_pain", True), flags_kb)
    no_belly = evaluate(with_answer(profile, "symptoms.abdominal_pain", False), flags_kb)
    assert rank(period) <= rank(no_belly)
    others = ("fever_or_chills", "sweating_nausea_or_faintness", "might_be_pregnant")
    if any(getattr(profile.symptoms, name) for name in others):
        assert period.level == evaluate(belly, flags_kb).level


@EXAMPLES
@given(profiles())
def test_a_one_sided_rash_is_always_at_least_urgent(
    flags_kb: KnowledgeBase, profile: Profile
) -> None:
    """A painful rash or blisters on one side (shingles) is never booked or self-care, whatever
    else is answered (NHS: an urgent GP appointment or NHS 111 if you think you have shingles)."""
    result = evaluate(with_answer(profile, "symptoms.rash_or_blisters_on_one_side", True), flags_kb)
    assert rank(result) <= LEVELS.index("urgent")
