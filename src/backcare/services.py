"""The use cases both front ends share: save the profile, log pain, record sessions and breaks,
tick habits, compute diary alerts, export, import and delete a person's data.

Every function is keyword-only and takes a ``Database`` (one transaction per call) or an open
SQLAlchemy ``Session`` (the caller's transaction), and the ``user_id`` whose rows it touches.
Times come in as arguments; ``now`` defaults to the clock only for convenience.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any, cast

from pydantic import ValidationError
from sqlalchemy import CursorResult, delete, func, select
from sqlalchemy.orm import Session

from backcare.diary import PainPoint, new_leg_symptoms_alert, pain_alerts, warning_sign_alerts
from backcare.errors import InputError
from backcare.profile import Profile
from backcare.schemas import (
    AlertPublic,
    AlertShownPublic,
    BreakEventIn,
    BreakEventPublic,
    BreakOutcome,
    BreakSettingsIn,
    BreakStats,
    ExportBundle,
    HabitTickIn,
    HabitTickPublic,
    PainEntryCreate,
    PainEntryIn,
    PainEntryPublic,
    PainEntryUpdate,
    ProfileVersionPublic,
    SessionRecordCreate,
    SessionRecordPublic,
)
from backcare.session.break_stats import BreakRecord, BreakWeek, week_stats
from backcare.store.database import Database, StoreError
from backcare.store.models import (
    ALL_USER_TABLES,
    LOCAL_USERNAME,
    AlertShown,
    BreakEvent,
    BreakSettings,
    HabitTick,
    PainEntry,
    ProfileVersion,
    SessionRecord,
    User,
)

if TYPE_CHECKING:
    from backcare.knowledge import KnowledgeBase

DB = Database | Session


@contextmanager
def _unit(db: DB) -> Iterator[Session]:
    """The session to work in: a new transaction for a ``Database``, the caller's otherwise."""
    if isinstance(db, Session):
        yield db
    else:
        with db.session() as session:
            yield session


def _now(now: datetime | None) -> datetime:
    return datetime.now(UTC) if now is None else now.astimezone(UTC)


def local_user_id(db: DB) -> int:
    """The single local user's id (``open_database`` creates it)."""
    with _unit(db) as session:
        user_id = session.scalar(select(User.id).where(User.username == LOCAL_USERNAME))
    if user_id is None:
        raise StoreError("the local user is missing: open the database with open_database()")
    return user_id


# Profile ------------------------------------------------------------------------------------


def save_profile(
    db: DB, *, user_id: int, profile: Profile, now: datetime | None = None
) -> ProfileVersionPublic:
    """Save the profile as a new version if it changed; the history is kept."""
    data = profile.model_dump(mode="json", exclude_defaults=True)
    with _unit(db) as session:
        latest = _latest_profiles(session, user_id, limit=1)
        if latest and latest[0].data == data:
            return _profile_public(latest[0])
        row = ProfileVersion(
            user_id=user_id,
            version=(latest[0].version + 1) if latest else 1,
            data=data,
            saved_at=_now(now),
        )
        session.add(row)
        session.flush()
        return _profile_public(row)


def current_profile(db: DB, *, user_id: int) -> Profile | None:
    """The newest saved profile, or ``None`` before the first check-in."""
    with _unit(db) as session:
        latest = _latest_profiles(session, user_id, limit=1)
    return _stored_profile(latest[0].data) if latest else None


def _stored_profile(data: dict[str, Any]) -> Profile:
    """A saved profile; one saved before a rule was added (a pregnancy and a birth at once)
    is a one-line ``InputError`` asking for a new check-in, not a crash."""
    try:
        return Profile.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(map(str, first["loc"])) or "profile"
        raise InputError(
            f"saved profile: {where}: {first['msg'].removeprefix('Value error, ')}; "
            "check in again to replace it"
        ) from None


def profile_history(db: DB, *, user_id: int) -> list[ProfileVersionPublic]:
    """Every saved version, oldest first."""
    with _unit(db) as session:
        rows = _latest_profiles(session, user_id, limit=None)
    return [_profile_public(row) for row in reversed(rows)]


def _latest_profiles(session: Session, user_id: int, *, limit: int | None) -> list[ProfileVersion]:
    query = (
        select(ProfileVersion)
        .where(ProfileVersion.user_id == user_id)
        .order_by(ProfileVersion.version.desc())
        .limit(limit)
    )
    return list(session.scalars(query))


def _profile_public(row: ProfileVersion) -> ProfileVersionPublic:
    return ProfileVersionPublic(version=row.version, saved_at=row.saved_at, profile=row.data)


# Pain ---------------------------------------------------------------------------------------


def log_pain(
    db: DB, *, user_id: int, entry: PainEntryCreate, now: datetime | None = None
) -> PainEntryPublic:
    """Store a pain rating; without ``entry.at`` it is logged at ``now``."""
    row = PainEntry(
        user_id=user_id,
        score=entry.score,
        areas=list(entry.areas),
        note=entry.note,
        at=entry.at or _now(now),
    )
    with _unit(db) as session:
        session.add(row)
        session.flush()
        return _pain_public(row)


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


