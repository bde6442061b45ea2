"""``backcare breaks`` over a simulated week: the reminder loop driven by a clock of the test's
own (no sleeping), quiet windows and a real .ics calendar, "did you move?" answers, the skip
limit, then ``breaks --stats`` (JSON contract, Rich table, text chart, PNG) on the same file."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from backcare import services
from backcare.cli.breaks import QuietTimes, Reminder, read_busy_calendar
from backcare.config import load_settings
from backcare.session.breaks import BreakState, start_breaks
from backcare.session.quiet import parse_quiet_hours
from backcare.store import Database, open_database
from tests.cli.test_data_commands import Backcare

ICS = Path(__file__).parents[1] / "session" / "data" / "busy.ics"
KEYS = ["date", "due", "taken", "postponed", "skipped", "longest_sitting_minutes", "minutes_moved"]
WORKDAY_S = 8 * 3600
TICK_S = 30.0

# One reaction per break that falls due, in turn, for each day of the week (oldest first):
# "take" (then "did you move?": yes), "fake" (taken, then "no, I skipped it"), "skip",
# "postpone" (then take it when it comes back).
WEEK = [
    ["take", "take", "skip", "take", "postpone", "take", "take", "take"],
    ["take", "skip", "skip", "take", "fake", "take", "take", "take"],
    ["postpone", "take", "take", "take", "take", "take", "skip", "take"],
    ["skip", "skip", "skip", "take", "take", "take", "take", "take"],
    ["take", "take", "take", "take", "take", "take", "take", "take"],
    ["fake", "take", "postpone", "take", "skip", "take", "take", "take"],
    ["take", "take", "take", "skip", "take", "take", "take", "take"],
]


class Clock:
    """Seconds the test sets by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def database(home: Path) -> Iterator[Database]:
    db = open_database(load_settings({"BACKCARE_HOME": str(home)}))
    yield db
    db.close()


def simulate_day(
    db: Database, start: datetime, reactions: list[str], quiet: QuietTimes
) -> tuple[BreakState, list[datetime]]:
    """A working day of 45-minute breaks of 5 minutes from ``start``; the times each break was
    offered are returned with the final state."""
    clock = Clock()
    reminder = Reminder(
        db,
        services.local_user_id(db),
        [],
        speed=1.0,
        sound=False,
        quiet=quiet,
        clock=clock,
        wall_start=start,
        notifier=lambda message: None,
    )
    state = start_breaks(every_min=45, move_min=5, now=0.0)
    offered: list[datetime] = []
    pending = list(reactions)
    faking = False
    while clock.now < WORKDAY_S:
        keys = ""
        if state.phase == "due":
            reaction = pending[0] if pending else "take"
            if reaction == "postpone" and not state.postponed:
                keys = "p"
            else:
                pending = pending[1:]
                faking = reaction == "fake"
                keys = "s" if reaction == "skip" else "\r"
        elif state.asking:
            keys = "s" if faking else "m"
        before = state.phase
        state = reminder.step(state, keys, clock.now)
        if state.phase == "due" and before != "due":
            offered.append(reminder.wall(clock.now))
        clock.now += TICK_S
    return state, offered


