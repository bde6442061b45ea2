"""``log_pain`` then ``diary_alerts`` (without the knowledge base) over plain ``sqlite3``:
``backcare log``'s common case without importing SQLAlchemy (see ``store.lean``).

The same rows and the same answer as the two use cases in ``services.diary``, in one
transaction: the entry, the alerts the core's pure functions (``pain_alerts``,
``new_leg_symptoms_alert``) find over the same entries, each recorded as shown. Anything this
path does not handle answers ``None`` with nothing written, and the caller uses the store.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from typing import NamedTuple

from backcare.diary import PainPoint, new_leg_symptoms_alert, pain_alerts
from backcare.diary.alerts import Alert, alert_windows, recent_window
from backcare.errors import InputError
from backcare.pain_schemas import PainEntryCreate, PainEntryPublic
from backcare.store import lean


def log_pain_quickly(
    url: str, entry: PainEntryCreate, *, now: datetime
) -> tuple[PainEntryPublic, list[Alert]] | None:
    """Save ``entry`` in the SQLite file at ``url`` and record the alerts that now apply;
    ``None`` (nothing saved) unless the file is ready for it (``lean.open_file``)."""
    path = lean.sqlite_file(url)
    connection = lean.open_file(path) if path is not None else None
    if connection is None:
        return None
    try:
        saved = _log(connection, entry, now=now.astimezone(UTC))
        if saved is not None:
            connection.execute("COMMIT")
        return saved
    except (sqlite3.Error, InputError):
        # The store says the same in its own words (a saved profile it cannot read: the entry
        # saved, then the one-line error), so it answers instead; here nothing was committed.
        return None
    finally:
        connection.close()


def _log(
    connection: sqlite3.Connection, entry: PainEntryCreate, *, now: datetime
) -> tuple[PainEntryPublic, list[Alert]] | None:
    user_id = lean.local_user_id(connection)
    if user_id is None:
        return None
    at, areas = entry.at or now, list(entry.areas)
    entry_id = lean.insert_pain(
        connection, user_id, score=entry.score, areas=areas, note=entry.note, at=at
    )
    alerts = _alerts(connection, user_id, now=now)
    for alert in alerts:
        lean.insert_alert(connection, user_id, kind=alert.kind, message=alert.message, shown_at=now)
    saved = PainEntryPublic(id=entry_id, score=entry.score, areas=areas, note=entry.note, at=at)
    return saved, alerts


def _alerts(connection: sqlite3.Connection, user_id: int, *, now: datetime) -> list[Alert]:
    """What ``diary_alerts`` finds without a knowledge base, over the same entries."""
    plan_started = lean.first_session_start(connection, user_id)
    recent = [
        _Entry(at, areas)
        for _, at, _, areas in _rows(
            connection, user_id, "at >= ? AND at < ?", "ORDER BY at, id", *recent_window(now)
        )
    ]
    data = lean.newest_profile_data(connection, user_id)
    known_areas = _profile_areas(data) if data is not None else []
    leg = new_leg_symptoms_alert(recent, known_areas=known_areas, now=now)
    points = _alert_points(connection, user_id, now=now, plan_started=plan_started)
    return ([leg] if leg else []) + pain_alerts(points, now=now, plan_started=plan_started)


def _alert_points(
    connection: sqlite3.Connection, user_id: int, *, now: datetime, plan_started: datetime | None
) -> list[PainPoint]:
    """The entries ``services.diary`` gives ``pain_alerts``: the windows, the first painful
    entry and the newest two up to ``now``."""
    points: dict[int, PainPoint] = {}
    for since, until in alert_windows(now, plan_started):
        points |= _points(_rows(connection, user_id, "at >= ? AND at < ?", "", since, until))
    first = "score > 0 AND at <= ?", "ORDER BY at, id LIMIT 1"
    newest = "at <= ?", "ORDER BY at DESC, score DESC LIMIT 2"
    for where, order in (first, newest):
        points |= _points(_rows(connection, user_id, where, order, now))
    return sorted(points.values())


def _rows(
    connection: sqlite3.Connection, user_id: int, where: str, order: str, *times: datetime
) -> list[tuple[int, datetime, int, list[str]]]:
    return lean.pain_rows(connection, user_id, where, order, *map(lean.stamp, times))


def _points(rows: list[tuple[int, datetime, int, list[str]]]) -> dict[int, PainPoint]:
    return {id_: PainPoint(at, score) for id_, at, score, _ in rows}


def _profile_areas(data: dict[str, object]) -> list[str]:
    from backcare.profile import stored_profile

    return list(stored_profile(data).pain.areas)


class _Entry(NamedTuple):
    """What ``new_leg_symptoms_alert`` reads of an entry."""

    at: datetime
    areas: list[str]
