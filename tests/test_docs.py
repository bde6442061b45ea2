"""Docs that can't rot: the README's command tour and the CLI agree."""

from __future__ import annotations

import re

from typer.main import get_command

from backcare.cli import app
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def cli_commands() -> set[str]:
    return set(get_command(app).commands)  # type: ignore[attr-defined]


def test_every_command_is_in_the_readme_tour() -> None:
    tour = set(re.findall(r"^backcare ([a-z]+)", README, flags=re.MULTILINE))
    assert cli_commands() - tour == set()


def test_the_readme_names_no_command_that_does_not_exist() -> None:
    tour = set(re.findall(r"^backcare ([a-z]+)", README, flags=re.MULTILINE))
    assert tour - cli_commands() == set()


def test_readme_keeps_the_two_promises() -> None:
    assert "make run" in README
    assert "make test" in README
    assert "not a diagnosis" in README
