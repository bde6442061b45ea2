"""``POST /api/plan``: the safety check plus a seven-day plan (SPEC §4), as the CLI prints it."""

from __future__ import annotations

from fastapi import APIRouter, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from backcare.plan import Plan
from backcare.plan.schedule import MAX_WEEK
from backcare.profile import Profile
from backcare.web.deps import BAD_BODY, PlansDep

router = APIRouter(tags=["plan"])


class PlanRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    profile: Profile
    week: int = Field(default=1, ge=1, le=MAX_WEEK)
    """The same bound as ``backcare plan --week``: a year of weekly progression."""


@router.post("/plan", response_model=Plan, responses=BAD_BODY)
async def plan(request: PlanRequest, plans: PlansDep) -> Response:
    """The plan for this profile and week; deterministic, every item with its ``why``."""
    # A kept plan is answered right here; only building one goes to a worker thread.
    body = plans.kept_json(request.profile, request.week)
    if body is None:
        body = await run_in_threadpool(plans.plan_json, request.profile, request.week)
    return Response(body, media_type="application/json")
