"""Accounts and sessions in server mode: validation, login without user enumeration, cookie
flags, CSRF, logout revoking on the server, expiry, rate limiting, the weak-key refusal."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import update

from backcare.errors import InputError
from backcare.store.models import AuthSession, User
from backcare.web import create_app
from backcare.web.security.csrf import CSRF_HEADER
from backcare.web.security.limits import ADDRESS_FAILURES
from backcare.web.security.login_sessions import SESSION_COOKIE
from tests.server.conftest import PASSWORD, server_settings, sign_up


def _register(client: TestClient, username: str, password: str = PASSWORD) -> dict[str, object]:
    response = client.post("/api/auth/register", json={"username": username, "password": password})
    return {"status": response.status_code, "body": response.json()}


@pytest.mark.parametrize(
    ("username", "password", "field"),
    [
        ("al", PASSWORD, "username"),
        ("has space", PASSWORD, "username"),
        ("-dash-first", PASSWORD, "username"),
        ("local", PASSWORD, "username"),
        ("x" * 65, PASSWORD, "username"),
        ("carol", "short", "password"),
        ("carol", "p" * 257, "password"),
    ],
)
def test_bad_credentials_are_a_422_naming_the_field(
    new_client: Callable[[], TestClient], username: str, password: str, field: str
) -> None:
    answer = _register(new_client(), username, password)
    assert answer["status"] == 422
    problems = answer["body"]["detail"]  # type: ignore[index]
    assert [p["loc"] for p in problems] == [["body", field]]


def test_usernames_are_case_insensitive_and_unique(new_client: Callable[[], TestClient]) -> None:
    client = new_client()
    assert _register(client, "Carol") == {"status": 201, "body": {"username": "carol"}}
    assert _register(client, "CAROL")["status"] == 409
    response = client.post("/api/auth/login", json={"username": "cArOl", "password": PASSWORD})
    assert response.status_code == 200


def test_login_errors_do_not_tell_whether_the_name_exists(
    new_client: Callable[[], TestClient],
) -> None:
    client = new_client()
    _register(client, "dora")
    wrong_password = client.post("/api/auth/login", json={"username": "dora", "password": "x" * 12})
    no_such_user = client.post("/api/auth/login", json={"username": "nobody", "password": "x" * 12})
    assert wrong_password.status_code == no_such_user.status_code == 401
    assert wrong_password.json() == no_such_user.json()
    assert SESSION_COOKIE not in client.cookies


def test_the_session_cookie_is_httponly_lax_and_secure_behind_https(
    tmp_path: Path, database_url: str, kb_cache: Path
) -> None:
    settings = server_settings(tmp_path / "h", database_url, kb_cache, BACKCARE_COOKIE_SECURE="1")
    with TestClient(create_app(settings), base_url="https://127.0.0.1") as client:
        _register(client, "erin")
        response = client.post("/api/auth/login", json={"username": "erin", "password": PASSWORD})
    cookie = next(
        c for c in response.headers.get_list("set-cookie") if c.startswith(SESSION_COOKIE)
    )
    flags = {part.strip().lower() for part in cookie.split(";")}
    assert {"httponly", "secure", "samesite=lax", "path=/"} <= flags


def test_the_password_is_stored_as_an_argon2_hash(app: FastAPI, alice: TestClient) -> None:
    with app.state.backcare.database.session() as session:
        user = session.query(User).filter_by(username="alice").one()
        assert user.password_hash is not None
        assert user.password_hash.startswith("$argon2id$")
        assert PASSWORD not in user.password_hash


STATE_CHANGING: list[tuple[str, str, object]] = [
    ("post", "/api/diary/pain", {"score": 3}),
    ("put", "/api/profile", {"age": 40}),
    ("post", "/api/sessions", None),
    ("post", "/api/breaks", {"outcome": "taken"}),
    ("post", "/api/plan", {"profile": {}}),
    ("post", "/api/check", {}),
    ("post", "/api/import", None),
    ("delete", "/api/me/data", None),
    ("post", "/api/auth/logout", None),
]


@pytest.mark.parametrize(("method", "path", "body"), STATE_CHANGING)
@pytest.mark.parametrize("token", [None, "wrong"])
def test_state_changing_requests_need_the_csrf_token(
    alice: TestClient, method: str, path: str, body: object, token: str | None
) -> None:
    right = alice.headers.pop(CSRF_HEADER)
    headers = {CSRF_HEADER: token} if token else {}
    response = alice.request(method, path, json=body, headers=headers)
    assert response.status_code == 403, response.text
    alice.headers[CSRF_HEADER] = right
    assert alice.get("/api/diary/pain").json()["pain"] == []  # nothing was written


PERSONAL_GETS = [
    "/api/diary/pain",
    "/api/sessions",
    "/api/profile",
    "/api/export",
    "/api/ask?q=back",
]


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", p) for p in PERSONAL_GETS] + [(m, p) for m, p, _ in STATE_CHANGING],
)
def test_without_a_session_every_personal_route_is_401(
    new_client: Callable[[], TestClient], method: str, path: str
) -> None:
    assert new_client().request(method, path).status_code == 401


@pytest.mark.parametrize("path", ["/api/health", "/api/kb", "/api/kb/bridge", "/api/openapi.json"])
def test_health_and_the_knowledge_base_need_no_session(
    new_client: Callable[[], TestClient], path: str
) -> None:
    assert new_client().get(path).status_code == 200


def test_logout_revokes_the_session_on_the_server(
    new_client: Callable[[], TestClient], alice: TestClient
) -> None:
    kept = alice.cookies[SESSION_COOKIE]
    token = alice.headers[CSRF_HEADER]
    assert alice.post("/api/auth/logout").json() == {"logged_out": True}
    thief = new_client()
    thief.cookies.set(SESSION_COOKIE, kept)
    assert thief.get("/api/diary/pain").status_code == 401
    assert (
        thief.post("/api/diary/pain", json={"score": 1}, headers={CSRF_HEADER: token}).status_code
        == 401
    )


def test_an_expired_session_is_refused(app: FastAPI, alice: TestClient) -> None:
    assert alice.get("/api/sessions").status_code == 200
    with app.state.backcare.database.session() as session:
        session.execute(update(AuthSession).values(expires_at=datetime.now(UTC) - timedelta(1)))
    assert alice.get("/api/sessions").status_code == 401


def _altered(cookie: str) -> str:
    """The cookie with one character of its signature changed. Not the last two: base64 leaves
    the last character's low bits unused, so writing "xx" there kept the very same signature in
    about one run in a thousand (a flaky test, not a forgery)."""
    at = len(cookie) - 5
    return cookie[:at] + ("A" if cookie[at] != "A" else "B") + cookie[at + 1 :]


def test_a_forged_or_altered_cookie_is_refused(
    new_client: Callable[[], TestClient], alice: TestClient
) -> None:
    genuine = alice.cookies[SESSION_COOKIE]
    for forged in (_altered(genuine), "not-signed", genuine.split(".")[0]):
        client = new_client()
        client.cookies.set(SESSION_COOKIE, forged)
        assert client.get("/api/sessions").status_code == 401


def test_failed_logins_slow_down_that_name_from_that_address_not_the_owner_elsewhere(
    app: FastAPI, new_client: Callable[[], TestClient]
) -> None:
    client = new_client()
    _register(client, "frank")
    wrong = {"username": "frank", "password": "not the password"}
    right = {"username": "frank", "password": PASSWORD}
    assert [client.post("/api/auth/login", json=wrong).status_code for _ in range(4)] == [
        401,
        401,
        401,
        401,
    ]
    slowed = client.post("/api/auth/login", json=right)
    assert slowed.status_code == 429
    assert 0 < int(slowed.headers["retry-after"]) <= 2
    with TestClient(app, base_url="http://127.0.0.1", client=("198.51.100.7", 4000)) as owner:
        assert owner.post("/api/auth/login", json=right).status_code == 200


def test_failed_logins_from_one_address_are_limited_across_names(
    app: FastAPI, new_client: Callable[[], TestClient]
) -> None:
    client = new_client()
    _register(client, "grace")
    for number in range(ADDRESS_FAILURES):
        guess = {"username": f"guess{number}", "password": "not the password"}
        assert client.post("/api/auth/login", json=guess).status_code == 401
    answer = client.post("/api/auth/login", json={"username": "grace", "password": PASSWORD})
    assert answer.status_code == 429
    with TestClient(app, base_url="http://127.0.0.1", client=("198.51.100.8", 4000)) as owner:
        right = {"username": "grace", "password": PASSWORD}
        assert owner.post("/api/auth/login", json=right).status_code == 200


@pytest.mark.parametrize("key", [None, "", "short-key", "x" * 31])
def test_server_mode_refuses_to_start_with_a_weak_secret_key(
    tmp_path: Path, kb_cache: Path, key: str | None
) -> None:
    settings = server_settings(tmp_path, f"sqlite:///{tmp_path / 'db'}", kb_cache)
    with pytest.raises(InputError, match="BACKCARE_SECRET_KEY"):
        create_app(settings.model_copy(update={"secret_key": key}))


def test_login_sets_a_csrf_token_per_session(new_client: Callable[[], TestClient]) -> None:
    first, second = new_client(), new_client()
    token = sign_up(first, "ivy")
    again = second.post("/api/auth/login", json={"username": "ivy", "password": PASSWORD})
    assert again.json()["csrf_token"] != token
    assert (
        second.post("/api/diary/pain", json={"score": 2}, headers={CSRF_HEADER: token}).status_code
        == 403
    )


def test_logging_in_again_clears_ended_sessions(app: FastAPI, alice: TestClient) -> None:
    assert alice.post("/api/auth/logout").status_code == 200
    login = {"username": "alice", "password": PASSWORD}
    assert alice.post("/api/auth/login", json=login).status_code == 200
    with app.state.backcare.database.session() as session:
        rows = session.query(AuthSession).all()
        assert [row.revoked_at for row in rows] == [None]


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded"])
def test_another_site_cannot_log_a_browser_in_with_a_simple_form(
    new_client: Callable[[], TestClient], content_type: str
) -> None:
    """Login CSRF: a cross-site HTML form can only send these content types (JSON needs a
    CORS preflight, which is never granted), and the auth routes read only JSON."""
    client = new_client()
    _register(client, "judy")
    body = f'{{"username": "judy", "password": "{PASSWORD}"}}'
    response = client.post("/api/auth/login", content=body, headers={"content-type": content_type})
    assert response.status_code == 422
    assert SESSION_COOKIE not in client.cookies