# Sessions, breaks, habits --------------------------------------------------------------------


SESSION_PAIN_NOTES = ("Before a session", "After a session")
"""The notes on the pain entries a session's pain before and after becomes."""


def record_session(db: DB, *, user_id: int, record: SessionRecordCreate) -> SessionRecordPublic:
    """Store a finished guided session (items done or skipped, pain before and after). The pain
    given before and after also goes into the pain diary, so one record of pain, wherever it
    was given, feeds the chart and the alerts."""
    row = SessionRecord(user_id=user_id, **_session_fields(record))
    ratings = zip(
        (record.pain_before, record.pain_after),
        (record.started_at, record.ended_at),
        SESSION_PAIN_NOTES,
        strict=True,
    )
    with _unit(db) as session:
        session.add(row)
        session.add_all(
            PainEntry(user_id=user_id, score=score, areas=[], note=note, at=at)
            for score, at, note in ratings
            if score is not None
        )
        session.flush()
        return _session_public(row)


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


def _session_fields(record: SessionRecordCreate) -> dict[str, Any]:
    return record.model_dump(mode="python") | {
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
    db: DB, *, user_id: int, today: date | None = None, tz: tzinfo | None = None
) -> BreakWeek:
    """Break statistics for the seven days ending ``today`` (default: today, local time)."""
    tz = tz or datetime.now().astimezone().tzinfo or UTC
    today = today or datetime.now(tz).date()
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


def tick_habit(db: DB, *, user_id: int, habit_id: str, day: date) -> HabitTickPublic:
    """Mark a habit done on a day; ticking it again the same day changes nothing."""
    tick = HabitTickIn(habit_id=habit_id, day=day)
    with _unit(db) as session:
        row = session.scalar(
            select(HabitTick).where(
                HabitTick.user_id == user_id,
                HabitTick.habit_id == tick.habit_id,
                HabitTick.day == tick.day,
            )
        )
        if row is None:
            row = HabitTick(user_id=user_id, habit_id=tick.habit_id, day=tick.day)
            session.add(row)
            session.flush()
        return HabitTickPublic(id=row.id, habit_id=row.habit_id, day=row.day)


def list_habits(db: DB, *, user_id: int, since: date | None = None) -> list[HabitTickPublic]:
    """Habit ticks by day."""
    query = select(HabitTick).where(HabitTick.user_id == user_id)
    if since is not None:
        query = query.where(HabitTick.day >= since)
    with _unit(db) as session:
        rows = session.scalars(query.order_by(HabitTick.day, HabitTick.habit_id))
        return [HabitTickPublic(id=r.id, habit_id=r.habit_id, day=r.day) for r in rows]


# Alerts ---------------------------------------------------------------------------------------


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
        recent = list_pain(session, user_id=user_id, since=now - ALERT_LOOKBACK, until=now)
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


ALERT_LOOKBACK = timedelta(days=15)
"""The trend alert compares the last seven days with the seven before (and a day of slack)."""


def _alert_points(
    session: Session, user_id: int, *, now: datetime, plan_started: datetime | None
) -> list[PainPoint]:
    """Only the entries the pain alerts look at, however long the diary: the last two weeks,
    the weeks around the plan's start, the first painful entry (when pain began) and the two
    newest (the jump from the rating before)."""
    until = now + timedelta(minutes=10)  # live writes may be a few minutes ahead (clock skew)
    points = _pain_points(session, user_id, since=now - ALERT_LOOKBACK, until=until)
    if plan_started is not None:
        week = timedelta(weeks=1)
        around = _pain_points(
            session, user_id, since=plan_started - week, until=plan_started + week
        )
        points |= around
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
    newest, previous = (evaluate(_stored_profile(v.data), kb) for v in versions)
    return warning_sign_alerts(previous.flags, newest.flags)


def alerts_shown(db: DB, *, user_id: int) -> list[AlertShownPublic]:
    """Every alert shown so far, oldest first."""
    query = select(AlertShown).where(AlertShown.user_id == user_id)
    with _unit(db) as session:
        rows = session.scalars(query.order_by(AlertShown.shown_at, AlertShown.id))
        return [AlertShownPublic(kind=r.kind, message=r.message, shown_at=r.shown_at) for r in rows]


# Export, import, delete --------------------------------------------------------------------


def export_all(db: DB, *, user_id: int, now: datetime | None = None) -> ExportBundle:
    """Everything stored for the user, in one consistent snapshot."""
    with _unit(db) as session:
        return ExportBundle(
            exported_at=_now(now),
            profiles=profile_history(session, user_id=user_id),
            pain=[_pain_in(p) for p in list_pain(session, user_id=user_id)],
            sessions=[
                SessionRecordCreate.model_validate(s.model_dump(exclude={"id"}))
                for s in list_sessions(session, user_id=user_id)
            ],
            habits=[
                HabitTickIn(habit_id=h.habit_id, day=h.day)
                for h in list_habits(session, user_id=user_id)
            ],
            breaks=list_breaks(session, user_id=user_id),
            alerts=alerts_shown(session, user_id=user_id),
            break_settings=_stored_break_settings(session, user_id),
        )


