"""The timeline: which steps a day's items become, and how long each lasts."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given

from backcare.content.schema import Dose
from backcare.plan.dose import SECONDS_PER_BREATH, dose_seconds
from backcare.session import SessionItem, build_timeline
from backcare.session.timeline import (
    BREATH_CYCLE_S,
    BREATH_PATTERN,
    GET_READY_S,
    OPEN_WORK_S,
    REP_S,
    REST_S,
    SWITCH_SIDES_S,
    breathing_duration,
    rest_after_set,
    set_count,
    sides_of,
    work_shape,
)
from tests.session.strategies import item_lists, items

BRIDGE = SessionItem(id="bridge", name="Bridge", dose=Dose(hold_s=5, reps=15, sets=3))
SIDE_STRETCH = SessionItem(
    id="side-stretch", name="Side stretch", one_sided=True, dose=Dose(hold_s=20, sets=2, rest_s=10)
)
BREATHING = SessionItem(id="breathing", name="Breathing", breathing=True, dose=Dose(breaths=5))


def kinds(items: list[SessionItem]) -> list[str]:
    return [step.kind for step in build_timeline(items)]


def test_a_held_rep_exercise_is_get_ready_then_sets_with_rests() -> None:
    steps = build_timeline([BRIDGE])
    assert [s.kind for s in steps] == ["get_ready", "work", "rest", "work", "rest", "work", "end"]
    work = steps[1]
    assert (work.set_no, work.sets, work.reps, work.hold_s) == (1, 3, 15, 5)
    assert work.duration_s == 15 * (5 + REP_S)
    assert steps[2].duration_s == REST_S
    assert steps[-1].start_s == GET_READY_S + 3 * work.duration_s + 2 * REST_S


def test_a_one_sided_move_does_its_sets_on_each_side_and_uses_its_own_rest() -> None:
    steps = build_timeline([SIDE_STRETCH])
    assert [(s.kind, s.side, s.set_no) for s in steps[1:-1]] == [
        ("work", "left", 1),
        ("rest", None, None),
        ("work", "left", 2),
        ("switch_sides", None, None),
        ("work", "right", 1),
        ("rest", None, None),
        ("work", "right", 2),
    ]
    assert steps[2].duration_s == 10
    assert steps[1].duration_s == 20


def test_a_breathing_item_is_whole_4_4_4_cycles() -> None:
    assert kinds([BREATHING]) == ["get_ready", "breathe", "end"]
    assert build_timeline([BREATHING])[1].duration_s == 5 * 12
    five_minutes = BREATHING.model_copy(update={"dose": Dose(duration_s=300)})
    assert breathing_duration(five_minutes) == 300
    odd = BREATHING.model_copy(update={"dose": Dose(duration_s=130)})
    assert breathing_duration(odd) == 11 * BREATH_CYCLE_S  # rounded up to whole cycles


@pytest.mark.parametrize(
    ("dose", "expected"),
    [
        (Dose(reps=10), 10 * REP_S),
        (Dose(reps=10, hold_s=5), 10 * (5 + REP_S)),
        (Dose(hold_s=30), 30.0),
        (Dose(duration_s=600, reps=3), 600.0),
        (Dose(as_tolerated=True), OPEN_WORK_S),
    ],
)
def test_work_time_per_set_comes_from_the_dose(dose: Dose, expected: float) -> None:
    assert work_shape(SessionItem(id="x", name="X", dose=dose))[0] == expected


@given(items())
def test_a_session_lasts_what_the_plan_counts_plus_the_cues(item: SessionItem) -> None:
    """The plan budgets minutes with ``dose_seconds``; only get-ready and side switches add."""
    switches = (len(sides_of(item)) - 1) * SWITCH_SIDES_S
    planned = dose_seconds(item.dose, one_sided=item.one_sided)
    if item.breathing:
        planned, switches = item.dose.breaths * 12.0, 0.0  # type: ignore[operator]
    assert build_timeline([item])[-1].start_s == pytest.approx(GET_READY_S + switches + planned)


def test_the_pacer_breathes_at_the_pace_the_plan_counts() -> None:
    assert BREATH_CYCLE_S == SECONDS_PER_BREATH
    assert [seconds for _, seconds in BREATH_PATTERN] == [4, 4, 4]


def test_no_items_is_just_the_end() -> None:
    assert kinds([]) == ["end"]


@given(item_lists)
def test_total_duration_is_the_sum_of_its_parts(items: list[SessionItem]) -> None:
    steps = build_timeline(items)
    for before, after in pairwise(steps):
        assert after.start_s == pytest.approx(before.end_s)
    expected = 0.0
    for item in items:
        expected += GET_READY_S
        if item.breathing:
            expected += breathing_duration(item)
            continue
        sets, sides = set_count(item), len(sides_of(item))
        expected += sets * sides * work_shape(item)[0]
        expected += (sides - 1) * SWITCH_SIDES_S + sides * (sets - 1) * rest_after_set(item)
    assert steps[-1].start_s == pytest.approx(expected)
    assert steps[-1].start_s == pytest.approx(sum(step.duration_s for step in steps))
