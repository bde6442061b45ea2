"""The data commands as a person runs them: real processes, a real SQLite file in BACKCARE_HOME."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.store.postgres import postgres_database  # noqa: F401 (a fixture)


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: str
    stderr: str


class Backcare:
    """Runs the ``backcare`` CLI with its own data directory: in this process (fast), or as a
    real ``python -m backcare`` process for what only a process shows (exit status, stderr)."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.env = {"BACKCARE_HOME": str(home), "COLUMNS": "100"}

    def __call__(self, *args: str, stdin: str = "") -> Result:
        from typer.testing import CliRunner

        from backcare.cli import app, common

        common.settings.cache_clear()  # settings are read once per process; this is a new "run"
        try:
            run = CliRunner().invoke(app, list(args), input=stdin, env=self.env)
        finally:
            common.settings.cache_clear()
        return Result(run.exit_code, run.stdout, run.stderr)

    def process(self, *args: str) -> Result:
        run = subprocess.run(
            [sys.executable, "-m", "backcare", *args],
            env=os.environ | self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        return Result(run.returncode, run.stdout, run.stderr)

    def ok(self, *args: str, stdin: str = "") -> str:
        result = self(*args, stdin=stdin)
        assert result.returncode == 0, result.stderr
        return result.stdout

    def export(self) -> dict[str, object]:
        document: dict[str, object] = json.loads(self.ok("export"))
        document.pop("exported_at")
        return document


@pytest.fixture
def backcare(tmp_path: Path) -> Backcare:
    return Backcare(tmp_path / "home")


def _diary(backcare: Backcare) -> None:
    backcare.ok(
        "log",
        "6",
        "--area",
        "lower_back",
        "--note",
        "after lifting",
        "--at",
        "2026-11-01T08:00:00+00:00",
    )
    backcare.ok(
        "log",
        "4",
        "--area",
        "neck_shoulder",
        "--area",
        "lower_back",
        "--at",
        "2026-11-10T20:30:00+01:00",
    )
    backcare.ok("log", "3")


BAD_LOGS = [
    (["11"], "SCORE"),
    (["-1"], "SCORE"),
    (["four"], "SCORE"),
    (["4", "--at", "next tuesday"], "--at"),
    (["4", "--at", "2999-01-01T00:00"], "--at"),
    (["4", "--area", "elbow"], "--area"),
    (["4", "--note", "x" * 2001], "note"),
]


def test_bad_input_is_one_line_naming_the_field_and_changes_nothing(backcare: Backcare) -> None:
    backcare.ok("log", "5")
    before = backcare.export()
    for args, field in BAD_LOGS:
        result = backcare("log", *args)
        assert result.returncode == 2, args
        assert result.stderr.count("\n") == 1, result.stderr
        assert result.stderr.startswith(f"error: {field}"), result.stderr
    assert backcare.export() == before


def test_a_real_process_exits_2_with_one_line_and_no_traceback(backcare: Backcare) -> None:
    backcare.ok("log", "5")
    before = backcare.export()
    for args in (["11"], ["4", "--at", "2026-13-45"], ["4", "--area", "tail"]):
        result = backcare.process("log", *args)
        assert result.returncode == 2, args
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr
    assert backcare.export() == before


def test_log_prints_the_entry_as_json(backcare: Backcare) -> None:
    out = backcare.ok("log", "7", "--area", "leg_sciatica", "--at", "2026-11-20T09:15Z", "--json")
    entry = json.loads(out)["entry"]
    assert entry["score"] == 7
    assert entry["areas"] == ["leg_sciatica"]
    assert entry["at"] == "2026-11-20T09:15:00Z"


def test_export_delete_import_restores_the_same_data(backcare: Backcare, tmp_path: Path) -> None:
    _diary(backcare)
    before = backcare.export()
    assert len(before["pain"]) == 3  # type: ignore[arg-type]
    saved = tmp_path / "export.json"
    backcare.ok("export", "--out", str(saved))
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600

    assert "Deleted 3 records" in backcare.ok("delete", "--all", "--yes")
    assert backcare.export()["pain"] == []
    backcare.ok("import", str(saved))
    assert backcare.export() == before

    again = backcare("import", str(saved))
    assert again.returncode == 2
    assert "already has data" in again.stderr
    backcare.ok("import", str(saved), "--replace")
    assert backcare.export() == before


def test_delete_asks_first(backcare: Backcare) -> None:
    _diary(backcare)
    for answer in ("n\n", ""):  # no, or no answer at all: a choice, not an error
        refused = backcare("delete", "--all", stdin=answer)
        assert (refused.returncode, refused.stdout.strip()[-16:]) == (0, "Nothing deleted.")
        assert len(backcare.export()["pain"]) == 3  # type: ignore[arg-type]
    backcare.ok("delete", "--all", stdin="y\n")  # confirmed at the prompt
    assert backcare.export()["pain"] == []
    assert backcare("delete").returncode == 2


def test_import_of_a_bad_file_names_the_field_and_changes_nothing(
    backcare: Backcare, tmp_path: Path
) -> None:
    _diary(backcare)
    before = backcare.export()
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(before | {"exported_at": "2026-11-20T00:00Z"}).replace(
            '"score": 4', '"score": 14'
        )
    )
    result = backcare("import", str(bad), "--replace")
    assert result.returncode == 2
    assert result.stderr.startswith("error: pain.1.score")
    assert backcare.export() == before
    bad.write_text("{not json")
    assert backcare("import", str(bad)).returncode == 2


