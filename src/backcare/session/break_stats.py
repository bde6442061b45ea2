"""Break statistics: what happened to the reminders, per day and over the last seven days.

Pure: the stored break events come in, with the day to end on and the time zone that decides
which day an event belongs to. A break falls *due* once and ends once, as taken or skipped, so
``due = taken + skipped``; a postponement is counted on its own. A break taken but answered "I
didn't move" counts as skipped. The longest sitting stretch is the longest time anyone sat
between two movements that day (each event carries the minutes sat before it); minutes moved add
up the breaks actually moved.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Literal

from pydantic import BaseModel

STATS_DAYS = 7
"""The statistics cover the last seven days, today included."""

StoredOutcome = Literal["taken", "skipped", "postponed"]


@dataclass(frozen=True)
class BreakRecord:
    """One stored break event, as the statistics read it."""

    at: datetime
    outcome: StoredOutcome
    moved: bool | None = None
    """The answer to "did you move?" after a taken break; ``None`` when not answered."""
    minutes: float | None = None
    """Minutes the break lasted (taken breaks)."""
    sat_minutes: float | None = None
    """Minutes sat (or stood still) since the last movement, when this happened."""

    @property
    def counts_as_taken(self) -> bool:
        return self.outcome == "taken" and self.moved is not False

    @property
    def counts_as_skipped(self) -> bool:
        return self.outcome == "skipped" or (self.outcome == "taken" and self.moved is False)


class BreakCounts(BaseModel):
    """Counts over a day or a week. Over a week the longest stretch is the longest of any day."""

    due: int = 0
    taken: int = 0
    postponed: int = 0
    skipped: int = 0
    longest_sitting_minutes: float = 0
    minutes_moved: float = 0


class _Dated(BaseModel):
    date: date


class BreakDay(BreakCounts, _Dated):
    """One day's counts; ``date`` (local) comes first in JSON."""


class BreakWeek(BaseModel):
    """The contract of ``breaks --stats --json`` and ``GET /api/breaks/stats``."""

    days: list[BreakDay]
    week: BreakCounts


def day_counts(day: date, records: Iterable[BreakRecord]) -> BreakDay:
    """The counts of one day's events."""
    events = list(records)
    taken = sum(1 for e in events if e.counts_as_taken)
    skipped = sum(1 for e in events if e.counts_as_skipped)
    return BreakDay(
        date=day,
        due=taken + skipped,
        taken=taken,
        postponed=sum(1 for e in events if e.outcome == "postponed"),
        skipped=skipped,
        longest_sitting_minutes=round(max((e.sat_minutes or 0.0 for e in events), default=0.0), 1),
        minutes_moved=round(sum(e.minutes or 0.0 for e in events if e.counts_as_taken), 1),
    )


def week_stats(
    records: Iterable[BreakRecord], *, today: date, tz: tzinfo, days: int = STATS_DAYS
) -> BreakWeek:
    """One entry for each of the ``days`` days ending ``today`` (oldest first), and their sum."""
    first = today - timedelta(days=days - 1)
    by_day: dict[date, list[BreakRecord]] = {first + timedelta(d): [] for d in range(days)}
    for record in records:
        local = record.at.astimezone(tz).date()
        if local in by_day:
            by_day[local].append(record)
    shown = [day_counts(day, events) for day, events in by_day.items()]
    return BreakWeek(days=shown, week=sum_counts(shown))


def sum_counts(days: Iterable[BreakCounts]) -> BreakCounts:
    """Counts and minutes moved added up; the longest sitting stretch is the longest of all."""
    shown = list(days)
    return BreakCounts(
        due=sum(d.due for d in shown),
        taken=sum(d.taken for d in shown),
        postponed=sum(d.postponed for d in shown),
        skipped=sum(d.skipped for d in shown),
        longest_sitting_minutes=max((d.longest_sitting_minutes for d in shown), default=0.0),
        minutes_moved=round(sum(d.minutes_moved for d in shown), 1),
    )


def summary_line(week: BreakCounts) -> str:
    """One sentence for the diary's weekly summary."""
    if not week.due and not week.postponed:
        return "Breaks: no reminders answered in the last seven days."
    return (
        f"Breaks in the last seven days: {week.taken} of {week.due} taken, {week.skipped} "
        f"skipped, {week.postponed} postponed; {week.minutes_moved:g} minutes moved, longest "
        f"sitting stretch {week.longest_sitting_minutes:g} minutes."
    )
