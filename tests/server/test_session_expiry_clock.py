"""Login sessions run on the app's clock (``create_app(clock=…)``): a session lives exactly
``SESSION_LIFETIME`` from login by that clock, on SQLite and on PostgreSQL, with no row
edited by hand and no waiting."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from backcare.web import create_app
from backcare.web.security.login_sessions import SESSION_LIFETIME
from tests.clock import SetClock
from tests.server.conftest import BASE_URL, server_settings, sign_up

LOGIN = datetime(2026, 11, 24, 10, 50, tzinfo=UTC)


@pytest.fixture
def clock() -> SetClock:
    return SetClock(LOGIN)


@pytest.fixture
def client(
    tmp_path: Path, database_url: str, kb_cache: Path, clock: SetClock
) -> Iterator[TestClient]:
    app = create_app(server_settings(tmp_path / "home", database_url, kb_cache), clock=clock)
    with TestClient(app, base_url=BASE_URL) as test_client:
        yield test_client
    app.state.backcare.database.close()


@pytest.mark.parametrize(
    ("later", "status"),
    [(SESSION_LIFETIME - timedelta(seconds=1), 200), (SESSION_LIFETIME, 401)],
    ids=["a-second-before-expiry", "at-expiry"],
)
def test_a_session_expires_by_the_apps_clock(
    client: TestClient, clock: SetClock, later: timedelta, status: int
) -> None:
    sign_up(client, "alice")
    assert client.get("/api/sessions").status_code == 200
    clock.now = LOGIN + later
    assert client.get("/api/sessions").status_code == status
