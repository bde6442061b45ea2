"""The questionnaire pages in Chromium at phone and desktop size: STarT Back answered on the
page with its notice shown, a PEG result compared with the first, the scores on the diary chart,
and a missing answer named with nothing saved."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from tests.web.browser_support import axe_violations, shot

pytestmark = pytest.mark.browser


def _answer(page: Page, answers: list[int]) -> None:
    for number, value in enumerate(answers, start=1):
        page.locator(f"input[name=q{number}][value='{value}']").check()
    page.get_by_role("button", name="Save my answers").click()


def test_startback_on_the_page_gives_the_risk_and_the_advice(sized_page: tuple[str, Page]) -> None:
    size, page = sized_page
    page.goto("/questionnaires/startback")
    expect(page.get_by_text("Keele University, the development of which")).to_be_visible()
    expect(page.locator("legend")).to_have_count(9)
    _answer(page, [1, 0, 1, 0, 1, 1, 1, 1, 4])
    result = page.locator("#result")
    expect(result).to_contain_text("High risk · total 7/9 · psychosocial 5/5")
    expect(result).to_contain_text("We suggest you see a physiotherapist.")
    violations = axe_violations(page)
    assert not violations, json.dumps(violations, indent=1)
    shot(page, f"questionnaire-startback-result-{size}")


def test_a_second_peg_is_judged_against_the_first_and_drawn_on_the_diary(
    sized_page: tuple[str, Page],
) -> None:
    size, page = sized_page
    assert page.request.post(
        "/api/questionnaires/peg", data={"answers": [7, 7, 7], "at": "2026-12-01T08:00:00Z"}
    ).ok
    page.goto("/questionnaires/peg")
    _answer(page, [4, 4, 4])
    expect(page.locator("#result")).to_contain_text(
        "Your PEG score went from 7.0 to 4.0: better by at least the smallest change"
    )
    page.goto("/diary")
    marks = page.locator("svg.chart .q-peg")
    expect(marks).to_have_count(2)
    shot(page, f"diary-with-questionnaires-{size}")


def test_a_missing_answer_is_named_and_nothing_is_saved(sized_page: tuple[str, Page]) -> None:
    _size, page = sized_page
    page.goto("/questionnaires/psfs")
    page.locator("#activity1").fill("carrying shopping")
    page.locator("form.questionnaire").evaluate("form => form.noValidate = true")
    page.get_by_role("button", name="Save my answers").click()
    expect(page.get_by_role("alert")).to_have_text("Please answer item 1.")
    assert page.request.get("/api/questionnaires").json() == []
