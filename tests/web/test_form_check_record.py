"""What "Check my form" keeps: the repetitions counted and the ids of the cues shown, with the
session record, where the person sees them (the diary) and can delete them. Anything more (a
landmark, a picture) is refused; the session page alone may compile the pose model's wasm."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.web.test_api import OFFICE_WORKER, error_fields
from tests.web.test_api_diary import SESSION

FORM = {"reps": 7, "cues": ["straight-line", "lower-slowly"]}
WITH_FORM = SESSION | {
    "items": [{"id": "bridge", "status": "done", "sets_done": 3, "form_check": FORM}]
}


def test_the_counts_and_cues_are_kept_seen_and_deleted(client: TestClient) -> None:
    client.put("/api/profile", json=OFFICE_WORKER)
    saved = client.post("/api/sessions", json=WITH_FORM)
    assert saved.status_code == 201
    assert client.get("/api/sessions").json()[0]["items"][0]["form_check"] == FORM
    diary = client.get("/diary").text
    assert "Camera, Bridge: 7 repetitions counted" in diary
    assert "Lift your hips until shoulders, hips and thighs form a straight line" in diary
    assert len(client.get("/api/diary/pain").json()["pain"]) == 2  # pain before and after
    assert client.delete(f"/api/sessions/{saved.json()['id']}").status_code == 204
    assert client.get("/api/sessions").json() == []
    assert client.get("/api/diary/pain").json()["pain"] == []
    assert client.delete(f"/api/sessions/{saved.json()['id']}").status_code == 404


def test_the_diary_deletes_a_session_with_its_pain(client: TestClient) -> None:
    client.put("/api/profile", json=OFFICE_WORKER)
    own = client.post("/api/diary/pain", json={"score": 6, "note": "woke up stiff"}).json()
    record = client.post("/api/sessions", json=WITH_FORM).json()
    page = client.post(f"/diary/sessions/{record['id']}/delete", follow_redirects=True)
    assert (
        "Session deleted, with its pain before and after and anything the camera counted in it."
        in page.text
    )
    assert "Before a session" not in page.text
    assert client.get("/api/sessions").json() == []
    assert client.get("/api/diary/pain").json()["pain"] == [own["entry"]]


def test_a_session_without_the_camera_reads_as_before(client: TestClient) -> None:
    client.post("/api/sessions", json=SESSION)
    assert "form_check" not in client.get("/api/sessions").json()[0]["items"][0]


@pytest.mark.parametrize(
    ("form", "field"),
    [
        ({"reps": -1}, ("reps",)),
        ({"reps": 2, "cues": ["Keep your hips level"]}, ("cues", 0)),
        ({"reps": 2, "landmarks": [[0.4, 0.2, 1.0]]}, ("landmarks",)),
        ({"reps": 2, "video": "data:video/webm;base64,AAAA"}, ("video",)),
    ],
)
def test_nothing_but_counts_and_cue_ids_is_accepted(
    client: TestClient, form: dict[str, Any], field: tuple[str | int, ...]
) -> None:
    body = SESSION | {"items": [{"id": "bridge", "status": "done", "form_check": form}]}
    named = ("body", "items", 0, "form_check", *field)
    assert named in error_fields(client.post("/api/sessions", json=body))


def test_only_the_session_page_may_compile_webassembly(client: TestClient) -> None:
    client.put("/api/profile", json=OFFICE_WORKER)
    session = client.get("/session").headers["content-security-policy"]
    assert "script-src 'self' 'wasm-unsafe-eval';" in session
    for path in ("/plan", "/diary", "/static/formcheck.js"):
        assert "wasm-unsafe-eval" not in client.get(path).headers["content-security-policy"]
