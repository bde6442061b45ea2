"""The Breaks page in a real Chromium: "did you move?" after a break, quiet windows holding a
break (time driven by Playwright's fake clock, nothing sleeps), the skip limit, sit–stand
prompts for a standing desk, and the week's chart at phone and desktop sizes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect

from tests.web.browser_support import (
    DESKTOP,
    OFFICE_WORKER_PROFILE,
    PHONE,
    axe_violations,
    save_profile,
    shot,
)

pytestmark = pytest.mark.browser


def _export_breaks(page: Page) -> list[dict[str, object]]:
    breaks: list[dict[str, object]] = page.request.get("/api/export").json()["breaks"]
    return breaks


def test_after_a_break_did_you_move_is_one_tap_and_is_stored(page: Page) -> None:
    save_profile(page, OFFICE_WORKER_PROFILE)
    page.goto("/breaks?speed=1000")
    page.get_by_role("button", name="Start the timer").click()
    page.get_by_role("button", name="Start my break").click(timeout=10_000)
    expect(page.get_by_role("group", name="Did you move?")).to_be_visible(timeout=10_000)
    page.get_by_role("button", name="I moved").click()
    expect(page.locator("#break-status")).to_have_text("Well done: recorded.")
    [taken] = _export_breaks(page)
    assert (taken["outcome"], taken["moved"]) == ("taken", True)
    assert (
        taken["minutes"]
        == page.request.post("/api/plan", data={"profile": OFFICE_WORKER_PROFILE}).json()["breaks"][
            "move_min"
        ]
    )
    page.get_by_role("button", name="Start my break").click(timeout=10_000)
    page.get_by_role("button", name="I skipped it").click(timeout=10_000)
    expect(page.locator("#break-status")).to_have_text("Recorded as skipped.")
    week = page.request.get("/api/breaks/stats").json()["week"]
    assert (week["taken"], week["skipped"]) == (1, 1)


def test_a_break_due_in_a_quiet_window_waits_until_it_ends(page: Page) -> None:
    page.goto("/breaks")
    page.get_by_label("Quiet times each day").fill("12:00-13:00")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status").filter(has_text="Saved.")).to_be_visible()
    every = int(page.locator("#breaks").get_attribute("data-every-min") or "0")
    page.clock.install(
        time=datetime(2026, 12, 7, 12, 0).astimezone() - timedelta(minutes=every - 10)
    )
    page.goto("/breaks")
    page.get_by_role("button", name="Start the timer").click()
    page.clock.run_for(every * 60_000 + 1_000)  # due at 12:10, in the quiet window
    expect(page.locator("#break-quiet")).to_contain_text("Quiet time until 13:00")
    expect(page.get_by_role("button", name="Start my break")).to_be_hidden()
    page.clock.run_for(50 * 60_000)  # 13:00:xx: offered right after
    expect(page.get_by_role("button", name="Start my break")).to_be_visible()
    expect(page.locator("#break-quiet")).to_be_hidden()


def test_past_the_skip_limit_a_break_can_only_be_put_off_once(page: Page) -> None:
    page.goto("/breaks")
    page.get_by_label("Skip limit").fill("1")
    page.get_by_role("button", name="Save").click()
    page.goto("/breaks?speed=1000")
    page.get_by_role("button", name="Start the timer").click()
    page.get_by_role("button", name="Skip this one").click(timeout=10_000)
    expect(page.get_by_role("button", name="In 5 minutes")).to_be_visible(timeout=10_000)
    expect(page.get_by_role("button", name="Skip this one")).to_be_hidden()
    expect(page.locator("#break-limit")).to_be_visible()
    page.get_by_role("button", name="In 5 minutes").click()
    expect(page.get_by_role("button", name="Start my break")).to_be_visible(timeout=10_000)
    expect(page.get_by_role("button", name="In 5 minutes")).to_be_hidden()
    expect(page.get_by_role("button", name="Skip this one")).to_be_hidden()
    assert [b["outcome"] for b in _export_breaks(page)] == ["skipped", "postponed"]


def test_a_standing_desk_gets_sit_stand_prompts_in_turn(page: Page) -> None:
    save_profile(page, OFFICE_WORKER_PROFILE | {"standing_desk": True})
    page.goto("/breaks?speed=1000")
    page.get_by_role("button", name="Start the timer").click()
    prompts = []
    for _ in range(2):
        page.get_by_role("button", name="Start my break").click(timeout=10_000)
        page.get_by_role("button", name="I moved").click(timeout=10_000)
        expect(page.locator("#break-posture")).to_be_visible()
        prompts.append(page.locator("#break-posture").inner_text())
    assert prompts[0].startswith("Raise your desk")
    assert prompts[1].startswith("Lower your desk")


@pytest.fixture(params=[("phone", PHONE), ("desktop", DESKTOP)], ids=lambda p: p[0])
def sized(
    request: pytest.FixtureRequest, browser: Browser, base_url: str
) -> Iterator[tuple[str, BrowserContext]]:
    name, viewport = request.param
    size: ViewportSize = viewport
    context = browser.new_context(
        base_url=base_url, viewport=size, has_touch=name == "phone", bypass_csp=True
    )
    yield name, context
    context.close()


NOON = datetime(2026, 11, 25, 12, 0, tzinfo=ZoneInfo("Pacific/Auckland"))
"""The app's clock for the week chart: midday in Auckland, so a day's breaks two hours apart
stay on that local day whenever the suite runs."""


@pytest.mark.usefixtures("in_auckland")
@pytest.mark.parametrize("clock", [lambda: NOON.astimezone(UTC)], ids=["noon-in-auckland"])
def test_the_week_chart_and_settings_fit_phone_and_desktop(
    sized: tuple[str, BrowserContext],
) -> None:
    name, context = sized
    page = context.new_page()
    save_profile(page, OFFICE_WORKER_PROFILE)
    for days_ago, outcomes in enumerate(
        [
            ["taken", "taken", "skipped"],
            ["taken"],
            ["skipped", "postponed", "taken"],
            [],
            ["taken", "taken", "taken", "taken"],
        ]
    ):
        for n, outcome in enumerate(outcomes):
            at = NOON - timedelta(days=days_ago, minutes=5 + 40 * n)
            body = {"outcome": outcome, "at": at.isoformat(), "sat_minutes": 30 + 10 * n}
            if outcome == "taken":
                body["minutes"] = 5
            assert page.request.post("/api/breaks", data=body).ok
    page.goto("/breaks")
    expect(page.locator("svg.chart rect.taken-bar")).to_have_count(4)
    expect(page.locator("svg.chart rect.skipped-bar")).to_have_count(2)
    expect(page.locator(".table-wrap tr").last).to_contain_text("Wed 25")  # the clock's today
    expect(page.locator("figcaption")).to_contain_text(
        "8 of 10 taken, 2 skipped, 1 postponed; 40 minutes moved"
    )
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"] if page.viewport_size else True
    table = page.locator(".table-wrap")  # every column in sight, no sideways scroll
    assert table.evaluate("wrap => wrap.scrollWidth <= wrap.clientWidth"), name
    assert axe_violations(page) == []
    shot(page, f"breaks-week-{name}")
