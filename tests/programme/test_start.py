"""STarT Back sets the start: pace of the doses, order of the lessons, the physiotherapist
suggestion, and the ``why`` naming the rule — over random people, weeks and answers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from backcare.knowledge import KnowledgeBase
from backcare.plan import build_plan
from backcare.plan.builder import STOP_LEVELS
from backcare.plan.dose import dose_week
from backcare.profile import Profile
from backcare.programme.questionnaires import score_startback
from backcare.programme.start import GENTLE_PACE, programme_start, start_plan
from backcare.triage import evaluate
from tests.plan.test_properties import PEOPLE, assert_plan_keeps_promises

HIGH = score_startback([1, 1, 1, 1, 1, 1, 1, 1, 4])
MEDIUM = score_startback([1, 1, 1, 1, 0, 0, 0, 0, 0])
LOW = score_startback([0, 0, 0, 0, 0, 0, 0, 0, 0])
GROWING = ("hold_s", "reps", "sets", "duration_s", "breaths")


def test_high_risk_starts_gently_with_reassurance_and_fear_of_movement_first() -> None:
    assert HIGH.risk == "high"
    start = programme_start(HIGH)
    assert start.pace == GENTLE_PACE
    assert [lesson.id for lesson in start.lessons][:2] == [
        "reassurance",
        "pain-and-fear-of-movement",
    ]
    assert start.why is not None
    assert "STarT Back result was high risk" in start.why
    assert start.suggestion is not None
    assert "see a physiotherapist" in start.suggestion
    assert all(lesson.source.url.startswith("https://") for lesson in start.lessons)


def test_medium_and_low_risk_keep_the_usual_pace() -> None:
    medium, low, none = programme_start(MEDIUM), programme_start(LOW), programme_start(None)
    assert (MEDIUM.risk, LOW.risk) == ("medium", "low")
    assert medium.pace == low.pace == none.pace == 1
    assert (medium.why, low.why, none.why) == (None, None, None)
    assert "physiotherapist" in str(medium.suggestion)
    assert low.suggestion is None
    assert medium.lessons[0].id == "reassurance"
    assert low.lessons[0].id == none.lessons[0].id == "stay-active"
    high = programme_start(HIGH).lessons
    assert {lesson.id for lesson in low.lessons} == {lesson.id for lesson in high}


@settings(max_examples=150, deadline=None)
@given(profile=PEOPLE, week=st.integers(1, 10))
def test_a_gentle_start_is_the_plan_of_an_earlier_week_and_keeps_every_promise(
    kb: KnowledgeBase, profile: Profile, week: int
) -> None:
    check = evaluate(profile, kb)
    usual = build_plan(profile, check, kb, week=week)
    start = programme_start(HIGH)
    gentle = start_plan(build_plan(profile, check, kb, week=week, pace=start.pace), start)
    assert gentle.week == week
    assert_plan_keeps_promises(gentle, profile, check, kb)
    earlier = build_plan(profile, check, kb, week=dose_week(week, GENTLE_PACE))
    assert [i.dose for i in gentle.items()] == [i.dose for i in earlier.items()]
    if check.level in STOP_LEVELS:
        assert gentle.days == []
    doses = {item.id: item.dose for item in usual.items()}
    for item in gentle.items():
        assert item.why.startswith(str(start.why))
        if item.id in doses:
            for name in GROWING:
                mine, theirs = getattr(item.dose, name), getattr(doses[item.id], name)
                assert mine is None or theirs is None or mine <= theirs
