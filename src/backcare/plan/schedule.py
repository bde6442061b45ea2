"""Where a person is in their programme: which week and which day of the plan is today.

Both front ends ask the same questions; the answers live here so they cannot drift apart.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from backcare.profile import Work

MAX_WEEK = 52
"""Plans progress week by week for up to a year."""

BREAK_WORK: frozenset[Work] = frozenset({"sitting", "standing", "driving"})
"""Work that keeps a person in one position, so their calendar gets break reminders."""


def programme_week(first_saved: datetime | None, now: datetime) -> int:
    """Week of the programme: week 1 is the first seven days after the first saved profile."""
    if first_saved is None:
        return 1
    return min(MAX_WEEK, max(1, (now - first_saved).days // 7 + 1))


def local_date(now: datetime, tz: tzinfo | None = None) -> date:
    """The calendar day the instant ``now`` falls on where the person lives: in ``tz``, or in
    the machine's local zone (``TZ``), the zone the diary shows times in. One answer for every
    page and command, so "today" turns over at the person's midnight, not at UTC's."""
    return now.astimezone(tz).date()


def plan_day(today: date) -> int:
    """Plan day for a date: Monday = 1 … Sunday = 7."""
    return today.isoweekday()


def wants_breaks(work: list[Work]) -> bool:
    """True when the person's work keeps them sitting, standing or driving for long."""
    return bool(BREAK_WORK & set(work))
