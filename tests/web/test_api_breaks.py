"""``/api/breaks/…``: the week's statistics, "did you move?", break settings, and the export."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from backcare.config import load_settings
from backcare.errors import InputError

KEYS = {"date", "due", "taken", "postponed", "skipped", "longest_sitting_minutes", "minutes_moved"}


def test_stats_follow_the_contract_and_count_answers(client: TestClient) -> None:
    now = datetime.now(UTC)
    taken = client.post(
        "/api/breaks",
        json={"outcome": "taken", "at": now.isoformat(), "minutes": 5, "sat_minutes": 42},
    )
    assert taken.status_code == 201
    client.post("/api/breaks", json={"outcome": "postponed", "sat_minutes": 30})
    client.post("/api/breaks", json={"outcome": "skipped", "sat_minutes": 55})
    answered = client.patch(f"/api/breaks/{taken.json()['id']}", json={"moved": True})
    assert answered.json()["moved"] is True
    body = client.get("/api/breaks/stats", params={"tz": "UTC"}).json()
    assert len(body["days"]) == 7
    assert all(set(day) == KEYS for day in body["days"])
    assert body["days"][-1]["date"] == now.date().isoformat()
    assert body["week"] == {
        "due": 2,
        "taken": 1,
        "postponed": 1,
        "skipped": 1,
        "longest_sitting_minutes": 55,
        "minutes_moved": 5,
    }


def test_answering_no_turns_a_taken_break_into_a_skip(client: TestClient) -> None:
    taken = client.post("/api/breaks", json={"outcome": "taken", "minutes": 5}).json()
    assert client.patch(f"/api/breaks/{taken['id']}", json={"moved": False}).status_code == 200
    week = client.get("/api/breaks/stats").json()["week"]
    assert (week["taken"], week["skipped"], week["minutes_moved"]) == (0, 1, 0)


def test_did_you_move_needs_a_taken_break_of_yours(client: TestClient) -> None:
    skipped = client.post("/api/breaks", json={"outcome": "skipped"}).json()
    assert client.patch(f"/api/breaks/{skipped['id']}", json={"moved": True}).status_code == 404
    assert client.patch("/api/breaks/999", json={"moved": True}).status_code == 404
    assert client.patch("/api/breaks/1", json={"moved": "maybe"}).status_code == 422


def test_bad_stats_time_zone_and_break_minutes_are_422(client: TestClient) -> None:
    assert client.get("/api/breaks/stats", params={"tz": "Mars/Olympus"}).status_code == 422
    bad = client.post("/api/breaks", json={"outcome": "taken", "minutes": -1})
    assert bad.status_code == 422


def test_break_settings_are_stored_checked_and_exported(client: TestClient) -> None:
    assert client.get("/api/breaks/settings").json() == {
        "quiet_hours": "",
        "skip_limit": None,
        "configured_quiet_hours": "",
    }
    saved = client.put("/api/breaks/settings", json={"quiet_hours": "12:00-13:00", "skip_limit": 3})
    assert saved.json()["quiet_hours"] == "12:00-13:00"
    refused = client.put("/api/breaks/settings", json={"quiet_hours": "lunch"})
    assert refused.status_code == 422
    assert "quiet_hours" in refused.text
    assert client.put("/api/breaks/settings", json={"skip_limit": 0}).status_code == 422
    client.post("/api/breaks", json={"outcome": "taken", "minutes": 5, "sat_minutes": 20})
    export = client.get("/api/export").json()
    assert export["break_settings"] == {"quiet_hours": "12:00-13:00", "skip_limit": 3}
    assert export["breaks"][0]["minutes"] == 5
    assert client.delete("/api/me/data").status_code == 200
    assert client.get("/api/breaks/settings").json()["quiet_hours"] == ""
    export["exported_at"] = datetime.now(UTC).isoformat()
    assert client.post("/api/import", json=export).status_code == 201
    assert client.get("/api/breaks/settings").json()["skip_limit"] == 3
    assert client.get("/api/export").json()["breaks"][0]["sat_minutes"] == 20


def test_quiet_hours_from_the_environment_are_checked() -> None:
    settings = load_settings({"BACKCARE_HOME": "/tmp/x", "BACKCARE_QUIET_HOURS": "9:00-9:30"})
    assert settings.quiet_hours == "09:00-09:30"
    with pytest.raises(InputError, match="BACKCARE_QUIET_HOURS"):
        load_settings({"BACKCARE_HOME": "/tmp/x", "BACKCARE_QUIET_HOURS": "9-10"})


def test_a_week_ago_is_outside_the_seven_days(client: TestClient) -> None:
    old = datetime.now(UTC) - timedelta(days=8)
    client.post("/api/breaks", json={"outcome": "taken", "at": old.isoformat(), "minutes": 5})
    assert client.get("/api/breaks/stats").json()["week"]["due"] == 0
