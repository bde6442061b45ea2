"""``backcare log``'s quick path (``store.lean`` + ``services.quick_log``) against the store's.

Every comparison is between real SQLite files: one entry logged through SQLAlchemy
(``services.log_pain`` then ``services.diary_alerts``) and the same entry through plain
``sqlite3`` must leave the same rows and give the same answer, on any diary; anything the quick
path does not handle must leave the file exactly as it was.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backcare import services
from backcare.content.names import AREAS
from backcare.pain_schemas import PainEntryCreate
from backcare.profile import Profile
from backcare.store import lean, open_url
from backcare.store.models import AlertShown, PainEntry, SessionRecord

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database the store created and migrated (with its local user), copied per test."""
    path = tmp_path_factory.mktemp("template") / "backcare.db"
    open_url(f"sqlite:///{path}", home=path.parent).close()
    return path


def copy_of(template: Path, path: Path) -> Path:
    """A consistent copy of a database file (SQLite's online backup, WAL included)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(template) as source, sqlite3.connect(path) as target:
        source.backup(target)
    source.close()
    target.close()
    return path


def url(path: Path) -> str:
    return f"sqlite:///{path}"


def rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every pain entry and alert shown, exactly as stored (text, not parsed)."""
    with sqlite3.connect(path) as connection:
        found = {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
            for table in ("pain_entries", "alerts_shown")
        }
    connection.close()
    return found


def log_through_store(path: Path, entry: PainEntryCreate, now: datetime) -> object:
    database = open_url(url(path))
    try:
        user_id = services.local_user_id(database)
        saved = services.log_pain(database, user_id=user_id, entry=entry, now=now)
        alerts = services.diary_alerts(database, user_id=user_id, kb=None, now=now)
    finally:
        database.close()
    return saved, alerts


def read_back(path: Path) -> tuple[object, object]:
    """The diary and the alerts shown through the store's own readers."""
    database = open_url(url(path))
    try:
        user_id = services.local_user_id(database)
        return (
            services.list_pain(database, user_id=user_id),
            services.alerts_shown(database, user_id=user_id),
        )
    finally:
        database.close()


