"""Pain trends over diary entries: means over windows, the 7-day average. Pure; ``now`` is given."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import NamedTuple

WEEK = timedelta(days=7)
TICK = timedelta(microseconds=1)
"""Makes a window end inclusive: entries logged at exactly ``now`` count."""


class PainPoint(NamedTuple):
    """One pain rating (0–10) at an aware time."""

    at: datetime
    score: int


def mean_between(points: Iterable[PainPoint], start: datetime, end: datetime) -> float | None:
    """The mean score of the points in ``[start, end)``, or ``None`` when there are none."""
    scores = [p.score for p in points if start <= p.at < end]
    return sum(scores) / len(scores) if scores else None


def seven_day_average(points: Iterable[PainPoint], now: datetime) -> float | None:
    """The mean of the seven days that end at ``now``: ``(now - 7 days, now]``."""
    return mean_between(points, now - WEEK + TICK, now + TICK)


def week_over_week(points: Sequence[PainPoint], now: datetime) -> tuple[float, float] | None:
    """(mean of the seven days before that, mean of the last seven days), if both have entries."""
    end = now + TICK
    current = mean_between(points, end - WEEK, end)
    previous = mean_between(points, end - 2 * WEEK, end - WEEK)
    if current is None or previous is None:
        return None
    return previous, current


def rolling_average(points: Sequence[PainPoint]) -> list[tuple[datetime, float]]:
    """For each distinct time with entries, the mean of the seven days ending there."""
    ordered = sorted(points)
    averages: list[tuple[datetime, float]] = []
    start = total = 0
    for end, point in enumerate(ordered):
        total += point.score
        while ordered[start].at <= point.at - WEEK:
            total -= ordered[start].score
            start += 1
        if end + 1 < len(ordered) and ordered[end + 1].at == point.at:
            continue
        averages.append((point.at, total / (end - start + 1)))
    return averages
