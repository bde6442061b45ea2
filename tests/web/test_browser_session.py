"""The guided session in a real Chromium: countdowns kept by deadlines, a reload that resumes,
and the session page and plan working offline, the result sent once back online."""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import pairwise

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.web.browser_support import (
    OFFICE_WORKER_PROFILE,
    answer_until_done,
    save_profile,
    session_state,
    shot,
)

A_MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
"""The day the app sees. The morning routine changes with the day of the week, and these tests
need one with a 60-second hold and a first exercise long enough to pause after a reload at 20x;
on the real day they passed on some weekdays and failed on others."""

pytestmark = [
    pytest.mark.browser,
    pytest.mark.parametrize("clock", [lambda: A_MONDAY], ids=["a-monday"]),
]

HOLD_S = 60.0
TOLERANCE = 0.01
"""A step must end within 1 % of its due time (0.6 s of a 60 s hold)."""


def start_session(page: Page, speed: int) -> None:
    page.goto(f"/session?slot=morning&speed={speed}")
    page.get_by_role("button", name="Start session").click()
    expect(page.locator("#phase-running")).to_be_visible()


def test_a_60_second_hold_ends_on_its_deadline_at_20x(page: Page) -> None:
    save_profile(page, OFFICE_WORKER_PROFILE)
    start_session(page, speed=20)
    page.wait_for_function(
        f"() => window.backcareTimings.some((t) => t.duration_s === {HOLD_S} && t.real_s !== null)",
        timeout=15_000,
    )
    shot(page, "session-running-desktop")
    timings = page.evaluate("() => window.backcareTimings")
    hold = next(t for t in timings if t["duration_s"] == HOLD_S and t["real_s"] is not None)
    assert 0 <= hold["late_s"] <= TOLERANCE * HOLD_S, hold
    assert abs(hold["real_s"] - HOLD_S) <= TOLERANCE * HOLD_S, hold
    for done, following in pairwise(timings):
        # each step starts at the previous deadline, however late the page noticed it
        assert following["due_s"] == pytest.approx(done["due_s"] + following["duration_s"])


def test_a_reload_in_the_middle_of_a_session_resumes_it(page: Page) -> None:
    save_profile(page, OFFICE_WORKER_PROFILE)
    start_session(page, speed=20)
    page.keyboard.press("ArrowRight")  # skip, from the keyboard
    page.wait_for_function(
        "() => window.backcareSession.state().completed.length >= 1", timeout=20_000
    )
    before = session_state(page)
    name_before = page.locator("#item-name").inner_text()

    page.reload()
    expect(page.locator("#phase-running")).to_be_visible()
    expect(page.locator("body")).to_have_attribute("data-resumed", "true")
    after = session_state(page)
    assert after["origin"] == before["origin"]
    assert after["index"] >= before["index"]
    assert set(before["completed"]) <= set(after["completed"])
    assert after["skipped"] == before["skipped"] == [0]
    assert (
        page.locator("#item-name").inner_text() == name_before or after["index"] > before["index"]
    )

    page.keyboard.press("Space")  # pause
    expect(page.get_by_role("button", name="Resume")).to_be_visible()
    paused = session_state(page)
    page.reload()
    expect(page.get_by_role("button", name="Resume")).to_be_visible()
    assert session_state(page)["index"] == paused["index"]


def test_plan_and_session_work_offline_and_the_result_syncs(
    page: Page, context: BrowserContext
) -> None:
    save_profile(page, OFFICE_WORKER_PROFILE)
    page.goto("/plan")
    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=10_000)
    page.reload()  # now through the service worker, which keeps a copy
    session_url = "/session?slot=morning&speed=500"
    page.goto(session_url)

    context.set_offline(True)
    page.goto("/plan")
    expect(page.get_by_role("heading", name="Your plan for the week")).to_be_visible()
    page.goto(session_url)
    page.get_by_role("button", name="Start session").click()
    answered = answer_until_done(page)
    expect(page.get_by_role("heading", name="Well done")).to_be_visible(timeout=15_000)
    page.get_by_role("button", name="Save session").click()
    expect(page.get_by_role("status")).to_contain_text("Saved on this device")
    assert page.evaluate("() => window.backcareOutbox.pending('/api/sessions')") == 1
    feedback = "() => window.backcareOutbox.pending('/api/programme/feedback')"
    assert page.evaluate(feedback) == answered >= 1, "the answers wait in the outbox too"

    context.set_offline(False)
    page.wait_for_function("() => window.backcareOutbox.pending() === 0", timeout=10_000)
    assert len(page.request.get("/api/sessions").json()) == 1
