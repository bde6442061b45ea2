"""The web check-in keeps answers (health data) out of URLs, browser history and every log
line (issue 22, class 6): answers are POSTed and kept in a signed HttpOnly cookie; the URL
only says which step it is."""

from __future__ import annotations

import logging
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from backcare.web.routes.pages_checkin import DRAFT_COOKIE

PERSON: dict[str, Any] = {
    "age": "47",
    "sex": "male",
    "pain.areas": ["lower_back"],
    "pain.score": "5",
    "pain.duration_days": "4321",
    "symptoms.leg_numbness_or_pain": "yes",
}
"""Answers distinctive enough to find in a log line or a URL if they leaked there."""
LEAKS = re.compile(r"4321|lower_back|leg_numbness|pain\.|symptoms\.|answers=")


def fields_on(page: str) -> tuple[str, str, list[str]]:
    step = re.search(r'name="step" value="(\d+)"', page)
    screen = re.search(r'name="screen" value="([^"]+)"', page)
    keys = re.findall(r'<input id="[^"]*" name="([^"]+)" type="number"', page)
    keys += re.findall(r'type="(?:radio|checkbox)" name="([^"]+)"', page)
    assert step, page[:500]
    assert screen, page[:500]
    return step.group(1), screen.group(1), list(dict.fromkeys(keys))


def answer(client: TestClient, page: str) -> Any:
    step, screen, keys = fields_on(page)
    form: dict[str, Any] = {"step": step, "screen": screen}
    for key in keys:
        form[key] = PERSON.get(key, "no" if "symptoms." in key or key == "pregnant" else "")
    return client.post("/check-in/step", data=form, follow_redirects=False)


def test_a_whole_check_in_puts_no_answer_in_a_url_or_a_log_line(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    urls: list[str] = []
    page = client.get("/check-in")
    for _ in range(30):
        if "See my result" in page.text:
            break
        assert page.status_code == 200, page.text[:300]
        posted = answer(client, page.text)
        assert posted.status_code == 303
        urls.append(posted.headers["location"])
        assert "httponly" in posted.headers["set-cookie"].lower()
        assert "samesite=strict" in posted.headers["set-cookie"].lower()
        page = client.get(posted.headers["location"])
    else:
        raise AssertionError("the check-in did not end")
    assert all(re.fullmatch(r"/check-in\?step=\d+", url) for url in urls), urls
    saved = client.post("/check-in", follow_redirects=False)
    assert saved.headers["location"] == "/result"
    profile = client.get("/api/profile").json()["profile"]
    assert profile["age"] == 47
    assert profile["pain"]["duration_days"] == 4321
    assert profile["symptoms"]["leg_numbness_or_pain"] is True
    assert DRAFT_COOKIE not in client.cookies
    leaked = [r.getMessage() for r in caplog.records if LEAKS.search(r.getMessage())]
    assert leaked == []


def test_back_shows_the_earlier_answers_and_a_tampered_draft_starts_afresh(
    client: TestClient,
) -> None:
    first = client.get("/check-in")
    second = client.get(answer(client, first.text).headers["location"])
    assert fields_on(second.text)[0] == "1"
    back = client.get("/check-in?step=0")
    assert 'value="47"' in back.text
    assert re.search(r'value="male"\s+checked', back.text)
    client.cookies.clear()
    client.cookies.set(DRAFT_COOKIE, "forged")
    assert fields_on(client.get("/check-in?step=5").text)[0] == "0"


def test_a_bad_answer_is_shown_again_without_a_redirect(client: TestClient) -> None:
    first = client.get("/check-in")
    step, screen, _keys = fields_on(first.text)
    refused = client.post(
        "/check-in/step", data={"step": step, "screen": screen, "age": "140", "sex": "male"}
    )
    assert refused.status_code == 422
    assert "a number from 0 to 120 is needed" in refused.text
    assert 'value="140"' in refused.text


def test_changing_an_earlier_answer_keeps_the_later_ones_filled_in(client: TestClient) -> None:
    page = client.get("/check-in")
    for _ in range(3):  # about you, conditions, pain
        page = client.get(answer(client, page.text).headers["location"])
    assert fields_on(page.text)[0] == "3"
    back = client.get("/check-in?step=0")  # change the age, then come round again
    step, screen, _keys = fields_on(back.text)
    conditions = client.post(
        "/check-in/step", data={"step": step, "screen": screen, "age": "48", "sex": "male"}
    )  # followed to the next screen
    pain = client.get(answer(client, conditions.text).headers["location"])
    assert fields_on(pain.text)[1] == "pain"
    assert re.search(r'value="lower_back"\s+checked', pain.text), "filled in again"
    assert 'value="5"' in pain.text
