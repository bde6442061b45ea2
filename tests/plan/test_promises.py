"""One readable example per broken promise named in issue 15, over weeks 1-12 where the promise
is about time: what the plan must leave out, limit or dose differently, and the reason it gives."""

from __future__ import annotations

from typing import Any

import pytest

from backcare.content.schema import Exercise
from backcare.knowledge import KnowledgeBase
from backcare.plan import Plan, build_plan
from backcare.plan.dose import dose_seconds
from backcare.profile import Profile
from backcare.triage import evaluate

WEEKS = range(1, 13)
PAIN = {"areas": ["lower_back"], "score": 4, "duration_days": 30}


def plans(kb: KnowledgeBase, data: dict[str, Any], weeks: range = WEEKS) -> list[Plan]:
    profile = Profile.model_validate(data)
    check = evaluate(profile, kb)
    return [build_plan(profile, check, kb, week=week) for week in weeks]


def given(plan: Plan) -> set[str]:
    return {item.id for item in [*plan.items(), *plan.thermotherapy, *plan.habits, *plan.posture]}


def given_in_any_week(kb: KnowledgeBase, data: dict[str, Any]) -> set[str]:
    return set().union(*(given(plan) for plan in plans(kb, data)))


def tagged(kb: KnowledgeBase, tag: str) -> set[str]:
    return {e.id for e in kb.of_type(Exercise) if tag in e.tags}


def excluded_reason(plan: Plan, entry_id: str) -> str:
    return next(item.reason for item in plan.excluded if item.id == entry_id)


def test_the_office_bridge_holds_instead_of_repeating_and_fits_the_day(kb: KnowledgeBase) -> None:
    office = {"age": 34, "work": ["sitting"], "pain": PAIN, "minutes_per_day": 15}
    bridges = [i for plan in plans(kb, office) for i in plan.items() if i.id == "bridge"]
    assert bridges
    assert all(i.dose.reps is None for i in bridges), "a held bridge has no repetitions"
    assert max(i.dose.hold_s or 0 for i in bridges) == 30, "built up to 30 s, never 60"
    for plan in plans(kb, office):
        for day in plan.days:
            items = [item for session in day.sessions for item in session.items]
            assert sum(i.minutes * max(1, i.dose.per_day or 1) for i in items) <= 15
    bridge = kb.get("bridge")
    assert isinstance(bridge, Exercise)
    assert bridge.dose_max is None, "the repeated bridge does not grow its hold"


@pytest.mark.parametrize("weeks_since_birth", [3, 10])
def test_a_new_mothers_bridge_holds_two_to_three_seconds(
    kb: KnowledgeBase, weeks_since_birth: int
) -> None:
    birth = {"weeks_since_birth": weeks_since_birth, "delivery": "vaginal"}
    mother = {"sex": "female", "postpartum": birth, "equipment": ["mat"], "pain": PAIN}
    bridges = [i for plan in plans(kb, mother) for i in plan.items() if i.id == "bridge"]
    assert bridges
    assert all(2 <= (i.dose.hold_s or 0) <= 3 for i in bridges)
    assert bridges[0].dose.sets == 2, "start with two groups"


@pytest.mark.parametrize(
    "stage",
    [
        {"postpartum": {"weeks_since_birth": 1, "delivery": "vaginal"}},
        {"postpartum": {"weeks_since_birth": 3, "delivery": "vaginal"}},
        {"pregnancy": {"weeks": 20}},
    ],
)
def test_no_curl_ups_or_belly_pressure_soon_after_birth_or_in_pregnancy(
    kb: KnowledgeBase, stage: dict[str, Any]
) -> None:
    person = {"age": 30, "sex": "female", "fitness": "high", "pain": PAIN, **stage}
    curls = tagged(kb, "abdominal_pressure") | tagged(kb, "loaded_flexion")
    assert {"sit-up", "rolling-like-a-ball", "plank", "air-bicycle"} <= curls
    assert (
        given_in_any_week(kb, {**person, "equipment": ["mat", "wall", "yoga_ball"]}) & curls
        == set()
    )


def test_three_weeks_after_a_caesarean_only_gentle_movement(kb: KnowledgeBase) -> None:
    mother = {
        "sex": "female",
        "postpartum": {"weeks_since_birth": 3, "delivery": "caesarean"},
        "fitness": "high",
        "equipment": ["mat", "chair", "pillow"],
        "pain": PAIN,
    }
    chosen = given_in_any_week(kb, mother)
    exercises = [e for e in kb.of_type(Exercise) if e.id in chosen]
    assert exercises
    assert all("gentle" in e.tags for e in exercises)
    twists = tagged(kb, "twist")
    assert chosen & (twists | {"seated-overhead-back-stretch", "pelvic-roll"}) == set()
    plan = plans(kb, mother, range(1, 2))[0]
    assert "caesarean" in excluded_reason(plan, "seated-twist")


@pytest.mark.parametrize("condition", ["disc_herniation", "lumbar_strain"])
def test_no_long_forward_folds_with_a_disc_herniation_or_a_strain(
    kb: KnowledgeBase, condition: str
) -> None:
    person = {"age": 35, "conditions": [condition], "fitness": "high", "pain": PAIN}
    assert given_in_any_week(kb, person) & tagged(kb, "sustained_flexion") == set()
    assert "standing-forward-fold" in tagged(kb, "sustained_flexion")


@pytest.mark.parametrize("weeks", [30, 33, 36])
def test_no_plank_late_in_pregnancy(kb: KnowledgeBase, weeks: int) -> None:
    person = {"sex": "female", "pregnancy": {"weeks": weeks}, "fitness": "high", "pain": PAIN}
    assert "plank" not in given_in_any_week(kb, person)


