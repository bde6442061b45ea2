"""Per-user isolation: Bob can never read, change or delete Alice's data through any route
or service, on SQLite and on PostgreSQL. Alice's data is checked unchanged after each of
Bob's requests, and her secret note never appears in anything Bob is sent."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from backcare import services
from backcare.profile import Profile
from backcare.schemas import BreakSettingsIn, PainEntryCreate, PainEntryUpdate
from backcare.store import Database

SECRET = "alice-secret-note-7f3a"
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
PROFILE = {"age": 41, "work": ["sitting"], "pain": {"score": 5}}


def _alice_has_data(alice: TestClient) -> dict[str, Any]:
    assert alice.put("/api/profile", json=PROFILE).status_code == 200
    assert alice.post("/api/diary/pain", json={"score": 6, "note": SECRET}).status_code == 201
    assert alice.post("/api/sessions", json=SESSION).status_code == 201
    assert alice.post("/api/breaks", json={"outcome": "taken"}).status_code == 201
    assert alice.put("/api/breaks/settings", json={"quiet_hours": "12:00-13:00"}).status_code == 200
    psfs = {"answers": [3], "activities": [SECRET]}
    assert alice.post("/api/questionnaires/psfs", json=psfs).status_code == 201
    return _snapshot(alice)


def _snapshot(client: TestClient) -> dict[str, Any]:
    export: dict[str, Any] = client.get("/api/export").json()
    export.pop("exported_at")
    return export


BOB_READS = [
    "/api/diary/pain",
    "/api/sessions",
    "/api/profile",
    "/api/export",
    "/api/export?format=fhir",
    "/api/export?format=ics",
    "/",
    "/plan",
    "/result",
    "/diary",
    "/session",
    "/breaks",
    "/api/breaks/stats",
    "/api/breaks/settings",
    "/api/questionnaires",
    "/questionnaires",
    "/report",
    "/report.pdf",
]


@pytest.fixture
def alice_before(alice: TestClient) -> dict[str, Any]:
    return _alice_has_data(alice)


@pytest.mark.parametrize("path", BOB_READS)
def test_bob_reads_nothing_of_alices(
    alice: TestClient, alice_before: dict[str, Any], bob: TestClient, path: str
) -> None:
    response = bob.get(path, follow_redirects=True)
    assert response.status_code in (200, 404), response.text
    assert SECRET not in response.text
    assert _snapshot(alice) == alice_before


def test_bob_sees_empty_diary_profile_and_export(
    alice_before: dict[str, Any], bob: TestClient
) -> None:
    assert bob.get("/api/diary/pain").json()["pain"] == []
    assert bob.get("/api/sessions").json() == []
    assert bob.get("/api/profile").status_code == 404
    assert bob.get("/api/export?format=ics").status_code == 404
    assert bob.get("/api/export?format=fhir").json()["entry"] == []
    export = _snapshot(bob)
    parts = ("profiles", "pain", "sessions", "breaks", "habits", "questionnaires")
    assert all(export[part] == [] for part in parts)
    assert bob.get("/api/questionnaires").json() == []
    assert export["break_settings"] is None
    assert bob.get("/api/breaks/stats").json()["week"]["due"] == 0
    assert bob.get("/api/breaks/settings").json()["quiet_hours"] == ""


def test_bob_cannot_answer_alices_break(
    alice: TestClient, alice_before: dict[str, Any], bob: TestClient
) -> None:
    alices = alice.post("/api/breaks", json={"outcome": "taken", "minutes": 5}).json()["id"]
    before = _snapshot(alice)
    assert bob.patch(f"/api/breaks/{alices}", json={"moved": False}).status_code == 404
    assert bob.put("/api/breaks/settings", json={"skip_limit": 2}).status_code == 200
    assert _snapshot(alice) == before


def test_bob_deleting_his_data_leaves_alices(
    alice: TestClient, alice_before: dict[str, Any], bob: TestClient
) -> None:
    deleted = bob.delete("/api/me/data").json()["deleted"]
    assert set(deleted.values()) == {0}
    assert _snapshot(alice) == alice_before


def test_bob_writing_and_importing_stays_his(
    alice: TestClient, alice_before: dict[str, Any], bob: TestClient
) -> None:
    assert bob.post("/api/diary/pain", json={"score": 1, "note": "bob"}).status_code == 201
    assert bob.put("/api/profile", json={"age": 70}).status_code == 200
    assert bob.post("/api/sessions", json=SESSION).status_code == 201
    assert bob.post("/api/breaks", json={"outcome": "skipped"}).status_code == 201
    assert (
        bob.post(
            "/api/import?replace=true", json=alice_before | {"exported_at": START.isoformat()}
        ).status_code
        == 201
    )
    assert (
        bob.post("/diary", data={"score": "2"}, headers={"origin": "http://127.0.0.1"}).status_code
        == 200
    )
    assert (
        bob.post(
            "/breaks/settings",
            data={"quiet_hours": "08:00-09:00", "skip_limit": "2"},
            headers={"origin": "http://127.0.0.1"},
        ).status_code
        == 200
    )
    assert bob.get("/api/breaks/settings").json()["skip_limit"] == 2
    assert _snapshot(alice) == alice_before
    assert bob.delete("/api/me/data").status_code == 200
    assert _snapshot(alice) == alice_before


def test_bob_cannot_correct_or_delete_alices_pain(
    alice: TestClient, alice_before: dict[str, Any], bob: TestClient
) -> None:
    """Her entry's id answers 404 to him, through the API and the diary page alike."""
    entry_id = alice.get("/api/diary/pain").json()["pain"][0]["id"]
    origin = {"origin": "http://127.0.0.1"}
    assert bob.patch(f"/api/diary/pain/{entry_id}", json={"score": 0}).status_code == 404
    assert bob.delete(f"/api/diary/pain/{entry_id}").status_code == 404
    assert (
        bob.post(f"/diary/pain/{entry_id}", data={"score": "0"}, headers=origin).status_code == 404
    )
    assert bob.post(f"/diary/pain/{entry_id}/delete", headers=origin).status_code == 404
    assert SECRET not in bob.get(f"/diary?edit={entry_id}").text
    assert _snapshot(alice) == alice_before
    assert alice.patch(f"/api/diary/pain/{entry_id}", json={"score": 0}).status_code == 200
    assert alice.delete(f"/api/diary/pain/{entry_id}").status_code == 204


