"""``/api/diary/pain`` and ``/api/breaks``: log pain, read the diary with its alerts, answer a
break reminder."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Query, status
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict

from backcare import services
from backcare.diary import PainPoint, seven_day_average
from backcare.diary.trends import week_over_week
from backcare.schemas import (
    AlertPublic,
    AwareDatetime,
    BreakEventPublic,
    BreakMinutes,
    BreakOutcome,
    PainEntryCreate,
    PainEntryPublic,
)
from backcare.web.deps import BAD_BODY, DbDep, KbDep, UserDep

router = APIRouter(tags=["diary"])

FUTURE_TOLERANCE = timedelta(minutes=5)
"""Clock skew allowed for ``at`` (as ``backcare log --at``); a time further ahead is a typo."""


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
def log_pain(entry: PainEntryCreate, db: DbDep, user_id: UserDep) -> PainLogged:
    """Log a pain score (0–10); the answer carries any alert the diary now calls for."""
    now = datetime.now(UTC)
    if entry.at is not None:
        _not_in_future(entry.at, now)
    saved = services.log_pain(db, user_id=user_id, entry=entry, now=now)
    alerts = services.diary_alerts(db, user_id=user_id, kb=None, now=now)
    return PainLogged(entry=saved, alerts=alerts)


@router.get("/diary/pain")
def pain_diary(
    db: DbDep,
    kb: KbDep,
    user_id: UserDep,
    since: Annotated[datetime | None, Query(description="Only entries from this time.")] = None,
) -> PainDiary:
    """Entries in time order, this week's and last week's average pain, and the alerts."""
    now = datetime.now(UTC)
    pain = services.list_pain(db, user_id=user_id)
    points = [PainPoint(p.at, p.score) for p in pain]
    weeks = week_over_week(points, now)
    if since is not None:
        since = since.astimezone() if since.tzinfo is None else since
        pain = [p for p in pain if p.at >= since]
    return PainDiary(
        pain=pain,
        seven_day_average=weeks[1] if weeks else seven_day_average(points, now),
        previous_seven_day_average=weeks[0] if weeks else None,
        alerts=services.diary_alerts(db, user_id=user_id, kb=kb, now=now),
    )


@router.post("/breaks", status_code=status.HTTP_201_CREATED, responses=BAD_BODY)
def answer_break(event: BreakCreate, db: DbDep, user_id: UserDep) -> BreakEventPublic:
    """Record a break reminder as taken, skipped or postponed."""
    now = datetime.now(UTC)
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
