"""Server mode in a real browser: register and log in through the forms, the Account and Log out
links only while logged in, the footer says where the data is; the login, register and account
screens at phone and desktop size are axe-clean, fit, and are kept as screenshots."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from backcare.config import Settings, load_settings
from tests.web.browser_support import DESKTOP, PHONE, axe_violations, shot

pytestmark = pytest.mark.browser

SECRET_KEY = "browser-test-secret-key-0123456789-abcdef"
PASSWORD = "a long enough password"
SERVER_FOOTER = "Your data stays on this backcare server"


@pytest.fixture
def settings(tmp_path: Path, kb_cache: Path) -> Settings:
    """Server mode on a SQLite file (the base_url fixture serves these settings)."""
    home = tmp_path / "home"
    server = load_settings(
        {
            "BACKCARE_HOME": str(home),
            "BACKCARE_MODE": "server",
            "BACKCARE_DATABASE_URL": f"sqlite:///{home / 'server.db'}",
            "BACKCARE_SECRET_KEY": SECRET_KEY,
            "BACKCARE_COOKIE_SECURE": "0",
        }
    )
    return server.model_copy(update={"cache_dir": kb_cache})


def _register_and_log_in(page: Page, username: str) -> None:
    page.goto("/register")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_text("Your account is ready")).to_be_visible()
    page.fill("#password", PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")


def test_account_and_log_out_links_only_while_logged_in(page: Page) -> None:
    page.goto("/plan")
    page.wait_for_url("**/login")
    expect(page.get_by_role("navigation", name="Main")).to_have_count(0)
    expect(page.get_by_role("link", name="Account")).to_have_count(0)
    expect(page.locator("footer")).to_contain_text(SERVER_FOOTER)
    expect(page.locator("footer")).not_to_contain_text("Runs on this machine")
    _register_and_log_in(page, "mei")
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    page.get_by_role("link", name="Account").click()
    expect(page.get_by_role("heading", name="Your account")).to_be_visible()
    expect(page.get_by_text("Signed in as mei")).to_be_visible()
    page.get_by_role("banner").get_by_role("button", name="Log out").click()
    page.wait_for_url("**/login")
    expect(page.get_by_role("link", name="Account")).to_have_count(0)


@pytest.fixture(name="sized_page", params=[("phone", PHONE), ("desktop", DESKTOP)], ids=str)
def sized_page_fixture(
    request: pytest.FixtureRequest, browser: Browser, base_url: str
) -> Iterator[tuple[str, Page]]:
    name, viewport = request.param
    size: ViewportSize = viewport
    context = browser.new_context(
        base_url=base_url, viewport=size, has_touch=name == "phone", bypass_csp=True
    )
    yield name, context.new_page()
    context.close()


def test_auth_screens_are_accessible_and_fit(sized_page: tuple[str, Page]) -> None:
    size, page = sized_page
    problems: dict[str, object] = {}
    for name, url in (("login", "/login"), ("register", "/register")):
        page.goto(url)
        _check_screen(page, f"server-{name}-{size}", problems)
    _register_and_log_in(page, "noor")
    for name, url in (("home", "/"), ("account", "/account")):
        page.goto(url)
        _check_screen(page, f"server-{name}-{size}", problems)
    assert not problems, json.dumps(problems, indent=1)


def _check_screen(page: Page, name: str, problems: dict[str, object]) -> None:
    overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px"
    shot(page, name)
    if violations := axe_violations(page):
        problems[name] = violations
