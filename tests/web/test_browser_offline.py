"""Offline: every page the person has visited opens again without the server, every picture of
a started session is there, and a pain entry made offline waits on the device and is saved once
when the app is reachable again (never twice, even if it is sent again)."""

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

VISITED = {
    "/": "Your plan for the week",
    "/plan": "Your plan for the week",
    "/diary": "How your back is doing",
    "/kb": "Everything backcare knows",
    "/kb/bridge": "Bridge",
    "/welcome": "Gentle, safe help for your back",
}
ALL_PICTURES_KEPT = """async () => {
  const urls = window.backcareSession.items.map((i) => `/api/kb/${i.id}/picture.svg`);
  return (await Promise.all(urls.map((u) => caches.match(u)))).every(Boolean);
}"""
PICTURES_OFFLINE = """async () => {
  const urls = window.backcareSession.items.map((i) => `/api/kb/${i.id}/picture.svg`);
  const answers = await Promise.all(urls.map((u) => fetch(u).then((r) => r.ok, () => false)));
  return [urls.length, answers.filter(Boolean).length];
}"""


def _pain(page: Page) -> list[dict[str, object]]:
    entries: list[dict[str, object]] = page.request.get("/api/diary/pain").json()["pain"]
    return entries


def test_visited_pages_work_offline_and_pain_logged_offline_is_saved_once(
    sized_page: tuple[str, Page],
) -> None:
    size, page = sized_page
    save_profile(page, OFFICE_WORKER_PROFILE)
    assert page.request.post("/api/diary/pain", data={"score": 4}).ok
    page.goto("/plan")
    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=10_000)
    for url in VISITED:
        page.goto(url)
    page.goto("/session?day=1&slot=morning&speed=1")
    page.get_by_role("button", name="Start session").click()
    page.wait_for_function(ALL_PICTURES_KEPT, timeout=10_000)

    page.context.set_offline(True)
    for url, heading in VISITED.items():
        page.goto(url)
        expect(page.locator("main h1, .hero h1").first).to_contain_text(heading)
    page.goto("/session?day=1&slot=morning&speed=1")
    total, loaded = page.evaluate(PICTURES_OFFLINE)
    assert loaded == total > 1, "every picture of the session, not just the first"

    page.goto("/diary")
    form = page.locator("#log-form")
    form.locator("label.choice.score", has_text="6").click()
    form.get_by_label("Note").fill("logged on the train")
    form.get_by_role("button", name="Log pain").click()
    note = page.locator("#outbox-note")
    expect(note).to_contain_text("1 pain entry is saved on this device")
    expect(note).to_be_focused()
    shot(page, f"diary-offline-queued-{size}")
    violations = axe_violations(page)
    assert not violations, json.dumps(violations, indent=1)

    page.context.set_offline(False)
    page.wait_for_function("() => window.backcareOutbox.pending() === 0", timeout=10_000)
    expect(note).to_be_hidden()
    assert [(p["score"], p["note"]) for p in _pain(page)] == [(4, None), (6, "logged on the train")]

    sent_again = {k: _pain(page)[-1][k] for k in ("score", "areas", "note", "at")}
    page.evaluate(
        "async (body) => { window.backcareOutbox.add(body, '/api/diary/pain');"
        " await window.backcareOutbox.flush(); }",
        sent_again,
    )
    assert page.evaluate("() => window.backcareOutbox.pending()") == 0
    assert len(_pain(page)) == 2, "an entry sent twice is saved once"
