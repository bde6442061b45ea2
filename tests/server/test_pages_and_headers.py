"""Server mode in the browser's shoes: pages send a stranger to the login screen, the login and
register forms work, cross-site form posts are refused, logout ends the session. Security
headers on every answer in both modes; no inline scripts in the templates; no password or
secret key in the logs."""

from __future__ import annotations

import base64
import hashlib
import logging
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from backcare.config import load_settings
from backcare.web import create_app
from backcare.web.security.login_sessions import SESSION_COOKIE
from tests.server.conftest import BASE_URL, PASSWORD, SECRET_KEY, sign_up

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "backcare" / "web" / "templates"
SAME_SITE = {"origin": BASE_URL}
ELSEWHERE = {"origin": "https://evil.example"}
FORM = {"username": "hana", "password": PASSWORD}


@pytest.mark.parametrize("path", ["/", "/plan", "/diary", "/session", "/breaks", "/account"])
def test_pages_send_a_stranger_to_the_login_screen(
    new_client: Callable[[], TestClient], path: str
) -> None:
    response = new_client().get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login"


def test_register_then_log_in_through_the_forms(new_client: Callable[[], TestClient]) -> None:
    client = new_client()
    assert 'action="/login"' in client.get("/login").text
    registered = client.post("/register", data=FORM, headers=SAME_SITE)
    assert registered.status_code == 200
    assert "Your account is ready" in registered.text
    logged_in = client.post("/login", data=FORM, headers=SAME_SITE, follow_redirects=False)
    assert logged_in.status_code == 303
    assert SESSION_COOKIE in client.cookies
    assert client.get("/diary").status_code == 200
    assert client.post("/logout", headers=SAME_SITE, follow_redirects=False).status_code == 303
    assert client.get("/diary", follow_redirects=False).status_code == 303


def test_form_errors_name_the_field_and_login_errors_do_not(
    new_client: Callable[[], TestClient],
) -> None:
    client = new_client()
    short = client.post(
        "/register", data={"username": "ok-name", "password": "x"}, headers=SAME_SITE
    )
    assert short.status_code == 422
    assert "password:" in short.text
    bad_name = client.post(
        "/register", data={"username": "A!", "password": PASSWORD}, headers=SAME_SITE
    )
    assert "username: 3-32 characters" in bad_name.text
    assert "Value error" not in bad_name.text
    unknown = client.post(
        "/login", data={"username": "ghost", "password": "x" * 12}, headers=SAME_SITE
    )
    invalid = client.post("/login", data={"username": "g", "password": "x"}, headers=SAME_SITE)
    assert unknown.status_code == invalid.status_code == 401
    assert "Wrong username or password" in unknown.text
    assert "Wrong username or password" in invalid.text


@pytest.mark.parametrize(
    ("path", "data"), [("/login", FORM), ("/register", FORM), ("/diary", {"score": "3"})]
)
@pytest.mark.parametrize("headers", [ELSEWHERE, {}], ids=["other-site", "no-origin"])
def test_cross_site_form_posts_are_refused(
    alice: TestClient, path: str, data: dict[str, str], headers: dict[str, str]
) -> None:
    assert alice.post(path, data=data, headers=headers).status_code == 403
    assert alice.get("/api/diary/pain").json()["pain"] == []


def test_the_csrf_cookie_is_readable_by_the_pages_scripts(alice: TestClient) -> None:
    """The pages' own scripts can send it as the header; the session cookie stays HttpOnly."""
    assert alice.cookies["backcare_csrf"] == alice.headers["x-csrf-token"]


EXPECTED_HEADERS = {
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
}


def _assert_secure_headers(response_headers: dict[str, str]) -> None:
    headers = {k.lower(): v for k, v in response_headers.items()}
    assert EXPECTED_HEADERS.items() <= headers.items()
    policy = headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy


@pytest.mark.parametrize("path", ["/api/health", "/login", "/api/diary/pain", "/static/app.css"])
def test_security_headers_in_server_mode(new_client: Callable[[], TestClient], path: str) -> None:
    _assert_secure_headers(dict(new_client().get(path).headers))


@pytest.mark.parametrize("path", ["/", "/api/health", "/api/docs", "/kb", "/does-not-exist"])
def test_security_headers_in_local_mode(tmp_path: Path, kb_cache: Path, path: str) -> None:
    settings = load_settings({"BACKCARE_HOME": str(tmp_path)}).model_copy(
        update={"cache_dir": kb_cache}
    )
    with TestClient(create_app(settings), base_url=BASE_URL) as client:
        _assert_secure_headers(dict(client.get(path).headers))


def test_the_docs_page_allows_only_its_own_inline_script_by_hash(
    new_client: Callable[[], TestClient],
) -> None:
    response = new_client().get("/api/docs")
    scripts = re.findall(rb"<script>(.*?)</script>", response.content, re.DOTALL)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0]).digest()).decode()
    allowed = re.findall(r"'sha256-([A-Za-z0-9+/=]+)'", response.headers["content-security-policy"])
    assert allowed == [digest]


def test_the_pictures_keep_their_stricter_policy(new_client: Callable[[], TestClient]) -> None:
    response = new_client().get("/api/kb/bridge/picture.svg")
    assert response.headers["content-security-policy"].startswith("default-src 'none'")


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I)
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)
INLINE_STYLE = re.compile(r"\sstyle\s*=|<style\b", re.I)


def test_templates_have_no_inline_scripts_event_handlers_or_styles() -> None:
    """The CSP forbids them, so they would silently not run (or not show)."""
    offenders = [
        f"{template.relative_to(TEMPLATES)}: {match.group(0)}"
        for template in TEMPLATES.rglob("*.html")
        for pattern in (INLINE_SCRIPT, EVENT_HANDLER, INLINE_STYLE)
        for match in pattern.finditer(template.read_text())
    ]
    assert offenders == []


def test_no_password_or_secret_key_in_the_logs(
    new_client: Callable[[], TestClient], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client = new_client()
    sign_up(client, "ivan")
    client.post("/api/auth/login", json={"username": "ivan", "password": "wrong password!"})
    assert caplog.records, "nothing was logged, so this test would prove nothing"
    assert PASSWORD not in caplog.text
    assert "wrong password!" not in caplog.text
    assert SECRET_KEY not in caplog.text


def test_other_host_names_are_refused_before_any_session_lookup(
    new_client: Callable[[], TestClient],
) -> None:
    """DNS rebinding: the host check runs first, with the security headers still on."""
    response = new_client().get("/api/diary/pain", headers={"host": "evil.example"})
    assert response.status_code == 400
    _assert_secure_headers(dict(response.headers))
