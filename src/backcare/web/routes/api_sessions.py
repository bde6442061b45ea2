"""``/api/sessions``: record a finished guided session, list those recorded."""

from __future__ import annotations

from fastapi import APIRouter, status

from backcare import services
from backcare.schemas import SessionRecordPost, SessionRecordPublic
from backcare.web.deps import BAD_BODY, DbDep, UserDep

router = APIRouter(prefix="/sessions", tags=["sessions"])


@router.post("", status_code=status.HTTP_201_CREATED, responses=BAD_BODY)
def record_session(record: SessionRecordPost, db: DbDep, user_id: UserDep) -> SessionRecordPublic:
    """Store a session: the plan day and week, items done or skipped, pain before and after.
    Posting the same ``client_id`` again returns the session saved the first time."""
    return services.record_session(db, user_id=user_id, record=record, client_id=record.client_id)


@router.get("")
def list_sessions(db: DbDep, user_id: UserDep) -> list[SessionRecordPublic]:
    """Every recorded session, in the order they started."""
    return services.list_sessions(db, user_id=user_id)
