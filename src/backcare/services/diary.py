"""The pain diary: log, read, correct and delete pain ratings, and the alerts the diary raises."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backcare.diary import PainPoint, new_leg_symptoms_alert, pain_alerts, warning_sign_alerts
from backcare.diary.alerts import Alert as AlertPublic
from backcare.diary.alerts import alert_windows, recent_window
from backcare.pain_schemas import (
    AlertShownPublic,
    PainEntryCreate,
    PainEntryPublic,
    PainEntryUpdate,
)
from backcare.profile import stored_profile
from backcare.services._base import DB, _add_once, _now, _unit
from backcare.services.profile import _latest_profiles, current_profile
from backcare.store.models import (
    AlertShown,
    PainEntry,
    SessionRecord,
)

if TYPE_CHECKING:
    from backcare.knowledge import KnowledgeBase


def log_pain(
    db: DB,
    *,
    user_id: int,
    entry: PainEntryCreate,
    now: datetime | None = None,
    client_id: str | None = None,
) -> PainEntryPublic:
    """Store a pain rating; without ``entry.at`` it is logged at ``now``. With a
    ``client_id`` already used by this user, the entry saved then (nothing new)."""
    row = PainEntry(
        user_id=user_id,
        score=entry.score,
        areas=list(entry.areas),
        note=entry.note,
        at=entry.at or _now(now),
        client_id=client_id,
    )
    with _unit(db) as session:
        return _pain_public(_add_once(session, row))


def list_pain(
    db: DB, *, user_id: int, since: datetime | None = None, until: datetime | None = None
) -> list[PainEntryPublic]:
    """Pain entries in time order, optionally in ``[since, until)``."""
    query = select(PainEntry).where(PainEntry.user_id == user_id)
    if since is not None:
        query = query.where(PainEntry.at >= since)
    if until is not None:
        query = query.where(PainEntry.at < until)
    with _unit(db) as session:
        rows = session.scalars(query.order_by(PainEntry.at, PainEntry.id))
        return [_pain_public(row) for row in rows]


def recent_pain(db: DB, *, user_id: int, limit: int) -> list[PainEntryPublic]:
    """The newest ``limit`` entries, in time order (one indexed query, however long the diary)."""
    query = (
        select(PainEntry)
        .where(PainEntry.user_id == user_id)
        .order_by(PainEntry.at.desc(), PainEntry.id.desc())
        .limit(limit)
    )
    with _unit(db) as session:
        return [_pain_public(row) for row in reversed(list(session.scalars(query)))]


def _pain_points(
    session: Session, user_id: int, *, since: datetime, until: datetime
) -> dict[int, PainPoint]:
    """Scores and times only (no notes), by entry id, in ``[since, until)``, on the index."""
    query = select(PainEntry.id, PainEntry.at, PainEntry.score).where(
        PainEntry.user_id == user_id, PainEntry.at >= since, PainEntry.at < until
    )
    return {row.id: PainPoint(row.at, row.score) for row in session.execute(query)}


def correct_pain(
    db: DB, *, user_id: int, entry_id: int, update: PainEntryUpdate
) -> PainEntryPublic | None:
    """Correct one of this person's pain entries; ``None`` when they have no entry by that id
    (another person's entry is as absent as one never made)."""
    with _unit(db) as session:
        row = _own_pain(session, user_id, entry_id)
        if row is None:
            return None
        for name, value in update.changes().items():
            setattr(row, name, list(value) if name == "areas" else value)
        session.flush()
        return _pain_public(row)


def delete_pain(db: DB, *, user_id: int, entry_id: int) -> PainEntryPublic | None:
    """Delete one of this person's pain entries and return it (so it can be put back);
    ``None`` when they have no entry by that id."""
    with _unit(db) as session:
        row = _own_pain(session, user_id, entry_id)
        if row is None:
            return None
        deleted = _pain_public(row)
        session.delete(row)
        return deleted


def _own_pain(session: Session, user_id: int, entry_id: int) -> PainEntry | None:
    return session.scalar(
        select(PainEntry).where(PainEntry.id == entry_id, PainEntry.user_id == user_id)
    )


def _pain_public(row: PainEntry) -> PainEntryPublic:
    return PainEntryPublic(id=row.id, score=row.score, areas=row.areas, note=row.note, at=row.at)


def diary_alerts(
    db: DB,
    *,
    user_id: int,
    kb: KnowledgeBase | None,
    now: datetime | None = None,
    record: bool = True,
) -> list[AlertPublic]:
    """The alerts that apply now, recorded as shown (unless ``record`` is false: a diary read
    from a read-only store).

    Pain-pattern alerts come from the diary; a warning sign is new when the newest profile's
    check has a flag the previous version's check did not (``kb`` is needed to run the check;
    without it that part is skipped).
    """
    now = _now(now)
    with _unit(db) as session:
        plan_started = session.scalar(
            select(func.min(SessionRecord.started_at)).where(SessionRecord.user_id == user_id)
        )
        points = _alert_points(session, user_id, now=now, plan_started=plan_started)
        since, until = recent_window(now)
        recent = list_pain(session, user_id=user_id, since=since, until=until)
        profile = current_profile(session, user_id=user_id)
        leg = new_leg_symptoms_alert(
            recent, known_areas=profile.pain.areas if profile else [], now=now
        )
        alerts = (
            _new_warning_signs(session, user_id, kb)
            + ([leg] if leg else [])
            + pain_alerts(points, now=now, plan_started=plan_started)
        )
        if record:
            session.add_all(
                AlertShown(user_id=user_id, kind=a.kind, message=a.message, shown_at=now)
                for a in alerts
            )
    return alerts


def _alert_points(
    session: Session, user_id: int, *, now: datetime, plan_started: datetime | None
) -> list[PainPoint]:
    """Only the entries the pain alerts look at (``alert_windows``), however long the diary."""
    points: dict[int, PainPoint] = {}
    for since, until in alert_windows(now, plan_started):
        points |= _pain_points(session, user_id, since=since, until=until)
    first = session.execute(
        select(PainEntry.id, PainEntry.at, PainEntry.score)
        .where(PainEntry.user_id == user_id, PainEntry.score > 0, PainEntry.at <= now)
        .order_by(PainEntry.at, PainEntry.id)
        .limit(1)
    ).first()
    if first is not None:
        points[first.id] = PainPoint(first.at, first.score)
    newest_two = session.execute(  # the jump alert compares the newest rating with the one before
        select(PainEntry.id, PainEntry.at, PainEntry.score)
        .where(PainEntry.user_id == user_id, PainEntry.at <= now)
        .order_by(PainEntry.at.desc(), PainEntry.score.desc())
        .limit(2)
    )
    points |= {row.id: PainPoint(row.at, row.score) for row in newest_two}
    return sorted(points.values())  # by time, then score: as the alerts order a whole diary


def _new_warning_signs(
    session: Session, user_id: int, kb: KnowledgeBase | None
) -> list[AlertPublic]:
    if kb is None:
        return []
    from backcare.triage import evaluate

    versions = _latest_profiles(session, user_id, limit=2)
    if len(versions) < 2:
        return []  # the first check-in showed its own flags; "new" needs something to compare
    newest, previous = (evaluate(stored_profile(v.data), kb) for v in versions)
    return warning_sign_alerts(previous.flags, newest.flags)


def alerts_shown(db: DB, *, user_id: int) -> list[AlertShownPublic]:
    """Every alert shown so far, oldest first."""
    query = select(AlertShown).where(AlertShown.user_id == user_id)
    with _unit(db) as session:
        rows = session.scalars(query.order_by(AlertShown.shown_at, AlertShown.id))
        return [AlertShownPublic(kind=r.kind, message=r.message, shown_at=r.shown_at) for r in rows]
