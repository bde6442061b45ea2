"""``POST /api/plan``: the safety check plus a seven-day plan (SPEC §4), as the CLI prints it."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from backcare.plan import Plan, build_plan
from backcare.plan.schedule import MAX_WEEK
from backcare.profile import Profile
from backcare.triage import evaluate
from backcare.web.deps import BAD_BODY, KbDep

router = APIRouter(tags=["plan"])

"""The same bound as ``backcare plan --week``: a year of weekly progression."""


class PlanRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    profile: Profile
    week: int = Field(default=1, ge=1, le=MAX_WEEK)


@router.post("/plan", responses=BAD_BODY)
def plan(request: PlanRequest, kb: KbDep) -> Plan:
    """The plan for this profile and week; deterministic, every item with its ``why``."""
    return build_plan(request.profile, evaluate(request.profile, kb), kb, week=request.week)
