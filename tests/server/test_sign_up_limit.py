"""Sign-ups are rate limited per client address (each costs an argon2 hash): past the budget
both the API and the register form answer 429 with Retry-After, before any hashing; other
addresses and logging in are unaffected."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from backcare.config import DEFAULT_SIGN_UPS_PER_HOUR, load_settings
from backcare.errors import InputError
from backcare.web.security.limits import SIGN_UP_WINDOW_S
from tests.server.conftest import BASE_URL, PASSWORD

SAME_SITE = {"origin": BASE_URL}


def _client(app: FastAPI, address: str) -> TestClient:
    return TestClient(app, base_url=BASE_URL, client=(address, 50000))


def _use_up_the_budget(client: TestClient) -> None:
    """Bad bodies count too: the limit is on attempts, checked before the body is read."""
    for _ in range(DEFAULT_SIGN_UPS_PER_HOUR - 1):
        bad = client.post("/api/auth/register", json={"username": "x", "password": "short"})
        assert bad.status_code == 422
    good = client.post("/api/auth/register", json={"username": "ivan", "password": PASSWORD})
    assert good.status_code == 201


def test_sign_ups_past_the_budget_get_429_with_retry_after(app: FastAPI) -> None:
    with _client(app, "203.0.113.7") as client:
        _use_up_the_budget(client)
        api = client.post("/api/auth/register", json={"username": "jane", "password": PASSWORD})
        assert api.status_code == 429
        assert 0 < int(api.headers["retry-after"]) <= SIGN_UP_WINDOW_S
        assert "too many sign-ups" in api.json()["detail"]
        form = {"username": "jane", "password": PASSWORD}
        page = client.post("/register", data=form, headers=SAME_SITE)
        assert page.status_code == 429
        assert "Too many sign-ups" in page.text
        assert int(page.headers["retry-after"]) > 0
        login = client.post("/api/auth/login", json={"username": "ivan", "password": PASSWORD})
        assert login.status_code == 200, "logging in has its own limiter"
    with _client(app, "198.51.100.9") as elsewhere:
        answer = elsewhere.post(
            "/api/auth/register", json={"username": "jane", "password": PASSWORD}
        )
        assert answer.status_code == 201


def test_the_sign_up_budget_is_a_setting() -> None:
    env = {"BACKCARE_HOME": "/tmp/unused"}
    assert load_settings(env).sign_ups_per_hour == DEFAULT_SIGN_UPS_PER_HOUR
    assert load_settings({**env, "BACKCARE_SIGN_UPS_PER_HOUR": "500"}).sign_ups_per_hour == 500
    with pytest.raises(InputError, match="BACKCARE_SIGN_UPS_PER_HOUR"):
        load_settings({**env, "BACKCARE_SIGN_UPS_PER_HOUR": "0"})
