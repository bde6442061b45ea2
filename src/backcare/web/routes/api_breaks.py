"""``/api/breaks/…``: the week's break statistics, the "did you move?" answer, and the person's
break settings (quiet windows, skip limit). Recording a break is ``POST /api/breaks``."""

from __future__ import annotations

from datetime import tzinfo
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fastapi import APIRouter, HTTPException, Path, Query, status
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict

from backcare import services
from backcare.schemas import BreakEventPublic, BreakSettingsIn
from backcare.session.break_stats import BreakWeek
from backcare.web.deps import BAD_BODY, DbDep, NowDep, SettingsDep, UserDep, problem

router = APIRouter(prefix="/breaks", tags=["breaks"])

ROW_ID_MAX = 2**31 - 1
"""Row ids are 32-bit integers on PostgreSQL; a larger one names no row."""


class MovedAnswer(BaseModel):
    """The answer to "did you move?" after a break: ``true`` moved, ``false`` skipped it."""

    model_config = ConfigDict(extra="forbid")

    moved: bool


class BreakSettingsPublic(BreakSettingsIn):
    """The stored settings, and the quiet windows the server's ``BACKCARE_QUIET_HOURS`` adds."""

    configured_quiet_hours: str = ""


@router.get("/stats")
def break_stats(
    db: DbDep,
    user_id: UserDep,
    now: NowDep,
    tz: Annotated[
        str | None,
        Query(
            max_length=64,
            description="IANA time zone the days are counted in; default: the server's.",
        ),
    ] = None,
) -> BreakWeek:
    """Breaks due, taken, postponed and skipped, the longest sitting stretch and the minutes
    moved, for each of the last seven days and summed over them (the longest stretch: the
    longest of any day)."""
    return services.break_week(db, user_id=user_id, now=now, tz=_zone(tz))


@router.patch("/{event_id}", responses=BAD_BODY | problem(404, "No such taken break of yours."))
def answer_moved(
    event_id: Annotated[int, Path(ge=1, le=ROW_ID_MAX)],
    answer: MovedAnswer,
    db: DbDep,
    user_id: UserDep,
) -> BreakEventPublic:
    """Answer "did you move?" for a taken break; "no" counts it as skipped."""
    answered = services.answer_break(db, user_id=user_id, event_id=event_id, moved=answer.moved)
    if answered is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such taken break")
    return answered


@router.get("/settings")
def get_settings(db: DbDep, user_id: UserDep, settings: SettingsDep) -> BreakSettingsPublic:
    """Your quiet windows and skip limit."""
    stored = services.break_settings(db, user_id=user_id)
    return BreakSettingsPublic(**stored.model_dump(), configured_quiet_hours=settings.quiet_hours)


@router.put("/settings", responses=BAD_BODY)
def put_settings(
    body: BreakSettingsIn, db: DbDep, user_id: UserDep, settings: SettingsDep, now: NowDep
) -> BreakSettingsPublic:
    """Replace your quiet windows (``"12:00-13:00,15:30-16:00"``) and skip limit."""
    saved = services.save_break_settings(db, user_id=user_id, settings=body, now=now)
    return BreakSettingsPublic(**saved.model_dump(), configured_quiet_hours=settings.quiet_hours)


def _zone(name: str | None) -> tzinfo | None:
    if name is None:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise RequestValidationError(
            [
                {
                    "type": "value_error",
                    "loc": ("query", "tz"),
                    "msg": "unknown time zone",
                    "input": name,
                }
            ]
        ) from None