def test_fhir_export_validates_as_r4_observations(backcare: Backcare) -> None:
    from fhir.resources.R4B.bundle import Bundle

    _diary(backcare)
    bundle = Bundle.model_validate_json(backcare.ok("export", "--format", "fhir"))
    *observations, patient = (entry.resource for entry in bundle.entry)
    assert patient.get_resource_type() == "Patient"
    assert sorted(o.valueInteger for o in observations) == [3, 4, 6]
    assert {o.code.coding[0].code for o in observations} == {"72514-3"}


def test_backup_is_a_consistent_private_copy(backcare: Backcare, tmp_path: Path) -> None:
    _diary(backcare)
    copy = tmp_path / "backup" / "copy.db"
    backcare.ok("backup", str(copy))
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    with sqlite3.connect(copy) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT count(*) FROM pain_entries").fetchone() == (3,)
    connection.close()
    again = backcare("backup", str(copy))
    assert again.returncode == 2
    assert "already exists" in again.stderr


def test_the_database_file_is_private(backcare: Backcare) -> None:
    backcare.ok("log", "2")
    assert stat.S_IMODE((backcare.home / "backcare.db").stat().st_mode) == 0o600


def test_diary_json_and_plot(backcare: Backcare, tmp_path: Path) -> None:
    _diary(backcare)
    plot = tmp_path / "diary.png"
    report = json.loads(backcare.ok("diary", "--json", "--days", "60", "--plot", str(plot)))
    assert [p["score"] for p in report["pain"]] == [6, 4, 3]
    assert report["seven_day_average"] == 3.0
    assert plot.read_bytes().startswith(b"\x89PNG")
    text = backcare.ok("diary", "--days", "60")
    assert "7-day average: 3.0/10" in text
    assert backcare("diary", "--days", "0").returncode == 2


PROFILE = {
    "age": 34,
    "work": ["sitting"],
    "pain": {"areas": ["lower_back"], "score": 4, "duration_days": 20},
    "equipment": ["mat"],
    "minutes_per_day": 15,
}


def test_ics_export_is_the_plan_calendar_from_a_file_or_the_saved_profile(
    backcare: Backcare, tmp_path: Path
) -> None:
    from icalendar import Calendar

    from backcare import services
    from backcare.config import load_settings
    from backcare.profile import Profile
    from backcare.store import open_database

    profile_file = tmp_path / "profile.json"
    profile_file.write_text(json.dumps(PROFILE))
    args = ("export", "--format", "ics", "--start", "2026-11-23")
    from_file = backcare.ok(*args, "--profile", str(profile_file))
    events = Calendar.from_ical(from_file).walk("VEVENT")
    assert events
    assert min(e.decoded("dtstart").date() for e in events).isoformat() == "2026-11-23"

    missing = backcare(*args)
    assert missing.returncode == 2
    assert missing.stderr.startswith("error: --profile")
    database = open_database(load_settings({"BACKCARE_HOME": str(backcare.home)}))
    user = services.local_user_id(database)
    services.save_profile(database, user_id=user, profile=Profile.model_validate(PROFILE))
    database.close()
    assert backcare.ok(*args) == from_file


@pytest.fixture
def on_postgresql(tmp_path: Path, request: pytest.FixtureRequest) -> Backcare:
    """The CLI with its data in a new database on the test session's PostgreSQL server."""
    new_database: Callable[[], str] = request.getfixturevalue("postgres_database")
    backcare = Backcare(tmp_path / "home")
    backcare.env["BACKCARE_DATABASE_URL"] = new_database()
    return backcare


