"""An urgent or emergency result is one calm page, wherever the person lands (result, plan,
session, home): what to do now once, a number to tap, why, what to tell them, and nothing that
competes with it (no week plan, print, calendar, break timer or other navigation)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import Page, expect

from backcare.config import Settings
from backcare.knowledge import load_knowledge_base
from backcare.web import create_app
from tests.web.browser_support import (
    axe_violations,
    disclaimer_count,
    in_first_screen,
    save_profile,
    shot,
)
from tests.web.conftest import LOCAL_URL

pytestmark = pytest.mark.browser

EMERGENCY: dict[str, Any] = {
    "age": 52,
    "sex": "male",
    "pain": {"areas": ["lower_back"], "score": 8, "duration_days": 2},
    "symptoms": {"saddle_numbness": True},
}
"""Numbness between the legs, and pain severe enough to raise the acute-phase line too."""

URGENT: dict[str, Any] = {
    "age": 40,
    "sex": "female",
    "pain": {"areas": ["lower_back"], "score": 5, "duration_days": 3},
    "symptoms": {"fever_or_chills": True},
}
COMPETING = {
    "the week plan": "h2#week-title, .today-card, .day",
    "print": "[data-print]",
    "a calendar download": "a[href*='format=ics']",
    "the break timer": "a[href='/breaks']",
    "a session": "a[href^='/session'], #start",
    "the navigation": "nav",
}
PLACES = ("/result", "/plan", "/session?day=2", "/")


def _competing(page: Page) -> dict[str, int]:
    found = {name: page.locator(selector).count() for name, selector in COMPETING.items()}
    return {name: count for name, count in found.items() if count}


@pytest.mark.parametrize("level", ["emergency", "urgent"])
def test_an_urgent_or_emergency_result_is_one_calm_page(
    sized_page: tuple[str, Page], level: str
) -> None:
    size, page = sized_page
    save_profile(page, EMERGENCY if level == "emergency" else URGENT)
    for url in PLACES:
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_have_text(
            load_knowledge_base().level(level).title
        )
        assert not _competing(page), (url, _competing(page))
        body = page.inner_text("main")
        action = page.inner_text("#do-now")
        assert body.count(action) == 1, f"{url}: the advice is said once"
        assert "no better" not in body, f"{url}: nothing says to wait and see"
        expect(page.get_by_role("heading", name="Why")).to_be_visible()
        expect(page.get_by_role("heading", name="What to tell them")).to_be_visible()
        assert disclaimer_count(page) == 1
    call = page.locator("a[href='tel:112']")
    expect(call).to_have_count(1)
    if level == "emergency":
        expect(call).to_have_text("Call 112")
        assert in_first_screen(page, "a[href='tel:112']"), "the number is on the first screen"
        expect(page.locator("main")).to_contain_text("numbness between your legs")
    else:
        expect(page.locator("main")).to_contain_text("today or tomorrow")
        expect(page.locator("main")).to_contain_text("a fever or chills")
    expect(page.locator(".tell")).to_contain_text("Pain in your lower back")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
    assert overflow <= 0
    shot(page, f"help-now-{level}-{size}")
    violations = axe_violations(page)
    assert not violations, json.dumps(violations, indent=1)


def test_the_number_to_call_comes_from_the_settings(settings: Settings) -> None:
    uk = settings.model_copy(update={"emergency_number": "999"})
    with TestClient(create_app(uk), base_url=LOCAL_URL) as client:
        assert client.put("/api/profile", json=EMERGENCY).is_success
        page = client.get("/result").text
    assert 'href="tel:999"' in page
    assert "Call 999" in page
    assert "tel:112" not in page


def test_in_pregnancy_the_urgent_page_says_the_maternity_unit_not_today_or_tomorrow(
    settings: Settings,
) -> None:
    """Issue 14 class 10: one wording per level, from the content; in pregnancy the urgent one
    is the maternity unit's, and the page adds no doctor's-practice line of its own."""
    pregnant_fever = {
        "age": 30,
        "sex": "female",
        "pregnancy": {"weeks": 24},
        "pain": {"areas": ["lower_back"], "score": 4, "duration_days": 2},
        "symptoms": {"fever_or_chills": True},
    }
    with TestClient(create_app(settings), base_url=LOCAL_URL) as client:
        assert client.put("/api/profile", json=pregnant_fever).is_success
        page = client.get("/result").text
    assert "Contact your maternity unit or midwife now." in page
    assert "today or tomorrow" not in page
