"""Dose arithmetic: the minutes an exercise takes and how its dose grows week by week."""

from __future__ import annotations

from typing import Any

import pytest

from backcare.content.schema import Dose, Exercise
from backcare.plan.dose import (
    DEFAULT_REST_S,
    PROGRESSION_WEEKS,
    SECONDS_PER_BREATH,
    SECONDS_PER_REP,
    dose_seconds,
    item_minutes,
    minutes,
    progressed,
)


def exercise(
    dose: dict[str, Any], dose_max: dict[str, Any] | None = None, **extra: Any
) -> Exercise:
    return Exercise.model_validate(
        {
            "id": "bridge",
            "kind": "exercise",
            "name": "Bridge",
            "summary": "Lift the hips.",
            "category": "core",
            "position": "lying_back",
            "steps": ["Lift the hips."],
            "dose": dose,
            "dose_max": dose_max,
            "evidence": "clinical",
            "sources": [{"ref": "test"}],
            **extra,
        }
    )


def test_reps_with_holds_sets_and_rests_are_all_counted() -> None:
    dose = Dose(hold_s=5, reps=15, sets=3, rest_s=30)
    assert dose_seconds(dose) == 3 * 15 * (5 + SECONDS_PER_REP) + 2 * 30


def test_missing_rest_uses_the_named_default_between_sets_only() -> None:
    assert dose_seconds(Dose(reps=10, sets=2)) == 2 * 10 * SECONDS_PER_REP + DEFAULT_REST_S
    assert dose_seconds(Dose(reps=10)) == 10 * SECONDS_PER_REP


def test_one_sided_movements_take_twice_as_long() -> None:
    single = dose_seconds(Dose(hold_s=30))
    assert dose_seconds(Dose(hold_s=30, per_side=True)) == 2 * single
    assert dose_seconds(Dose(hold_s=30), one_sided=True) == 2 * single


def test_breaths_follow_the_breathing_pace() -> None:
    assert dose_seconds(Dose(breaths=5)) == 5 * SECONDS_PER_BREATH


@pytest.mark.parametrize(
    ("seconds", "expected"), [(1, 0.5), (30, 0.5), (31, 1.0), (390, 6.5), (391, 7.0)]
)
def test_minutes_round_up_to_the_half_minute(seconds: float, expected: float) -> None:
    assert minutes(seconds) == expected


def test_item_minutes_of_the_spec_bridge() -> None:
    bridge = exercise({"hold_s": 5, "reps": 15, "sets": 3})
    assert item_minutes(bridge, bridge.dose) == 6.5


def test_progression_is_linear_from_dose_to_dose_max_and_stops_there() -> None:
    plank = exercise({"hold_s": 30, "sets": 1}, {"hold_s": 120, "sets": 3})
    assert progressed(plank, 1) == plank.dose
    halfway = progressed(plank, 1 + PROGRESSION_WEEKS // 2)
    assert halfway.hold_s == 75
    assert halfway.sets == 2
    top = progressed(plank, 1 + PROGRESSION_WEEKS)
    assert (top.hold_s, top.sets) == (120, 3)
    assert progressed(plank, 50) == top


def test_doses_never_pass_the_sources_maximum() -> None:
    item = exercise({"reps": 5, "hold_s": 3}, {"reps": 12, "hold_s": 10})
    for week in range(1, 60):
        dose = progressed(item, week)
        assert dose.reps is not None
        assert dose.hold_s is not None
        assert 5 <= dose.reps <= 12
        assert 3 <= dose.hold_s <= 10


def test_pain_that_is_not_improving_holds_the_starting_dose() -> None:
    plank = exercise({"hold_s": 30}, {"hold_s": 120})
    assert progressed(plank, 4, improving=False) == plank.dose


def test_without_dose_max_the_dose_stays() -> None:
    plank = exercise({"hold_s": 30})
    assert progressed(plank, 8) == plank.dose
