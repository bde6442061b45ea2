"""``/api/questionnaires``: the same contracts as the CLI, and 422s that name the answer."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.test_api import error_fields


def test_startback_through_the_api_is_scored_saved_and_listed(client: TestClient) -> None:
    response = client.post(
        "/api/questionnaires/startback", json={"answers": [1, 1, 1, 1, 1, 1, 0, 0, 3]}
    )
    assert response.status_code == 201, response.text
    saved = response.json()
    assert {k: saved[k] for k in ("instrument", "total", "psychosocial", "risk")} == {
        "instrument": "startback",
        "total": 7,
        "psychosocial": 3,
        "risk": "medium",
    }
    assert saved["advice"]["physiotherapist"] is True
    assert client.get("/api/questionnaires").json() == [saved]


def test_peg_history_carries_the_change_since_the_first(client: TestClient) -> None:
    client.post("/api/questionnaires/peg", json={"answers": [8, 7, 6], "at": "2026-11-01T08:00Z"})
    latest = client.post("/api/questionnaires/peg", json={"answers": [4, 4, 4]}).json()
    assert latest["score"] == 4
    assert latest["change"]["verdict"] == "better"
    client.post("/api/questionnaires/psfs", json={"answers": [2], "activities": ["running"]})
    history = client.get("/api/questionnaires", params={"instrument": "peg"}).json()
    assert [q["score"] for q in history] == [7, 4]


def test_a_wrong_answer_is_a_422_naming_it_and_saves_nothing(client: TestClient) -> None:
    bad = client.post("/api/questionnaires/startback", json={"answers": [0] * 8 + [7]})
    assert error_fields(bad) == [("body", "answers", 8)]
    assert "not an answer to item 9" in bad.json()["detail"][0]["msg"]
    short = client.post("/api/questionnaires/peg", json={"answers": [1, 2]})
    assert error_fields(short) == [("body", "answers")]
    unnamed = client.post("/api/questionnaires/psfs", json={"answers": [3, 4]})
    assert error_fields(unnamed) == [("body", "activities")]
    unknown = client.post("/api/questionnaires/oswestry", json={"answers": [1]})
    assert error_fields(unknown) == [("path", "instrument")]
    assert client.get("/api/questionnaires").json() == []
