"""A bounded load test: 40 people, 10 at a time, against a real uvicorn server on loopback in
server mode on PostgreSQL. Zero errors, everyone sees only their own diary, and no write is
lost (rows counted in the database afterwards). ``benchmarks/load.py`` runs 200/50."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import uvicorn
from benchmarks.load import count_rows, simulate, summary

from backcare.config import Settings
from backcare.web import create_app
from tests.server.conftest import server_settings
from tests.store.postgres import _free_port

USERS, CONCURRENCY = 40, 10
TIME_LIMIT_S = 120


@pytest.fixture
def database_url(postgres_database: Callable[[], str]) -> str:
    return postgres_database()


@pytest.fixture
def base_url(tmp_path: Path, database_url: str, kb_cache: Path) -> Iterator[str]:
    settings: Settings = server_settings(tmp_path / "home", database_url, kb_cache)
    port = _free_port()
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=30)


def test_many_people_at_once_lose_nothing(base_url: str, database_url: str) -> None:
    result = simulate(base_url, USERS, CONCURRENCY)
    print(summary(result))
    assert result.errors == []
    assert result.requests == USERS * 5
    assert result.wall < TIME_LIMIT_S
    assert count_rows(database_url) == {
        "users": USERS,
        "pain_entries": USERS,
        "auth_sessions": USERS,
    }