def test_a_simulated_week_gives_the_stats_contract(
    home: Path, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    today = datetime.now().astimezone().date()
    quiet = QuietTimes(windows=parse_quiet_hours("12:00-13:00"))
    offered_all: list[datetime] = []
    for offset, reactions in enumerate(WEEK):
        day = today - timedelta(days=len(WEEK) - 1 - offset)
        start = datetime.combine(day, time(9)).astimezone()
        _, offered = simulate_day(database, start, reactions, quiet)
        offered_all += offered
    assert offered_all
    assert not any(time(12) <= at.time() < time(13) for at in offered_all)
    assert any(at.time() == time(13) for at in offered_all)  # held, then offered right after

    stats = json.loads(Backcare(home).ok("breaks", "--stats", "--json"))
    print(json.dumps(stats, indent=1))
    assert [list(day) for day in stats["days"]] == [KEYS] * 7
    assert [day["date"] for day in stats["days"]] == [
        (today - timedelta(days=6 - n)).isoformat() for n in range(7)
    ]
    for day, reactions in zip(stats["days"], WEEK, strict=True):
        assert day["skipped"] == sum(r in ("skip", "fake") for r in reactions)
        assert day["postponed"] == reactions.count("postpone")
        assert day["due"] == day["taken"] + day["skipped"]
        assert day["minutes_moved"] == 5 * day["taken"]
        assert day["longest_sitting_minutes"] >= 45
    # every break taken; the one due at 12:15 waited for the quiet window to end at 13:00, so
    # the longest stretch ran from the 11:30 break's end to 13:00 (to the 30-second tick)
    assert 89 <= stats["days"][4]["longest_sitting_minutes"] <= 90
    assert stats["days"][3]["longest_sitting_minutes"] > 3 * 45  # three skips in a row
    for key in ("due", "taken", "postponed", "skipped", "minutes_moved"):
        assert stats["week"][key] == sum(day[key] for day in stats["days"])
    assert stats["week"]["longest_sitting_minutes"] == max(
        day["longest_sitting_minutes"] for day in stats["days"]
    )


def test_stats_as_a_table_a_text_chart_and_a_png(home: Path, tmp_path: Path) -> None:
    backcare = Backcare(home)
    backcare.ok("breaks", "--stats", "--json")  # creates the store
    db = open_database(load_settings({"BACKCARE_HOME": str(home)}))
    try:
        user = services.local_user_id(db)
        now = datetime.now(UTC)
        services.record_break(db, user_id=user, at=now, outcome="taken", minutes=5, sat_minutes=40)
        services.record_break(db, user_id=user, at=now, outcome="skipped", sat_minutes=70)
    finally:
        db.close()
    plot = tmp_path / "breaks.png"
    out = backcare.ok("breaks", "--stats", "--plot", str(plot))
    assert "Breaks, last seven days" in out
    assert "longest sitting" in out
    assert "█░ 1/2" in out
    assert "1 of 2 taken" in out
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    bad = backcare("breaks", "--json")
    assert bad.returncode == 2
    assert "--stats" in bad.stderr


def test_a_break_is_held_through_a_weekly_meeting_from_a_real_ics(database: Database) -> None:
    monday = datetime(2026, 12, 7, 9, 50).astimezone()
    events = read_busy_calendar(ICS, monday.astimezone(UTC))
    assert any(e.summary == "Weekly team meeting" for e in events)
    meeting = next(e for e in events if e.summary == "Weekly team meeting")
    start = meeting.start - timedelta(minutes=20)
    state, offered = simulate_day(database, start, ["take"], QuietTimes(events=events))
    assert offered[0] == meeting.end  # due 25 min in, during the meeting: offered at its end
    assert state.count("taken") >= 1


def test_skip_limit_from_the_stored_settings_reaches_the_reminder(
    home: Path, database: Database
) -> None:
    from backcare.cli.breaks import break_extras
    from backcare.schemas import BreakSettingsIn

    user = services.local_user_id(database)
    services.save_break_settings(
        database, user_id=user, settings=BreakSettingsIn(quiet_hours="12:00-13:00", skip_limit=2)
    )
    extras = break_extras(database, user, None, None)
    assert extras.skip_limit == 2
    assert [str(w) for w in extras.quiet.windows] == ["12:00-13:00"]
    assert break_extras(database, user, None, 4).skip_limit == 4
    start = datetime.combine(date(2026, 12, 7), time(9)).astimezone()
    clock = Clock()
    reminder = Reminder(
        database,
        user,
        [],
        speed=1.0,
        sound=False,
        clock=clock,
        wall_start=start,
        notifier=lambda message: None,
    )
    state = start_breaks(every_min=30, move_min=5, now=0.0, skip_limit=extras.skip_limit)
    for n in (1, 2):
        clock.now = n * 30 * 60.0
        state = reminder.step(state, "s", clock.now)
    clock.now = 90 * 60.0
    state = reminder.step(state, "", clock.now)
    assert state.phase == "due"
    assert reminder.step(state, "s", clock.now).phase == "due"  # skipping is off
    state = reminder.step(state, "p", clock.now)
    assert state.count("postponed") == 1


def test_the_diary_weekly_summary_mentions_the_breaks(home: Path, database: Database) -> None:
    user = services.local_user_id(database)
    now = datetime.now(UTC)
    services.record_break(
        database, user_id=user, at=now, outcome="taken", minutes=5, sat_minutes=50
    )
    services.record_break(database, user_id=user, at=now, outcome="skipped", sat_minutes=80)
    backcare = Backcare(home)
    out = " ".join(backcare.ok("diary").split())
    assert "Breaks in the last seven days: 1 of 2 taken, 1 skipped" in out
    assert "longest sitting stretch 80 minutes" in out
    week = json.loads(backcare.ok("diary", "--json"))["breaks_week"]
    assert (week["due"], week["minutes_moved"]) == (2, 5)


def rendered(reminder: Reminder, state: BreakState, now: float) -> str:
    from rich.console import Console

    console = Console(width=100, record=True, file=open(os.devnull, "w"))  # noqa: SIM115
    console.print(reminder.render(state, now))
    text = console.export_text()
    console.file.close()
    return text


def test_the_screen_asks_did_you_move_shows_quiet_time_and_sit_stand(database: Database) -> None:
    start = datetime.combine(date(2026, 12, 7), time(11, 50)).astimezone()
    clock = Clock()
    reminder = Reminder(
        database,
        services.local_user_id(database),
        [],
        speed=1.0,
        sound=False,
        clock=clock,
        wall_start=start,
        notifier=lambda message: None,
        standing_desk=True,
        quiet=QuietTimes(windows=parse_quiet_hours("12:00-13:00")),
    )
    state = start_breaks(every_min=30, move_min=5, now=0.0)
    clock.now = 30 * 60.0  # 12:20, quiet
    state = reminder.step(state, "", clock.now)
    assert state.held
    assert "Quiet time until 13:00" in rendered(reminder, state, clock.now)
    clock.now = 70 * 60.0  # 13:00
    state = reminder.step(state, "", clock.now)
    assert state.phase == "due"
    assert "Raise your desk" in rendered(reminder, state, clock.now)
    state = reminder.step(state, "\r", clock.now)
    clock.now += 5 * 60
    state = reminder.step(state, "", clock.now)
    screen = rendered(reminder, state, clock.now)
    assert "Did you move?" in screen
    state = reminder.step(state, "m", clock.now)
    assert state.log[-1].moved is True
    [stored] = services.list_breaks(database, user_id=services.local_user_id(database))
    assert (stored.outcome, stored.moved, stored.minutes, stored.sat_minutes) == (
        "taken",
        True,
        5,
        70,
    )


def test_bad_break_options_are_one_line_errors(home: Path, tmp_path: Path) -> None:
    backcare = Backcare(home)
    missing = backcare("breaks", "--busy-calendar", str(tmp_path / "missing.ics"))
    assert missing.returncode == 2
    assert "--busy-calendar: cannot read" in missing.stderr
    junk = tmp_path / "junk.ics"
    junk.write_text("not a calendar", encoding="utf-8")
    broken = backcare("breaks", "--busy-calendar", str(junk))
    assert broken.returncode == 2
    assert "--busy-calendar: not an iCalendar file" in broken.stderr
    limit = backcare("breaks", "--skip-limit", "0")
    assert limit.returncode == 2
    assert "--skip-limit: must be from 1 to 20" in limit.stderr
    assert backcare("breaks", "--stats", "--plot", "x.txt").returncode == 2
