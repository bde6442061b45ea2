"""Writes a client may retry (SPEC §9): a pain entry or a session record posted with a
client-made id is saved once, however often and however concurrently it is posted again, on
SQLite and PostgreSQL; ids are per person; a bad id is a 422 naming the field."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from backcare import services
from backcare.schemas import PainEntryCreate
from backcare.store.models import User

SESSION = {
    "plan_day": 1,
    "week": 1,
    "started_at": "2026-01-05T09:00:00+00:00",
    "ended_at": "2026-01-05T09:20:00+00:00",
    "pain_before": 5,
    "pain_after": 3,
}


def _notes(client: TestClient) -> list[str | None]:
    return [entry["note"] for entry in client.get("/api/diary/pain").json()["pain"]]


def test_a_retried_pain_entry_is_saved_once(alice: TestClient) -> None:
    body = {"score": 4, "note": "queued offline", "client_id": str(uuid.uuid4())}
    first, again = (alice.post("/api/diary/pain", json=body) for _ in range(2))
    assert first.status_code == again.status_code == 201
    assert first.json()["entry"] == again.json()["entry"]
    assert _notes(alice) == ["queued offline"]


def test_a_retried_session_record_is_saved_once_with_one_pair_of_ratings(
    alice: TestClient,
) -> None:
    body = SESSION | {"client_id": str(uuid.uuid4()).upper()}  # the same id in either case
    first = alice.post("/api/sessions", json=body)
    again = alice.post("/api/sessions", json=body | {"client_id": body["client_id"].lower()})
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert len(alice.get("/api/sessions").json()) == 1
    assert _notes(alice) == ["Before a session", "After a session"]


def test_client_ids_belong_to_one_person(alice: TestClient, bob: TestClient) -> None:
    body = {"score": 2, "note": "mine", "client_id": str(uuid.uuid4())}
    assert alice.post("/api/diary/pain", json=body).status_code == 201
    assert bob.post("/api/diary/pain", json=body).status_code == 201
    assert _notes(alice) == _notes(bob) == ["mine"]


def test_a_bad_client_id_is_a_422_naming_the_field(alice: TestClient) -> None:
    for bad in ("not-a-uuid", "", 12, str(uuid.uuid4()) + "0"):
        response = alice.post("/api/diary/pain", json={"score": 1, "client_id": bad})
        assert response.status_code == 422
        assert [p["loc"] for p in response.json()["detail"]] == [["body", "client_id"]]
    assert _notes(alice) == []


def test_the_same_id_posted_at_once_from_many_threads_is_saved_once(
    app: FastAPI, alice: TestClient
) -> None:
    """The race a lookup alone would lose: the unique constraint decides, the losers read
    the winner's entry."""
    database, client_id = app.state.backcare.database, str(uuid.uuid4())
    with database.session() as session:
        alice_id = session.scalar(select(User.id).where(User.username == "alice"))

    def post(_: int) -> int:
        entry = PainEntryCreate(score=6, note="raced")
        return services.log_pain(database, user_id=alice_id, entry=entry, client_id=client_id).id

    with ThreadPoolExecutor(max_workers=8) as pool:
        ids = set(pool.map(post, range(16)))
    assert len(ids) == 1
    assert _notes(alice) == ["raced"]


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(picks=st.lists(st.integers(0, 3), min_size=1, max_size=8))
def test_however_often_ids_are_posted_one_entry_each(alice: TestClient, picks: list[int]) -> None:
    tag = uuid.uuid4().hex[:8]
    pool = [str(uuid.uuid4()) for _ in range(4)]
    for pick in picks:
        body = {"score": 3, "note": f"{tag}-{pick}", "client_id": pool[pick]}
        assert alice.post("/api/diary/pain", json=body).status_code == 201
    mine = [note for note in _notes(alice) if note and note.startswith(tag)]
    assert sorted(mine) == sorted(f"{tag}-{pick}" for pick in set(picks))
