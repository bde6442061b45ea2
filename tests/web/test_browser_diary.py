"""A wrong pain score can be put right on the diary page: corrected, or deleted and the delete
undone; the chart, the averages and the alerts are drawn again from the corrected diary."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import Page, expect

from tests.web.browser_support import (
    OFFICE_WORKER_PROFILE,
    axe_violations,
    save_profile,
    shot,
)
from tests.web.test_api_diary import SESSION

pytestmark = pytest.mark.browser


def _log(page: Page, score: int, days_ago: float, note: str | None = None) -> None:
    at = (datetime.now(UTC) - timedelta(days=days_ago)).isoformat()
    body = {"score": score, "areas": ["lower_back"], "note": note, "at": at}
    assert page.request.post("/api/diary/pain", data=body).ok


def _average(page: Page) -> str:
    return page.locator(".stat", has_text="7-day average").locator("b").inner_text()


def _clean(page: Page) -> None:
    violations = axe_violations(page)
    assert not violations, json.dumps(violations, indent=1)


def test_a_wrong_score_is_corrected_or_deleted_with_undo(sized_page: tuple[str, Page]) -> None:
    size, page = sized_page
    save_profile(page, OFFICE_WORKER_PROFILE)
    _log(page, 2, days_ago=10)
    _log(page, 9, days_ago=1, note="meant 1")
    page.goto("/diary")
    assert _average(page) == "9.0"
    entries = page.locator(".entries .entry")
    expect(entries).to_have_count(2)

    entries.first.get_by_role("link", name=re.compile("^Correct the entry of")).click()
    form = page.locator("form", has=page.get_by_role("heading", name=re.compile("^Correct")))
    expect(form).to_be_visible()
    expect(form.locator('input[name="score"][value="9"]')).to_be_checked()
    expect(form.locator("#note")).to_have_value("meant 1")
    shot(page, f"diary-correct-{size}")
    _clean(page)
    form.locator("label.choice.score", has_text=re.compile("^1$")).click()
    form.get_by_role("button", name="Save the correction").click()
    expect(page.get_by_role("status").first).to_contain_text("Entry corrected")
    assert _average(page) == "1.0"
    expect(page.locator("#pain-chart-desc")).to_contain_text("7-day average 1.0")
    expect(page.locator(".alert.good")).to_have_count(1)  # a drop from 2 to 1 is news worth telling
    expect(entries.first.locator(".entry-score")).to_have_text("1")

    entries.first.get_by_role("button", name=re.compile("^Delete the entry of")).click()
    undo = page.locator("form.undo")
    expect(undo).to_contain_text("Entry deleted: 1/10")
    expect(entries).to_have_count(1)
    assert _average(page) == "–"
    shot(page, f"diary-deleted-{size}")
    _clean(page)
    undo.get_by_role("button", name="Undo").click()
    expect(page.get_by_role("status").first).to_contain_text("Entry put back")
    expect(entries).to_have_count(2)
    expect(entries.first).to_contain_text("meant 1")
    assert _average(page) == "1.0"


def test_a_deleted_session_takes_its_pain_from_the_diary(sized_page: tuple[str, Page]) -> None:
    size, page = sized_page
    save_profile(page, OFFICE_WORKER_PROFILE)
    _log(page, 4, days_ago=2, note="my own rating")
    started = datetime.now(UTC) - timedelta(hours=3)
    session = SESSION | {
        "started_at": started.isoformat(),
        "ended_at": (started + timedelta(minutes=12)).isoformat(),
        "pain_before": 7,
        "pain_after": 5,
    }
    assert page.request.post("/api/sessions", data=session).ok
    page.goto("/diary")
    entries = page.locator(".entries .entry")
    expect(entries).to_have_count(3)
    page.get_by_role("button", name=re.compile("^Delete the session of")).click()
    expect(page.get_by_role("status").first).to_contain_text(
        "Session deleted, with its pain before and after"
    )
    expect(entries).to_have_count(1)
    expect(entries.first).to_contain_text("my own rating")
    expect(page.locator("#pain-chart-desc")).not_to_contain_text("7 on")
    shot(page, f"diary-session-deleted-{size}")
    _clean(page)
