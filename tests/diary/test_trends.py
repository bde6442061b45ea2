"""Pain trends: averages over windows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from backcare.diary import PainPoint, rolling_average, seven_day_average
from backcare.diary.trends import TICK, WEEK, mean_between, week_over_week

NOW = datetime(2026, 11, 20, 20, 0, tzinfo=UTC)
unhurried = settings(deadline=None)
"""Timing is not the property under test, and a loaded CI machine is slow."""


def test_seven_day_average_counts_the_last_seven_days_only() -> None:
    points = [
        PainPoint(NOW - timedelta(days=8), 10),
        PainPoint(NOW - timedelta(days=6, hours=23), 2),
        PainPoint(NOW, 4),
    ]
    assert seven_day_average(points, NOW) == 3.0
    assert seven_day_average([], NOW) is None


def test_week_over_week_needs_both_weeks() -> None:
    points = [PainPoint(NOW - timedelta(days=10), 6), PainPoint(NOW - timedelta(days=1), 3)]
    assert week_over_week(points, NOW) == (6.0, 3.0)
    assert week_over_week(points[1:], NOW) is None


def test_rolling_average_follows_each_entry() -> None:
    points = [PainPoint(NOW - timedelta(days=d), s) for d, s in [(9, 8), (3, 4), (1, 6)]]
    assert [round(m, 2) for _, m in rolling_average(points)] == [8.0, 6.0, 5.0]


points = st.lists(
    st.builds(
        lambda minutes, score: PainPoint(NOW - timedelta(minutes=minutes), score),
        st.integers(min_value=0, max_value=30 * 24 * 60),
        st.integers(min_value=0, max_value=10),
    ),
    min_size=1,
    max_size=60,
)


@unhurried
@given(points)
def test_the_seven_day_average_lies_within_the_weeks_min_and_max(diary: list[PainPoint]) -> None:
    week = [p.score for p in diary if p.at > NOW - timedelta(days=7)]
    average = seven_day_average(diary, NOW)
    if week:
        assert average is not None
        assert min(week) <= average <= max(week)
    else:
        assert average is None


@unhurried
@given(points)
def test_rolling_average_agrees_with_the_plain_window_mean(diary: list[PainPoint]) -> None:
    averages = rolling_average(diary)
    assert [at for at, _ in averages] == sorted({p.at for p in diary})
    for at, mean in averages:
        expected = mean_between(diary, at - WEEK + TICK, at + TICK)
        assert expected is not None
        assert abs(mean - expected) < 1e-9
