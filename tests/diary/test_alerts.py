"""Diary alerts: readable examples, then properties over random diaries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from backcare.diary import PainPoint, pain_alerts, warning_sign_alerts
from backcare.diary.alerts import (
    chronic_pain_alert,
    is_important_change,
    new_leg_symptoms_alert,
    no_improvement_alert,
    pain_jump_alert,
    trend_alert,
)

NOW = datetime(2026, 11, 20, 20, 0, tzinfo=UTC)
unhurried = settings(deadline=None)
"""Timing is not the property under test, and a loaded CI machine is slow."""


def daily(*scores: int, end: datetime = NOW) -> list[PainPoint]:
    """One entry a day, the last score on ``end``."""
    return [PainPoint(end - timedelta(days=len(scores) - 1 - i), s) for i, s in enumerate(scores)]


def kinds(points: list[PainPoint], **kwargs: datetime | None) -> list[str]:
    return [a.kind for a in pain_alerts(points, now=NOW, **kwargs)]


def test_a_calm_fortnight_raises_nothing() -> None:
    assert kinds(daily(*[3] * 14)) == []


def test_two_points_worse_week_on_week_is_a_warning() -> None:
    alert = trend_alert(daily(*[3] * 7, *[5] * 7), NOW)
    assert alert is not None
    assert alert.kind == "worsening"
    assert alert.level == "warning"
    assert "5.0" in alert.message
    assert "3.0" in alert.message


def test_thirty_percent_worse_counts_even_under_two_points() -> None:
    assert kinds(daily(*[4] * 7, *[6, 5, 6, 5, 6, 5, 6])) == ["worsening"]  # 4 → 5.57: +39 %


def test_a_small_rise_is_not_an_alert() -> None:
    assert kinds(daily(*[5] * 7, *[6] * 7)) == []  # +1 point, +20 %


def test_a_thirty_percent_rise_near_zero_is_not_news() -> None:
    assert not is_important_change(1.0, 1.3)
    assert is_important_change(1.0, 2.0)


def test_a_two_point_drop_is_good_news() -> None:
    alert = trend_alert(daily(*[6] * 7, *[4] * 7), NOW)
    assert alert is not None
    assert alert.kind == "improving"
    assert alert.level == "good_news"


def test_no_trend_without_entries_in_both_weeks() -> None:
    assert trend_alert(daily(*[8] * 7), NOW) is None


def test_pain_past_three_months_calls_for_a_doctor() -> None:
    points = [PainPoint(NOW - timedelta(days=100), 4), *daily(4, 4)]
    alert = chronic_pain_alert(points, NOW)
    assert alert is not None
    assert alert.level == "see_doctor"
    assert "three months" in alert.message


def test_pain_that_stopped_is_not_chronic() -> None:
    points = [PainPoint(NOW - timedelta(days=100), 4), PainPoint(NOW - timedelta(days=30), 2)]
    assert chronic_pain_alert(points, NOW) is None
    assert chronic_pain_alert([*points, *daily(0, 0)], NOW) is None


def test_two_months_of_pain_is_not_yet_chronic() -> None:
    assert chronic_pain_alert([PainPoint(NOW - timedelta(days=60), 4), *daily(4)], NOW) is None


def test_no_improvement_after_six_weeks_of_the_plan() -> None:
    started = NOW - timedelta(weeks=6, days=1)
    points = daily(*[5] * 50)
    assert "no_improvement" in kinds(points, plan_started=started)
    assert "no_improvement" not in kinds(points, plan_started=NOW - timedelta(weeks=5))
    assert "no_improvement" not in kinds(points, plan_started=None)


def test_a_thirty_percent_improvement_over_the_plan_is_enough() -> None:
    started = NOW - timedelta(weeks=7)
    points = [*daily(*[6] * 14, end=started + timedelta(days=6)), *daily(*[4] * 7)]
    assert no_improvement_alert(points, plan_started=started, now=NOW) is None


@dataclass
class Flag:
    id: str
    message: str
    action: str = "See a doctor today."


def test_a_new_warning_sign_is_reported_once() -> None:
    before = [Flag("night_pain", "Pain at night.")]
    after = [*before, Flag("cauda_equina", "Numbness between the legs.")]
    alerts = warning_sign_alerts(before, after)
    assert [(a.flag_id, a.level) for a in alerts] == [("cauda_equina", "see_doctor")]
    assert "Numbness between the legs. See a doctor today." in alerts[0].message
    assert warning_sign_alerts(after, after) == []


scores = st.integers(min_value=0, max_value=10)
offsets = st.floats(min_value=0, max_value=60 * 24 * 60, allow_nan=False)  # minutes, 60 days
diaries = st.lists(
    st.builds(lambda m, s: PainPoint(NOW - timedelta(minutes=m), s), offsets, scores),
    max_size=80,
)


@unhurried
@given(diaries)
def test_worsening_and_improving_never_come_together(points: list[PainPoint]) -> None:
    found = kinds(points)
    assert not {"worsening", "improving"} <= set(found)


@unhurried
@given(diaries, scores)
def test_shifting_every_score_keeps_the_trend_direction(points: list[PainPoint], k: int) -> None:
    """The same diary two points worse this week can only be worse, never better."""
    this_week = [p for p in points if p.at > NOW - timedelta(days=7)]
    older = [p for p in points if p.at <= NOW - timedelta(days=7)]
    raised = [PainPoint(p.at, min(10, p.score + 2)) for p in this_week]
    if all(p.score <= 8 for p in this_week) and this_week and older:
        assert "improving" not in kinds(older + raised) or "improving" in kinds(points)


@unhurried
@given(diaries)
def test_alerts_are_about_the_past_only(points: list[PainPoint]) -> None:
    future = [PainPoint(NOW + timedelta(days=1, minutes=i), 10) for i in range(5)]
    assert kinds(points + future) == kinds(points)


def test_a_jump_to_severe_pain_asks_for_a_re_check() -> None:
    (alert,) = [a for a in pain_alerts(daily(3, 3, 9), now=NOW) if a.kind == "pain_jump"]
    assert alert.level == "warning"
    assert "from 3 to 9" in alert.message
    assert "Check in again" in alert.message


def test_no_jump_alert_for_a_small_rise_a_mild_score_or_an_old_jump() -> None:
    assert pain_jump_alert(daily(6, 7), NOW) is None  # one point
    assert pain_jump_alert(daily(2, 6), NOW) is None  # not severe
    assert pain_jump_alert(daily(3, 9, end=NOW - timedelta(days=3)), NOW) is None
    assert pain_jump_alert(daily(3, 9, 4), NOW) is None  # it settled


@dataclass(frozen=True)
class Entry:
    at: datetime
    areas: tuple[str, ...]


def test_new_leg_pain_asks_for_a_re_check_once() -> None:
    back = Entry(NOW - timedelta(days=1), ("lower_back",))
    leg = Entry(NOW, ("lower_back", "leg_sciatica"))
    alert = new_leg_symptoms_alert([back, leg], known_areas=["lower_back"], now=NOW)
    assert alert is not None
    assert alert.kind == "new_leg_symptoms"
    assert "numbness, weakness" in alert.message
    later = Entry(NOW + timedelta(hours=1), ("leg_sciatica",))
    assert new_leg_symptoms_alert([back, leg, later], known_areas=[], now=later.at) is None
    assert new_leg_symptoms_alert([back, leg], known_areas=["leg_sciatica"], now=NOW) is None
    settled = Entry(NOW + timedelta(hours=2), ("lower_back",))
    assert new_leg_symptoms_alert([leg, settled], known_areas=[], now=settled.at) is None
