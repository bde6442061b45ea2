"""Opening the database: file, pragmas, schema, local user."""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import delete, event, inspect, text
from sqlalchemy.exc import IntegrityError

from backcare.config import load_settings
from backcare.store import Database, StoreError, open_database, open_url
from backcare.store.database import ensure_local_user
from backcare.store.models import Base, PainEntry, User


def test_open_database_creates_a_private_home_and_file(tmp_path: Path) -> None:
    home = tmp_path / "new" / "home"
    database = open_database(load_settings({"BACKCARE_HOME": str(home)}))
    database.close()
    assert stat.S_IMODE((home / "backcare.db").stat().st_mode) == 0o600
    assert stat.S_IMODE(home.stat().st_mode) == 0o700


def test_wal_and_sidecar_files_are_private(db: Database, db_path: Path) -> None:
    with db.session() as session:
        session.add(PainEntry(user_id=1, score=3, areas=[], at=datetime.now(UTC)))
        wal = Path(f"{db_path}-wal")
        assert wal.exists()
        assert stat.S_IMODE(wal.stat().st_mode) == 0o600


def test_sqlite_settings(db: Database) -> None:
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_the_migrations_create_exactly_the_models(db: Database) -> None:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"render_as_batch": True})
        assert compare_metadata(context, Base.metadata) == []


def test_reopening_keeps_data_and_one_local_user(db_path: Path) -> None:
    url = f"sqlite:///{db_path}"
    first = open_url(url, home=db_path.parent)
    with first.session() as session:
        session.add(PainEntry(user_id=1, score=6, areas=["neck_shoulder"], at=datetime.now(UTC)))
    first.close()
    second = open_url(url, home=db_path.parent)
    with second.session() as session:
        assert session.query(User).count() == 1
        assert [row.score for row in session.query(PainEntry)] == [6]
    second.close()


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(PainEntry(user_id=999, score=3, areas=[], at=datetime.now(UTC)))


def test_scores_outside_0_to_10_are_refused_by_the_database_too(db: Database) -> None:
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(PainEntry(user_id=1, score=11, areas=[], at=datetime.now(UTC)))


def test_times_come_back_aware_in_utc(db: Database) -> None:
    local = datetime(2026, 11, 20, 8, 30, tzinfo=timezone(timedelta(hours=8)))
    with db.session() as session:
        session.add(PainEntry(user_id=1, score=2, areas=[], at=local))
    with db.session() as session:
        stored = session.query(PainEntry).one().at
    assert stored == local
    assert stored.tzinfo is UTC
    assert stored.hour == 0


def test_naive_times_are_refused(db: Database) -> None:
    with pytest.raises(Exception, match="naive datetime"), db.session() as session:
        session.add(PainEntry(user_id=1, score=2, areas=[], at=datetime(2026, 1, 1)))


def test_every_user_table_has_a_user_id(db: Database) -> None:
    inspector = inspect(db.engine)
    # Rate-limit hits count attempts per address or typed name, whoever typed it (kept one hour).
    tables = set(inspector.get_table_names()) - {"users", "alembic_version", "rate_limit_hits"}
    assert tables
    for table in tables:
        assert "user_id" in {column["name"] for column in inspector.get_columns(table)}, table


@pytest.mark.postgres
def test_the_same_migrations_run_on_postgresql(postgres_database: Callable[[], str]) -> None:
    url = postgres_database()
    for _ in range(2):  # the second open finds the schema current
        database = open_url(url)
        with database.engine.connect() as connection:
            context = MigrationContext.configure(connection)
            assert compare_metadata(context, Base.metadata) == []
        with database.session() as session:
            assert [u.username for u in session.query(User)] == ["local"]
        database.close()


def test_a_local_user_another_server_made_meanwhile_is_used(
    postgres_database: Callable[[], str],
) -> None:
    """Two app servers opening a fresh database together both find no local user; the one
    whose insert comes second uses the other's row instead of failing to start."""
    database = open_url(postgres_database())
    with database.session() as session:
        session.execute(delete(User))
    made_meanwhile: list[bool] = []

    @event.listens_for(database.engine, "before_cursor_execute")
    def another_server_first(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        if statement.startswith("INSERT INTO users") and not made_meanwhile:
            made_meanwhile.append(True)
            with database.engine.begin() as other:
                other.execute(
                    text("INSERT INTO users (username, created_at) VALUES ('local', now())")
                )

    user_id = ensure_local_user(database)
    assert made_meanwhile
    with database.session() as session:
        assert [(u.id, u.username) for u in session.query(User)] == [(user_id, "local")]
    database.close()


def test_integrity_check_passes_on_a_fresh_database(db: Database) -> None:
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"


def test_a_database_locked_too_long_is_a_retryable_store_error(db: Database, db_path: Path) -> None:
    from backcare import services
    from backcare.schemas import PainEntryCreate

    with db.engine.connect() as connection:  # the pooled connection the next session reuses
        connection.exec_driver_sql("PRAGMA busy_timeout = 200")
    blocker = sqlite3.connect(db_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError, match=r"busy .*; try again \(database is locked\)") as busy:
            services.log_pain(db, user_id=1, entry=PainEntryCreate(score=3), now=datetime.now(UTC))
        assert busy.value.retry
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    services.log_pain(db, user_id=1, entry=PainEntryCreate(score=3), now=datetime.now(UTC))


def test_schema_revision_names_the_newest_migration(db: Database) -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from backcare.store.database import MIGRATIONS, SCHEMA_REVISION, current_revision

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    assert ScriptDirectory.from_config(config).get_current_head() == SCHEMA_REVISION
    assert current_revision(db.engine) == SCHEMA_REVISION