def test_the_quick_paths_revision_is_alembics_head() -> None:
    """A new migration must move ``lean.SCHEMA_REVISION`` too, or the quick path would write
    into a schema it was not written for (it would refuse every file the store migrated)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from backcare.store.database import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    assert ScriptDirectory.from_config(config).get_current_head() == lean.SCHEMA_REVISION


@pytest.mark.parametrize(
    ("model", "columns"),
    [(PainEntry, lean.PAIN_COLUMNS), (AlertShown, lean.ALERT_COLUMNS)],
)
def test_the_insert_column_lists_are_the_tables_columns(model: type, columns: tuple[str]) -> None:
    assert sorted(model.__table__.columns.keys()) == sorted(("id", *columns))


def test_one_entry_by_each_path_is_the_same_row(template: Path, tmp_path: Path) -> None:
    by_store, quick = copy_of(template, tmp_path / "a.db"), copy_of(template, tmp_path / "b.db")
    entry = PainEntryCreate(score=6, areas=["lower_back", "leg_sciatica"], note="lifting ✓")
    store_answer = log_through_store(by_store, entry, NOW)
    quick_answer = services.log_pain_quickly(url(quick), entry, now=NOW)
    assert quick_answer is not None
    assert quick_answer == store_answer
    assert rows(quick) == rows(by_store)
    assert read_back(quick) == read_back(by_store)
    (stored,) = rows(quick)["pain_entries"]
    assert stored[1:] == (
        1,
        6,
        '["lower_back", "leg_sciatica"]',
        "lifting ✓",
        "2026-11-20 12:00:00.000000",
        None,
    )


minutes = st.integers(min_value=-130 * 24 * 60, max_value=5)
diaries = st.lists(
    st.tuples(
        minutes, st.integers(0, 10), st.lists(st.sampled_from(AREAS), unique=True, max_size=3)
    ),
    max_size=25,
)
entries = st.builds(
    PainEntryCreate,
    score=st.integers(0, 10),
    areas=st.lists(st.sampled_from(AREAS), unique=True, max_size=3),
    note=st.none() | st.text(max_size=30).filter(lambda text: "\x00" not in text),
    at=st.none() | minutes.map(lambda m: NOW + timedelta(minutes=m)),
)


def fill(
    path: Path,
    diary: list[tuple[int, int, list[str]]],
    plan_day: int | None,
    areas: list[str] | None,
) -> None:
    """A diary through the store: entries, maybe a guided session (the plan's start) and maybe
    a saved profile with the areas it names."""
    database = open_url(url(path))
    try:
        user_id = services.local_user_id(database)
        for minute, score, where in diary:
            at = NOW + timedelta(minutes=minute)
            services.log_pain(
                database,
                user_id=user_id,
                entry=PainEntryCreate(score=score, areas=where, at=at),
                now=NOW,
            )
        if plan_day is not None:
            started = NOW - timedelta(days=plan_day)
            with database.session() as session:
                session.add(
                    SessionRecord(
                        user_id=user_id,
                        plan_day=1,
                        week=1,
                        started_at=started,
                        ended_at=started + timedelta(minutes=20),
                        items=[],
                        pain_before=None,
                        pain_after=None,
                    )
                )
        if areas is not None:
            profile = Profile.model_validate({"age": 40, "pain": {"score": 4, "areas": areas}})
            services.save_profile(database, user_id=user_id, profile=profile, now=NOW)
    finally:
        database.close()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    diary=diaries,
    plan_day=st.none() | st.integers(0, 70),
    profile_areas=st.none() | st.lists(st.sampled_from(AREAS), unique=True, max_size=3),
    entry=entries,
)
def test_any_diary_gets_the_same_rows_and_alerts_by_either_path(
    template: Path,
    tmp_path: Path,
    diary: list[tuple[int, int, list[str]]],
    plan_day: int | None,
    profile_areas: list[str] | None,
    entry: PainEntryCreate,
) -> None:
    base = copy_of(template, tmp_path / "base.db")
    fill(base, diary, plan_day, profile_areas)
    by_store, quick = copy_of(base, tmp_path / "a.db"), copy_of(base, tmp_path / "b.db")
    store_answer = log_through_store(by_store, entry, NOW)
    assert services.log_pain_quickly(url(quick), entry, now=NOW) == store_answer
    assert rows(quick) == rows(by_store)
    assert read_back(quick) == read_back(by_store)


LEG = "leg_sciatica"
FORTNIGHT = 15 * 24 * 60
"""The minutes back the leg check reads (``ALERT_LOOKBACK``)."""


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    diary=diaries,
    profile_areas=st.none() | st.lists(st.sampled_from(AREAS), unique=True, max_size=3),
    areas=st.lists(st.sampled_from(AREAS), unique=True, max_size=3),
)
def test_the_leg_alert_comes_with_the_entry_that_first_has_leg_pain(
    template: Path,
    tmp_path: Path,
    diary: list[tuple[int, int, list[str]]],
    profile_areas: list[str] | None,
    areas: list[str],
) -> None:
    """Logged now, an entry alerts for new leg pain exactly when it has leg pain and neither
    the last two weeks' entries nor the profile did; never because an earlier entry had it."""
    path = copy_of(template, tmp_path / "leg.db")
    fill(path, diary, None, profile_areas)
    answer = services.log_pain_quickly(url(path), PainEntryCreate(score=4, areas=areas), now=NOW)
    assert answer is not None
    seen_before = any(LEG in where for minute, _, where in diary if -FORTNIGHT <= minute <= 0)
    new = LEG in areas and not seen_before and LEG not in (profile_areas or [])
    assert ("new_leg_symptoms" in [alert.kind for alert in answer[1]]) == new


@pytest.fixture
def ready(template: Path, tmp_path: Path) -> Path:
    return copy_of(template, tmp_path / "home" / "backcare.db")


def test_it_leaves_a_missing_file_to_the_store(tmp_path: Path) -> None:
    missing = tmp_path / "new" / "backcare.db"
    assert services.log_pain_quickly(url(missing), PainEntryCreate(score=3), now=NOW) is None
    assert not missing.exists()
    assert not missing.parent.exists()


@pytest.mark.parametrize(
    "address",
    [
        "postgresql+psycopg://app:app@127.0.0.1:5432/appdb",
        "sqlite://",
        "sqlite:///:memory:",
        "sqlite:///a.db?mode=ro",
        "sqlite+pysqlite:///a.db",
    ],
)
def test_it_leaves_other_databases_to_the_store(address: str) -> None:
    assert lean.sqlite_file(address) is None
    assert services.log_pain_quickly(address, PainEntryCreate(score=3), now=NOW) is None


def settled(path: Path) -> bytes:
    """The file's bytes once every connection is closed (the WAL folded in)."""
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return path.read_bytes()


def test_it_leaves_an_older_schema_to_the_store(ready: Path) -> None:
    with sqlite3.connect(ready) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0005'")
    connection.close()
    before = settled(ready)
    assert services.log_pain_quickly(url(ready), PainEntryCreate(score=3), now=NOW) is None
    assert settled(ready) == before


def test_it_leaves_a_locked_file_to_the_store_without_waiting(ready: Path) -> None:
    blocker = sqlite3.connect(ready, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        assert services.log_pain_quickly(url(ready), PainEntryCreate(score=3), now=NOW) is None
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert rows(ready)["pain_entries"] == []


def test_it_leaves_a_damaged_file_to_the_store(tmp_path: Path) -> None:
    damaged = tmp_path / "backcare.db"
    damaged.write_bytes(b"not a database, just some bytes" * 100)
    before = damaged.read_bytes()
    assert services.log_pain_quickly(url(damaged), PainEntryCreate(score=3), now=NOW) is None
    assert damaged.read_bytes() == before


def test_a_saved_profile_it_cannot_read_is_left_to_the_store(ready: Path) -> None:
    """The store saves the entry, then fails in one line on the profile; the quick path saves
    nothing and lets the store do exactly that."""
    with sqlite3.connect(ready) as connection:
        connection.execute(
            "INSERT INTO profile_versions (user_id, version, data, saved_at) VALUES (1, 1, ?, ?)",
            ('{"age": "old"}', "2026-11-01 00:00:00.000000"),
        )
    connection.close()
    assert services.log_pain_quickly(url(ready), PainEntryCreate(score=3), now=NOW) is None
    assert rows(ready)["pain_entries"] == []


def test_it_leaves_an_empty_file_to_the_store_and_writes_nothing(tmp_path: Path) -> None:
    """An empty file (the store made it 0600, then stopped before migrating) stays empty."""
    empty = tmp_path / "backcare.db"
    empty.touch()
    assert services.log_pain_quickly(url(empty), PainEntryCreate(score=3), now=NOW) is None
    assert empty.stat().st_size == 0


def test_it_leaves_a_file_out_of_wal_mode_to_the_store(ready: Path) -> None:
    """Write-ahead logging is the store's to set (with its busy timeout and pragmas)."""
    with sqlite3.connect(ready, isolation_level=None) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
    connection.close()
    assert services.log_pain_quickly(url(ready), PainEntryCreate(score=3), now=NOW) is None
    assert rows(ready)["pain_entries"] == []
