"""Browser-test support: one Debian Chromium per test session (driven by Playwright), the real
app served by uvicorn in a thread on a free port (a fresh ``BACKCARE_HOME`` per test), and helpers
for screenshots, the axe-core accessibility scan and walking the check-in.

``tests/web/conftest.py`` imports the fixtures once (a session-scoped fixture imported into each
test module would start one Playwright per module); each keeps its short name (``page``,
``context``, ``base_url``, ``browser``, ``playwright``).
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    ViewportSize,
    sync_playwright,
)

from backcare.config import Settings
from backcare.web import create_app
from backcare.web.security.login_sessions import now_utc

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = REPO / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
DESKTOP: ViewportSize = {"width": 1280, "height": 800}
PHONE: ViewportSize = {"width": 390, "height": 844}
SERVER_START_S = 30.0
DISCLAIMER = "backcare gives self-care guidance, not a diagnosis."


@pytest.fixture(scope="session", name="playwright")
def playwright_fixture() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session", name="browser")
def browser_fixture(playwright: Playwright) -> Iterator[Browser]:
    """Debian's Chromium; Playwright never downloads a browser here."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make system-deps` installs Debian's chromium")
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(name="clock")
def clock_fixture() -> Callable[[], datetime]:
    """The served app's clock: the real time, unless a test parametrizes ``clock`` with its own
    (``@pytest.mark.parametrize("clock", [lambda: FIXED])``) to pin the day the pages see."""
    return now_utc


@pytest.fixture(name="base_url")
def base_url_fixture(settings: Settings, clock: Callable[[], datetime]) -> Iterator[str]:
    """The real app on a free port, its database in this test's tmp dir, on ``clock``."""
    port = free_port()
    app = create_app(settings, clock=clock)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + SERVER_START_S
    while not server.started:
        assert thread.is_alive(), "the test server stopped while starting"
        assert time.monotonic() < deadline, f"the test server did not start in {SERVER_START_S} s"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(name="context")
def context_fixture(browser: Browser, base_url: str) -> Iterator[BrowserContext]:
    """A fresh browser profile (no storage, no service worker) at desktop size."""
    ctx = browser.new_context(base_url=base_url, viewport=DESKTOP)
    yield ctx
    ctx.close()


