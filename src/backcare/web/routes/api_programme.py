"""``/api/programme``: the programme that follows the person — the one-tap answer after each
exercise, the stop rule during a session, and this week's adapted plan."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status

from backcare import services
from backcare.schemas import (
    ExerciseFeedbackCreate,
    ExerciseFeedbackPublic,
    StopCheck,
    StopEventPublic,
)
from backcare.web.deps import BAD_BODY, DbDep, KbDep, NowDep, UserDep, problem

router = APIRouter(prefix="/programme", tags=["programme"])


@router.get("", responses=problem(status.HTTP_404_NOT_FOUND, "No profile saved yet."))
def programme(db: DbDep, kb: KbDep, user_id: UserDep, now: NowDep) -> services.ProgrammePublic:
    """This week's plan with doses following the answers (each ``why`` says which rule and
    answer set it), the phase and why, the flare-up card while one lasts, the weekly summary."""
    profile = services.current_profile(db, user_id=user_id)
    if profile is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="no profile saved yet")
    return services.programme_plan(db, user_id=user_id, profile=profile, kb=kb, now=now)


@router.post("/feedback", status_code=status.HTTP_201_CREATED, responses=BAD_BODY)
def answer_exercise(
    answer: ExerciseFeedbackCreate, db: DbDep, user_id: UserDep, now: NowDep
) -> ExerciseFeedbackPublic:
    """The one-tap answer after an exercise: too_easy, about_right, too_hard or it_hurt."""
    return services.answer_exercise(db, user_id=user_id, answer=answer, now=now)


@router.get("/feedback")
def list_feedback(db: DbDep, user_id: UserDep) -> list[ExerciseFeedbackPublic]:
    """Every answer, oldest first."""
    return services.list_feedback(db, user_id=user_id)


@router.post("/stop", responses=BAD_BODY)
def check_stop(check: StopCheck, db: DbDep, user_id: UserDep, now: NowDep) -> services.StopVerdict:
    """The stop rule: pain up 2 or more since the start, or new leg symptoms, stops the
    session with the safety advice; the stop is stored."""
    return services.check_stop(db, user_id=user_id, check=check, now=now)


@router.get("/stops")
def list_stops(db: DbDep, user_id: UserDep) -> list[StopEventPublic]:
    """Every session the stop rule ended, oldest first."""
    return services.list_stops(db, user_id=user_id)
