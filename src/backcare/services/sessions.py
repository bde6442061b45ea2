"""Guided sessions: record a finished session (its pain before and after goes into the diary)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

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
    ratings = zip(
        (record.pain_before, record.pain_after),
        (record.started_at, record.ended_at),
        SESSION_PAIN_NOTES,
        strict=True,
    )
    pain = [
        PainEntry(user_id=user_id, score=score, areas=[], note=note, at=at)
        for score, at, note in ratings
        if score is not None
    ]
    with _unit(db) as session:
        return _session_public(_add_once(session, row, *pain))


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
    (counts and cues shown); ``None`` when they have no session by that id."""
    with _unit(db) as session:
        row = session.scalar(
            select(SessionRecord).where(
                SessionRecord.id == record_id, SessionRecord.user_id == user_id
            )
        )
        if row is None:
            return None
        deleted = _session_public(row)
        session.delete(row)
        return deleted


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
