"""The person's profile: each check-in saved as a new version, the history kept."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from backcare.profile import Profile, stored_profile
from backcare.services._base import DB, _now, _unit
from backcare.store.models import (
    ProfileVersion,
)

if TYPE_CHECKING:  # imported where used: the diary reads profiles but needs none of ``schemas``
    from backcare.schemas import ProfileVersionPublic


def save_profile(
    db: DB, *, user_id: int, profile: Profile, now: datetime | None = None
) -> ProfileVersionPublic:
    """Save the profile as a new version if it changed; the history is kept."""
    data = profile.model_dump(mode="json", exclude_defaults=True)
    with _unit(db) as session:
        latest = _latest_profiles(session, user_id, limit=1)
        if latest and latest[0].data == data:
            return _profile_public(latest[0])
        row = ProfileVersion(
            user_id=user_id,
            version=(latest[0].version + 1) if latest else 1,
            data=data,
            saved_at=_now(now),
        )
        session.add(row)
        session.flush()
        return _profile_public(row)


def current_profile(db: DB, *, user_id: int) -> Profile | None:
    """The newest saved profile, or ``None`` before the first check-in."""
    with _unit(db) as session:
        latest = _latest_profiles(session, user_id, limit=1)
    return stored_profile(latest[0].data) if latest else None


def current_profile_since(db: DB, *, user_id: int) -> tuple[Profile, datetime] | None:
    """The newest saved profile and when the first version was saved (where the programme's
    weeks count from), in one query: a page that needs both reads the profiles once."""
    mine = ProfileVersion.user_id == user_id
    first_saved = (
        select(ProfileVersion.saved_at)
        .where(mine)
        .order_by(ProfileVersion.version)
        .limit(1)
        .scalar_subquery()
    )
    newest = select(ProfileVersion.data, first_saved).where(mine)
    with _unit(db) as session:
        row = session.execute(newest.order_by(ProfileVersion.version.desc()).limit(1)).first()
    return (stored_profile(row[0]), row[1]) if row is not None else None


def profile_history(db: DB, *, user_id: int) -> list[ProfileVersionPublic]:
    """Every saved version, oldest first."""
    with _unit(db) as session:
        rows = _latest_profiles(session, user_id, limit=None)
    return [_profile_public(row) for row in reversed(rows)]


def _latest_profiles(session: Session, user_id: int, *, limit: int | None) -> list[ProfileVersion]:
    query = (
        select(ProfileVersion)
        .where(ProfileVersion.user_id == user_id)
        .order_by(ProfileVersion.version.desc())
        .limit(limit)
    )
    return list(session.scalars(query))


def _profile_public(row: ProfileVersion) -> ProfileVersionPublic:
    from backcare.schemas import ProfileVersionPublic

    return ProfileVersionPublic(version=row.version, saved_at=row.saved_at, profile=row.data)
