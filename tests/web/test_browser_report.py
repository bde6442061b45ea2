"""The Report page in Chromium at phone and desktop size, and its PDF download."""

from __future__ import annotations

import io
import json

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.web.browser_support import OFFICE_WORKER_PROFILE, axe_violations, save_profile, shot

pytestmark = pytest.mark.browser


def test_the_report_page_shows_each_section_and_downloads_one_pdf_page(
    sized_page: tuple[str, Page],
) -> None:
    size, page = sized_page
    save_profile(page, OFFICE_WORKER_PROFILE)
    for at, answers in (("2026-11-01T08:00:00Z", [8, 7, 7]), ("2026-12-01T08:00:00Z", [3, 3, 4])):
        assert page.request.post("/api/questionnaires/peg", data={"answers": answers, "at": at}).ok
    assert page.request.post("/api/diary/pain", data={"score": 4}).ok
    stop = {"pain_before": 3, "pain_now": 6, "exercise_id": "bridge"}
    assert page.request.post("/api/programme/stop", data=stop).json()["stop"]
    page.goto("/report")
    for name in (
        "Safety check",
        "Questionnaires over time",
        "Pain",
        "Sessions",
        "Stopped for pain",
        "Sources",
    ):
        expect(page.get_by_role("heading", name=name, exact=True)).to_be_visible()
    expect(page.locator(".stops li")).to_have_count(1)
    expect(page.locator(".stops li")).to_contain_text("Bridge: pain rose from 3 to 6")
    expect(page.locator(".report-table")).to_contain_text(
        "better by at least the smallest change people notice"
    )
    violations = axe_violations(page)
    assert not violations, json.dumps(violations, indent=1)
    shot(page, f"report-{size}")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the PDF (A4)").click()
    pdf = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    assert len(pdf.pages) == 1
    text = " ".join(pdf.pages[0].extract_text().split())
    assert "Questionnaires over time" in text
    assert "Bridge: pain rose from 3 to 6" in text
