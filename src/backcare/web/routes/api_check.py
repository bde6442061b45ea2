"""``POST /api/check``: the safety check (SPEC §3) for a profile."""

from __future__ import annotations

from fastapi import APIRouter

from backcare.profile import Profile
from backcare.triage import CheckResult, evaluate
from backcare.web.deps import BAD_BODY, KbDep

router = APIRouter(tags=["check"])


@router.post("/check", responses=BAD_BODY)
def check(profile: Profile, kb: KbDep) -> CheckResult:
    """Warning signs in the profile: whether to see a doctor, how soon, and why (with sources)."""
    return evaluate(profile, kb)
