"""``/api/export``, ``/api/import`` and ``DELETE /api/me/data``: the person owns their data."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Response, status
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel

from backcare import services
from backcare.errors import InputError
from backcare.knowledge import KnowledgeBase
from backcare.plan import build_plan
from backcare.plan.schedule import MAX_WEEK, local_date, wants_breaks
from backcare.schemas import ExportBundle, ImportBundle
from backcare.store import Database
from backcare.triage import evaluate
from backcare.web.deps import BAD_BODY, DbDep, KbDep, NowDep, UserDep, problem

router = APIRouter(tags=["data"])

"""Work that keeps a person in one position: their calendar gets break reminders."""

EXPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "json: everything stored (an export bundle, which /api/import reads "
        "back); fhir: a FHIR R4 Bundle of pain Observations, QuestionnaireResponses and the "
        "programme as a CarePlan with Goals; ics: the saved "
        "profile's plan as an iCalendar file.",
        "content": {
            "application/json": {"schema": {"type": "object"}},
            "text/calendar": {"schema": {"type": "string"}},
        },
    },
    **problem(status.HTTP_404_NOT_FOUND, "ics: no profile saved yet."),
}


class Deleted(BaseModel):
    """How many rows of each kind were deleted."""

    deleted: dict[str, int]


class Imported(BaseModel):
    """How many records of each kind were loaded."""

    imported: dict[str, int]


@router.get("/export", response_class=Response, responses=EXPORT_RESPONSES)
def export(
    db: DbDep,
    kb: KbDep,
    user_id: UserDep,
    now: NowDep,
    format: Annotated[Literal["json", "fhir", "ics"], Query()] = "json",
    week: Annotated[int, Query(ge=1, le=MAX_WEEK, description="ics: week of the plan.")] = 1,
    start: Annotated[date | None, Query(description="ics: date of day 1 (default today).")] = None,
) -> Response:
    """Export everything as JSON, pain scores as FHIR R4, or the plan as a calendar (day 1 by
    default the person's today)."""
    if format == "ics":
        day_one = start or local_date(now)
        return Response(_calendar(db, kb, user_id, week, day_one), media_type="text/calendar")
    if format == "fhir":
        document = services.export_fhir(db, user_id=user_id, kb=kb, now=now)
    else:
        document = services.export_all(db, user_id=user_id, now=now).model_dump(mode="json")
    return Response(json.dumps(document, ensure_ascii=False), media_type="application/json")


def _calendar(db: Database, kb: KnowledgeBase, user_id: int, week: int, start: date) -> bytes:
    profile = services.current_profile(db, user_id=user_id)
    if profile is None:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND, detail="no profile saved yet: PUT /api/profile first"
        )
    # Imported here: icalendar costs every server worker about 10 MiB from start-up otherwise.
    from backcare.plan.calendar import plan_calendar

    plan = build_plan(profile, evaluate(profile, kb), kb, week=week)
    return plan_calendar(plan, start=start, breaks=wants_breaks(profile.work))


@router.post(
    "/import",
    status_code=status.HTTP_201_CREATED,
    responses=BAD_BODY
    | problem(status.HTTP_409_CONFLICT, "The diary already has data (use ?replace=true)."),
)
def import_data(
    bundle: ImportBundle,
    db: DbDep,
    user_id: UserDep,
    replace: Annotated[bool, Query(description="Delete the current data first.")] = False,
) -> Imported:
    """Load a JSON export, all or nothing. Refuses to mix it into existing data. At most
    50,000 records and 16 MiB; nothing dated in the future (as for live writes)."""
    _check_bundle(bundle)
    try:
        counts = services.import_all(db, user_id=user_id, bundle=bundle, replace=replace)
    except InputError as error:  # the one refusal import_all makes: data already there
        raise HTTPException(status.HTTP_409_CONFLICT, detail=str(error)) from None
    return Imported(imported=counts)


def _check_bundle(bundle: ExportBundle) -> None:
    """What ``ExportBundle`` does not check yet and the database refuses with an integrity
    error (a 500): profile versions and habit days must be unique. A 422 naming the field,
    in FastAPI's error shape."""
    errors: list[dict[str, Any]] = []
    versions: set[int] = set()
    for number, stored in enumerate(bundle.profiles):
        if stored.version in versions:
            errors.append(_duplicate(("body", "profiles", number, "version"), stored.version))
        versions.add(stored.version)
    ticks: set[tuple[str, date]] = set()
    for number, tick in enumerate(bundle.habits):
        if (tick.habit_id, tick.day) in ticks:
            errors.append(_duplicate(("body", "habits", number), tick.model_dump(mode="json")))
        ticks.add((tick.habit_id, tick.day))
    if errors:
        raise RequestValidationError(errors)


def _duplicate(loc: tuple[str | int, ...], value: object) -> dict[str, Any]:
    return {"type": "value_error", "loc": loc, "msg": "appears twice", "input": value}


@router.delete("/me/data")
def delete_my_data(db: DbDep, user_id: UserDep) -> Deleted:
    """Delete every diary entry, session, habit, break, alert and profile stored for you."""
    return Deleted(deleted=services.delete_all(db, user_id=user_id))