@pytest.mark.postgres
def test_the_commands_work_on_postgresql_and_backup_points_to_pg_dump(
    tmp_path: Path, on_postgresql: Backcare
) -> None:
    backcare = on_postgresql
    _diary(backcare)
    assert [p["score"] for p in backcare.export()["pain"]] == [6, 4, 3]  # type: ignore[attr-defined]
    result = backcare("backup", str(tmp_path / "copy.db"))
    assert result.returncode == 2
    assert "pg_dump" in result.stderr
    assert not (tmp_path / "home" / "backcare.db").exists()


def _leg_alerts(backcare: Backcare, *args: str) -> list[str]:
    out = json.loads(backcare.ok("log", *args, "--json"))
    return [alert["kind"] for alert in out["alerts"] if alert["kind"] == "new_leg_symptoms"]


def _new_leg_pain_alerts_once(backcare: Backcare) -> None:
    """Leg pain alerts on the entry that first has it; not on the next entry without it, and
    not again when the leg pain is logged a second time (it is no longer new)."""
    assert _leg_alerts(backcare, "4", "--area", "lower_back") == []
    assert _leg_alerts(backcare, "6", "--area", "leg_sciatica") == ["new_leg_symptoms"]
    assert _leg_alerts(backcare, "3") == []
    assert _leg_alerts(backcare, "5", "--area", "leg_sciatica") == []
    assert _leg_alerts(backcare, "2", "--area", "lower_back") == []


def test_new_leg_pain_alerts_on_its_own_entry_only(backcare: Backcare) -> None:
    backcare.ok("log", "0", "--at", "2026-01-01T08:00Z")  # the file exists: the quick path logs
    _new_leg_pain_alerts_once(backcare)


@pytest.mark.postgres
def test_new_leg_pain_alerts_on_its_own_entry_only_on_postgresql(on_postgresql: Backcare) -> None:
    _new_leg_pain_alerts_once(on_postgresql)


TWO_SESSIONS = [
    {
        "plan_day": day,
        "week": 1,
        "started_at": f"2026-11-2{day}T08:00:00+00:00",
        "ended_at": f"2026-11-2{day}T08:12:00+00:00",
        "items": [{"id": "bridge", "status": "done", "sets_done": 3}],
        "pain_before": before,
        "pain_after": after,
    }
    for day, before, after in ((3, 7, 5), (4, 6, 2))
]


def _sessions(backcare: Backcare) -> list[int]:
    """Record two guided sessions (each gives the diary its pain before and after) and log a
    score of the person's own; the sessions' ids."""
    from backcare import services
    from backcare.config import load_settings
    from backcare.schemas import SessionRecordCreate
    from backcare.store import open_database

    backcare.ok("log", "4", "--at", "2026-11-22T09:00Z")
    database = open_database(load_settings(backcare.env))
    try:
        user = services.local_user_id(database)
        return [
            services.record_session(
                database, user_id=user, record=SessionRecordCreate.model_validate(s)
            ).id
            for s in TWO_SESSIONS
        ]
    finally:
        database.close()


def _deletes_one_session(backcare: Backcare) -> None:
    """``delete --session ID`` takes that session and the pain it gave the diary, nothing else;
    a bad or unknown id is one line, exit status 2, and deletes nothing."""
    first, second = _sessions(backcare)
    before = backcare.export()
    for bad in ("abc", "0", "-3", str(second + 100), "2147483648"):
        result = backcare("delete", "--session", bad, "--yes")
        assert (result.returncode, result.stderr.count("\n")) == (2, 1), result.stderr
        assert result.stderr.startswith("error: --session"), result.stderr
    assert backcare("delete", "--all", "--session", str(first)).returncode == 2
    refused = backcare("delete", "--session", str(first), stdin="n\n")
    assert (refused.returncode, refused.stdout.strip()[-16:]) == (0, "Nothing deleted.")
    assert backcare.export() == before

    done = backcare.ok("delete", "--session", str(first), "--yes")
    assert done.startswith("Deleted the session of 23 Nov 2026"), done
    after = backcare.export()
    assert [s["started_at"][:10] for s in after["sessions"]] == ["2026-11-24"]  # type: ignore[attr-defined]
    listed = json.loads(backcare.ok("diary", "--days", "3650", "--json"))["sessions"]
    assert [s["id"] for s in listed] == [second]  # the id the help points to
    assert [p["score"] for p in after["pain"]] == [4, 6, 2]  # type: ignore[attr-defined]
    assert after["profiles"] == before["profiles"]


def test_delete_one_session_with_its_pain_and_nothing_else(backcare: Backcare) -> None:
    _deletes_one_session(backcare)


@pytest.mark.postgres
def test_delete_one_session_on_postgresql(on_postgresql: Backcare) -> None:
    _deletes_one_session(on_postgresql)
