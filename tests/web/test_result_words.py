"""The result page and the plan page say each instruction once: the advice paragraph holds what
to do, and a warning sign repeats its own action only when it adds something."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient

LONG_PAIN = {
    "age": 40,
    "sex": "male",
    "pain": {"areas": ["lower_back"], "score": 4, "duration_days": 120, "onset": "gradual"},
}
SEVERE_TODAY = {
    "age": 34,
    "sex": "female",
    "pain": {"areas": ["lower_back"], "score": 8, "duration_days": 1, "onset": "sudden"},
}


def _page_text(client: TestClient, profile: dict[str, object], path: str) -> str:
    assert client.put("/api/profile", json=profile).status_code == 200
    page = client.get(path)
    assert page.status_code == 200, page.text[:300]
    return html.unescape(re.sub(r"\s+", " ", page.text))


@pytest.mark.parametrize("path", ["/result", "/plan"])
def test_a_booked_appointment_is_said_once(client: TestClient, path: str) -> None:
    text = _page_text(client, LONG_PAIN, path)
    assert text.count("Book an appointment with your doctor; it does not need to be today.") == 1
    assert "We noticed pain for 120 days." in text


def test_severe_pain_today_says_check_again_once_and_keeps_its_own_note(
    client: TestClient,
) -> None:
    text = _page_text(client, SEVERE_TODAY, "/result")
    assert text.lower().count("check again if anything changes") == 1
    assert text.count("Hold off the exercises until the worst pain eases") == 1
    assert "We noticed severe pain right now (8 out of 10)." in text
