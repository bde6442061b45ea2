"""``backcare data check``: is the database sound? If not, restore the latest good backup."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from backcare.cli.common import settings
from backcare.errors import InputError

app = typer.Typer(help="Check the database; restore the latest backup if it is damaged.")


@app.command("check")
def check(
    restore: Annotated[
        bool, typer.Option("--restore", help="Restore the latest good backup without asking.")
    ] = False,
) -> None:
    """Run SQLite's integrity check; when the database is damaged, offer to restore the latest
    good backup made by `backcare backup` (the damaged file is kept beside it)."""

    from sqlalchemy.engine import make_url

    from backcare.cli.common import fail
    from backcare.store.backup import integrity_problem, latest_good_backup
    from backcare.store.backup import restore as restore_backup

    current = settings()
    if not current.is_sqlite:
        raise InputError("data check: the database is PostgreSQL; check it with its own tools")
    path = Path(make_url(current.database_url).database or "")
    if not path.exists():
        print(f"database: {path} does not exist yet (nothing saved); nothing to check.")
        return
    problem = integrity_problem(path)
    if problem is None:
        print(f"database: ok ({path})")
        return
    print(f"database: damaged ({problem})")
    backup = latest_good_backup(backups_folder())
    if backup is None:
        fail(
            f"database: damaged and no good backup in {backups_folder()}; "
            f"move {path} aside to start afresh"
        )
    saved = datetime.fromtimestamp(backup.stat().st_mtime).astimezone()
    question = f"Restore the backup of {saved:%Y-%m-%d %H:%M} ({backup})?"
    if not restore and not _yes(question):
        fail("database: damaged; not restored (run `backcare data check --restore`)")
    try:
        kept = restore_backup(backup, path)
    except OSError as error:
        fail(f"database: could not restore {backup}: {error.strerror or error}")
    print(f"Restored {backup}; the damaged file is kept as {kept}.")


def backups_folder() -> Path:
    """Where ``backcare backup`` keeps its copies when given no path."""
    return settings().home / "backups"


def _yes(question: str) -> bool:
    if not sys.stdin.isatty():
        return False
    try:
        return typer.confirm(question)
    except typer.Abort:
        return False
