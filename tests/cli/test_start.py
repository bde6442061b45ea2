"""What starting the CLI imports (issue 18): ``backcare --help`` lists every command without
importing any of them, and each summary it lists is the command's own help.

Read with ``python -X importtime`` in a fresh process: a module import is a fact, not a timing.
"""

from __future__ import annotations

import gc
import re
import subprocess
import sys
from pathlib import Path

import pydantic
import pytest
import typer

from backcare.cli import COMMANDS, app
from backcare.cli.common import guarded

HEAVY = (
    "backcare.knowledge",
    "backcare.content.schema",
    "pydantic",
    "sqlalchemy",
    "alembic",
    "fastapi",
    "yaml",
)
"""The knowledge base, the content's pydantic models, the store and the web app."""


def imported_by(*arguments: str) -> set[str]:
    """Every module a fresh ``python -m backcare ARGUMENTS`` imported, from ``-X importtime``."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "backcare", *arguments],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = [line for line in done.stderr.splitlines() if line.startswith("import time:")]
    return {line.rsplit("|", 1)[1].strip() for line in lines}


def heavy(modules: set[str]) -> set[str]:
    return {m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY)}


def test_help_imports_no_command_and_nothing_heavy() -> None:
    modules = imported_by("--help")
    assert "typer" in modules  # the probe sees imports at all
    assert heavy(modules) == set()
    assert {m for m in modules if m.startswith("backcare.cli.")} == {
        "backcare.cli.lazy",
        "backcare.cli.process",
    }


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_listed_summary_is_the_commands_own_help(name: str) -> None:
    group = typer.main.get_command(app)
    command = group.commands[name]  # type: ignore[attr-defined]
    first_paragraph = (command.help or "").split("\n\n")[0].strip()
    assert COMMANDS[name].summary == first_paragraph
    assert command.name == name


@pytest.mark.parametrize(
    "arguments",
    [
        ("kb", "stats", "--json"),
        ("check", "--profile", "PROFILE", "--json"),
        ("plan", "--profile", "PROFILE", "--json"),
    ],
)
def test_json_commands_draw_nothing_and_store_nothing(
    arguments: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A JSON answer needs no terminal drawing (Rich's console), no YAML reader for a JSON
    profile, and no database (issue 18: each of these costs more to import than a check)."""
    profile = tmp_path / "profile.json"
    profile.write_text('{"age": 34, "sex": "female", "pain": {"score": 4}}', encoding="utf-8")
    monkeypatch.setenv("BACKCARE_HOME", str(tmp_path))
    modules = imported_by(*(str(profile) if a == "PROFILE" else a for a in arguments))
    assert "backcare.knowledge" in modules  # the probe sees the command's imports
    drawn_or_stored = {"rich.console", "rich.table", "yaml", "sqlalchemy", "alembic"}
    assert modules & drawn_or_stored == set()


def test_a_check_reads_no_package_metadata(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pydantic plugins are off, so nothing needs the installed packages' metadata: a check
    builds its models without importing ``importlib.metadata`` (and the e-mail parser behind
    it), the import pydantic's own plugin loader would make."""
    profile = tmp_path / "profile.json"
    profile.write_text('{"age": 34, "sex": "female", "pain": {"score": 4}}', encoding="utf-8")
    monkeypatch.setenv("BACKCARE_HOME", str(tmp_path))
    modules = imported_by("check", "--profile", str(profile), "--json")
    assert "backcare.profile" in modules  # the probe sees pydantic models being built
    assert {"importlib.metadata", "email.message"} & modules == set()


def test_pydantic_asks_its_plugin_loader_for_get_plugins_alone() -> None:
    """The CLI's stand-in for ``pydantic.plugin._loader`` offers only ``get_plugins``; this
    fails if a pydantic upgrade imports anything else from that module."""
    root = Path(pydantic.__file__).parent
    imported = {
        name.strip()
        for path in root.rglob("*.py")
        for names in re.findall(r"_loader import ([\w, ]+)", path.read_text(encoding="utf-8"))
        for name in names.split(",")
    }
    assert imported == {"get_plugins"}


def test_kb_stats_reads_the_compiled_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``kb stats`` loads the knowledge base once, to count it; after that it reads the counts
    compiled beside it and never loads (unpickles) the knowledge base, nor builds the content's
    pydantic models."""
    monkeypatch.setenv("BACKCARE_HOME", str(tmp_path))
    imported_by("kb", "stats", "--json")  # the first run counts and writes the file
    modules = imported_by("kb", "stats", "--json")
    assert "backcare.knowledge.counts" in modules
    knowledge_base = {"backcare.knowledge.loader", "backcare.knowledge.base", "pickle"}
    assert (knowledge_base | {"backcare.content.schema"}) & modules == set()


def test_log_into_a_ready_database_imports_no_store_engine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first ``log`` creates and migrates the database through the store; every later one
    writes through ``sqlite3`` (``store.lean``): no SQLAlchemy, Alembic, knowledge base, content
    models or terminal drawing. Pydantic stays: the entry is validated by its own model."""
    monkeypatch.setenv("BACKCARE_HOME", str(tmp_path))
    assert {"sqlalchemy", "alembic"} <= imported_by("log", "3")
    modules = imported_by("log", "4", "--area", "leg_sciatica")
    assert {"backcare.store.lean", "backcare.pain_schemas"} <= modules
    assert {m for m in heavy(modules) if not m.startswith("pydantic")} == set()
    assert modules & {"rich.console", "backcare.profile"} == set()


COLLECTOR_AT_EXIT = (
    "import atexit, gc, sys\n"
    "atexit.register(lambda: print(gc.isenabled(), gc.get_freeze_count() > 0, file=sys.stderr))\n"
    "sys.argv = ['backcare', *sys.argv[1:]]\n"
    "from backcare.cli import run\n"
    "run()\n"
)
"""The console script's ``run`` in a fresh process that reports, last thing at exit, whether the
garbage collector is on and whether anything was frozen out of its scans."""


def collector_at_exit(*arguments: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", COLLECTOR_AT_EXIT, *arguments],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stderr.strip().splitlines()[-1]


def test_the_console_script_collects_no_garbage_while_starting_or_at_exit() -> None:
    """``--help`` runs no command: the collector stays held the whole process, and at exit
    everything is frozen, so the interpreter's last scan has nothing to do (issue 18)."""
    assert collector_at_exit("--help") == "False True"


def test_a_command_runs_with_the_garbage_collector_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A command may run for hours (``serve``, ``breaks``): once it begins its own work, cycles
    are collected again."""
    monkeypatch.setenv("BACKCARE_HOME", str(tmp_path))
    assert collector_at_exit("kb", "stats", "--json") == "True True"


def test_a_command_called_in_process_leaves_the_callers_collector_alone() -> None:
    """Only the console script holds collection off; a test or another program calling a
    command keeps its collector as it was, and nothing of its own is frozen."""
    frozen = gc.get_freeze_count()
    guarded(lambda: None)()
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
