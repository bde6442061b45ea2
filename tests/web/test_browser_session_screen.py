"""The guided session as a person uses it on a phone (390×844) and on a desktop (1280×800): one
screen with the picture, the step, a big timer and the controls; focus on it after Start; buttons
that never move while the text changes; the screen kept awake while it runs; cues that can be
turned off."""

from __future__ import annotations

import json
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.web.browser_support import (
    OFFICE_WORKER_PROFILE,
    SCREENSHOTS,
    axe_violations,
    in_first_screen,
    save_profile,
    shot,
)

pytestmark = pytest.mark.browser

ON_SCREEN = ("#picture-img", "#item-name", "#step-kind", "#ring", "#back", "#pause", "#skip")
STEADY = ("#back", "#pause", "#skip", "#finish", "#cues")

SAMPLE_EVERY_STEP = """async (selectors) => {
  const seen = new Map();
  const box = (s) => { const b = document.querySelector(s).getBoundingClientRect();
    return [b.x, b.y, b.width, b.height].map((n) => Math.round(n)).join(","); };
  const sample = (label) => {
    const key = selectors.map(box).join(" ");
    if (!seen.has(key)) seen.set(key, label);
  };
  const session = window.backcareSession;
  const asking = document.getElementById("phase-ask");
  while (session.state().phase === "running") {
    if (!asking.classList.contains("hidden")) {  // the one-tap question: not the controls
      document.getElementById("ask-skip").click();
      await new Promise((done) => requestAnimationFrame(done));
      continue;
    }
    const s = session.steps[session.state().index];
    sample(`${s.kind} of item ${s.item}` + (session.state().pausedAt !== null ? " (paused)" : ""));
    await new Promise((done) => requestAnimationFrame(done));
  }
  return Object.fromEntries([...seen].map(([key, label]) => [label, key]));
}"""
"""Every distinct layout of the controls seen, frame by frame, until the session ends (the
one-tap question after each exercise is skipped: it is its own screen)."""


def _start(page: Page, speed: int) -> None:
    page.goto(f"/session?day=1&slot=morning&speed={speed}")
    page.mouse.wheel(0, 400)  # a person scrolls to read the list, then starts
    page.get_by_role("button", name="Start session").click()
    expect(page.locator("#phase-running")).to_be_visible()


def test_a_running_session_is_one_steady_screen(sized_page: tuple[str, Page]) -> None:
    size, page = sized_page
    save_profile(page, OFFICE_WORKER_PROFILE)
    _start(page, speed=20)
    page.wait_for_function("() => window.backcareSession.state().index >= 1")
    assert page.evaluate("() => document.activeElement.id") == "phase-running"
    page.keyboard.press("Space")  # the focused session takes the keys: pause
    expect(page.locator("#pause")).to_have_text("Resume")
    # paused while looked at, so the first exercise cannot end (and ask how it was) meanwhile
    picture = page.locator("#picture-img")
    page.wait_for_function(
        "(img) => img.complete && img.naturalWidth > 0", arg=picture.element_handle()
    )
    assert page.evaluate("() => scrollY") == 0
    off_screen = [s for s in ON_SCREEN if not in_first_screen(page, s)]
    assert not off_screen, f"not on the first screen at {size} size: {off_screen}"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"session-screen-{size}.png"))
    violations = axe_violations(page)
    assert not violations, json.dumps(violations, indent=1)
    page.keyboard.press("Space")
    expect(page.locator("#pause")).to_have_text("Pause")
    layouts: dict[str, Any] = page.evaluate(SAMPLE_EVERY_STEP, list(STEADY))
    assert len(set(layouts.values())) == 1, f"the controls moved: {json.dumps(layouts, indent=1)}"
    assert len(layouts) == 1


def test_pausing_keeps_the_controls_still(sized_page: tuple[str, Page]) -> None:
    size, page = sized_page
    save_profile(page, OFFICE_WORKER_PROFILE)
    _start(page, speed=5)
    boxes = [page.locator(s).bounding_box() for s in STEADY]
    for label in ("Resume", "Pause"):
        page.locator("#pause").click()
        expect(page.locator("#pause")).to_have_text(label)
        assert [page.locator(s).bounding_box() for s in STEADY] == boxes, label
    shot(page, f"session-paused-{size}")


def test_the_screen_stays_awake_only_while_the_session_runs(sized_page: tuple[str, Page]) -> None:
    _, page = sized_page
    save_profile(page, OFFICE_WORKER_PROFILE)
    _start(page, speed=5)
    page.wait_for_function("() => window.backcareWake.state === 'held'")
    page.locator("#pause").click()
    page.wait_for_function("() => window.backcareWake.state !== 'held'")
    page.locator("#pause").click()
    page.wait_for_function("() => window.backcareWake.state === 'held'")
    page.get_by_role("button", name="Finish now").click()
    page.wait_for_function("() => window.backcareWake.state !== 'held'")


def test_cues_can_be_turned_off_and_stay_off(sized_page: tuple[str, Page]) -> None:
    _, page = sized_page
    save_profile(page, OFFICE_WORKER_PROFILE)
    _start(page, speed=20)
    first = page.evaluate("() => window.backcareCues[0]")
    assert first["sound"], first
    assert first["vibrate"], first
    page.get_by_label("Cues", exact=True).uncheck()
    seen = page.evaluate("() => window.backcareCues.length")
    page.locator("#skip").click()
    page.wait_for_function(f"() => window.backcareCues.length > {seen}")
    later = page.evaluate(f"() => window.backcareCues.slice({seen})")
    assert not any(c["sound"] or c["vibrate"] or c["speech"] for c in later), later
    page.reload()
    expect(page.get_by_label("Cues", exact=True)).not_to_be_checked()
