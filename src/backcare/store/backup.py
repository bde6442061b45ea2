"""Back up, check and restore a SQLite database.

``backup_sqlite`` copies a live database with SQLite's online backup API (consistent while in
use); ``integrity_problem`` runs ``PRAGMA integrity_check`` without writing anything;
``restore`` puts a checked backup in place of a damaged file and keeps the damaged one.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from backcare.store.database import Database

BACKUP_PATTERN = "backcare-*.db"
"""The names ``backcare backup`` gives the copies it keeps in the data directory."""


def backup_sqlite(database: Database, target: Path) -> None:
    """Write a consistent copy of ``database`` to ``target`` (a new file, mode 0600); on any
    failure (a full disk) no partial copy is left behind."""
    target.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    try:
        source = database.engine.raw_connection()
        try:
            destination = sqlite3.connect(target)
            try:
                source.driver_connection.backup(destination)  # type: ignore[union-attr]
            finally:
                destination.close()
        finally:
            source.close()
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def default_backup_path(folder: Path, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    return folder / BACKUP_PATTERN.replace("*", stamp)


def integrity_problem(path: Path) -> str | None:
    """``None`` when ``PRAGMA integrity_check`` says ok, else its first line (or why the file
    cannot be opened as a database). Reads only, even in a read-only directory."""
    if not path.is_file():
        return f"{path} does not exist"
    immutable = "&immutable=1" if not os.access(path.parent, os.W_OK) else ""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro{immutable}", uri=True)
        try:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        return str(error).splitlines()[0] if str(error) else type(error).__name__
    first = str(rows[0][0]) if rows else "no answer"
    return None if first == "ok" else first


def latest_good_backup(folder: Path) -> Path | None:
    """The newest backup in ``folder`` that passes the integrity check."""
    candidates = sorted(folder.glob(BACKUP_PATTERN), key=lambda p: p.stat().st_mtime, reverse=True)
    return next((p for p in candidates if integrity_problem(p) is None), None)


def restore(backup: Path, target: Path, now: datetime | None = None) -> Path:
    """Copy ``backup`` over ``target`` (mode 0600), first renaming the damaged ``target`` (and
    its ``-wal``/``-shm`` files) aside; the damaged file's new path."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    kept = target.with_name(f"{target.name}.damaged-{stamp}")
    partial = target.with_name(f".{target.name}.restoring")
    shutil.copyfile(backup, partial)
    os.chmod(partial, 0o600)
    if target.exists():
        target.replace(kept)
    for suffix in ("-wal", "-shm"):
        side = target.with_name(target.name + suffix)
        if side.exists():
            side.replace(kept.with_name(kept.name + suffix))
    partial.replace(target)
    return kept
