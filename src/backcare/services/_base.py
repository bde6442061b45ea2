"""What every use case shares: the unit of work, the clock, the local user."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from backcare.store.database import Database, StoreError
from backcare.store.models import LOCAL_USERNAME, PainEntry, SessionRecord, User

DB = Database | Session


@contextmanager
def _unit(db: DB) -> Iterator[Session]:
    """The session to work in: a new transaction for a ``Database``, the caller's otherwise."""
    if isinstance(db, Session):
        yield db
    else:
        with db.session() as session:
            yield session


RowT = TypeVar("RowT", PainEntry, SessionRecord)
"""The rows a client may post again: ``(user_id, client_id)`` is unique in their tables."""


def _add_once(session: Session, row: RowT, *also: object) -> RowT:
    """Add ``row`` (and ``also``, rows that come with it) unless the user already has a row
    with its client id: then that one, and nothing is added. A retried write never makes a
    duplicate, even when the retry races the first try (the unique constraint decides)."""
    model = type(row)
    same = select(model).where(
        model.user_id == row.user_id,
        model.client_id == row.client_id,
    )
    if row.client_id is not None and (found := session.scalar(same)) is not None:
        return found
    try:
        with session.begin_nested():
            session.add_all([row, *also])
            session.flush()
    except IntegrityError:
        found = session.scalar(same) if row.client_id is not None else None
        if found is None:
            raise
        return found
    return row


def _now(now: datetime | None) -> datetime:
    return datetime.now(UTC) if now is None else now.astimezone(UTC)


def local_user_id(db: DB) -> int:
    """The single local user's id (``open_database`` creates it)."""
    with _unit(db) as session:
        user_id = session.scalar(select(User.id).where(User.username == LOCAL_USERNAME))
    if user_id is None:
        raise StoreError("the local user is missing: open the database with open_database()")
    return user_id
