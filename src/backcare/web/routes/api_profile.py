"""``/api/profile``: the person's current profile, stored so the pages can pick up where they
left off. Each change is a new version; the history is kept."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, HTTPException, status
from pydantic import BaseModel

from backcare import services
from backcare.profile import Profile
from backcare.schemas import ProfileVersionPublic
from backcare.web.deps import BAD_BODY, DbDep, NowDep, UserDep, problem

router = APIRouter(prefix="/profile", tags=["profile"])


class StoredProfile(BaseModel):
    version: int
    saved_at: datetime
    profile: Profile


@router.put("", responses=BAD_BODY)
def save_profile(profile: Profile, db: DbDep, user_id: UserDep, now: NowDep) -> StoredProfile:
    """Save the profile (a new version only if it changed)."""
    return _stored(services.save_profile(db, user_id=user_id, profile=profile, now=now))


@router.get("", responses=problem(status.HTTP_404_NOT_FOUND, "No profile saved yet."))
def get_profile(db: DbDep, user_id: UserDep) -> StoredProfile:
    """The newest saved profile."""
    history = services.profile_history(db, user_id=user_id)
    if not history:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="no profile saved yet")
    return _stored(history[-1])


def _stored(version: ProfileVersionPublic) -> StoredProfile:
    return StoredProfile(
        version=version.version,
        saved_at=version.saved_at,
        profile=Profile.model_validate(version.profile),
    )
