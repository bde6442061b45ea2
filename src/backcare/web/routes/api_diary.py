"""``/api/diary/pain`` and ``/api/breaks``: log pain, read the diary with its alerts, answer a
break reminder."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Response, status
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict

from backcare import services
from backcare.diary import PainPoint, seven_day_average
from backcare.diary.trends import week_over_week
from backcare.schemas import (
    FUTURE_TOLERANCE,
    AlertPublic,
    AwareDatetime,
    BreakEventPublic,
    BreakMinutes,
    BreakOutcome,
    PainEntryPost,
    PainEntryPublic,
    PainEntryUpdate,
)
from backcare.web.deps import BAD_BODY, DbDep, KbDep, NowDep, UserDep, problem

router = APIRouter(tags=["diary"])

ENTRY_ID_MAX = 2**31 - 1
"""Ids are 32-bit integers in the database (PostgreSQL refuses a larger one as a query value)."""
NO_ENTRY = problem(status.HTTP_404_NOT_FOUND, "No pain entry of yours has this id.")
EntryId = Annotated[int, Path(ge=1, le=ENTRY_ID_MAX, description="The entry's id.")]


class PainLogged(BaseModel):
    entry: PainEntryPublic
    alerts: list[AlertPublic]


class PainDiary(BaseModel):
    """The pain entries (all, or those since ``since``), the 7-day averages and the alerts."""

    pain: list[PainEntryPublic]
    seven_day_average: float | None
    previous_seven_day_average: float | None
    alerts: list[AlertPublic]


class BreakCreate(BaseModel):
    """What the person did when a break reminder fired; ``at`` defaults to now."""

    model_config = ConfigDict(extra="forbid")

    outcome: BreakOutcome
    at: AwareDatetime | None = None
    minutes: BreakMinutes | None = None
    """How long a taken break lasted."""
    sat_minutes: BreakMinutes | None = None
    """Minutes sat or stood still since the last movement."""


@router.post("/diary/pain", status_code=status.HTTP_201_CREATED, responses=BAD_BODY)
def log_pain(entry: PainEntryPost, db: DbDep, user_id: UserDep, now: NowDep) -> PainLogged:
    """Log a pain score (0–10); the answer carries any alert the diary now calls for.
    Posting the same ``client_id`` again returns the entry saved the first time."""
    if entry.at is not None:
        _not_in_future(entry.at, now)
    saved = services.log_pain(db, user_id=user_id, entry=entry, now=now, client_id=entry.client_id)
    alerts = services.diary_alerts(db, user_id=user_id, kb=None, now=now)
    return PainLogged(entry=saved, alerts=alerts)


@router.get("/diary/pain")
def pain_diary(
    db: DbDep,
    kb: KbDep,
    user_id: UserDep,
    now: NowDep,
    since: Annotated[datetime | None, Query(description="Only entries from this time.")] = None,
) -> PainDiary:
    """Entries in time order, this week's and last week's average pain, and the alerts."""
    if since is not None:
        since = since.astimezone() if since.tzinfo is None else since
    pain = services.list_pain(db, user_id=user_id, since=since)
    recent = services.list_pain(db, user_id=user_id, since=now - timedelta(days=15))
    points = [PainPoint(p.at, p.score) for p in recent]
    weeks = week_over_week(points, now)
    return PainDiary(
        pain=pain,
        seven_day_average=weeks[1] if weeks else seven_day_average(points, now),
        previous_seven_day_average=weeks[0] if weeks else None,
        alerts=services.diary_alerts(db, user_id=user_id, kb=kb, now=now, record=not db.read_only),
    )


@router.patch("/diary/pain/{entry_id}", responses=BAD_BODY | NO_ENTRY)
def correct_pain(
    entry_id: EntryId, update: PainEntryUpdate, db: DbDep, user_id: UserDep, now: NowDep
) -> PainLogged:
    """Correct a pain entry (score, areas, note or time); the answer carries the alerts the
    corrected diary calls for."""
    if update.at is not None:
        _not_in_future(update.at, now)
    saved = services.correct_pain(db, user_id=user_id, entry_id=entry_id, update=update)
    if saved is None:
        raise _no_entry(entry_id)
    alerts = services.diary_alerts(db, user_id=user_id, kb=None, now=now)
    return PainLogged(entry=saved, alerts=alerts)


@router.delete("/diary/pain/{entry_id}", status_code=status.HTTP_204_NO_CONTENT, responses=NO_ENTRY)
def delete_pain(entry_id: EntryId, db: DbDep, user_id: UserDep) -> Response:
    """Delete a pain entry. To undo, post it again (``POST /api/diary/pain`` with its ``at``)."""
    if services.delete_pain(db, user_id=user_id, entry_id=entry_id) is None:
        raise _no_entry(entry_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


def _no_entry(entry_id: int) -> HTTPException:
    return HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no pain entry {entry_id} of yours")


@router.post("/breaks", status_code=status.HTTP_201_CREATED, responses=BAD_BODY)
def answer_break(event: BreakCreate, db: DbDep, user_id: UserDep, now: NowDep) -> BreakEventPublic:
    """Record a break reminder as taken, skipped or postponed."""
    if event.at is not None:
        _not_in_future(event.at, now)
    return services.record_break(
        db,
        user_id=user_id,
        at=event.at or now,
        outcome=event.outcome,
        minutes=event.minutes,
        sat_minutes=event.sat_minutes,
    )


def _not_in_future(at: datetime, now: datetime) -> None:
    """A 422 naming ``body.at``, in FastAPI's own error shape."""
    if at > now + FUTURE_TOLERANCE:
        raise RequestValidationError(
            [
                {
                    "type": "value_error",
                    "loc": ("body", "at"),
                    "msg": "is in the future",
                    "input": at.isoformat(),
                }
            ]
        )
