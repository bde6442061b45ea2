"""Guided sessions: record a finished session (its pain before and after goes into the diary),
list them, delete one (its pain before and after leaves the diary with it)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from backcare.schemas import (
    SessionRecordCreate,
    SessionRecordPublic,
)
from backcare.services._base import DB, _add_once, _unit
from backcare.store.models import (
    PainEntry,
    SessionRecord,
)

SESSION_PAIN_NOTES = ("Before a session", "After a session")
"""The notes on the pain entries a session's pain before and after becomes."""


def record_session(
    db: DB, *, user_id: int, record: SessionRecordCreate, client_id: str | None = None
) -> SessionRecordPublic:
    """Store a finished guided session (items done or skipped, pain before and after). The pain
    given before and after also goes into the pain diary, so one record of pain, wherever it
    was given, feeds the chart and the alerts. With a ``client_id`` already used by this user,
    the session saved then (nothing new, no second pair of pain entries)."""
    row = SessionRecord(user_id=user_id, client_id=client_id, **_session_fields(record))
    pain = [
        PainEntry(user_id=user_id, score=score, areas=[], note=note, at=at)
        for score, at, note in _ratings(row)
    ]
    with _unit(db) as session:
        return _session_public(_add_once(session, row, *pain))


def _ratings(row: SessionRecord) -> list[tuple[int, datetime, str]]:
    """The pain scores a session gave the diary: (score, when, note), before then after."""
    ratings = zip(
        (row.pain_before, row.pain_after),
        (row.started_at, row.ended_at),
        SESSION_PAIN_NOTES,
        strict=True,
    )
    return [(score, at, note) for score, at, note in ratings if score is not None]


def list_sessions(
    db: DB, *, user_id: int, since: datetime | None = None
) -> list[SessionRecordPublic]:
    """Recorded sessions in the order they started."""
    query = select(SessionRecord).where(SessionRecord.user_id == user_id)
    if since is not None:
        query = query.where(SessionRecord.started_at >= since)
    with _unit(db) as session:
        rows = session.scalars(query.order_by(SessionRecord.started_at, SessionRecord.id))
        return [_session_public(row) for row in rows]


def delete_session(db: DB, *, user_id: int, record_id: int) -> SessionRecordPublic | None:
    """Delete one of this person's session records, with what "Check my form" kept in it
    (counts and cues shown) and the pain before and after it gave the diary: the person deleted
    the session, so its scores go too; ``None`` when they have no session by that id."""
    with _unit(db) as session:
        row = session.scalar(
            select(SessionRecord).where(
                SessionRecord.id == record_id, SessionRecord.user_id == user_id
            )
        )
        if row is None:
            return None
        deleted = _session_public(row)
        for entry in _pain_given(session, row):
            session.delete(entry)
        session.delete(row)
        return deleted


def _pain_given(session: Session, row: SessionRecord) -> list[PainEntry]:
    """The diary entries ``record_session`` made for this session, found by what it wrote
    (score, time, note, no areas): one per rating, the oldest if a twin session made another.
    An entry the person has since corrected (another score, time or note) is theirs, and stays."""
    found = []
    for score, at, note in _ratings(row):
        same = select(PainEntry).where(
            PainEntry.user_id == row.user_id,
            PainEntry.score == score,
            PainEntry.at == at,
            PainEntry.note == note,
        )
        entry = next((e for e in session.scalars(same.order_by(PainEntry.id)) if not e.areas), None)
        if entry is not None:
            found.append(entry)
    return found


def _session_fields(record: SessionRecordCreate) -> dict[str, Any]:
    return record.model_dump(mode="python", exclude={"client_id"}) | {
        "items": [item.model_dump(mode="json") for item in record.items]
    }


def _session_public(row: SessionRecord) -> SessionRecordPublic:
    return SessionRecordPublic(
        id=row.id,
        plan_day=row.plan_day,
        week=row.week,
        started_at=row.started_at,
        ended_at=row.ended_at,
        items=row.items,
        pain_before=row.pain_before,
        pain_after=row.pain_after,
    )
