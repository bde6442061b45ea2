"""The personal API: pain diary and its alerts, sessions, breaks and the stored profile."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.web.test_api import CAUDA_EQUINA, OFFICE_WORKER, error_fields

START = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
SESSION = {
    "plan_day": 2,
    "week": 1,
    "started_at": START.isoformat(),
    "ended_at": (START + timedelta(minutes=12)).isoformat(),
    "items": [{"id": "bridge", "status": "done", "sets_done": 3}],
    "pain_before": 5,
    "pain_after": 3,
}


def ago(**delta: float) -> str:
    return (datetime.now(UTC) - timedelta(**delta)).isoformat()


def test_logged_pain_comes_back_with_its_id_and_in_the_diary(client: TestClient) -> None:
    response = client.post(
        "/api/diary/pain", json={"score": 6, "areas": ["lower_back"], "note": "after gardening"}
    )
    assert response.status_code == 201
    entry = response.json()["entry"]
    assert (entry["score"], entry["areas"], entry["note"]) == (6, ["lower_back"], "after gardening")
    diary = client.get("/api/diary/pain").json()
    assert diary["pain"] == [entry]
    assert diary["seven_day_average"] == 6


def test_pain_past_three_months_alerts_when_logged(client: TestClient) -> None:
    client.post("/api/diary/pain", json={"score": 5, "at": ago(days=100)})
    alerts = client.post("/api/diary/pain", json={"score": 5}).json()["alerts"]
    assert [alert["kind"] for alert in alerts] == ["chronic_pain"]


def test_seven_day_averages_compare_this_week_with_the_last(client: TestClient) -> None:
    for score, days in ((8, 10), (6, 9), (3, 2), (2, 1)):
        client.post("/api/diary/pain", json={"score": score, "at": ago(days=days)})
    diary = client.get("/api/diary/pain").json()
    assert (diary["seven_day_average"], diary["previous_seven_day_average"]) == (2.5, 7)
    assert "improving" in [alert["kind"] for alert in diary["alerts"]]


def test_new_leg_pain_alerts_on_its_own_entry_not_on_the_next(client: TestClient) -> None:
    def leg_alert(entry: dict[str, Any]) -> bool:
        alerts = client.post("/api/diary/pain", json=entry).json()["alerts"]
        return "new_leg_symptoms" in [alert["kind"] for alert in alerts]

    assert not leg_alert({"score": 4, "areas": ["lower_back"]})
    assert leg_alert({"score": 6, "areas": ["lower_back", "leg_sciatica"]})
    assert not leg_alert({"score": 3})
    assert not leg_alert({"score": 5, "areas": ["leg_sciatica"]})


def test_diary_since_keeps_only_newer_entries(client: TestClient) -> None:
    for days in (20, 1):
        client.post("/api/diary/pain", json={"score": 3, "at": ago(days=days)})
    diary = client.get("/api/diary/pain", params={"since": ago(days=7)}).json()
    assert len(diary["pain"]) == 1


def test_a_new_warning_sign_in_the_profile_is_a_diary_alert(client: TestClient) -> None:
    client.put("/api/profile", json=OFFICE_WORKER)
    client.put("/api/profile", json=OFFICE_WORKER | CAUDA_EQUINA)
    alerts = client.get("/api/diary/pain").json()["alerts"]
    assert "cauda_equina" in [alert.get("flag_id") for alert in alerts]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, ("body", "score")),
        ({"score": 11}, ("body", "score")),
        ({"score": -1}, ("body", "score")),
        ({"score": "bad"}, ("body", "score")),
        ({"score": 3, "areas": ["elbow"]}, ("body", "areas", 0)),
        ({"score": 3, "note": "x" * 2001}, ("body", "note")),
        ({"score": 3, "at": "yesterday"}, ("body", "at")),
        ({"score": 3, "at": "2099-01-01T00:00:00Z"}, ("body", "at")),
        ({"score": 3, "mood": "fine"}, ("body", "mood")),
    ],
)
def test_pain_names_the_bad_field(
    client: TestClient, body: dict[str, Any], field: tuple[str | int, ...]
) -> None:
    assert field in error_fields(client.post("/api/diary/pain", json=body))


def test_a_recorded_session_is_listed(client: TestClient) -> None:
    response = client.post("/api/sessions", json=SESSION)
    assert response.status_code == 201
    listed = client.get("/api/sessions").json()
    assert listed == [response.json()]
    assert listed[0]["items"] == SESSION["items"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"plan_day": 8}, ("body", "plan_day")),
        ({"pain_after": 12}, ("body", "pain_after")),
        ({"items": [{"id": "bridge", "status": "half"}]}, ("body", "items", 0, "status")),
        ({"ended_at": (START - timedelta(minutes=1)).isoformat()}, ("body",)),
    ],
)
def test_session_names_the_bad_field(
    client: TestClient, change: dict[str, Any], field: tuple[str | int, ...]
) -> None:
    assert field in error_fields(client.post("/api/sessions", json=SESSION | change))


@pytest.mark.parametrize("outcome", ["taken", "skipped", "postponed"])
def test_a_break_reminder_answer_is_recorded(client: TestClient, outcome: str) -> None:
    response = client.post("/api/breaks", json={"outcome": outcome})
    assert response.status_code == 201
    assert response.json()["outcome"] == outcome


@pytest.mark.parametrize(
    ("body", "field"),
    [({"outcome": "ignored"}, ("body", "outcome")), ({}, ("body", "outcome"))],
)
def test_break_names_the_bad_field(
    client: TestClient, body: dict[str, Any], field: tuple[str, ...]
) -> None:
    assert field in error_fields(client.post("/api/breaks", json=body))


def test_profile_is_404_before_the_first_check_in(client: TestClient) -> None:
    response = client.get("/api/profile")
    assert response.status_code == 404
    assert response.json() == {"detail": "no profile saved yet"}


def test_profile_versions_only_when_it_changes(client: TestClient) -> None:
    first = client.put("/api/profile", json=OFFICE_WORKER).json()
    again = client.put("/api/profile", json=OFFICE_WORKER).json()
    changed = client.put("/api/profile", json=OFFICE_WORKER | {"age": 35}).json()
    assert (first["version"], again["version"], changed["version"]) == (1, 1, 2)
    current = client.get("/api/profile").json()
    assert current["version"] == 2
    assert current["profile"]["age"] == 35


def test_profile_names_the_bad_field(client: TestClient) -> None:
    response = client.put("/api/profile", json={"pregnancy": {"weeks": 50}})
    assert ("body", "pregnancy", "weeks") in error_fields(response)


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/diary/pain", {"score": 3, "at": "0001-01-01T00:00:00+05:00"}),
        ("/api/breaks", {"outcome": "taken", "at": "0001-01-01T00:00:00+05:00"}),
        ("/api/sessions", SESSION | {"started_at": "0001-01-01T00:00:00+05:00"}),
    ],
)
def test_a_time_that_overflows_in_utc_is_bad_input(
    client: TestClient, path: str, body: dict[str, Any]
) -> None:
    assert error_fields(client.post(path, json=body))


def test_a_naive_since_is_local_time(client: TestClient) -> None:
    for days in (3, 1):
        client.post("/api/diary/pain", json={"score": 3, "at": ago(days=days)})
    since = (datetime.now() - timedelta(days=2)).isoformat()
    assert len(client.get("/api/diary/pain", params={"since": since}).json()["pain"]) == 1


def test_text_with_a_nul_character_is_refused_naming_the_field(client: TestClient) -> None:
    # PostgreSQL cannot store NUL in text; every database refuses it the same way, before storing.
    response = client.post("/api/diary/pain", json={"score": 3, "note": "stiff\u0000back"})
    assert response.status_code == 422
    assert ("body", "note") in error_fields(response)
    assert client.get("/api/diary/pain").json()["pain"] == []


def test_a_pain_entry_can_be_corrected_and_the_alerts_follow(client: TestClient) -> None:
    client.post("/api/diary/pain", json={"score": 2, "at": ago(days=10)})
    wrong = client.post("/api/diary/pain", json={"score": 9, "note": "typo", "at": ago(days=1)})
    entry = wrong.json()["entry"]
    assert client.get("/api/diary/pain").json()["seven_day_average"] == 9

    fixed = client.patch(f"/api/diary/pain/{entry['id']}", json={"score": 1, "note": None})
    assert fixed.status_code == 200
    assert fixed.json()["entry"] == entry | {"score": 1, "note": None}
    diary = client.get("/api/diary/pain").json()
    assert diary["seven_day_average"] == 1
    assert [p["score"] for p in diary["pain"]] == [2, 1]
    assert "improving" in [alert["kind"] for alert in fixed.json()["alerts"]]


def test_a_correction_changes_only_the_fields_given(client: TestClient) -> None:
    entry = client.post(
        "/api/diary/pain", json={"score": 4, "areas": ["neck_shoulder"], "note": "desk"}
    ).json()["entry"]
    moved = client.patch(f"/api/diary/pain/{entry['id']}", json={"at": ago(hours=3)}).json()
    assert (moved["entry"]["score"], moved["entry"]["areas"], moved["entry"]["note"]) == (
        4,
        ["neck_shoulder"],
        "desk",
    )
    assert moved["entry"]["at"] < entry["at"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"score": 11}, "score"),
        ({"score": None}, "body"),
        ({"areas": ["elbow"]}, "areas"),
        ({"at": "2999-01-01T00:00:00Z"}, "at"),
        ({"mood": "bad"}, "mood"),
    ],
)
def test_a_bad_correction_is_refused_naming_the_field(
    client: TestClient, body: dict[str, Any], field: str
) -> None:
    entry = client.post("/api/diary/pain", json={"score": 4}).json()["entry"]
    response = client.patch(f"/api/diary/pain/{entry['id']}", json=body)
    assert any(field in loc for loc in error_fields(response))
    assert client.get("/api/diary/pain").json()["pain"] == [entry]


def test_a_deleted_entry_leaves_the_diary_and_can_be_posted_back(client: TestClient) -> None:
    keep = client.post("/api/diary/pain", json={"score": 3}).json()["entry"]
    gone = client.post("/api/diary/pain", json={"score": 8, "note": "wrong"}).json()["entry"]
    assert client.delete(f"/api/diary/pain/{gone['id']}").status_code == 204
    assert client.get("/api/diary/pain").json()["pain"] == [keep]
    assert client.delete(f"/api/diary/pain/{gone['id']}").status_code == 404
    undo = {k: gone[k] for k in ("score", "areas", "note", "at")}
    assert client.post("/api/diary/pain", json=undo).status_code == 201
    assert [p["score"] for p in client.get("/api/diary/pain").json()["pain"]] == [3, 8]


@pytest.mark.parametrize("entry_id", ["999", "0", "-1", "x", "99999999999999999999"])
def test_an_unknown_entry_is_a_404_or_a_named_422(client: TestClient, entry_id: str) -> None:
    patched = client.patch(f"/api/diary/pain/{entry_id}", json={"score": 1})
    deleted = client.delete(f"/api/diary/pain/{entry_id}")
    for response in (patched, deleted):
        assert response.status_code in (404, 422), response.text
        if response.status_code == 422:
            assert ("path", "entry_id") in error_fields(response)
