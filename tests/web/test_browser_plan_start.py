"""The plan page after STarT Back, in Chromium at phone and desktop size: a high-risk result
starts gently (every exercise's "Why" names the rule), puts the reassurance and
pain-and-worry-about-moving lessons first and suggests a physiotherapist."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from tests.web.browser_support import OFFICE_WORKER_PROFILE, axe_violations, save_profile, shot

pytestmark = pytest.mark.browser

HIGH_RISK = [1, 1, 1, 1, 1, 1, 1, 1, 4]


def test_without_startback_the_plan_invites_it(sized_page: tuple[str, Page]) -> None:
    _size, page = sized_page
    save_profile(page, OFFICE_WORKER_PROFILE)
    page.goto("/plan")
    card = page.locator(".start-card")
    expect(card.locator(".lessons-all > summary")).to_contain_text("Learn about your back")
    expect(page.get_by_role("link", name="Answer STarT Back")).to_have_attribute(
        "href", "/questionnaires"
    )
    expect(card.locator(".lessons li > details > summary").first).to_have_text("Keep active")


def test_a_high_risk_result_starts_gently_with_lessons_and_a_physiotherapist(
    sized_page: tuple[str, Page],
) -> None:
    size, page = sized_page
    save_profile(page, OFFICE_WORKER_PROFILE)
    assert page.request.post("/api/questionnaires/startback", data={"answers": HIGH_RISK}).ok
    page.goto("/plan")
    card = page.locator(".start-card")
    expect(card).to_contain_text("Where you start · STarT Back high risk")
    expect(card.get_by_role("heading", name="Starting gently")).to_be_visible()
    card.locator(".lessons-all > summary").click()
    expect(card.locator(".physio")).to_contain_text("see a physiotherapist")
    expect(card.locator(".lessons li > details > summary")).to_have_text(
        ["What your symptoms mean", "Pain and worry about moving", "Keep active"]
    )
    lesson = card.locator(".lessons details").first
    expect(lesson.locator("p").first).to_be_hidden()
    lesson.locator("summary").click()
    expect(lesson).to_contain_text("reassurance about their symptoms")
    why = page.locator(".today-card .why, .week .why").first
    expect(why).to_contain_text("Starting gently because your STarT Back result was high risk")
    violations = axe_violations(page)
    assert not violations, json.dumps(violations, indent=1)
    shot(page, f"plan-start-high-risk-{size}")
