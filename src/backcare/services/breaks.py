"""Break reminders: what the person did when one fired, the weekly statistics, quiet times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo
from typing import cast

from sqlalchemy import func, select

from backcare.plan.schedule import local_date
from backcare.schemas import (
    BreakEventIn,
    BreakEventPublic,
    BreakOutcome,
    BreakSettingsIn,
    BreakStats,
)
from backcare.services._base import DB, _now, _unit
from backcare.session.break_stats import BreakRecord, BreakWeek, week_stats
from backcare.store.models import (
    BreakEvent,
    BreakSettings,
)


def record_break(
    db: DB,
    *,
    user_id: int,
    at: datetime,
    outcome: BreakOutcome,
    moved: bool | None = None,
    minutes: float | None = None,
    sat_minutes: float | None = None,
) -> BreakEventPublic:
    """Store what the person did when a break reminder fired (with how long the break lasted
    and how long they had sat still, when the front end knows)."""
    event = BreakEventIn(
        at=at, outcome=outcome, moved=moved, minutes=minutes, sat_minutes=sat_minutes
    )
    row = BreakEvent(user_id=user_id, **event.model_dump())
    with _unit(db) as session:
        session.add(row)
        session.flush()
        return _break_public(row)


def answer_break(db: DB, *, user_id: int, event_id: int, moved: bool) -> BreakEventPublic | None:
    """Record "did you move?" on one of the user's taken breaks; ``None`` when there is no such
    taken break of theirs (another user's id looks the same as a missing one)."""
    with _unit(db) as session:
        row = session.scalar(
            select(BreakEvent).where(
                BreakEvent.id == event_id,
                BreakEvent.user_id == user_id,
                BreakEvent.outcome == "taken",
            )
        )
        if row is None:
            return None
        row.moved = moved
        session.flush()
        return _break_public(row)


def _break_public(row: BreakEvent) -> BreakEventPublic:
    return BreakEventPublic(
        id=row.id,
        at=row.at,
        outcome=cast("BreakOutcome", row.outcome),
        moved=row.moved,
        minutes=row.minutes,
        sat_minutes=row.sat_minutes,
    )


def list_breaks(db: DB, *, user_id: int, since: datetime | None = None) -> list[BreakEventIn]:
    """The user's break events in time order."""
    query = select(BreakEvent).where(BreakEvent.user_id == user_id)
    if since is not None:
        query = query.where(BreakEvent.at >= since)
    with _unit(db) as session:
        rows = session.scalars(query.order_by(BreakEvent.at, BreakEvent.id))
        return [
            BreakEventIn(
                at=r.at,
                outcome=cast("BreakOutcome", r.outcome),
                moved=r.moved,
                minutes=r.minutes,
                sat_minutes=r.sat_minutes,
            )
            for r in rows
        ]


def break_week(
    db: DB, *, user_id: int, now: datetime | None = None, tz: tzinfo | None = None
) -> BreakWeek:
    """Break statistics for the seven days ending on the person's today at ``now`` (default:
    the real time), counted in ``tz`` (default: the machine's local zone at ``now``)."""
    now = _now(now)
    tz = tz or now.astimezone().tzinfo or UTC
    today = local_date(now, tz)
    since = datetime.combine(today - timedelta(days=7), datetime.min.time(), tzinfo=tz)
    records = [
        BreakRecord(
            at=e.at, outcome=e.outcome, moved=e.moved, minutes=e.minutes, sat_minutes=e.sat_minutes
        )
        for e in list_breaks(db, user_id=user_id, since=since)
    ]
    return week_stats(records, today=today, tz=tz)


def break_settings(db: DB, *, user_id: int) -> BreakSettingsIn:
    """The person's quiet windows and skip limit (defaults: none)."""
    with _unit(db) as session:
        row = session.scalar(select(BreakSettings).where(BreakSettings.user_id == user_id))
    if row is None:
        return BreakSettingsIn()
    return BreakSettingsIn(quiet_hours=row.quiet_hours, skip_limit=row.skip_limit)


def save_break_settings(
    db: DB, *, user_id: int, settings: BreakSettingsIn, now: datetime | None = None
) -> BreakSettingsIn:
    """Replace the person's break settings."""
    with _unit(db) as session:
        row = session.scalar(select(BreakSettings).where(BreakSettings.user_id == user_id))
        if row is None:
            row = BreakSettings(user_id=user_id)
            session.add(row)
        row.quiet_hours = settings.quiet_hours
        row.skip_limit = settings.skip_limit
        row.updated_at = _now(now)
        session.flush()
    return settings


def break_stats(db: DB, *, user_id: int, since: datetime | None = None) -> BreakStats:
    """How many reminders were taken, skipped and postponed (since ``since``)."""
    query = (
        select(BreakEvent.outcome, func.count())
        .where(BreakEvent.user_id == user_id)
        .group_by(BreakEvent.outcome)
    )
    if since is not None:
        query = query.where(BreakEvent.at >= since)
    with _unit(db) as session:
        counts = dict(session.execute(query).all())
    return BreakStats.model_validate(counts)
