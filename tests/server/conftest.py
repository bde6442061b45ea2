"""Server-mode fixtures: one app per test on a real database, SQLite file or PostgreSQL (the
throwaway server the store tests start), and clients that each hold their own session."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from backcare.config import Settings, load_settings
from backcare.web import create_app
from tests.store.postgres import own_postgres, postgres_database  # noqa: F401 (fixtures)

BASE_URL = "http://127.0.0.1"
SECRET_KEY = "test-secret-key-that-is-long-enough-0123456789"
PASSWORD = "a long enough password"


@pytest.fixture(scope="session")
def kb_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("kb-cache")


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each server-mode test runs on both databases."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'home' / 'backcare.db'}"
    new_database: Callable[[], str] = request.getfixturevalue("postgres_database")
    return new_database()


def server_settings(home: Path, database_url: str, kb_cache: Path, **extra: str) -> Settings:
    env = {
        "BACKCARE_HOME": str(home),
        "BACKCARE_MODE": "server",
        "BACKCARE_DATABASE_URL": database_url,
        "BACKCARE_SECRET_KEY": SECRET_KEY,
        "BACKCARE_COOKIE_SECURE": "0",
    }
    settings = load_settings(env | extra)
    return settings.model_copy(update={"cache_dir": kb_cache})


@pytest.fixture
def settings(tmp_path: Path, database_url: str, kb_cache: Path) -> Settings:
    return server_settings(tmp_path / "home", database_url, kb_cache)


@pytest.fixture
def app(settings: Settings) -> Iterator[FastAPI]:
    application = create_app(settings)
    yield application
    application.state.backcare.database.close()


@pytest.fixture
def new_client(app: FastAPI) -> Iterator[Callable[[], TestClient]]:
    """Make a client with its own cookie jar (a person on their own device)."""
    clients: list[TestClient] = []

    def make() -> TestClient:
        client = TestClient(app, base_url=BASE_URL)
        clients.append(client.__enter__())
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


def sign_up(client: TestClient, username: str, password: str = PASSWORD) -> str:
    """Register and log in; the client then sends the CSRF token on every request."""
    credentials = {"username": username, "password": password}
    assert client.post("/api/auth/register", json=credentials).status_code == 201
    response = client.post("/api/auth/login", json=credentials)
    assert response.status_code == 200, response.text
    token: str = response.json()["csrf_token"]
    client.headers["X-CSRF-Token"] = token
    return token


@pytest.fixture
def alice(new_client: Callable[[], TestClient]) -> TestClient:
    client = new_client()
    sign_up(client, "alice")
    return client


@pytest.fixture
def bob(new_client: Callable[[], TestClient]) -> TestClient:
    client = new_client()
    sign_up(client, "bob")
    return client
