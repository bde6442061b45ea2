"""What every use case shares: the unit of work, the clock, the local user."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from backcare.store.database import Database, StoreError
from backcare.store.models import LOCAL_USERNAME, User

DB = Database | Session


@contextmanager
def _unit(db: DB) -> Iterator[Session]:
    """The session to work in: a new transaction for a ``Database``, the caller's otherwise."""
    if isinstance(db, Session):
        yield db
    else:
        with db.session() as session:
            yield session


def _now(now: datetime | None) -> datetime:
    return datetime.now(UTC) if now is None else now.astimezone(UTC)


def local_user_id(db: DB) -> int:
    """The single local user's id (``open_database`` creates it)."""
    with _unit(db) as session:
        user_id = session.scalar(select(User.id).where(User.username == LOCAL_USERNAME))
    if user_id is None:
        raise StoreError("the local user is missing: open the database with open_database()")
    return user_id
