"""Quiet times: when not to prompt for a break.

Two kinds, both pure: daily quiet windows (``"12:00-13:00,15:30-16:00"``; a window may run past
midnight, ``"22:00-07:00"``) and busy intervals read from an iCalendar file (``.ics``), weekly
and other recurring events included (their RRULE expanded with dateutil, EXDATEs removed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from backcare.errors import InputError

WINDOW = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")
MAX_WINDOWS = 24


@dataclass(frozen=True)
class QuietWindow:
    """A daily window, local time; ``end`` before ``start`` runs past midnight."""

    start: time
    end: time

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"

    def contains(self, moment: time) -> bool:
        if self.start <= self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end


@dataclass(frozen=True)
class Busy:
    """A busy interval (aware datetimes), from a calendar event."""

    start: datetime
    end: datetime
    summary: str = ""


def parse_quiet_hours(text: str, *, field: str = "quiet hours") -> tuple[QuietWindow, ...]:
    """``"12:00-13:00,15:30-16:00"`` → windows; a bad one is an ``InputError`` naming it."""
    windows: list[QuietWindow] = []
    for part in (p for p in text.split(",") if p.strip()):
        match = WINDOW.match(part)
        if match is None:
            raise InputError(f"{field}: {part.strip()!r} is not HH:MM-HH:MM")
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
            raise InputError(f"{field}: {part.strip()!r} is not a time of day")
        window = QuietWindow(time(h1, m1), time(h2, m2))
        if window.start == window.end:
            raise InputError(f"{field}: {part.strip()!r} is empty")
        windows.append(window)
    if len(windows) > MAX_WINDOWS:
        raise InputError(f"{field}: at most {MAX_WINDOWS} windows")
    return tuple(windows)


def format_quiet_hours(windows: Iterable[QuietWindow]) -> str:
    return ",".join(str(w) for w in windows)


def busy_until(
    now: datetime, windows: Sequence[QuietWindow], events: Sequence[Busy]
) -> datetime | None:
    """When the busy time around ``now`` ends, or ``None`` when the person is free.

    ``now`` is aware and in the person's time zone, which the daily windows are read in.
    Back-to-back quiet windows and events chain: the answer is the first free moment.
    """
    moment = now
    for _ in range(2 * (len(windows) + len(events)) + 2):
        end = _busy_end(moment.astimezone(now.tzinfo), windows, events)
        if end is None:
            return None if moment == now else moment
        moment = end
    return moment


def _busy_end(
    moment: datetime, windows: Sequence[QuietWindow], events: Sequence[Busy]
) -> datetime | None:
    ends: list[datetime] = [e.end for e in events if e.start <= moment < e.end]
    local = moment
    for window in windows:
        if window.contains(local.time().replace(tzinfo=None)):
            end = datetime.combine(local.date(), window.end, tzinfo=local.tzinfo)
            if end <= local:
                end += timedelta(days=1)
            ends.append(end)
    return max(ends) if ends else None


def calendar_busy(ics: bytes | str, *, start: datetime, end: datetime, tz: tzinfo) -> list[Busy]:
    """Busy intervals of the calendar's events overlapping ``[start, end)``.

    Recurring events are expanded; all-day events and events marked free (TRANSP:TRANSPARENT)
    or cancelled are not busy. Floating times are read in ``tz``.
    """
    import icalendar

    try:
        calendar = icalendar.Calendar.from_ical(ics)
    except ValueError as error:
        raise InputError(f"--busy-calendar: not an iCalendar file ({error})") from None
    busy: list[Busy] = []
    for event in calendar.walk("VEVENT"):
        if _free(event):
            continue
        first = event.decoded("DTSTART", None)
        if not isinstance(first, datetime):
            continue  # all-day or missing: not a meeting
        first = first if first.tzinfo else first.replace(tzinfo=tz)
        length = _length(event, first)
        summary = str(event.get("SUMMARY", ""))
        for begins in _occurrences(event, first, start - length, end):
            if begins + length > start and begins < end:
                busy.append(Busy(begins, begins + length, summary))
    return sorted(busy, key=lambda b: b.start)


def _free(event: Any) -> bool:
    transparent = str(event.get("TRANSP", "OPAQUE")).upper() == "TRANSPARENT"
    return transparent or str(event.get("STATUS", "")).upper() == "CANCELLED"


def _length(event: Any, first: datetime) -> timedelta:
    if event.get("DTEND") is not None:
        last = event.decoded("DTEND")
        if isinstance(last, datetime):
            return (last if last.tzinfo else last.replace(tzinfo=first.tzinfo)) - first
    if event.get("DURATION") is not None:
        duration = event.decoded("DURATION")
        if isinstance(duration, timedelta):
            return duration
    return timedelta(0)


def _occurrences(event: Any, first: datetime, after: datetime, before: datetime) -> list[datetime]:
    rule = event.get("RRULE")
    if rule is None:
        return [first]
    from dateutil.rrule import rrulestr

    text = rule.to_ical().decode()
    recurrence = rrulestr(text, dtstart=first, forceset=True)
    for exdate in _exdates(event):
        recurrence.exdate(exdate)
    return list(recurrence.between(after, before, inc=True))


def _exdates(event: Any) -> list[datetime]:
    found = event.get("EXDATE")
    if found is None:
        return []
    groups = found if isinstance(found, list) else [found]
    dates: list[datetime] = []
    for group in groups:
        for item in group.dts:
            value = item.dt
            if isinstance(value, datetime):
                dates.append(value)
            elif isinstance(value, date):
                continue
    return dates
