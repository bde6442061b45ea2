"""What a person or a file wrote is shown as plain text everywhere in the CLI (issue 22, class 2):
Rich markup, hyperlinks, emoji codes and terminal escape sequences in notes and imported data are
shown as written and do nothing; the text round-trips log → diary → export → import → diary."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backcare.cli.common import fail
from tests.cli.test_data_commands import Backcare

HOSTILE_NOTES = [
    "[/]",
    "[link=https://evil.example]click me[/link]",
    "[red]all red",
    "[bold][/bold][/]",
    ":smile: \\[escaped]",
]
ESCAPES = "\x1b[31mred\x1b]8;;https://evil.example\x1b\\link\x07"


@pytest.fixture
def backcare(tmp_path: Path) -> Backcare:
    runner = Backcare(tmp_path / "home")
    runner.env |= {"COLUMNS": "400", "FORCE_COLOR": "1", "TERM": "xterm-256color"}
    return runner


def _shown_literally(output: str) -> None:
    for note in HOSTILE_NOTES:
        assert note in output, output
    assert "\x1b]8;" not in output  # no terminal hyperlink
    assert "😄" not in output
    assert "\x1b[31mred" not in output  # the note's own colour code is not obeyed


def test_notes_with_markup_and_escapes_are_shown_as_written(backcare: Backcare) -> None:
    for note in [*HOSTILE_NOTES, ESCAPES]:
        backcare.ok("log", "4", "--note", note)
    diary = backcare.ok("diary")
    _shown_literally(diary)
    assert "\ufffd[31mred" in diary


def test_imported_text_is_inert_and_round_trips(backcare: Backcare, tmp_path: Path) -> None:
    for note in HOSTILE_NOTES:
        backcare.ok("log", "4", "--note", note)
    exported = backcare.export()
    assert [p["note"] for p in exported["pain"]] == HOSTILE_NOTES  # type: ignore[index]
    bundle = json.loads(backcare.ok("export"))
    bundle["habits"] = [{"habit_id": "[/][link=https://evil.example]x", "day": "2026-12-01"}]
    file = tmp_path / "export.json"
    file.write_text(json.dumps(bundle), encoding="utf-8")
    other = Backcare(tmp_path / "other")
    other.env = backcare.env | {"BACKCARE_HOME": str(tmp_path / "other")}
    other.ok("import", str(file))
    diary = other.ok("diary", "--days", "36500")
    _shown_literally(diary)
    assert "[/][link=https://evil.example]x" in diary
    assert [p["note"] for p in other.export()["pain"]] == HOSTILE_NOTES  # type: ignore[index]


def test_a_wrong_interview_answer_is_echoed_as_text(backcare: Backcare) -> None:
    result = backcare("check", stdin="[/]\n" * 3)
    assert "Traceback" not in result.stderr
    assert "MarkupError" not in result.stdout + result.stderr


@given(message=st.text(max_size=200))
def test_every_error_is_one_line(message: str) -> None:
    """Whatever a message quotes (a parser's error echoing a binary file holds form feeds,
    separators and line breaks), the person sees one line, "error: …", and status 2."""
    stderr = io.StringIO()
    with pytest.raises(SystemExit) as exit, redirect_stderr(stderr):
        fail(message)
    assert exit.value.code == 2
    shown = stderr.getvalue()
    assert shown.endswith("\n")
    assert shown.splitlines() == [shown.removesuffix("\n")]
    assert shown.startswith("error: ")


def test_a_binary_file_given_as_a_calendar_is_refused_in_one_line(backcare: Backcare) -> None:
    """A database backup named as the busy calendar (the fuzz found it): one line, status 2."""
    copy = backcare.home.parent / "calendar.ics"
    backcare.ok("log", "3")
    backcare.ok("backup", str(copy))
    result = backcare.process("breaks", "--busy-calendar", str(copy))
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("error: --busy-calendar: not an iCalendar file")
