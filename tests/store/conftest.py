"""A real SQLite database file per test; the PostgreSQL server fixture for this folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from backcare.store import Database, open_url
from tests.store.postgres import postgres_database  # noqa: F401 (a fixture)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "home" / "backcare.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_url(f"sqlite:///{db_path}", home=db_path.parent)
    yield database
    database.close()
