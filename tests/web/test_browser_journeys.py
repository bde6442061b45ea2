"""The web app in a real Chromium: the whole journey, the warning-sign journey, the keyboard."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.web.browser_support import (
    OFFICE_WORKER,
    answer_screen,
    answer_until_done,
    check_in,
    disclaimer_count,
    shot,
)

pytestmark = pytest.mark.browser


def test_full_journey_check_in_plan_session_and_diary(page: Page) -> None:
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Gentle, safe help")
    assert disclaimer_count(page) == 1
    page.get_by_role("link", name="Start the check-in").click()

    screens = check_in(page, OFFICE_WORKER)
    assert ["age", "sex"] in screens
    assert not any("pregnancy.weeks" in keys for keys in screens), "asked a follow-up not needed"
    page.get_by_role("button", name="See my result").click()

    expect(page).to_have_url(re.compile(r"/result$"))
    expect(page.get_by_role("heading", name="No sign that needs a doctor now")).to_be_visible()
    assert disclaimer_count(page) == 1
    page.get_by_role("link", name="See my plan").click()

    expect(page).to_have_url(re.compile(r"/plan$"))
    today = page.locator(".day.today")
    expect(today).to_have_count(1)
    expect(today.get_by_text("Today")).to_be_visible()
    expect(page.locator(".item .why").first).not_to_be_empty()
    expect(page.get_by_role("heading", name="Left out for you, and why")).to_be_visible()
    start = page.get_by_role("link", name="Start today's session")
    href = start.get_attribute("href")
    assert href is not None
    assert href.startswith("/session?day=")

    page.goto(href + "&speed=400")
    page.get_by_role("group", name=re.compile("How bad is your pain right now")).get_by_role(
        "radio", name="4", exact=True
    ).check()
    page.get_by_role("button", name="Start session").click()
    expect(page.locator("#phase-running")).to_be_visible()
    answer_until_done(page)
    expect(page.get_by_role("heading", name="Well done")).to_be_visible(timeout=15_000)
    expect(page.locator("#done-summary")).to_contain_text("exercises done")
    page.locator("#pain-after").get_by_role("radio", name="2", exact=True).check()
    page.get_by_role("button", name="Save session").click()
    expect(page.get_by_role("status")).to_contain_text("in the diary")
    expect(page.get_by_role("link", name="Open the diary")).to_be_visible()

    sessions = page.request.get("/api/sessions").json()
    assert len(sessions) == 1
    assert (sessions[0]["pain_before"], sessions[0]["pain_after"]) == (4, 2)
    assert all(item["status"] == "done" for item in sessions[0]["items"])

    page.goto("/plan")
    habits = page.locator(".advice-section", has=page.get_by_role("heading", name="Habits"))
    habits.get_by_role("button", name="Done today").first.click()
    expect(page.get_by_text("✓ Done today")).to_have_count(1)

    page.get_by_role("link", name="Diary").click()
    expect(page.locator(".stat", has_text="Habits ticked")).to_contain_text("1")
    page.locator("form").get_by_role("radio", name="5", exact=True).check()
    page.get_by_role("checkbox", name="Lower back").check()
    page.get_by_label("Note").fill("Stiff after a long meeting")
    page.get_by_role("button", name="Log pain").click()
    expect(page.get_by_text("Pain logged")).to_be_visible()
    expect(page.locator(".entries .entry").first).to_contain_text(
        "lower back · Stiff after a long meeting"
    )
    # the session's pain before (4) and after (2) is in the diary with the rating logged here
    expect(page.locator("circle.pain-dot")).to_have_count(3)
    expect(page.locator("rect.session-bar")).to_have_count(1)
    expect(page.get_by_text("pain 4 → 2")).to_be_visible()
    shot(page, "journey-diary-desktop")

    page.goto("/")  # a returning visitor goes straight to the plan
    expect(page).to_have_url(re.compile(r"/plan$"))
    page.get_by_role("link", name="Check in again").click()  # the last answers are filled in
    expect(page.locator('input[name="age"]')).to_have_value("34")
    assert page.is_checked('input[name="sex"][value="female"]')


def test_warning_sign_journey_offers_no_exercise(page: Page) -> None:
    page.goto("/check-in")
    screens = check_in(
        page,
        {
            "age": 52,
            "sex": "male",
            "pain.areas": ["lower_back"],
            "pain.score": 5,
            "symptoms.saddle_numbness": "yes",
        },
    )
    assert screens[-1][0] == "symptoms.saddle_numbness", "the check-in stops at the warning sign"
    expect(page.get_by_role("alert")).to_contain_text("Please stop here")
    page.get_by_role("button", name="See my result").click()

    panel = page.locator(".panel.emergency")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("Call an ambulance")
    expect(page.locator("main")).to_contain_text("numbness between your legs")
    expect(page.get_by_role("link", name="See my plan")).to_have_count(0)
    shot(page, "warning-result-desktop")

    page.goto("/plan")
    expect(page.locator(".panel.emergency")).to_be_visible()
    expect(page.get_by_role("link", name="Start today's session")).to_have_count(0)
    expect(page.locator(".day")).to_have_count(0)
    page.goto("/session")
    expect(page.locator(".panel.emergency")).to_be_visible()
    expect(page.get_by_role("button", name="Start session")).to_have_count(0)


def _tab_to(page: Page, selector: str, presses: int = 40) -> None:
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_check_in_by_keyboard_alone_and_back_keeps_answers(page: Page) -> None:
    page.goto("/check-in")
    _tab_to(page, 'input[name="age"]')
    page.keyboard.type("41")
    _tab_to(page, 'input[name="sex"]')
    page.keyboard.press("Space")  # the first option: female
    assert page.is_checked('input[name="sex"][value="female"]')
    outline = page.evaluate(
        "() => getComputedStyle(document.activeElement.nextElementSibling).outlineStyle"
    )
    assert outline != "none", "the focused choice shows a focus ring"
    _tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("About you")
    _tab_to(page, 'input[name="pregnant"]')
    page.keyboard.press("ArrowRight")  # yes → no
    assert page.is_checked('input[name="pregnant"][value="no"]')
    _tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("After a birth")

    _tab_to(page, "a.button.secondary")  # Back
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("About you")
    assert page.is_checked('input[name="pregnant"][value="no"]'), "going back keeps the answer"
    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_have_text("After a birth")
    page.go_back()
    page.go_back()
    expect(page.locator('input[name="age"]')).to_be_visible()


def test_a_bad_answer_is_named_and_kept(page: Page) -> None:
    page.goto("/check-in")
    answer_screen(page, {"age": 140, "sex": "male"})
    expect(page.get_by_role("alert")).to_contain_text("a number from 0 to 120 is needed")
    expect(page.locator('input[name="age"]')).to_have_value("140")
    assert page.is_checked('input[name="sex"][value="male"]')