def test_alice_deleting_hers_leaves_bobs(
    alice: TestClient, alice_before: dict[str, Any], bob: TestClient
) -> None:
    bob.post("/api/diary/pain", json={"score": 1, "note": "bob"})
    before = _snapshot(bob)
    assert sum(alice.delete("/api/me/data").json()["deleted"].values()) > 0
    assert _snapshot(bob) == before
    assert _snapshot(alice)["pain"] == []


def _users(app: FastAPI) -> tuple[Database, int, int]:
    from sqlalchemy import select

    from backcare.store.models import User

    database: Database = app.state.backcare.database
    with database.session() as session:
        ids = dict(session.execute(select(User.username, User.id)).all())
    return database, ids["alice"], ids["bob"]


def test_every_service_query_is_per_user(app: FastAPI, alice: TestClient, bob: TestClient) -> None:
    """Below the routes: each service that reads or deletes sees only the given user's rows."""
    db, a, b = _users(app)
    kb = app.state.backcare.kb
    now = datetime.now(UTC)
    services.save_profile(db, user_id=a, profile=Profile.model_validate(PROFILE))
    hers = services.log_pain(db, user_id=a, entry=PainEntryCreate(score=9, note=SECRET), now=now)
    services.tick_habit(db, user_id=a, habit_id="movement-breaks", day=date.today())
    taken = services.record_break(db, user_id=a, at=now, outcome="taken", minutes=5)
    services.save_break_settings(db, user_id=a, settings=BreakSettingsIn(quiet_hours="09:00-10:00"))
    services.diary_alerts(db, user_id=a, kb=kb, now=now)
    assert services.current_profile(db, user_id=b) is None
    assert services.profile_history(db, user_id=b) == []
    assert services.list_pain(db, user_id=b) == []
    assert services.list_sessions(db, user_id=b) == []
    assert services.list_habits(db, user_id=b) == []
    assert services.alerts_shown(db, user_id=b) == []
    assert services.break_stats(db, user_id=b).model_dump() == {
        "taken": 0,
        "skipped": 0,
        "postponed": 0,
    }
    assert services.export_fhir(db, user_id=b, kb=kb)["entry"] == []
    fix = PainEntryUpdate(score=0)
    assert services.correct_pain(db, user_id=b, entry_id=hers.id, update=fix) is None
    assert services.delete_pain(db, user_id=b, entry_id=hers.id) is None
    assert services.list_breaks(db, user_id=b) == []
    assert services.break_week(db, user_id=b).week.due == 0
    assert services.break_settings(db, user_id=b).quiet_hours == ""
    assert services.answer_break(db, user_id=b, event_id=taken.id, moved=False) is None
    assert set(services.delete_all(db, user_id=b).values()) == {0}
    assert [p.note for p in services.list_pain(db, user_id=a)] == [SECRET]
    assert len(services.list_habits(db, user_id=a)) == 1
