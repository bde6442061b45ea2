"""A property-based fuzz of every CLI command's options (issue 22): whatever is typed, the exit
status is 0 or 2, there is never a traceback, nothing saved changes when a command refuses, and
nothing written is read as terminal markup.

The commands come from the Typer app itself, so a new command or option is fuzzed the day it is
added. ``serve`` and ``session`` are left out: they run until stopped (their options are
checked before they start, in their own tests).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backcare.cli import app
from tests.cli.test_data_commands import Backcare

MAX_EXAMPLES = 150
LONG_RUNNING = {("serve",), ("session",)}
WORDS = [
    "inf", "-inf", "nan", "NaN", "1e400", "-1", "0", "1", "7", "11", "99999999999999999999",
    "0001-01-01T00:00", "9999-12-31T23:59", "2026-01-01T08:00", "1899-01-01", "2026-02-30",
    "[/]", "[link=https://evil.example]x[/link]", "[red]x", ":smile:", "\x1b[31mred", "",
    " ", "x" * 5000, "lower_back", "json", "fhir", "ics", "exercise", "pregnancy", "bridge",
    "-", "--json",
]  # fmt: skip
"""Typed values: out of range, non-finite, odd dates, markup, escapes, huge, and a few valid."""


def commands() -> list[tuple[tuple[str, ...], Any]]:
    found: list[tuple[tuple[str, ...], Any]] = []

    def walk(command: Any, path: tuple[str, ...]) -> None:
        if hasattr(command, "commands"):
            for name, sub in command.commands.items():
                walk(sub, (*path, name))
        elif path not in LONG_RUNNING:
            found.append((path, command))

    walk(typer.main.get_command(app), ())
    return found


def files(tmp: Path) -> list[str]:
    """Paths a command may read or write, all inside ``tmp`` (or harmless devices)."""
    (tmp / "profile.yaml").write_text("age: 40\nsex: female\npain: {score: 4}\n")
    (tmp / "nan.json").write_text('{"age": NaN, "age": 3}')
    (tmp / "empty.yaml").write_text("")
    (tmp / "yes.yaml").write_text("age: yes\n")
    (tmp / "male-pregnant.json").write_text('{"sex": "male", "pregnancy": {"weeks": 3}}')
    bundle = {"exported_at": "2026-01-01T00:00:00Z", "pain": [{"score": True, "at": "2026"}]}
    (tmp / "bad-export.json").write_text(json.dumps(bundle))
    (tmp / "dir").mkdir(exist_ok=True)
    names = ["profile.yaml", "nan.json", "empty.yaml", "yes.yaml", "male-pregnant.json"]
    names += ["bad-export.json", "dir", "missing.json", "out.json", "plot.png", "plot.txt"]
    return [str(tmp / name) for name in names] + ["/dev/null", "/dev/zero"]


def invocations(tmp: Path) -> st.SearchStrategy[list[str]]:
    values = st.sampled_from(WORDS + files(tmp))

    def for_command(entry: tuple[tuple[str, ...], Any]) -> st.SearchStrategy[list[str]]:
        path, command = entry
        parts: list[st.SearchStrategy[list[str]]] = [st.just(list(path))]
        for param in command.params:
            if param.param_type_name == "argument":
                parts.append(values.map(lambda v: [v]))
            elif getattr(param, "is_flag", False):
                parts.append(st.sampled_from([[], [param.opts[0]]]))
            else:
                option = param.opts[0]
                parts.append(st.sampled_from([[]]) | values.map(lambda v, o=option: [o, v]))
        return st.tuples(*parts).map(lambda chunks: [a for chunk in chunks for a in chunk])

    return st.sampled_from(commands()).flatmap(for_command)


def run_main(backcare: Backcare, args: list[str]) -> tuple[int, str, str]:
    """``backcare ARGS`` through the real entry point (``main``: one-line usage errors), in
    this process, with the runner's data directory and no input; (status, stdout, stderr)."""
    import sys

    from typer.testing import CliRunner

    from backcare.cli import common, main

    common.settings.cache_clear()
    runner = CliRunner()
    with runner.isolation(input="", env=backcare.env) as (out, err, _):
        saved_argv, sys.argv = sys.argv, ["backcare", *args]
        try:
            main()
            status: Any = 0
        except SystemExit as exit:
            status = exit.code
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            sys.argv = saved_argv
            common.settings.cache_clear()
        stdout, stderr = out.getvalue().decode(), err.getvalue().decode()
    return (status if isinstance(status, int) else 1), stdout, stderr


def saved(home: Path) -> list[str]:
    """Everything stored, as SQL (the local user's rows included)."""
    with sqlite3.connect(home / "backcare.db") as connection:
        return [line for line in connection.iterdump() if "alembic" not in line]


@pytest.fixture
def backcare(tmp_path: Path) -> Backcare:
    runner = Backcare(tmp_path / "home")
    runner.ok("log", "5", "--note", "first", "--at", "2026-12-01T08:00")
    runner.ok("log", "3", "--area", "neck_shoulder", "--note", "[/] second")
    return runner


def test_every_command_answers_0_or_2_without_a_traceback_and_refusals_change_nothing(
    backcare: Backcare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[list[str]] = []
    (tmp_path / "files").mkdir()
    monkeypatch.chdir(tmp_path / "files")  # relative paths typed (backup 7, --out json) land here

    @given(args=invocations(tmp_path / "files"))
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    def fuzz(args: list[str]) -> None:
        seen.append(args)
        before = saved(backcare.home)
        status, stdout, stderr = run_main(backcare, args)
        assert status in (0, 2), (args, (stdout + stderr)[-2000:])
        assert "Traceback" not in stdout + stderr, (args, stderr[-2000:])
        if status != 0:
            assert saved(backcare.home) == before, args
            lines = stderr.strip().splitlines()  # check --json asks its questions on stderr
            assert lines, args
            assert "error: " in lines[-1], (args, stderr)
            assert sum("error: " in line for line in lines) == 1, (args, stderr)

    fuzz()
    assert len({tuple(a[:1]) for a in seen}) >= 8  # most commands were reached


def test_a_file_name_the_system_refuses_is_one_line(tmp_path: Path) -> None:
    """Found by the fuzz: `backcare backup` with a 4,000-character name ended in a traceback."""
    done = subprocess.run(
        [sys.executable, "-m", "backcare", "backup", "x" * 4000],
        capture_output=True,
        text=True,
        env={**os.environ, "BACKCARE_HOME": str(tmp_path)},
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1
    assert "File name too long" in done.stderr
