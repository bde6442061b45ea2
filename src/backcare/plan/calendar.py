"""The plan as an iCalendar file (RFC 5545): one event per session, break reminders on workdays.

Pure: the start date and times are arguments and the stamp is derived from the start date, so
the same plan and start always give the same bytes. Times are floating (the person's local time).
"""

from __future__ import annotations

import datetime as dt

from icalendar import Alarm, Calendar, Event

from backcare.plan.models import Plan, Session

PRODID = "-//backcare//personal plan//EN"
ALARM_BEFORE = dt.timedelta(minutes=5)
"""Sessions remind five minutes ahead, enough to roll out a mat."""

WORKDAYS = ["MO", "TU", "WE", "TH", "FR"]


def plan_calendar(
    plan: Plan,
    *,
    start: dt.date,
    morning: dt.time = dt.time(7, 30),
    evening: dt.time = dt.time(20, 0),
    work_start: dt.time = dt.time(9, 0),
    work_end: dt.time = dt.time(17, 0),
    breaks: bool = True,
) -> bytes:
    """Day 1 of the plan falls on ``start``; break reminders repeat on workdays for that week.

    Pass ``breaks=False`` for someone who does not sit, stand or drive for long stretches. A plan
    without days (the check said to see a doctor) gets no reminders at all.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    stamp = dt.datetime.combine(start, dt.time(0, 0), tzinfo=dt.UTC)
    slots = {"morning": morning, "evening": evening}
    for day in plan.days:
        date = start + dt.timedelta(days=day.day - 1)
        for session in day.sessions:
            begin = dt.datetime.combine(date, slots[session.slot])
            calendar.add_component(_session_event(session, begin, day.day, stamp))
    if breaks and plan.days:
        last = start + dt.timedelta(days=len(plan.days) - 1)
        for begin in _break_times(start, work_start, work_end, plan.breaks.every_min):
            calendar.add_component(_break_event(plan, begin, last, stamp))
    ics: bytes = calendar.to_ical()
    return ics


def _session_event(session: Session, begin: dt.datetime, day: int, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", f"backcare-day{day}-{session.slot}-{begin:%Y%m%d}@backcare.local")
    event.add("dtstamp", stamp)
    event.add("dtstart", begin)
    event.add("duration", dt.timedelta(minutes=session.minutes))
    names = ", ".join(item.name for item in session.items)
    event.add("summary", f"Back care: {session.slot} session ({session.minutes:g} min)")
    event.add(
        "description",
        "\n".join(f"{item.name} — {item.minutes:g} min. {item.why}" for item in session.items)
        or names,
    )
    event.add_component(_alarm(f"Time for your {session.slot} back-care session: {names}"))
    return event


def _break_times(
    start: dt.date, work_start: dt.time, work_end: dt.time, every_min: int
) -> list[dt.datetime]:
    """Reminder times across one working day, every ``every_min`` minutes after work starts."""
    begin = dt.datetime.combine(start, work_start)
    end = dt.datetime.combine(start, work_end)
    step = dt.timedelta(minutes=every_min)
    times = []
    moment = begin + step
    while moment < end:
        times.append(moment)
        moment += step
    return times


def _break_event(plan: Plan, begin: dt.datetime, last: dt.date, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", f"backcare-break-{begin:%Y%m%dT%H%M}@backcare.local")
    event.add("dtstamp", stamp)
    event.add("dtstart", begin)
    event.add("duration", dt.timedelta(minutes=plan.breaks.move_min))
    event.add("summary", f"Move for {plan.breaks.move_min} minutes")
    event.add(
        "rrule",
        {"freq": "weekly", "byday": WORKDAYS, "until": dt.datetime.combine(last, dt.time(23, 59))},
    )
    event.add_component(_alarm("Stand up, walk and stretch for a few minutes.", lead=None))
    return event


def _alarm(text: str, *, lead: dt.timedelta | None = ALARM_BEFORE) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", text)
    alarm.add("trigger", -lead if lead is not None else dt.timedelta(0))
    return alarm
