"""``backcare session`` and ``backcare breaks`` in a real pseudo-terminal, as a person uses them.

Each test runs the installed command in its own ``BACKCARE_HOME``, presses keys through the pty
and then reads what was stored through ``services`` on the same SQLite file.
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from backcare import services
from backcare.cli.session import key_presses
from backcare.config import load_settings
from backcare.schemas import ExerciseFeedbackPublic, SessionRecordPublic, StopEventPublic
from backcare.store import Database, open_database

OFFICE_WORKER = {
    "age": 41,
    "sex": "female",
    "work": ["sitting"],
    "pain": {"areas": ["lower_back"], "score": 4, "duration_days": 20, "onset": "gradual"},
    "fitness": "moderate",
    "equipment": ["mat", "chair", "wall"],
    "minutes_per_day": 10,
}
STRETCH_LINE = re.compile(r"Stretch: (.+?)\s*│")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def profile_file(tmp_path: Path) -> Path:
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(OFFICE_WORKER), encoding="utf-8")
    return path


def stored(home: Path) -> Database:
    """The database the command wrote, opened after the command has finished."""
    return open_database(load_settings({"BACKCARE_HOME": str(home)}))


def spawn(home: Path, *args: str) -> pexpect.spawn:
    """The real command in a 100×40 pseudo-terminal, with Ctrl-C working as in a person's
    terminal: a suite started in the background by a non-interactive shell inherits SIGINT
    ignored, and a Python started with it ignored never raises ``KeyboardInterrupt``."""
    env = {"BACKCARE_HOME": str(home), "PATH": "/usr/bin:/bin", "TERM": "xterm-256color"}
    return pexpect.spawn(
        sys.executable,
        ["-m", "backcare", *args],
        env=env,
        dimensions=(40, 100),
        encoding="utf-8",
        timeout=60,
        preexec_fn=default_interrupt,
    )


def default_interrupt() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def finished(child: pexpect.spawn) -> None:
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before


def start_session(home: Path, profile_file: Path) -> pexpect.spawn:
    child = spawn(
        home,
        "session",
        "--profile",
        str(profile_file),
        "--day",
        "1",
        "--speed",
        "200",
        "--no-sound",
    )
    child.expect("before you start")
    child.sendline("6")
    child.expect("Get ready: ")
    return child


def session_records(
    home: Path,
) -> tuple[SessionRecordPublic, list[ExerciseFeedbackPublic], list[StopEventPublic]]:
    """The one session stored, its one-tap answers and its stop events (the saved profile is
    there too)."""
    db = stored(home)
    try:
        user_id = services.local_user_id(db)
        [record] = services.list_sessions(db, user_id=user_id)
        assert services.current_profile(db, user_id=user_id) is not None
        return (
            record,
            services.list_feedback(db, user_id=user_id),
            services.list_stops(db, user_id=user_id),
        )
    finally:
        db.close()


def answer_every_exercise(child: pexpect.spawn, answer: str) -> int:
    """Give the same one-tap answer after each exercise until the closing pain question."""
    asked = 0
    while child.expect(["How was", "after the session"], timeout=120) == 0:
        child.sendline(answer)
        asked += 1
    return asked


def test_a_session_runs_skips_on_s_and_records_what_was_done(
    home: Path, profile_file: Path
) -> None:
    child = start_session(home, profile_file)
    child.send("s")
    asked = answer_every_exercise(child, "1")
    child.sendline("2")
    child.expect("Saved: ")
    finished(child)

    record, answers, _ = session_records(home)
    assert (record.plan_day, record.week, record.pain_before, record.pain_after) == (1, 1, 6, 2)
    statuses = [item.status for item in record.items]
    assert len(statuses) >= 2
    assert statuses == ["skipped"] + ["done"] * (len(statuses) - 1)
    assert all(item.sets_done >= 1 for item in record.items[1:])
    assert record.started_at <= record.ended_at
    assert asked == len(statuses) - 1, "one question after each exercise done, none if skipped"
    assert [(f.exercise_id, f.answer, f.week) for f in answers] == [
        (item.id, "too_easy", 1) for item in record.items[1:]
    ]


def test_it_hurt_with_pain_up_two_stops_the_session_and_records_the_stop(
    home: Path, profile_file: Path
) -> None:
    child = start_session(home, profile_file)
    child.expect("How was", timeout=120)
    child.sendline("4")
    child.expect("Pain now")
    child.sendline("8")
    child.expect("in a leg")
    child.sendline("n")
    child.expect("Session stopped")
    child.expect("Your pain rose from 6 to 8")
    child.expect("Saved: ")
    finished(child)

    record, [answer], [stop] = session_records(home)
    assert answer.answer == "it_hurt"
    assert (stop.reason, stop.pain_before, stop.pain_now) == ("pain_rose", 6, 8)
    assert stop.exercise_id == answer.exercise_id == record.items[0].id
    assert record.pain_after is None
    assert [item.status for item in record.items[1:]] == ["skipped"] * (len(record.items) - 1)


def test_ctrl_c_saves_what_was_done_without_asking_again(home: Path, profile_file: Path) -> None:
    child = start_session(home, profile_file)
    child.sendintr()
    child.expect("Saved: ")
    finished(child)

    db = stored(home)
    try:
        [record] = services.list_sessions(db, user_id=services.local_user_id(db))
    finally:
        db.close()
    assert (record.pain_before, record.pain_after) == (6, None)
    assert "done" not in {item.status for item in record.items[1:]}


def test_ctrl_c_at_the_last_question_still_saves_the_session(
    home: Path, profile_file: Path
) -> None:
    child = start_session(home, profile_file)
    child.send("q")
    child.expect("after the session")
    child.sendintr()
    child.expect("Saved: ")
    finished(child)

    db = stored(home)
    try:
        [record] = services.list_sessions(db, user_id=services.local_user_id(db))
    finally:
        db.close()
    assert (record.pain_before, record.pain_after) == (6, None)


def test_a_session_is_refused_when_the_check_says_no_exercise(home: Path, tmp_path: Path) -> None:
    acute = tmp_path / "acute.json"
    acute.write_text(json.dumps(OFFICE_WORKER | {"pain": {"score": 9}}), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "backcare", "session", "--profile", str(acute), "--no-sound"],
        env={"BACKCARE_HOME": str(home), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 1
    assert "Not today" in run.stdout
    assert "What to do instead" in run.stdout


def test_breaks_remind_on_schedule_with_a_different_stretch_and_store_each_outcome(
    home: Path,
) -> None:
    child = spawn(home, "breaks", "--count", "2", "--speed", "600", "--no-sound")
    child.expect("Next break in")
    child.expect(STRETCH_LINE)
    first = child.match.group(1)
    child.send("\r")
    child.expect("Break · ")
    child.expect("Next break in")
    child.send("p")
    child.expect(STRETCH_LINE, timeout=60)
    second = child.match.group(1)
    child.send("s")
    child.expect("Breaks taken 1, skipped 1, postponed 1.")
    finished(child)

    assert first != second
    db = stored(home)
    try:
        stats = services.break_stats(db, user_id=services.local_user_id(db))
    finally:
        db.close()
    assert (stats.taken, stats.skipped, stats.postponed) == (1, 1, 1)


@pytest.mark.parametrize(
    ("typed", "keys"),
    [("s", "s"), ("\x1b[B", ""), ("\x1b[A p", " p"), ("\x1bOB", ""), ("\x1bb q", " q")],
)
def test_arrow_and_alt_keys_are_not_commands(typed: str, keys: str) -> None:
    assert key_presses(typed) == keys
