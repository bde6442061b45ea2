"""Copy a live SQLite database with SQLite's online backup API (consistent while in use)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from backcare.store.database import Database


def backup_sqlite(database: Database, target: Path) -> None:
    """Write a consistent copy of ``database`` to ``target`` (a new file, mode 0600)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    source = database.engine.raw_connection()
    try:
        destination = sqlite3.connect(target)
        try:
            source.driver_connection.backup(destination)  # type: ignore[union-attr]
        finally:
            destination.close()
    finally:
        source.close()
