"""The diary's few rows through the standard library's ``sqlite3``, for ``backcare log``.

``import sqlalchemy`` alone costs more than three times a bare Typer start, so ``backcare log 3``
cannot be quick through the store's engine. For the common case only, a local SQLite file the
store has already created and migrated to ``SCHEMA_REVISION``, these functions read and write the
same rows with plain SQL; ``open_file`` answers ``None`` for anything else (no file yet, an older
or newer schema, a locked, read-only or damaged file) and the caller then goes through the store.

The values are written as the store's column types write them on SQLite (``UTCDateTime``: UTC
without an offset, with microseconds; ``JSON``: ``json.dumps``); tests compare rows written both
ways, and the column lists with the SQLAlchemy tables. This module imports no SQLAlchemy.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

SCHEMA_REVISION = "0006"
"""The newest migration's revision id; a test keeps it equal to Alembic's head."""

SQLITE_BUSY_TIMEOUT_MS = 60_000
"""How long a writer waits for another process's write lock before giving up. Transactions
are milliseconds long, but SQLite's busy handler is not a queue: with 50 writers at once on a
busy two-core machine, 10 s let 9 of 50 fail with "database is locked" (tests/store/
test_fifty_writers.py); a minute lets every one wait its turn."""

SQLITE_SETTINGS = ("PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON")
"""Per-connection settings every writer uses; they write nothing to the file."""

SQLITE_PRAGMAS = (
    f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}",
    "PRAGMA journal_mode = WAL",
    *SQLITE_SETTINGS,
)
"""The store's connections: wait for the write lock (see above), and write-ahead logging (kept
in the file once set)."""

PAIN_COLUMNS = ("user_id", "score", "areas", "note", "at", "client_id")
"""``pain_entries`` but its id; a test keeps it equal to the SQLAlchemy table's columns."""
ALERT_COLUMNS = ("user_id", "kind", "message", "shown_at")
"""``alerts_shown`` but its id; a test keeps it equal to the SQLAlchemy table's columns."""

LOCAL_USERNAME = "local"
"""The single local user's name (``store.models`` re-exports it)."""


def sqlite_file(url: str) -> Path | None:
    """The file of a plain ``sqlite:///PATH`` URL; ``None`` for any other database or any URL
    with options, escapes or an in-memory database (the store reads those)."""
    prefix = "sqlite:///"
    path = url.removeprefix(prefix)
    if not url.startswith(prefix) or not path or path == ":memory:" or set(path) & set("?#%"):
        return None
    return Path(path)


def open_file(path: Path) -> sqlite3.Connection | None:
    """A connection to ``path`` inside a ``BEGIN IMMEDIATE`` transaction (the write lock held),
    or ``None`` unless the file exists, is writable, is free, is in WAL mode and is at
    ``SCHEMA_REVISION``.
    The caller commits, or rolls back by closing. Never creates a file: a new database is the
    store's to create (mode 0600, migrations, the local user)."""
    uri = f"{path.absolute().as_uri()}?mode=rw"
    try:
        connection = sqlite3.connect(uri, uri=True, timeout=0, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        # No waiting here: another writer holding the lock sends this run through the store,
        # which waits its full busy timeout as every writer does.
        for pragma in ("PRAGMA busy_timeout = 0", *SQLITE_SETTINGS):
            connection.execute(pragma)
        (journal,) = connection.execute("PRAGMA journal_mode").fetchone()  # read, not set
        connection.execute("BEGIN IMMEDIATE")
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except (sqlite3.Error, TypeError):  # locked, read-only, damaged, no revision table or row
        connection.close()
        return None
    if journal != "wal" or revision != SCHEMA_REVISION:  # the store sets WAL, and migrates
        connection.close()
        return None
    return connection


def stamp(value: datetime) -> str:
    """An aware time as ``UTCDateTime`` stores it on SQLite (and compares it, as text)."""
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def unstamp(text: str) -> datetime:
    """A stored time, aware in UTC (as ``UTCDateTime`` reads it)."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def local_user_id(connection: sqlite3.Connection) -> int | None:
    row = connection.execute("SELECT id FROM users WHERE username = ?", (LOCAL_USERNAME,))
    found = row.fetchone()
    return None if found is None else int(found[0])


def insert(connection: sqlite3.Connection, table: str, columns: Sequence[str], *values: Any) -> int:
    """Insert one row; its id."""
    marks = ", ".join("?" * len(columns))
    cursor = connection.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", values
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def insert_pain(
    connection: sqlite3.Connection,
    user_id: int,
    *,
    score: int,
    areas: Sequence[str],
    note: str | None,
    at: datetime,
) -> int:
    """A pain entry, as ``services.log_pain`` stores it without a client id; its id."""
    values = (user_id, score, json.dumps(list(areas)), note, stamp(at), None)
    return insert(connection, "pain_entries", PAIN_COLUMNS, *values)


def insert_alert(
    connection: sqlite3.Connection, user_id: int, *, kind: str, message: str, shown_at: datetime
) -> None:
    """An alert shown, as ``services.diary_alerts`` records it."""
    insert(connection, "alerts_shown", ALERT_COLUMNS, user_id, kind, message, stamp(shown_at))


def first_session_start(connection: sqlite3.Connection, user_id: int) -> datetime | None:
    """When the first guided session began (the plan's start), if any."""
    query = "SELECT min(started_at) FROM session_records WHERE user_id = ?"
    (started,) = connection.execute(query, (user_id,)).fetchone()
    return None if started is None else unstamp(started)


def pain_rows(
    connection: sqlite3.Connection, user_id: int, where: str, order: str = "", *bounds: Any
) -> list[tuple[int, datetime, int, list[str]]]:
    """``(id, at, score, areas)`` of this user's entries matching ``where`` (SQL over ``at``
    and ``score``, with ``?`` for ``bounds``; times as ``stamp`` gives them), in ``order``."""
    query = f"SELECT id, at, score, areas FROM pain_entries WHERE user_id = ? AND {where} {order}"
    rows = connection.execute(query, (user_id, *bounds))
    return [(id_, unstamp(at), score, json.loads(areas)) for id_, at, score, areas in rows]


def newest_profile_data(connection: sqlite3.Connection, user_id: int) -> dict[str, Any] | None:
    """The newest saved profile's data as stored, or ``None`` before the first check-in."""
    query = "SELECT data FROM profile_versions WHERE user_id = ? ORDER BY version DESC LIMIT 1"
    found = connection.execute(query, (user_id,)).fetchone()
    return None if found is None else dict(json.loads(found[0]))
