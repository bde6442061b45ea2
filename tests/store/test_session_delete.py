"""Deleting a guided session takes the pain before and after it gave the diary, and nothing else:
on a real SQLite file and on the real PostgreSQL server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backcare import services
from backcare.pain_schemas import PainEntryCreate, PainEntryUpdate
from backcare.schemas import SessionRecordCreate
from backcare.store import Database, open_url

START = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def session_at(start: datetime, before: int | None, after: int | None) -> SessionRecordCreate:
    return SessionRecordCreate.model_validate(
        {
            "plan_day": 5,
            "week": 1,
            "started_at": start,
            "ended_at": start + timedelta(minutes=12),
            "items": [{"id": "bridge", "status": "done", "sets_done": 3}],
            "pain_before": before,
            "pain_after": after,
        }
    )


def diary(database: Database, user_id: int) -> list[tuple[int, str | None, datetime]]:
    return [(p.score, p.note, p.at) for p in services.list_pain(database, user_id=user_id)]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        opened = open_url(f"sqlite:///{tmp_path / 'backcare.db'}", home=tmp_path)
    else:
        new_database: Callable[[], str] = request.getfixturevalue("postgres_database")
        opened = open_url(new_database())
    yield opened
    opened.close()


def test_a_deleted_session_takes_its_pain_and_leaves_the_rest(database: Database) -> None:
    user = services.local_user_id(database)
    gone = services.record_session(database, user_id=user, record=session_at(START, 5, 3))
    kept = services.record_session(
        database, user_id=user, record=session_at(START + timedelta(days=1), 5, 3)
    )
    same_time = PainEntryCreate(score=5, at=START, note="my own rating")
    services.log_pain(database, user_id=user, entry=same_time)
    own_words = PainEntryCreate(score=5, at=START - timedelta(hours=1), note="Before a session")
    services.log_pain(database, user_id=user, entry=own_words)
    before = diary(database, user)
    assert services.delete_session(database, user_id=user, record_id=gone.id) == gone
    assert [s.id for s in services.list_sessions(database, user_id=user)] == [kept.id]
    session_pain = {(5, "Before a session", START), (3, "After a session", gone.ended_at)}
    assert diary(database, user) == [entry for entry in before if entry not in session_pain]
    assert len(diary(database, user)) == len(before) - 2


def test_a_corrected_session_score_is_the_persons_and_stays(database: Database) -> None:
    user = services.local_user_id(database)
    record = services.record_session(database, user_id=user, record=session_at(START, 6, 4))
    after = services.list_pain(database, user_id=user)[-1]
    services.correct_pain(
        database, user_id=user, entry_id=after.id, update=PainEntryUpdate(score=2)
    )
    services.delete_session(database, user_id=user, record_id=record.id)
    assert diary(database, user) == [(2, "After a session", record.ended_at)]


def test_twin_sessions_each_take_one_pair(database: Database) -> None:
    """A session recorded twice (two client ids, the same times and scores) is two sessions:
    deleting one leaves the other with its pain."""
    user = services.local_user_id(database)
    first, second = (
        services.record_session(database, user_id=user, record=session_at(START, 4, 2))
        for _ in range(2)
    )
    services.delete_session(database, user_id=user, record_id=first.id)
    assert diary(database, user) == [
        (4, "Before a session", START),
        (2, "After a session", second.ended_at),
    ]
    services.delete_session(database, user_id=user, record_id=second.id)
    assert diary(database, user) == []


scores = st.none() | st.integers(0, 10)
sessions = st.lists(st.tuples(st.integers(0, 5), scores, scores), min_size=1, max_size=5)
logged = st.lists(
    st.tuples(st.integers(0, 5), st.integers(0, 10), st.sampled_from([None, "Before a session"])),
    max_size=5,
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sessions=sessions, logged=logged, pick=st.integers(0, 4))
def test_deleting_any_session_removes_exactly_its_own_ratings(
    tmp_path_factory: pytest.TempPathFactory,
    sessions: list[tuple[int, int | None, int | None]],
    logged: list[tuple[int, int, str | None]],
    pick: int,
) -> None:
    """Sessions and hand-logged entries that share hours, scores and even the session's note:
    deleting one session leaves the diary with exactly its own ratings fewer."""
    home = tmp_path_factory.mktemp("delete")
    database = open_url(f"sqlite:///{home / 'backcare.db'}", home=home)
    try:
        user = services.local_user_id(database)
        records = [
            services.record_session(
                database,
                user_id=user,
                record=session_at(START + timedelta(hours=h), before, after),
            )
            for h, before, after in sessions
        ]
        for hour, score, note in logged:
            at = START + timedelta(hours=hour)
            services.log_pain(
                database, user_id=user, entry=PainEntryCreate(score=score, at=at, note=note)
            )
        before = sorted(diary(database, user), key=repr)
        chosen = records[pick % len(records)]
        services.delete_session(database, user_id=user, record_id=chosen.id)
        own = [
            (chosen.pain_before, "Before a session", chosen.started_at),
            (chosen.pain_after, "After a session", chosen.ended_at),
        ]
        expected = list(before)
        for score, note, at in own:
            if score is not None:
                expected.remove((score, note, at))
        assert sorted(diary(database, user), key=repr) == expected
    finally:
        database.close()
