"""Open the database: engine, sessions, schema upgrade, the local user.

SQLite (the default) gets WAL, foreign keys, a busy timeout, ``BEGIN IMMEDIATE`` transactions
and a 0600 file; PostgreSQL gets the same models and migrations with no SQLite-only SQL.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, DataError, IntegrityError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from backcare.config import Settings
from backcare.errors import BackcareError
from backcare.store.lean import SCHEMA_REVISION as SCHEMA_REVISION
from backcare.store.lean import SQLITE_BUSY_TIMEOUT_MS, SQLITE_PRAGMAS
from backcare.store.models import LOCAL_USERNAME, User

MIGRATIONS = "backcare.store:migrations"
MIGRATION_LOCK = 0x6261636B63617265
"""PostgreSQL advisory lock id ("backcare") held while migrating."""


class StoreError(BackcareError):
    """The database cannot be opened, read or written: busy (``retry``: running again will
    work), read-only, damaged, on a full disk or unreachable. The message says what to do."""

    def __init__(self, message: str, *, retry: bool = False, read_only: bool = False) -> None:
        super().__init__(message)
        self.retry = retry
        self.read_only = read_only


PROBLEMS: tuple[tuple[tuple[str, ...], str, dict[str, bool]], ...] = (
    (("locked", "busy"), "busy (another backcare is writing); try again", {"retry": True}),
    (
        ("readonly", "read-only", "permission denied", "errno 13", "errno 30"),
        "the data directory is read-only; reading works, saving needs write access",
        {"read_only": True},
    ),
    (
        ("not a database", "malformed", "corrupt"),
        "the database file is damaged; run `backcare data check` to restore the latest backup",
        {},
    ),
    (
        ("disk is full", "disk full", "no space", "errno 28", "disk i/o error"),
        "the disk is full (or failing); free some space, then try again",
        {},
    ),
    (
        (
            "connection refused",
            "connection failed",
            "could not connect",
            "server closed the connection",
            "terminating connection",
            "shutting down",
            "starting up",
            "connection is closed",
            "connection timeout",
        ),
        "the database server cannot be reached (restarting?); try again shortly",
        {"retry": True},
    ),
)
"""What a driver's message means, in words that say what to do (first match wins)."""


def describe_store_problem(error: BaseException) -> StoreError:
    """A ``StoreError`` for a driver or file-system error, its first line kept as the reason."""
    reason = str(getattr(error, "orig", None) or error).splitlines()[0] if str(error) else ""
    lowered = f"{reason} {type(getattr(error, 'orig', error)).__name__}".lower()
    for needles, meaning, flags in PROBLEMS:
        if any(needle in lowered for needle in needles):
            return StoreError(f"database: {meaning} ({reason})", **flags)
    return StoreError(f"database: {reason or type(error).__name__}")


class Database:
    """An engine and its session factory; ``session()`` is one unit of work.

    ``read_only``: opened for reading only (the data directory is read-only); writes fail.
    """

    def __init__(self, engine: Engine, *, read_only: bool = False) -> None:
        self.engine = engine
        self.read_only = read_only
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._reads = (
            engine if self.is_sqlite else engine.execution_options(isolation_level="AUTOCOMMIT")
        )
        self._statements = (
            self._sessions if self.is_sqlite else sessionmaker(self._reads, expire_on_commit=False)
        )

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: committed when the block ends, rolled back if it raises.

        A busy, unreachable or broken database raises ``StoreError`` (worth retrying).
        """
        with _store_errors(), self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def statements(self) -> Iterator[Session]:
        """Like ``session()`` but, on a database server, each statement commits on its own:
        no BEGIN and COMMIT round trips, for work that needs no transaction around it (one
        read, or one write that stands alone). SQLite: the same as ``session()``."""
        with _store_errors(), self._statements() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A bare connection for a read that runs on every request: no ORM session, no
        transaction round trips on a database server (about a third of a session's cost).
        Nothing written here is kept."""
        with _store_errors(), self._reads.connect() as connection:
            yield connection

    def close(self) -> None:
        self.engine.dispose()


def open_database(settings: Settings, *, read_only: bool = False) -> Database:
    """Open (creating and upgrading as needed) the database that ``settings`` names;
    ``read_only`` opens an existing SQLite file for reading only (see ``open_url``)."""
    return open_url(settings.database_url, home=settings.home, read_only=read_only)


def open_url(url: str, *, home: Path | None = None, read_only: bool = False) -> Database:
    """Open the database at ``url``; ``home`` is created (0700) for a local SQLite file.

    ``read_only`` (SQLite): the existing file, for reading only, not migrated; in a read-only
    directory SQLite cannot make its shared-memory file, so the file is opened as immutable.
    Any trouble is a ``StoreError``.
    """
    if read_only and url.startswith("sqlite"):
        return _open_read_only(url)
    with _store_errors():
        if home is not None:
            home.mkdir(parents=True, exist_ok=True, mode=0o700)
        engine = create_database_engine(url)
    database = Database(engine)
    try:
        with _store_errors():
            upgrade_schema(engine)
        ensure_local_user(database)
    except Exception:
        engine.dispose()
        raise
    return database


