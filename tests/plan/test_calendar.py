"""The calendar export: valid RFC 5545 that a calendar app can read back, one event per session."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from backcare.knowledge import KnowledgeBase
from backcare.plan import Plan, build_plan
from backcare.plan.calendar import plan_calendar
from backcare.profile import Profile
from backcare.triage import CheckResult

START = dt.date(2026, 11, 23)  # a Monday
FINE = CheckResult(level="self_care", exercise_allowed=True, flags=[], advice="Carry on.")
SEE_A_DOCTOR = CheckResult(level="urgent", exercise_allowed=False, flags=[], advice="See a GP.")
OFFICE = Profile.model_validate(
    {"work": ["sitting"], "pain": {"areas": ["lower_back"], "score": 3}, "equipment": ["chair"]}
)


def events(ics: bytes) -> list[Calendar]:
    return list(Calendar.from_ical(ics).walk("VEVENT"))


def office_plan(kb: KnowledgeBase) -> Plan:
    return build_plan(OFFICE, FINE, kb)


def test_every_session_is_an_event_with_an_alarm_on_its_day(kb: KnowledgeBase) -> None:
    plan = office_plan(kb)
    found = [e for e in events(plan_calendar(plan, start=START)) if "RRULE" not in e]
    sessions = [(day.day, s) for day in plan.days for s in day.sessions]
    assert len(found) == len(sessions) > 0
    for event, (day, session) in zip(found, sessions, strict=True):
        begin = event.decoded("DTSTART")
        assert begin.date() == START + dt.timedelta(days=day - 1)
        assert begin.time() == (dt.time(7, 30) if session.slot == "morning" else dt.time(20, 0))
        assert event.decoded("DURATION") == dt.timedelta(minutes=session.minutes)
        assert [a["ACTION"] for a in event.walk("VALARM")] == ["DISPLAY"]
        assert session.items[0].name in event["DESCRIPTION"]


def test_break_reminders_repeat_on_workdays_for_the_plan_week(kb: KnowledgeBase) -> None:
    plan = office_plan(kb)
    breaks = [e for e in events(plan_calendar(plan, start=START)) if "RRULE" in e]
    workday_minutes = 8 * 60  # 09:00 to 17:00, reminders after the start and before the end
    assert len(breaks) == len(range(plan.breaks.every_min, workday_minutes, plan.breaks.every_min))
    for event in breaks:
        rule = event["RRULE"]
        assert rule["FREQ"] == ["WEEKLY"]
        assert rule["BYDAY"] == ["MO", "TU", "WE", "TH", "FR"]
        assert rule["UNTIL"][0].date() == START + dt.timedelta(days=6)
        assert event.decoded("DURATION") == dt.timedelta(minutes=plan.breaks.move_min)
        assert len(event.walk("VALARM")) == 1
    assert len({e["UID"] for e in breaks}) == len(breaks)


def test_breaks_can_be_left_out(kb: KnowledgeBase) -> None:
    ics = plan_calendar(office_plan(kb), start=START, breaks=False)
    assert all("RRULE" not in event for event in events(ics))


def test_the_same_plan_and_start_give_the_same_bytes(kb: KnowledgeBase) -> None:
    assert plan_calendar(office_plan(kb), start=START) == plan_calendar(
        office_plan(kb), start=START
    )


def test_a_plan_that_stops_for_a_doctor_has_no_events(kb: KnowledgeBase) -> None:
    plan = build_plan(OFFICE, SEE_A_DOCTOR, kb)
    ics = plan_calendar(plan, start=START)
    assert Calendar.from_ical(ics)["VERSION"] == "2.0"
    assert events(ics) == []
