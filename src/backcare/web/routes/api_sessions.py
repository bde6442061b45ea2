"""``/api/sessions``: record a finished guided session, list those recorded, delete one."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Response, status

from backcare import services
from backcare.schemas import SessionRecordPost, SessionRecordPublic
from backcare.web.deps import BAD_BODY, DbDep, UserDep, problem
from backcare.web.routes.api_diary import EntryId

router = APIRouter(prefix="/sessions", tags=["sessions"])
NO_SESSION = problem(status.HTTP_404_NOT_FOUND, "No session of yours has this id.")


@router.post("", status_code=status.HTTP_201_CREATED, responses=BAD_BODY)
def record_session(record: SessionRecordPost, db: DbDep, user_id: UserDep) -> SessionRecordPublic:
    """Store a session: the plan day and week, items done or skipped, pain before and after.
    Posting the same ``client_id`` again returns the session saved the first time."""
    return services.record_session(db, user_id=user_id, record=record, client_id=record.client_id)


@router.get("")
def list_sessions(db: DbDep, user_id: UserDep) -> list[SessionRecordPublic]:
    """Every recorded session, in the order they started."""
    return services.list_sessions(db, user_id=user_id)


@router.delete("/{record_id}", status_code=status.HTTP_204_NO_CONTENT, responses=NO_SESSION)
def delete_session(record_id: EntryId, db: DbDep, user_id: UserDep) -> Response:
    """Delete a recorded session, and with it what "Check my form" counted in it."""
    if services.delete_session(db, user_id=user_id, record_id=record_id) is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no session {record_id} of yours")
    return Response(status_code=status.HTTP_204_NO_CONTENT)