def _open_read_only(url: str) -> Database:
    path = Path(make_url(url).database or "")
    if not path.is_file():
        raise StoreError(f"database: {path} does not exist yet (nothing saved)")
    immutable = "&immutable=1" if not os.access(path.parent, os.W_OK) else ""
    engine = create_engine(f"sqlite:///file:{path}?mode=ro{immutable}&uri=true")
    event.listen(engine, "connect", _configure_read_only)
    event.listen(engine, "begin", lambda connection: connection.exec_driver_sql("BEGIN"))
    database = Database(engine, read_only=True)
    try:
        with _store_errors():
            revision = current_revision(engine)
        if revision != SCHEMA_REVISION:
            raise StoreError(
                f"database: {path} needs an upgrade to revision {SCHEMA_REVISION}, which needs "
                "write access",
                read_only=True,
            )
    except Exception:
        engine.dispose()
        raise
    return database


def _configure_read_only(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    dbapi_connection.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    dbapi_connection.execute("PRAGMA query_only = ON")


def writable(settings: Settings) -> bool:
    """Whether the SQLite file (or, before it exists, its directory) can be written; always
    true for a server database (PostgreSQL says for itself)."""
    if not settings.is_sqlite:
        return True
    path = Path(make_url(settings.database_url).database or "")
    if path.exists():
        return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    parent = next((p for p in (path.parent, *path.parent.parents) if p.exists()), Path("/"))
    return os.access(parent, os.W_OK)


@contextmanager
def _store_errors() -> Iterator[None]:
    """Database and file trouble (locked past the busy timeout, read-only, damaged, disk full,
    unreachable) as one ``StoreError`` that says what to do; programming errors and refused
    data (integrity) pass through."""
    try:
        yield
    except (IntegrityError, ProgrammingError, DataError):
        raise
    except (DatabaseError, OSError) as error:
        raise describe_store_problem(error) from error


SERVER_POOL_SIZE = 15
"""Connections one process keeps open to a database server (PostgreSQL), all kept: the same
ceiling as SQLAlchemy's default (5 kept plus 10 opened and closed again), but under load the
default opened and closed a connection for most requests past the fifth at once, and a new
PostgreSQL connection costs a server process. Requests past 15 at once wait for a free one."""


def create_database_engine(url: str) -> Engine:
    """An engine for ``url``, with the SQLite settings above when it is SQLite."""
    if not url.startswith("sqlite"):
        # pre-ping: a pooled connection that died with a database restart is replaced before
        # use instead of failing the first request after it.
        return create_engine(url, pool_pre_ping=True, pool_size=SERVER_POOL_SIZE, max_overflow=0)
    path = make_url(url).database
    if path and path != ":memory:":
        _create_private_file(Path(path))
    engine = create_engine(url)
    event.listen(engine, "connect", _configure_sqlite)
    event.listen(engine, "begin", _begin_immediate)
    return engine


def _create_private_file(path: Path) -> None:
    """Create the database file with mode 0600 before SQLite does (it would use the umask).

    SQLite gives its ``-wal`` and ``-shm`` files the database file's mode, so they stay private.
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
    os.chmod(path, 0o600)


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    """Per-connection settings; autocommit at the driver so SQLAlchemy's BEGIN is the real one."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def _begin_immediate(connection: Any) -> None:
    """Take the write lock at BEGIN: two writers then queue on busy_timeout instead of
    failing mid-transaction with SQLITE_BUSY when a read snapshot must become a write."""
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def upgrade_schema(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision.

    When the database already says ``SCHEMA_REVISION``, Alembic is not even imported: that
    saves about a third of a second on every CLI command.
    """
    if current_revision(engine) == SCHEMA_REVISION:
        return
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    _refuse_unknown_revision(config, current_revision(engine))
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            # Several app servers starting at once on one database: one migrates, the others
            # wait here (the lock ends with the transaction) and then find nothing to do.
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _refuse_unknown_revision(config: Any, revision: str | None) -> None:
    """A schema this release does not know is newer (the app was rolled back after an
    upgrade): refuse, in one line, rather than guess; nothing is changed."""
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    if revision is None:
        return
    try:
        ScriptDirectory.from_config(config).get_revision(revision)
    except CommandError:
        raise StoreError(
            f"database: its schema (revision {revision}) is newer than this backcare knows "
            f"({SCHEMA_REVISION}); run the release that upgraded it, or restore a backup made "
            "before that upgrade"
        ) from None


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in the database, or ``None`` before the first migration."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def ensure_local_user(database: Database) -> int:
    """The id of the single local user, created on first open.

    App servers started together on a fresh database may all find no local user and all try
    to create it; the one whose insert loses to another's reads the winner's row instead of
    failing to start."""
    try:
        with database.session() as session:
            user_id = session.scalar(select(User.id).where(User.username == LOCAL_USERNAME))
            if user_id is None:
                user = User(username=LOCAL_USERNAME, created_at=datetime.now(UTC))
                session.add(user)
                session.flush()
                user_id = user.id
            return user_id
    except IntegrityError:
        with database.session() as session:
            found = session.scalar(select(User.id).where(User.username == LOCAL_USERNAME))
        if found is None:
            raise
        return found
