"""The other pages in a real Chromium: break reminders with a notification, knowledge search with
sources on demand, the printable plan and its calendar file, and the installable app's parts."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from tests.web.browser_support import (
    OFFICE_WORKER_PROFILE,
    PHONE,
    save_profile,
    shot,
)

pytestmark = pytest.mark.browser

RECORD_NOTIFICATIONS = """
window.shownNotifications = [];
window.Notification = class extends Notification {
  constructor(title, options) {
    super(title, options);
    window.shownNotifications.push(options.body);
  }
};
"""
"""Keeps the text of each notification the page shows (the browser's own class does the work)."""


def test_break_reminder_notifies_on_the_plan_schedule_and_records_the_answer(
    page: Page, context: BrowserContext
) -> None:
    save_profile(page, OFFICE_WORKER_PROFILE)
    context.grant_permissions(["notifications"])
    context.add_init_script(RECORD_NOTIFICATIONS)
    plan = page.request.post("/api/plan", data={"profile": OFFICE_WORKER_PROFILE}).json()
    every = plan["breaks"]["every_min"]

    page.goto("/breaks?speed=1200")  # a 30-minute wait takes 1.5 s
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Get up every {every} minutes")
    page.get_by_role("button", name="Start the timer").click()
    expect(page.get_by_role("button", name="Start my break")).to_be_visible(timeout=10_000)
    expect(page.locator("#timer-title")).to_have_text("Time to move")
    notes = page.evaluate("() => window.shownNotifications")
    assert notes == [f"Time to move for {plan['breaks']['move_min']} minutes."]

    page.get_by_role("button", name="Start my break").click()
    page.get_by_role("button", name="I moved").click(timeout=10_000)
    expect(page.locator("#break-status")).to_have_text("Well done: recorded.")
    exported = page.request.get("/api/export").json()
    assert [(b["outcome"], b["moved"]) for b in exported["breaks"]] == [("taken", True)]


def test_knowledge_search_filters_and_shows_quotes_on_demand(page: Page) -> None:
    page.goto("/kb")
    page.get_by_label("Ask or search").fill("foam shaft")
    page.get_by_role("button", name="Search").click()
    first = page.locator(".entry-list li").first
    expect(first).to_contain_text("oam roller")

    page.goto("/kb?q=numb+between+my+legs")
    expect(page.get_by_role("alert")).to_contain_text("emergency")

    page.goto("/kb?kind=red_flag")
    names = page.locator(".entry-list .pill").all_inner_texts()
    assert names
    assert set(names) == {"red flag"}

    page.goto("/kb/bridge")
    sources = page.locator("section", has=page.get_by_role("heading", name="Sources", exact=True))
    quote = sources.locator("blockquote").first
    expect(quote).to_be_hidden()
    page.get_by_text("Show the passages").click()
    expect(quote).to_be_visible()
    expect(page.get_by_role("heading", name="Not for")).to_be_visible()
    shot(page, "knowledge-entry-sources-open")

    page.goto("/kb/no-such-thing")
    expect(page.get_by_role("heading", name="Not found")).to_be_visible()


def test_the_plans_advice_is_folded_so_today_leads(page: Page) -> None:
    """Posture and habit steps wait behind "What to do": the page opens on today's work, and
    a habit can still be ticked without unfolding anything."""
    save_profile(page, OFFICE_WORKER_PROFILE)
    page.set_viewport_size(PHONE)
    page.goto("/plan")
    posture = page.locator(".advice-section", has=page.get_by_role("heading", name="Posture"))
    first = posture.locator(".advice-card").first
    steps = first.locator(".advice-list")
    expect(steps).to_be_hidden()
    assert page.locator(".advice-more[open]").count() == 0
    habits = page.locator(".advice-section", has=page.get_by_role("heading", name="Habits"))
    expect(habits.get_by_role("button", name="Done today").first).to_be_visible()
    folded_width = _width(first)
    first.locator(".advice-more > summary").click()
    expect(steps).to_be_visible()
    assert _width(first) > 1.5 * folded_width, "an opened card takes the full width"
    today = page.locator(".today-card").bounding_box()
    assert today is not None
    assert today["y"] < PHONE["height"], "today's work is on the first screen"


def test_with_acute_pain_heat_and_ice_stay_open(page: Page) -> None:
    """No exercise yet: heat and ice are the day's work, so their steps show unfolded."""
    severe = OFFICE_WORKER_PROFILE["pain"] | {"score": 8}
    save_profile(page, OFFICE_WORKER_PROFILE | {"pain": severe})
    page.goto("/plan")
    expect(page.get_by_role("link", name="Start today's session")).to_have_count(0)
    heat_and_ice = page.locator(".advice-section", has=page.get_by_role("heading", name="Heat"))
    expect(heat_and_ice.locator(".advice-list").first).to_be_visible()
    expect(heat_and_ice.locator(".advice-more")).to_have_count(0)


def _width(locator: Locator) -> float:
    box = locator.bounding_box()
    assert box is not None
    return box["width"]


def test_the_plan_prints_cleanly_and_downloads_as_a_calendar(page: Page) -> None:
    save_profile(page, OFFICE_WORKER_PROFILE)
    page.goto("/plan")
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.get_by_role("link", name="Start today's session")).to_be_hidden()
    expect(page.locator(".week .day")).to_have_count(7)
    page.pdf(path=str(shot(page, "plan-print").with_suffix(".pdf")))
    page.emulate_media(media="screen")

    with page.expect_download() as download:
        page.get_by_role("link", name="Add to calendar").click()
    calendar = download.value
    assert calendar.suggested_filename == "backcare-plan.ics"
    text = Path(calendar.path()).read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR")
    assert "BEGIN:VEVENT" in text


def test_the_app_is_installable(page: Page) -> None:
    page.goto("/welcome")
    manifest_url = page.locator('link[rel="manifest"]').get_attribute("href")
    assert manifest_url is not None
    manifest = page.request.get(manifest_url).json()
    assert manifest["start_url"] == "/plan"
    assert manifest["display"] == "standalone"
    for icon in manifest["icons"]:
        assert page.request.get(icon["src"]).ok, icon
    scope = page.evaluate("async () => (await navigator.serviceWorker.ready).scope")
    assert scope.endswith("/")


def test_a_form_posted_from_another_site_is_refused(page: Page) -> None:
    page.goto("/diary")
    response = page.request.post(
        "/diary", form={"score": "3"}, headers={"Origin": "http://elsewhere.example"}
    )
    assert response.status == 403
    assert page.request.get("/api/diary/pain").json()["pain"] == []
