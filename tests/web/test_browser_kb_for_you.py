"""With a saved profile the knowledge pages judge every entry by the plan's own rules: an entry
page says "Not for you now" and why exactly when the plan leaves it out, search results say
whether each suits the person (suitable first), and answers are whole sentences."""

from __future__ import annotations

import json
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.web.browser_support import axe_violations, save_profile, shot

pytestmark = pytest.mark.browser

PREGNANT_30_WEEKS: dict[str, Any] = {
    "age": 31,
    "sex": "female",
    "pregnancy": {"weeks": 30},
    "pain": {"areas": ["lower_back"], "score": 4, "duration_days": 20, "onset": "gradual"},
    "equipment": ["mat", "chair", "wall", "pillow"],
    "fitness": "moderate",
    "minutes_per_day": 15,
}


def _clean(page: Page) -> None:
    violations = axe_violations(page)
    assert not violations, json.dumps(violations, indent=1)


def test_entries_and_search_results_say_whether_they_suit_you(
    sized_page: tuple[str, Page],
) -> None:
    size, page = sized_page
    save_profile(page, PREGNANT_30_WEEKS)
    plan = page.request.post("/api/plan", data={"profile": PREGNANT_30_WEEKS}).json()
    excluded = {e["id"]: e["reason"] for e in plan["excluded"]}
    assert "bridge" in excluded, "the plan leaves the bridge out at 30 weeks"
    planned = plan["days"][0]["sessions"][0]["items"][0]

    page.goto("/kb/bridge")
    panel = page.locator("#suits")
    expect(panel.get_by_role("heading", name="Not for you now")).to_be_visible()
    expect(panel).to_contain_text(excluded["bridge"])
    shot(page, f"kb-bridge-not-for-you-{size}")
    _clean(page)

    page.goto(f"/kb/{planned['id']}")
    expect(page.locator("#suits")).to_contain_text("Suits you")

    page.goto("/kb?q=bridge")
    expect(page.locator("#group")).to_have_value("you")
    bridge = page.locator(".entry-list li", has=page.get_by_role("link", name="Bridge", exact=True))
    expect(bridge.locator(".not-for-you")).to_have_text("Not for you now")
    expect(bridge.locator(".why-not")).to_have_text(excluded["bridge"])
    labels = page.locator(".entry-list li").evaluate_all(
        "(rows) => rows.map((r) => r.querySelector('.not-for-you') ? 'no' : 'yes')"
    )
    assert labels == sorted(labels, key=lambda label: label == "no"), "what suits comes first"
    texts = page.locator(".entry-list .entry-text").all_inner_texts()
    assert not [t for t in texts if t.endswith("…")], "answers are whole sentences"
    shot(page, f"kb-search-for-you-{size}")
    _clean(page)

    page.goto("/kb?q=bridge&group=")
    expect(page.locator("#group")).to_have_value("")
    expect(bridge.locator(".not-for-you")).to_be_visible()  # still said, in ranking order