@pytest.fixture(name="page")
def page_fixture(context: BrowserContext) -> Iterator[Page]:
    """A page that fails the test on any uncaught script error or Content Security Policy
    violation (the app's CSP allows scripts from its own files only)."""
    errors: list[str] = []
    tab = context.new_page()
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on(
        "console",
        lambda message: (
            errors.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield tab
    assert not errors, f"script errors in the page: {errors}"


@pytest.fixture(name="sized_page", params=[("phone", PHONE), ("desktop", DESKTOP)], ids=str)
def sized_page_fixture(
    request: pytest.FixtureRequest, browser: Browser, base_url: str
) -> Iterator[tuple[str, Page]]:
    """The test once at phone size (with touch) and once at desktop size; the page may have
    axe-core injected (``bypass_csp``) and fails the test on any uncaught script error."""
    name, viewport = request.param
    size: ViewportSize = viewport
    context = browser.new_context(
        base_url=base_url, viewport=size, has_touch=name == "phone", bypass_csp=True
    )
    errors: list[str] = []
    tab = context.new_page()
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield name, tab
    context.close()
    assert not errors, f"script errors in the page: {errors}"


def in_first_screen(page: Page, selector: str) -> bool:
    """Whether the element is wholly visible without scrolling (and not under the bottom bar)."""
    inside: bool = page.evaluate(
        """(selector) => {
          const box = document.querySelector(selector).getBoundingClientRect();
          const nav = document.querySelector('.nav');
          const bar = nav && getComputedStyle(nav).position === 'fixed'
            ? nav.getBoundingClientRect().height : 0;
          return box.top >= 0 && box.bottom <= innerHeight - bar && box.height > 0;
        }""",
        selector,
    )
    return inside


UNPIN_BARS = """(unpin) => {
  if (!matchMedia("screen and (max-width: 720px)").matches) return;
  const set = (selector, value) => {
    const element = document.querySelector(selector);
    if (element) element.style.position = unpin ? value : "";
  };
  set("body", "relative"); set(".site-header", "static"); set(".nav", "absolute");
}"""
"""A full-page capture paints fixed bars where the first screen ends, over the content: the
phone's bottom navigation goes to the page's end instead, where a person scrolling sees it.
Set through the DOM, which the pages' CSP allows (an injected stylesheet it refuses)."""


def shot(page: Page, name: str) -> Path:
    """A full-page screenshot kept as a test artefact (``test-artifacts/screenshots``)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.evaluate(UNPIN_BARS, True)
    page.screenshot(path=str(path), full_page=True)
    page.evaluate(UNPIN_BARS, False)
    return path


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Serious and critical axe-core violations on the page as it is now.

    axe is injected as a script tag, which the app's CSP refuses: the page's context needs
    ``bypass_csp=True``."""
    if not AXE.exists():
        pytest.fail(
            f"axe-core is missing at {AXE}: run "
            "`npm install --prefix .cache/axe axe-core@4.14.1` (make test does)"
        )
    page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate("async () => await axe.run(document)")
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def disclaimer_count(page: Page) -> int:
    return str(page.inner_text("body")).count(DISCLAIMER)


def screen_keys(page: Page) -> list[str]:
    """The answer keys asked on the current check-in screen, in order."""
    keys: list[str] = page.evaluate(
        """() => [...new Set([...document.querySelectorAll(
            'form input:not([type=hidden])')].map((i) => i.name))]"""
    )
    return keys


def answer_screen(page: Page, answers: Mapping[str, Any]) -> list[str]:
    """Answer the questions on screen (yes/no questions not given are answered "no"), then Next."""
    keys = screen_keys(page)
    for key in keys:
        value = answers.get(key)
        field = page.locator(f'input[name="{key}"]')
        kind = field.first.get_attribute("type")
        if kind == "number":
            field.fill("" if value is None else str(value))
        elif value is None and page.locator(f'input[name="{key}"][value="no"]').count():
            page.check(f'input[name="{key}"][value="no"]')
        elif value is not None:
            for one in value if isinstance(value, list) else [value]:
                page.check(f'input[name="{key}"][value="{one}"]')
    with page.expect_navigation():  # each screen is a form post: wait for the next page
        page.get_by_role("button", name="Next").click()
    return keys


def check_in(page: Page, answers: Mapping[str, Any], *, max_screens: int = 25) -> list[list[str]]:
    """Walk the whole check-in from the first screen; stops at the summary screen."""
    screens: list[list[str]] = []
    for _ in range(max_screens):
        if page.get_by_role("button", name="See my result").count():
            return screens
        screens.append(answer_screen(page, answers))
    raise AssertionError(f"the check-in did not end within {max_screens} screens")


OFFICE_WORKER: dict[str, Any] = {
    "age": 34,
    "sex": "female",
    "pain.areas": ["lower_back"],
    "pain.score": 3,
    "pain.duration_days": 20,
    "pain.onset": "gradual",
    "work": ["sitting"],
    "equipment": ["mat", "chair"],
    "fitness": "moderate",
    "minutes_per_day": 5,
}
"""A person the plan suits: no warning sign, short sessions every day (fast sped-up runs)."""

OFFICE_WORKER_PROFILE: dict[str, Any] = {
    "age": 34,
    "sex": "female",
    "work": ["sitting"],
    "pain": {"areas": ["lower_back"], "score": 3, "duration_days": 20, "onset": "gradual"},
    "equipment": ["mat", "chair"],
    "fitness": "moderate",
    "minutes_per_day": 5,
}
"""The same person as a profile, saved through the API when a test starts past the check-in."""


def save_profile(page: Page, profile: Mapping[str, Any]) -> None:
    response = page.request.put("/api/profile", data=dict(profile))
    assert response.ok, response.text()


def session_state(page: Page) -> dict[str, Any]:
    state: dict[str, Any] = page.evaluate("() => window.backcareSession.state()")
    return state


def answer_until_done(page: Page, answer: str = "About right", timeout_ms: int = 30_000) -> int:
    """Tap ``answer`` to the one-tap question after each exercise until the session ends;
    the number of questions answered."""
    answered = 0
    while True:
        page.wait_for_function(
            """(n) => window.backcareAsk.asked.length > n
                || !document.getElementById("phase-done").classList.contains("hidden")""",
            arg=answered,
            timeout=timeout_ms,
        )
        if page.locator("#phase-done").is_visible():
            return answered
        page.locator("#phase-ask").get_by_role("button", name=answer, exact=True).click()
        answered += 1


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
