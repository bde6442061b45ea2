"""``current_profile_since``: the newest profile and when the first was saved, in one read, the
same as ``current_profile`` and the oldest of ``profile_history`` (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from backcare import services
from backcare.profile import Profile
from backcare.store import Database

FIRST = datetime(2026, 10, 1, 9, 30, tzinfo=UTC)


def test_none_before_the_first_check_in(db: Database, user: int) -> None:
    assert services.current_profile_since(db, user_id=user) is None


def test_the_newest_profile_and_the_first_save(db: Database, user: int) -> None:
    for days, age in ((0, 31), (9, 32), (23, 33)):
        services.save_profile(
            db, user_id=user, profile=Profile(age=age), now=FIRST + timedelta(days=days)
        )
    found = services.current_profile_since(db, user_id=user)
    assert found == (Profile(age=33), FIRST)
    history = services.profile_history(db, user_id=user)
    assert found == (services.current_profile(db, user_id=user), history[0].saved_at)
