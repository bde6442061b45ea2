"""The queries a page makes, counted on the real engine (an SQLAlchemy event listener on the app's
SQLite file): ``/result``, ``/plan`` and ``/breaks`` read the saved profile and the programme week
in one query, and the STarT Back answers (the dose pace) once."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event

from backcare.config import Settings
from backcare.web import create_app
from tests.web.conftest import LOCAL_URL
from tests.web.test_api import OFFICE_WORKER

LATER = timedelta(days=15)
"""How far the app's clock runs ahead of the first check-in: week 3 of the programme."""


class Statements:
    """Every SQL statement the engine runs while ``recording``."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.recording = False

    def __call__(self, *args: Any) -> None:
        if self.recording:
            self.seen.append(" ".join(str(args[2]).split()))

    def reads(self) -> list[str]:
        return [s for s in self.seen if s.startswith("SELECT")]

    def reading(self, table: str) -> list[str]:
        return [s for s in self.reads() if re.search(rf"\bFROM {table}\b", s)]


@pytest.fixture
def counted(settings: Settings) -> Iterator[tuple[TestClient, Statements]]:
    now = [datetime(2026, 11, 2, 9, 0, tzinfo=UTC)]
    app = create_app(settings, clock=lambda: now[0])
    statements = Statements()
    event.listen(app.state.backcare.database.engine, "before_cursor_execute", statements)
    with TestClient(app, base_url=LOCAL_URL) as client:
        assert client.put("/api/profile", json=OFFICE_WORKER).status_code in (200, 201)
        now[0] += LATER  # the profile was saved by the same clock, 15 days before the visits
        yield client, statements


def visit(client: TestClient, statements: Statements, path: str) -> str:
    statements.seen.clear()
    statements.recording = True
    page = client.get(path)
    statements.recording = False
    assert page.status_code == 200, page.text
    return page.text


@pytest.mark.parametrize(("path", "reads"), [("/result", 2), ("/breaks", 4)])
def test_the_profile_and_the_pace_are_each_read_once(
    counted: tuple[TestClient, Statements], path: str, reads: int
) -> None:
    """Before, the profile was read twice (the newest version, then every version for the
    week): 3 reads on /result, 5 on /breaks."""
    client, statements = counted
    visit(client, statements, path)
    assert len(statements.reading("profile_versions")) == 1
    assert len(statements.reading("questionnaire_answers")) == 1
    assert len(statements.reads()) == reads, statements.reads()


def test_the_week_still_counts_from_the_first_check_in(
    counted: tuple[TestClient, Statements],
) -> None:
    client, statements = counted
    page = visit(client, statements, "/plan?week=3")
    assert '<p class="eyebrow">Week 3 ·' in page
    this_week = visit(client, statements, "/plan")
    assert '<p class="eyebrow">Week 3 ·' in this_week  # by the app's clock, 15 days on
