"""One pain record: the pain given before and after a session goes into the diary, feeds its chart
and alerts, and a jump (3 → 9) or new leg pain asks the person to check in again."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from tests.web.browser_support import (
    OFFICE_WORKER_PROFILE,
    answer_until_done,
    axe_violations,
    save_profile,
    shot,
)

pytestmark = pytest.mark.browser


def _clean(page: Page) -> None:
    violations = axe_violations(page)
    assert not violations, json.dumps(violations, indent=1)


def test_session_pain_reaches_the_diary_and_its_alerts(sized_page: tuple[str, Page]) -> None:
    size, page = sized_page
    save_profile(page, OFFICE_WORKER_PROFILE)
    page.goto("/session?day=1&speed=1000")
    page.locator("#pain-before").get_by_role("radio", name="3", exact=True).check()
    page.get_by_role("button", name="Start session").click()
    answer_until_done(page)
    expect(page.locator("#done-title")).to_have_text("Well done", timeout=30_000)
    page.locator("#pain-after").get_by_role("radio", name="9", exact=True).check()
    page.get_by_role("button", name="Save session").click()
    expect(page.locator("#saved-text")).to_contain_text("in the diary")
    assert page.evaluate("() => document.activeElement.id") == "saved-title"
    jump = page.locator("#saved-alerts .alert", has_text="jumped from 3 to 9")
    expect(jump).to_be_visible()
    expect(jump.get_by_role("link", name="Check in again")).to_have_attribute("href", "/check-in")
    shot(page, f"session-saved-pain-jump-{size}")
    _clean(page)

    page.get_by_role("link", name="Open the diary").click()
    entries = page.locator(".entries .entry")
    expect(entries).to_have_count(2)
    expect(entries.nth(0)).to_contain_text("After a session")
    expect(entries.nth(1)).to_contain_text("Before a session")
    expect(page.locator(".stat", has_text="Latest").locator("b")).to_have_text("9")
    expect(page.locator("#pain-chart-desc")).to_contain_text("2 pain ratings")
    expect(page.locator(".alert", has_text="jumped from 3 to 9")).to_be_visible()

    form = page.locator("form", has=page.get_by_role("heading", name="Log your pain"))
    form.locator("label.choice.score", has_text="8").click()
    form.get_by_role("checkbox", name="Leg sciatica").check()
    form.get_by_role("button", name="Log pain").click()
    leg = page.locator(".alert", has_text="New pain going down a leg")
    expect(leg).to_be_visible()
    expect(leg.get_by_role("link", name="Check in again")).to_be_visible()
    shot(page, f"diary-new-leg-pain-{size}")
    _clean(page)
