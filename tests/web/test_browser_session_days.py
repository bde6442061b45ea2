"""Days and routines are addressable (``/session?day=2&slot=evening``), each routine runs on its
own, and the end of a session says honestly what was done."""

from __future__ import annotations

import json
import re
from typing import Any

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

TWO_ROUTINES: dict[str, Any] = OFFICE_WORKER_PROFILE | {"minutes_per_day": 20}
"""Twenty minutes a day: a morning and an evening routine on most days."""


def _routines(page: Page, day: int) -> dict[str, list[str]]:
    plan = page.request.post("/api/plan", data={"profile": TWO_ROUTINES}).json()
    (planned,) = [d for d in plan["days"] if d["day"] == day]
    return {s["slot"]: [i["name"] for i in s["items"]] for s in planned["sessions"]}


def _listed(page: Page) -> list[str]:
    names: list[str] = page.locator("#phase-ready ul li").all_inner_texts()
    return names


def test_a_day_and_its_routines_are_addressable(sized_page: tuple[str, Page]) -> None:
    size, page = sized_page
    save_profile(page, TWO_ROUTINES)
    routines = _routines(page, day=2)
    assert set(routines) == {"morning", "evening"}
    for slot, other in (("morning", "evening"), ("evening", "morning")):
        page.goto(f"/session?day=2&slot={slot}")
        expect(page.locator("main > .eyebrow")).to_have_text(re.compile("^Tuesday"))
        expect(page.get_by_role("heading", level=1)).to_contain_text(f"{slot} routine")
        assert _listed(page) == routines[slot]
        expect(page.get_by_role("link", name=f"the {other} routine")).to_have_attribute(
            "href", f"/session?day=2&slot={other}"
        )
    shot(page, f"session-evening-routine-{size}")
    violations = axe_violations(page)
    assert not violations, json.dumps(violations, indent=1)
    page.goto("/session?day=2")
    expect(page.locator("main > .eyebrow")).to_have_text(re.compile("^Tuesday"))
    assert _listed(page) in list(routines.values()), "one routine, not both run as one"


def test_the_end_says_what_was_done(sized_page: tuple[str, Page]) -> None:
    size, page = sized_page
    save_profile(page, TWO_ROUTINES)
    planned = _routines(page, day=2)["morning"]
    page.goto("/session?day=2&slot=morning")  # real time: nothing is done before Finish
    page.get_by_role("button", name="Start session").click()
    page.get_by_role("button", name="Finish now").click()
    expect(page.locator("#done-title")).to_have_text("Nothing done this time")
    expect(page.locator("#done-summary")).to_contain_text(f"0 of {len(planned)} exercises done")
    assert page.evaluate("() => document.activeElement.id") == "done-title"
    shot(page, f"session-nothing-done-{size}")
    page.get_by_role("button", name="Save session").click()
    expect(page.get_by_role("status")).to_contain_text("in the diary")

    page.goto("/session?day=2&slot=morning&speed=200")  # Next comes before the first ends
    page.get_by_role("button", name="Start session").click()
    page.get_by_role("button", name=re.compile("^Next")).click()  # skip the first exercise
    answer_until_done(page)
    expect(page.locator("#done-title")).to_have_text("Session ended", timeout=30_000)
    done = len(planned) - 1
    # at this speed part of the first exercise may pass before Next: said as "partly"
    expect(page.locator("#done-summary")).to_have_text(
        re.compile(rf"^{done} of {len(planned)} exercises done(, 1 partly)?\.$")
    )
    page.get_by_role("button", name="Save session").click()
    expect(page.get_by_role("status")).to_contain_text("in the diary")
    (_, saved) = page.request.get("/api/sessions").json()
    assert sum(item["status"] == "done" for item in saved["items"]) == done
    assert len(saved["items"]) == len(planned)
