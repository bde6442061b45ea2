"""Every page at phone size (390×844) and desktop size (1280×800): no serious or critical axe-core
violation, no sideways scrolling on a phone, the disclaimer once, and a screenshot of each kept in
``test-artifacts/screenshots`` for people to look at."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from tests.web.browser_support import (
    DESKTOP,
    OFFICE_WORKER_PROFILE,
    PHONE,
    answer_screen,
    axe_violations,
    disclaimer_count,
    save_profile,
    screen_keys,
    shot,
)

pytestmark = pytest.mark.browser

NERVES_SCREEN = {
    "age": 40,
    "sex": "male",
    "conditions": [],
    "pain.areas": ["lower_back"],
    "pain.score": 4,
    "pain.duration_days": 10,
    "pain.onset": "gradual",
    "pain.worse_at_night": "no",
}
"""Answers that lead to the warning-sign questions about nerves and legs."""

PAGES = (
    ("welcome", "/welcome"),
    ("check-in-first", "/check-in"),
    ("check-in-nerves", "/check-in"),  # then answered up to the nerves screen (see below)
    ("result", "/result"),
    ("plan", "/plan"),
    ("session-ready", "/session?day=1"),
    ("diary", "/diary"),
    ("knowledge", "/kb?kind=exercise"),
    ("knowledge-search", "/kb?q=numb+between+my+legs"),
    ("knowledge-entry", "/kb/bridge"),
    ("breaks", "/breaks"),
)
ADVISING = {"result", "plan", "session-ready", "diary", "knowledge-entry", "breaks", "welcome"}


@pytest.fixture(name="sized_page", params=[("phone", PHONE), ("desktop", DESKTOP)], ids=str)
def sized_page_fixture(
    request: pytest.FixtureRequest, browser: Browser, base_url: str
) -> Iterator[tuple[str, Page]]:
    name, viewport = request.param
    size: ViewportSize = viewport
    context = browser.new_context(
        base_url=base_url, viewport=size, has_touch=name == "phone", bypass_csp=True
    )
    page = context.new_page()
    yield name, page
    context.close()


def _some_history(page: Page) -> None:
    save_profile(page, OFFICE_WORKER_PROFILE)
    for score, note in ((6, "Woke up stiff"), (4, None)):
        body = {"score": score, "areas": ["lower_back"], "note": note}
        assert page.request.post("/api/diary/pain", data=body).ok


def test_every_page_is_accessible_and_fits(sized_page: tuple[str, Page]) -> None:
    size, page = sized_page
    _some_history(page)
    problems = {}
    for name, url in PAGES:
        page.goto(url)
        if name == "check-in-nerves":  # answers travel by POST, not in the URL
            while "symptoms.saddle_numbness" not in screen_keys(page):
                answer_screen(page, NERVES_SCREEN)
        expect(page.locator("main")).to_be_visible()
        if name in ADVISING:
            assert disclaimer_count(page) == 1, name
        overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {size} size"
        shot(page, f"{name}-{size}")
        if violations := axe_violations(page):
            problems[name] = violations
    assert not problems, json.dumps(problems, indent=1)


def test_session_running_and_done_screens(sized_page: tuple[str, Page]) -> None:
    size, page = sized_page
    save_profile(page, OFFICE_WORKER_PROFILE)
    # Six times real speed: the first item ends within seconds, while the whole session outlasts
    # the screenshot and the accessibility scan on a busy machine (at twenty times it could end
    # during the scan, and "Finish now" would be gone before the test pressed it).
    page.goto("/session?day=1&speed=6")
    page.get_by_role("button", name="Start session").click()
    page.wait_for_function("() => window.backcareSession.state().index >= 1")
    picture = page.locator("#picture-img")
    page.wait_for_function(
        "(img) => img.complete && img.naturalWidth > 0", arg=picture.element_handle()
    )
    shot(page, f"session-running-{size}")
    assert not axe_violations(page)
    page.get_by_role("button", name="Finish now").click()
    expect(page.locator("#done-title")).to_have_text(re.compile("Session ended|Nothing done"))
    shot(page, f"session-done-{size}")
    assert not axe_violations(page)
