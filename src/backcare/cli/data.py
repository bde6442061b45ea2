"""``backcare import``, ``delete`` and ``backup``: the person owns their data.

Also ``local_database()``, which the data commands share to open the diary. SQLAlchemy is
imported only inside it, so ``backcare --help`` and ``backcare kb`` stay fast.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from backcare.cli.common import guarded, settings
from backcare.errors import InputError

if TYPE_CHECKING:
    from backcare.store import Database

EXIT_TRY_AGAIN = 75
"""``EX_TEMPFAIL``: the database was busy; running the command again will work."""
EXIT_STORAGE = 2
"""The database is read-only (for a command that saves), damaged or on a full disk: the
one-line message says what to do first."""


@contextmanager
def local_database(*, writes: bool = True) -> Iterator[tuple[Database, int]]:
    """The database of these settings and the local user's id. A command that only reads
    (``writes=False``) still works from a read-only data directory. A busy database is exit
    status 75 (try again); a read-only, damaged or full one is exit status 2; always one line,
    never a traceback."""
    from backcare import services
    from backcare.store import StoreError, open_database
    from backcare.store.database import writable

    try:
        read_only = not writes and not writable(settings())
        database = open_database(settings(), read_only=read_only)
        try:
            yield database, services.local_user_id(database)
        finally:
            database.close()
    except StoreError as error:
        print(f"error: {error}", file=sys.stderr)
        raise SystemExit(EXIT_TRY_AGAIN if error.retry else EXIT_STORAGE) from None


@guarded
def import_data(
    file: Annotated[Path, typer.Argument(help="A JSON file written by `backcare export`.")],
    replace: Annotated[
        bool, typer.Option("--replace", help="Delete the current diary first.")
    ] = False,
) -> None:
    """Load a JSON export into the diary (all or nothing; at most 16 MiB and 50,000 records;
    nothing dated in the future)."""
    from backcare import services
    from backcare.schemas import MAX_IMPORT_BYTES, ImportBundle
    from backcare.strict_json import loads

    try:
        with file.open("rb") as handle:
            raw = handle.read(MAX_IMPORT_BYTES + 1)
        if len(raw) > MAX_IMPORT_BYTES:
            raise InputError(
                f"FILE: {file} is larger than {MAX_IMPORT_BYTES // 2**20} MiB, the most an "
                "import reads"
            )
        data = loads(raw.decode("utf-8"))
    except (OSError, ValueError) as error:  # unreadable, not UTF-8, not JSON, NaN, a key twice
        raise InputError(f"FILE: cannot read {file} as JSON: {error}") from None
    bundle = ImportBundle.model_validate(data)
    with local_database() as (database, user_id):
        counts = services.import_all(database, user_id=user_id, bundle=bundle, replace=replace)
    print("Imported " + ", ".join(f"{count} {part}" for part, count in counts.items()) + ".")


@guarded
def delete(
    delete_all: Annotated[bool, typer.Option("--all", help="Delete everything stored.")] = False,
    session: Annotated[
        str | None,
        typer.Option(
            "--session",
            metavar="ID",
            help="Delete only this session (its id as `backcare diary --json` lists it), "
            "with the pain before and after it gave the diary.",
        ),
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete every diary entry, session, habit, break and profile you have stored.

    With --session ID instead of --all: delete one recorded session and the pain before and
    after it gave the diary (a score you have corrected since stays), as the web diary does.
    """
    if delete_all and session is not None:
        raise InputError("--session: give --all or --session ID, not both")
    if session is not None:
        _delete_session(_session_id(session), yes=yes)
        return
    if not delete_all:
        raise InputError("--all: say --all to delete everything, or --session ID for one session")
    if not yes and not _confirmed("Delete all your backcare data? This cannot be undone"):
        print("Nothing deleted.")  # a choice, not an error: exit status 0
        return
    from backcare import services

    with local_database() as (database, user_id):
        counts = services.delete_all(database, user_id=user_id)
    print(f"Deleted {sum(counts.values())} records.")


SESSION_ID_MAX = 2**31 - 1
"""Ids are 32-bit integers in the database (as ``DELETE /api/sessions/{id}`` bounds them)."""


def _session_id(text: str) -> int:
    """The id ``--session`` names: a whole number from 1 (one line naming the option if not)."""
    try:
        number = int(text.strip())
    except ValueError:
        number = 0
    if not 1 <= number <= SESSION_ID_MAX:
        raise InputError(f"--session: {text!r} is not a session id (a whole number from 1)")
    return number


def _delete_session(record_id: int, *, yes: bool) -> None:
    """Delete one session after saying which it is; an id that is not one of the person's
    sessions is an error and deletes nothing."""
    from backcare import services

    with local_database() as (database, user_id):
        found = {s.id: s for s in services.list_sessions(database, user_id=user_id)}
        if record_id not in found:
            raise InputError(f"--session: no session {record_id} in your diary")
        started = f"{found[record_id].started_at.astimezone():%d %b %Y %H:%M}"
        question = f"Delete the session of {started} and the pain scores it gave the diary?"
        if not yes and not _confirmed(question):
            print("Nothing deleted.")
            return
        services.delete_session(database, user_id=user_id, record_id=record_id)
    print(f"Deleted the session of {started}, with the pain before and after it.")


def _confirmed(question: str) -> bool:
    """Yes or no; no answer at all (input ended) is a no."""
    try:
        return typer.confirm(question)
    except typer.Abort:
        return False


@guarded
def backup(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="Where to write the copy (must not exist); default: a new file in the data "
            "directory's backups folder, which `backcare data check` restores from."
        ),
    ] = None,
) -> None:
    """Copy the database safely while it is in use (SQLite online backup)."""
    import sqlite3

    from backcare.cli.data_check import backups_folder
    from backcare.store.backup import backup_sqlite, default_backup_path

    path = path or default_backup_path(backups_folder())
    if path.exists():
        raise InputError(f"PATH: {path} already exists; choose a new file")
    with local_database(writes=False) as (database, _user_id):
        if not database.is_sqlite:
            raise InputError("backup: the database is PostgreSQL; back it up with pg_dump")
        try:
            backup_sqlite(database, path)
        except (OSError, sqlite3.Error) as error:
            reason = getattr(error, "strerror", None) or error
            raise InputError(f"PATH: cannot write {path}: {reason}") from None
    print(f"Backed up to {path}.")
