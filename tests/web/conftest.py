"""Web fixtures: a real app on a real SQLite file per test, driven through ``TestClient`` (a real
ASGI app in-process). The compiled knowledge-base cache is shared, so each app starts fast."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from backcare.config import Settings, load_settings
from backcare.web import create_app


@pytest.fixture(scope="session")
def kb_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("kb-cache")


@pytest.fixture
def settings(tmp_path: Path, kb_cache: Path) -> Settings:
    """Local-mode settings with ``BACKCARE_HOME`` in this test's tmp dir."""
    home = load_settings({"BACKCARE_HOME": str(tmp_path / "home")})
    return home.model_copy(update={"cache_dir": kb_cache})


@pytest.fixture
def app(settings: Settings) -> FastAPI:
    return create_app(settings)


@pytest.fixture
def in_auckland(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine's local zone is Auckland (UTC+13 in November), well away from UTC."""
    monkeypatch.setenv("TZ", "Pacific/Auckland")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


LOCAL_URL = "http://127.0.0.1"
"""The app answers only to loopback host names (TestClient's default ``testserver`` is refused)."""


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, base_url=LOCAL_URL) as test_client:
        yield test_client


# Browser tests (wen) ---------------------------------------------------------------------------
# One Chromium for the whole run: its fixtures are defined once, here, so every test_browser_*
# module shares them. They live in browser_support.py.
from tests.web.browser_support import (  # noqa: E402
    base_url_fixture,
    browser_fixture,
    clock_fixture,
    context_fixture,
    page_fixture,
    playwright_fixture,
    sized_page_fixture,
)

__all__ = [
    "base_url_fixture",
    "browser_fixture",
    "clock_fixture",
    "context_fixture",
    "page_fixture",
    "playwright_fixture",
    "sized_page_fixture",
]
