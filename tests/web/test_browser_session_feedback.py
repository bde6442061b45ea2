"""The one-tap question after each exercise and the stop rule, in a real Chromium at phone and
desktop size: each answer reaches ``/api/programme/feedback``; "it hurt" with pain up 2 stops
the session with the safety advice and records the stop."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

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


def _start(page: Page, pain: int) -> None:
    save_profile(page, OFFICE_WORKER_PROFILE)
    page.goto("/session?day=1&speed=1000")
    page.locator("#pain-before").get_by_role("radio", name=str(pain), exact=True).check()
    page.get_by_role("button", name="Start session").click()


def test_one_tap_after_each_exercise_is_stored(sized_page: tuple[str, Page]) -> None:
    size, page = sized_page
    _start(page, pain=3)
    ask = page.locator("#phase-ask")
    expect(ask).to_be_visible(timeout=30_000)
    expect(ask.get_by_role("heading")).to_contain_text("How was")
    for name in ("Too easy", "About right", "Too hard", "It hurt"):
        expect(ask.get_by_role("button", name=name, exact=True)).to_be_visible()
    assert not axe_violations(page)
    shot(page, f"session-one-tap-{size}")
    answered = answer_until_done(page, "Too easy")
    expect(page.locator("#done-title")).to_have_text("Well done")
    page.wait_for_function(
        "(n) => fetch('/api/programme/feedback').then((r) => r.json()).then((f) => f.length === n)",
        arg=answered,
    )
    stored = page.request.get("/api/programme/feedback").json()
    assert [f["answer"] for f in stored] == ["too_easy"] * answered
    assert [f["exercise_id"] for f in stored] == page.evaluate("() => window.backcareAsk.asked")


def test_it_hurt_with_pain_up_two_stops_the_session(sized_page: tuple[str, Page]) -> None:
    size, page = sized_page
    _start(page, pain=3)
    ask = page.locator("#phase-ask")
    expect(ask).to_be_visible(timeout=30_000)
    ask.get_by_role("button", name="It hurt", exact=True).click()
    ask.locator("#pain-now").get_by_role("radio", name="6", exact=True).check()
    ask.get_by_role("radio", name="No", exact=True).check()
    shot(page, f"session-it-hurt-{size}")
    ask.get_by_role("button", name="Continue").click()
    expect(page.locator("#done-title")).to_have_text("Session stopped")
    stop = page.locator("#stop-box")
    expect(stop).to_contain_text("Your pain rose from 3 to 6.")
    expect(stop).to_contain_text("Stop the exercises for today")
    shot(page, f"session-stopped-{size}")
    page.wait_for_function(
        "() => fetch('/api/programme/stops').then((r) => r.json()).then((s) => s.length === 1)"
    )
    [event] = page.request.get("/api/programme/stops").json()
    assert (event["reason"], event["pain_before"], event["pain_now"]) == ("pain_rose", 3, 6)
    [answer] = page.request.get("/api/programme/feedback").json()
    assert answer["answer"] == "it_hurt"
    assert event["exercise_id"] == answer["exercise_id"]


def test_the_plan_shows_the_programme_and_a_flare_up(sized_page: tuple[str, Page]) -> None:
    size, page = sized_page
    save_profile(page, OFFICE_WORKER_PROFILE)
    now = datetime.now(UTC)
    for days, score in ((6, 2), (5, 2), (4, 2), (3, 2), (2, 2), (0, 7)):
        at = (now - timedelta(days=days, minutes=1)).isoformat()
        assert page.request.post("/api/diary/pain", data={"score": score, "at": at}).ok
    page.goto("/plan")
    card = page.locator(".programme-card")
    expect(card).to_contain_text("Your programme · relief")
    expect(card).to_contain_text("One thing to try next")
    flare = page.locator(".flare")
    expect(flare).to_contain_text("Gentle relief only for now")
    expect(flare).to_contain_text("first day of new back pain")
    expect(flare).not_to_contain_text("after birth")  # only heat and ice written for them
    expect(flare.get_by_role("link", name="Check in again")).to_have_attribute("href", "/check-in")
    assert not axe_violations(page)
    shot(page, f"plan-programme-flare-{size}")
    page.goto("/session?day=1")
    expect(page.locator(".flare")).to_be_visible()
