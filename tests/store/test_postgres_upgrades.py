"""The PostgreSQL path for backups and upgrades, on the suite's real server: a ``pg_dump`` of
a live database restores into a new one the app reads as it was; a database at the previous
release's schema (0003) with data in it is upgraded on open with nothing lost; a schema newer
than this release is refused in one line (CLI exit 2), untouched."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text

from backcare import services
from backcare.schemas import PainEntryCreate
from backcare.store import StoreError, open_url
from backcare.store.database import MIGRATIONS, SCHEMA_REVISION, current_revision
from tests.store.postgres import _bindir

PREVIOUS_RELEASE = "0003"
AT = datetime(2026, 1, 5, 9, tzinfo=UTC)


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def _pain(url: str) -> list[tuple[int, str | None]]:
    database = open_url(url)
    try:
        user = services.local_user_id(database)
        return [(p.score, p.note) for p in services.list_pain(database, user_id=user)]
    finally:
        database.close()


def test_a_pg_dump_restores_into_a_new_database_the_app_reads(
    postgres_database: Callable[[], str], tmp_path: Path
) -> None:
    source, target, dump = postgres_database(), postgres_database(), tmp_path / "backcare.dump"
    database = open_url(source)
    user = services.local_user_id(database)
    for score in (6, 4, 2):
        entry = PainEntryCreate(score=score, note=f"day {score}", at=AT)
        services.log_pain(database, user_id=user, entry=entry, client_id=str(uuid.uuid4()))
    database.close()
    bindir = _bindir()
    subprocess.run(
        [bindir / "pg_dump", "--format=custom", f"--file={dump}", _libpq(source)], check=True
    )
    subprocess.run(
        [bindir / "pg_restore", "--no-owner", f"--dbname={_libpq(target)}", dump], check=True
    )
    assert _pain(target) == _pain(source) == [(6, "day 6"), (4, "day 4"), (2, "day 2")]


def test_the_previous_release_schema_with_data_is_upgraded_on_open(
    postgres_database: Callable[[], str],
) -> None:
    url = postgres_database()
    engine = create_engine(url)
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, PREVIOUS_RELEASE)
        connection.execute(
            text("INSERT INTO users (username, created_at) VALUES ('local', :at)"), {"at": AT}
        )
        connection.execute(
            text(
                "INSERT INTO pain_entries (user_id, score, areas, note, at) "
                "SELECT id, 5, '[\"lower_back\"]', 'before the upgrade', :at FROM users"
            ),
            {"at": AT},
        )
    assert current_revision(engine) == PREVIOUS_RELEASE
    engine.dispose()
    assert _pain(url) == [(5, "before the upgrade")]
    database = open_url(url)
    assert current_revision(database.engine) == SCHEMA_REVISION
    database.close()


def test_a_schema_newer_than_this_release_is_refused_in_one_line(
    postgres_database: Callable[[], str], tmp_path: Path
) -> None:
    url = postgres_database()
    open_url(url).close()
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    with pytest.raises(StoreError, match=r"revision 0099\) is newer than this backcare"):
        open_url(url)
    env = os.environ | {"BACKCARE_HOME": str(tmp_path), "BACKCARE_DATABASE_URL": url}
    result = subprocess.run(
        [sys.executable, "-m", "backcare", "diary", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert "is newer than this backcare" in result.stderr
    assert current_revision(engine) == "0099", "nothing was changed"
    engine.dispose()