def _stored_break_settings(session: Session, user_id: int) -> BreakSettingsIn | None:
    has = session.scalar(select(BreakSettings.id).where(BreakSettings.user_id == user_id))
    return None if has is None else break_settings(session, user_id=user_id)


def _pain_in(entry: PainEntryPublic) -> PainEntryIn:
    return PainEntryIn(score=entry.score, areas=entry.areas, note=entry.note, at=entry.at)


def import_all(
    db: DB, *, user_id: int, bundle: ExportBundle, replace: bool = False
) -> dict[str, int]:
    """Load an export into the user's (empty) diary in one transaction; counts per kind.

    Refuses to mix an export into existing data unless ``replace`` (which deletes it first).
    """
    with _unit(db) as session:
        if replace:
            delete_all(session, user_id=user_id)
        elif _has_data(session, user_id):
            raise InputError("import: the diary already has data (delete it first or --replace)")
        session.add_all(_bundle_rows(bundle, user_id))
        session.flush()
    return _bundle_counts(bundle)


def _bundle_rows(bundle: ExportBundle, user_id: int) -> list[Any]:
    rows: list[Any] = [
        ProfileVersion(user_id=user_id, version=p.version, data=p.profile, saved_at=p.saved_at)
        for p in bundle.profiles
    ]
    rows += [
        PainEntry(user_id=user_id, score=p.score, areas=list(p.areas), note=p.note, at=p.at)
        for p in bundle.pain
    ]
    rows += [SessionRecord(user_id=user_id, **_session_fields(s)) for s in bundle.sessions]
    rows += [HabitTick(user_id=user_id, habit_id=h.habit_id, day=h.day) for h in bundle.habits]
    rows += [BreakEvent(user_id=user_id, **b.model_dump()) for b in bundle.breaks]
    if bundle.break_settings is not None:
        rows.append(
            BreakSettings(
                user_id=user_id,
                quiet_hours=bundle.break_settings.quiet_hours,
                skip_limit=bundle.break_settings.skip_limit,
                updated_at=bundle.exported_at,
            )
        )
    rows += [
        AlertShown(user_id=user_id, kind=a.kind, message=a.message, shown_at=a.shown_at)
        for a in bundle.alerts
    ]
    return rows


def _bundle_counts(bundle: ExportBundle) -> dict[str, int]:
    parts: Sequence[str] = ("profiles", "pain", "sessions", "habits", "breaks", "alerts")
    return {part: len(getattr(bundle, part)) for part in parts}


def _has_data(session: Session, user_id: int) -> bool:
    return any(
        session.scalar(select(table.id).where(table.user_id == user_id).limit(1)) is not None
        for table in ALL_USER_TABLES
    )


def delete_all(db: DB, *, user_id: int) -> dict[str, int]:
    """Delete every row the user owns (the user itself stays); counts per table."""
    counts: dict[str, int] = {}
    with _unit(db) as session:
        for table in ALL_USER_TABLES:
            result = session.execute(delete(table).where(table.user_id == user_id))
            counts[table.__tablename__] = cast("CursorResult[Any]", result).rowcount
    return counts


# FHIR ---------------------------------------------------------------------------------------

LOINC_PAIN_SEVERITY = {
    "system": "http://loinc.org",
    "code": "72514-3",
    "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
}
SURVEY_CATEGORY = {
    "system": "http://terminology.hl7.org/CodeSystem/observation-category",
    "code": "survey",
    "display": "Survey",
}


def export_fhir(db: DB, *, user_id: int, now: datetime | None = None) -> dict[str, Any]:
    """Pain scores as a FHIR R4 ``Bundle`` (type collection) of ``Observation`` resources."""
    entries = list_pain(db, user_id=user_id)
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": _now(now).isoformat(),
        "entry": [
            {"fullUrl": f"urn:uuid:{_fhir_uuid(user_id, e.id)}", "resource": _observation(e)}
            for e in entries
        ],
    }


def _fhir_uuid(user_id: int, entry_id: int) -> uuid.UUID:
    """Stable across exports, so re-sending the same entry does not duplicate it."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"backcare:user/{user_id}/pain/{entry_id}")


def _observation(entry: PainEntryPublic) -> dict[str, Any]:
    observation: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        "category": [{"coding": [SURVEY_CATEGORY]}],
        "code": {"coding": [LOINC_PAIN_SEVERITY], "text": "Pain severity (0-10)"},
        "effectiveDateTime": entry.at.isoformat(),
        "valueInteger": entry.score,
    }
    if entry.areas:
        observation["bodySite"] = {"text": ", ".join(a.replace("_", " ") for a in entry.areas)}
    if entry.note:
        observation["note"] = [{"text": entry.note}]
    return observation
