"""Pictures move only while a session runs: pausing shows the held pose still, and
prefers-reduced-motion keeps every picture still. Keyboard and screen-reader users keep their
place: focus goes to the session after Start, to its ending after Finish, to "Saved" after Save."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from tests.web.browser_support import (
    OFFICE_WORKER_PROFILE,
    axe_violations,
    save_profile,
    shot,
)

pytestmark = pytest.mark.browser

LOADED = "(img) => img.complete && img.naturalWidth > 0"


def _picture(page: Page) -> str:
    img = page.locator("#picture-img")
    page.wait_for_function(LOADED, arg=img.element_handle())
    src: str = page.evaluate("() => document.querySelector('#picture-img').currentSrc")
    return src


def _moves(page: Page, url: str) -> bool:
    return "<animate" in page.request.get(url).text()


def test_pausing_stops_the_picture(sized_page: tuple[str, Page]) -> None:
    size, page = sized_page
    save_profile(page, OFFICE_WORKER_PROFILE)
    page.goto("/session?day=1&speed=2")
    page.get_by_role("button", name="Start session").click()
    running = _picture(page)
    assert _moves(page, running), running
    page.get_by_role("button", name="Pause").click()
    paused = _picture(page)
    assert paused.endswith("?still=true")
    assert not _moves(page, paused)
    shot(page, f"session-paused-still-{size}")
    violations = axe_violations(page)
    assert not violations, json.dumps(violations, indent=1)
    page.get_by_role("button", name="Resume").click()
    assert _picture(page) == running


def test_reduced_motion_keeps_every_picture_still(sized_page: tuple[str, Page]) -> None:
    _, page = sized_page
    page.emulate_media(reduced_motion="reduce")
    save_profile(page, OFFICE_WORKER_PROFILE)
    page.goto("/kb/bridge")
    entry = page.locator("#picture img")
    page.wait_for_function(LOADED, arg=entry.element_handle())
    assert entry.evaluate("(img) => img.currentSrc").endswith("?still=true")
    page.goto("/session?day=1&speed=2")
    page.get_by_role("button", name="Start session").click()
    still = _picture(page)
    assert still.endswith("?still=true")
    assert not _moves(page, still)
    page.emulate_media(reduced_motion="no-preference")
    page.wait_for_function("() => !document.querySelector('#picture-img').src.includes('still')")


def test_focus_follows_start_finish_and_save_by_keyboard(sized_page: tuple[str, Page]) -> None:
    _, page = sized_page
    save_profile(page, OFFICE_WORKER_PROFILE)
    page.goto("/session?day=1")
    page.locator("#start").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "phase-running"
    page.keyboard.press("Tab")  # into the session: its first control, not the page's top
    assert page.evaluate("() => document.activeElement.closest('#phase-running') !== null")
    page.locator("#finish").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#done-title")).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowRight")  # a pain score by keyboard (the radio group)
    page.locator("#save").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#saved-title")).to_be_focused()
    expect(page.locator("#saved-text")).to_contain_text("in the diary")