def test_no_plank_or_curls_with_separated_belly_muscles(kb: KnowledgeBase) -> None:
    person = {
        "sex": "female",
        "postpartum": {"weeks_since_birth": 20, "delivery": "vaginal"},
        "conditions": ["rectus_diastasis"],
        "fitness": "high",
        "pain": PAIN,
    }
    chosen = given_in_any_week(kb, person)
    assert chosen & tagged(kb, "abdominal_pressure") == set()
    plan = plans(kb, person, range(1, 2))[0]
    assert "separated belly" in excluded_reason(plan, "plank")


@pytest.mark.parametrize(("weeks", "allowed"), [(12, True), (16, False), (30, False)])
def test_no_long_lying_on_the_back_from_sixteen_weeks(
    kb: KnowledgeBase, weeks: int, allowed: bool
) -> None:
    person = {"sex": "female", "pregnancy": {"weeks": weeks}, "pain": PAIN, "minutes_per_day": 60}
    plan = plans(kb, person, range(1, 2))[0]
    excluded = {item.id for item in plan.excluded}
    assert ("happy-baby" not in excluded) is allowed
    if weeks == 16:
        assert "16 weeks" in excluded_reason(plan, "happy-baby")
    if not allowed:
        assert given_in_any_week(kb, person) & tagged(kb, "supine_long") == set()


def test_ice_only_in_the_first_days_and_never_after_birth(kb: KnowledgeBase) -> None:
    worker = {"age": 40, "work": ["sitting"], "equipment": ["ice_pack"]}
    fresh = {**worker, "pain": {"score": 4, "duration_days": 2}}
    settled = {**worker, "pain": {"score": 4, "duration_days": 30}}
    flare = {**worker, "pain": {"score": 8, "duration_days": 300}}
    mother = {**fresh, "sex": "female", "postpartum": {"weeks_since_birth": 4}}
    assert "ice-pack" in given(plans(kb, fresh, range(1, 2))[0])
    assert "ice-pack" not in given_in_any_week(kb, settled)
    first = plans(kb, flare, range(1, 2))[0]
    assert first.thermotherapy[0].id == "ice-pack", "ice first in a severe flare-up"
    assert "ice-pack" not in given_in_any_week(kb, mother)


def test_no_advice_recommends_platform_shoes(kb: KnowledgeBase) -> None:
    standing = {"sex": "female", "work": ["standing"], "pain": PAIN}
    for plan in plans(kb, standing, range(1, 2)):
        text = " ".join(" ".join([a.summary, *a.advice]) for a in plan.posture).lower()
        assert "platform" not in text


def test_the_acute_phase_is_a_handful_of_gentle_moves(kb: KnowledgeBase) -> None:
    severe = {
        "age": 40,
        "work": ["sitting"],
        "fitness": "high",
        "pain": {"areas": ["lower_back"], "score": 8, "duration_days": 3},
        "minutes_per_day": 60,
    }
    for plan in plans(kb, severe):
        assert plan.phase == "acute"
        for day in plan.days:
            items = [item for session in day.sessions for item in session.items]
            assert 1 <= len(items) <= 5
            for item in items:
                exercise = kb.get(item.id)
                assert isinstance(exercise, Exercise)
                assert "gentle" in exercise.tags
                assert not exercise.tags & {"vigorous", "loaded_flexion", "twist_deep"}


@pytest.mark.parametrize(
    "risk",
    [
        {"age": 66, "sex": "male"},
        {"age": 54, "sex": "female", "menopause": True},
        {"age": 45, "sex": "male", "symptoms": {"immunosuppressed_or_steroids": True}},
    ],
)
def test_bone_safety_for_people_at_risk_without_a_diagnosis(
    kb: KnowledgeBase, risk: dict[str, Any]
) -> None:
    person = {**risk, "fitness": "high", "equipment": ["mat", "chair", "wall"], "pain": PAIN}
    unsafe = tagged(kb, "loaded_flexion") | tagged(kb, "twist_deep")
    assert {"sit-up", "standing-forward-fold", "yoga-lunge-hand-twist"} <= unsafe
    assert given_in_any_week(kb, person) & unsafe == set()
    plan = plans(kb, person, range(1, 2))[0]
    assert "bones may be thinner" in excluded_reason(plan, "standing-forward-fold")


def test_a_fracture_flag_at_any_level_removes_loaded_and_bending_moves(kb: KnowledgeBase) -> None:
    stooping = {
        "age": 58,
        "sex": "female",
        "symptoms": {"height_loss_or_new_stoop": True},
        "fitness": "high",
        "pain": PAIN,
    }
    plan = plans(kb, stooping, range(1, 2))[0]
    assert [f.level for f in plan.check.flags if f.id == "fracture"] == ["routine"]
    chosen = given_in_any_week(kb, stooping)
    exercises = [e for e in kb.of_type(Exercise) if e.id in chosen]
    assert exercises, "gentle movement stays"
    bending = {"loaded_flexion", "sustained_flexion", "twist", "twist_deep", "spinal_extension"}
    assert all("gentle" in e.tags and not e.tags & bending for e in exercises)
    assert "fracture" in excluded_reason(plan, "bridge")


def test_no_exercise_grows_past_its_sourced_maximum(kb: KnowledgeBase) -> None:
    fit = {"age": 25, "fitness": "high", "equipment": ["mat", "wall"], "pain": PAIN}
    for plan in plans(kb, {**fit, "minutes_per_day": 120}):
        for item in plan.items():
            exercise = kb.get(item.id)
            assert isinstance(exercise, Exercise)
            top = exercise.dose_max or exercise.dose
            if exercise.dose_variants:
                continue  # checked against the variant in the property test
            assert dose_seconds(item.dose) <= dose_seconds(top) + 1e-9, item.id
