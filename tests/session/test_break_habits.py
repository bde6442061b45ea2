"""Breaks people keep: "did you move?", quiet times, skip limits, sit–stand prompts and the
statistics over stored events. Time is a number passed in; nothing sleeps."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from backcare.errors import InputError
from backcare.session.break_stats import BreakRecord, day_counts, summary_line, week_stats
from backcare.session.breaks import (
    advance,
    answer_moved,
    can_skip,
    postpone,
    sit_stand,
    skip,
    start_breaks,
    take_now,
)
from backcare.session.quiet import (
    Busy,
    QuietWindow,
    busy_until,
    calendar_busy,
    format_quiet_hours,
    parse_quiet_hours,
)

MIN = 60.0
ICS = Path(__file__).parent / "data" / "busy.ics"


def test_a_taken_break_asks_did_you_move_and_records_minutes_and_sitting() -> None:
    state = start_breaks(every_min=30, move_min=5, now=0)
    state = advance(take_now(advance(state, 30 * MIN), 32 * MIN), 37 * MIN)
    assert state.asking
    event = state.log[-1]
    assert (event.outcome, event.minutes, event.sat_minutes, event.moved) == ("taken", 5, 32, None)
    state = answer_moved(state, moved=True)
    assert not state.asking
    assert state.log[-1].moved is True
    assert state.still_since == 37 * MIN


def test_answering_skipped_after_a_break_counts_as_a_skip_and_sitting_goes_on() -> None:
    state = advance(take_now(start_breaks(every_min=30, move_min=5, now=0), 30 * MIN), 35 * MIN)
    state = skip(state, 35 * MIN + 2)  # while asking, s answers "I skipped it"
    assert state.log[-1].moved is False
    assert state.count("skipped") == 0  # still one event: the taken break, answered "no"
    assert state.skips_in_row == 1
    assert state.still_since == 0
    state = skip(advance(state, 65 * MIN), 65 * MIN)
    assert state.log[-1].sat_minutes == 65


def test_a_break_due_while_busy_waits_and_is_offered_right_after() -> None:
    state = start_breaks(every_min=30, move_min=5, now=0)
    state = advance(state, 30 * MIN, busy=True)
    assert (state.phase, state.held) == ("waiting", True)
    state = advance(state, 55 * MIN, busy=True)
    assert state.phase == "waiting"
    state = advance(state, 55 * MIN + 1, busy=False)
    assert (state.phase, state.held) == ("due", False)


def test_skip_limit_off_by_default() -> None:
    state = start_breaks(every_min=30, move_min=5, now=0)
    for n in range(5):
        state = skip(state, (n + 1) * 30 * MIN)
    assert state.count("skipped") == 5
    assert can_skip(state)


def test_after_n_skips_in_a_row_the_next_break_can_only_be_postponed_once() -> None:
    state = start_breaks(every_min=30, move_min=5, now=0, skip_limit=2)
    state = skip(advance(state, 30 * MIN), 30 * MIN)
    state = skip(advance(state, 60 * MIN), 60 * MIN)
    assert not can_skip(state)
    state = advance(state, 90 * MIN)
    assert skip(state, 90 * MIN) == state
    state = postpone(state, 90 * MIN)
    assert state.count("postponed") == 1
    state = advance(state, 100 * MIN)
    assert postpone(state, 100 * MIN) == state
    assert skip(state, 100 * MIN) == state
    state = advance(take_now(state, 100 * MIN), 105 * MIN)
    assert state.skips_in_row == 0
    assert can_skip(state)


def test_sit_stand_prompts_alternate_only_for_a_standing_desk() -> None:
    assert [sit_stand(n, standing_desk=True) for n in range(4)] == ["stand", "sit", "stand", "sit"]
    assert sit_stand(0, standing_desk=None) is None
    assert sit_stand(1, standing_desk=False) is None


def test_quiet_hours_parse_and_refuse_bad_windows() -> None:
    windows = parse_quiet_hours("12:00-13:00, 22:30-07:00")
    assert windows == (QuietWindow(time(12), time(13)), QuietWindow(time(22, 30), time(7)))
    assert format_quiet_hours(windows) == "12:00-13:00,22:30-07:00"
    assert parse_quiet_hours("") == ()
    for bad in ("noon", "25:00-26:00", "12:00-12:00", "12:00-13:60"):
        with pytest.raises(InputError, match="quiet hours"):
            parse_quiet_hours(bad)


def test_busy_until_chains_windows_and_events() -> None:
    paris = ZoneInfo("Europe/Paris")
    local = datetime(2026, 12, 7, 12, 30, tzinfo=paris)
    windows = parse_quiet_hours("12:00-13:00")
    meeting = Busy(datetime(2026, 12, 7, 12, tzinfo=UTC), datetime(2026, 12, 7, 12, 45, tzinfo=UTC))
    assert busy_until(local, windows, [meeting]) == datetime(2026, 12, 7, 13, 45, tzinfo=paris)
    assert busy_until(local.replace(hour=14), windows, [meeting]) is None
    night = parse_quiet_hours("22:00-07:00")
    assert busy_until(local.replace(hour=23), night, []) == datetime(2026, 12, 8, 7, tzinfo=paris)


def test_a_real_ics_with_a_weekly_meeting_makes_every_monday_busy() -> None:
    london = ZoneInfo("Europe/London")
    start = datetime(2026, 11, 30, tzinfo=UTC)
    busy = calendar_busy(ICS.read_bytes(), start=start, end=start + timedelta(days=28), tz=london)
    meetings = [b for b in busy if b.summary == "Weekly team meeting"]
    assert [b.start.astimezone(london).date() for b in meetings] == [
        date(2026, 11, 30),
        date(2026, 12, 7),
        date(2026, 12, 14),
        date(2026, 12, 21),
    ]
    assert all(b.end - b.start == timedelta(minutes=30) for b in meetings)
    assert [b.summary for b in busy if b.summary != "Weekly team meeting"] == ["Presentation"]
    monday = datetime(2026, 12, 7, 10, 10, tzinfo=london)
    assert busy_until(monday, (), busy) == datetime(2026, 12, 7, 10, 30, tzinfo=london)
    assert busy_until(monday + timedelta(hours=1), (), busy) is None


def test_an_excluded_occurrence_is_free() -> None:
    london = ZoneInfo("Europe/London")
    start = datetime(2026, 11, 16, tzinfo=UTC)
    busy = calendar_busy(ICS.read_bytes(), start=start, end=start + timedelta(days=14), tz=london)
    assert [b.start.astimezone(london).day for b in busy] == [16]  # the 23rd is excluded


def test_a_broken_calendar_is_an_input_error() -> None:
    with pytest.raises(InputError, match="busy-calendar"):
        calendar_busy(b"not a calendar", start=datetime.now(UTC), end=datetime.now(UTC), tz=UTC)


T = datetime(2026, 12, 7, 9, tzinfo=UTC)


def test_day_counts_follow_the_answers() -> None:
    records = [
        BreakRecord(T, "taken", moved=True, minutes=5, sat_minutes=30),
        BreakRecord(T + timedelta(hours=1), "postponed", sat_minutes=25),
        BreakRecord(T + timedelta(hours=1, minutes=10), "skipped", sat_minutes=35),
        BreakRecord(T + timedelta(hours=2), "taken", moved=False, minutes=5, sat_minutes=65),
        BreakRecord(T + timedelta(hours=3), "taken", minutes=4, sat_minutes=20),
    ]
    day = day_counts(T.date(), records)
    assert (day.due, day.taken, day.skipped, day.postponed) == (4, 2, 2, 1)
    assert (day.minutes_moved, day.longest_sitting_minutes) == (9, 65)


def test_week_stats_cover_seven_days_in_local_time_and_sum_them() -> None:
    tokyo = ZoneInfo("Asia/Tokyo")
    records = [
        BreakRecord(datetime(2026, 12, 6, 16, tzinfo=UTC), "taken", minutes=5, sat_minutes=40),
        BreakRecord(datetime(2026, 12, 1, 1, tzinfo=UTC), "skipped", sat_minutes=90),
        BreakRecord(datetime(2026, 11, 20, 1, tzinfo=UTC), "skipped", sat_minutes=500),
    ]
    stats = week_stats(records, today=date(2026, 12, 7), tz=tokyo)
    assert [d.date for d in stats.days] == [date(2026, 12, d) for d in range(1, 8)]
    assert stats.days[-1].taken == 1  # 16:00 UTC on the 6th is the 7th in Tokyo
    assert stats.days[0].skipped == 1
    assert stats.week.model_dump() == {
        "due": 2,
        "taken": 1,
        "postponed": 0,
        "skipped": 1,
        "longest_sitting_minutes": 90,
        "minutes_moved": 5,
    }
    assert "1 of 2 taken" in summary_line(stats.week)
