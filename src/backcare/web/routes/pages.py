"""The HTML pages of the local app: welcome, result and plan here; the check-in, session, diary,
knowledge and breaks pages in their own ``pages_*`` modules, included below.

Flow: first visit → welcome → check-in → result → plan → session → diary. A returning visitor
with a saved profile goes straight to the plan.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, status
from fastapi.responses import FileResponse, RedirectResponse, Response

from backcare import services
from backcare.knowledge import KnowledgeBase
from backcare.plan import Plan, PlanItem
from backcare.plan.schedule import local_date
from backcare.web.deps import NowDep, UserDep
from backcare.web.routes import (
    pages_breaks,
    pages_checkin,
    pages_diary,
    pages_kb,
    pages_questionnaires,
    pages_report,
    pages_session,
)
from backcare.web.routes.pages_common import (
    plan_for,
    profile_and_week,
    programme_for,
    render,
    same_origin,
    saved_profile,
    state_of,
    today_number,
)
from backcare.web.routes.pages_help import help_now_page, needs_help_now

router = APIRouter(include_in_schema=False)
for _module in (
    pages_checkin,
    pages_session,
    pages_diary,
    pages_kb,
    pages_breaks,
    pages_questionnaires,
    pages_report,
):
    router.include_router(_module.router)

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"


def _to(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=status.HTTP_303_SEE_OTHER)


@router.get("/")
def home(request: Request, user_id: UserDep) -> Response:
    """Returning visitors go straight to their plan; a first visit gets the welcome."""
    if saved_profile(state_of(request), user_id) is not None:
        return _to("/plan")
    return render(request, "home.html", has_profile=False)


@router.get("/welcome")
def welcome(request: Request, user_id: UserDep) -> Response:
    """The welcome page, also for someone who already has a plan."""
    has_profile = saved_profile(state_of(request), user_id) is not None
    return render(request, "home.html", has_profile=has_profile)


@router.get("/result")
def result(request: Request, user_id: UserDep) -> Response:
    """The safety check of the saved profile: warning signs first, with what to do."""
    state = state_of(request)
    profile, week = profile_and_week(state, user_id)
    if profile is None:
        return _to("/")
    plan = plan_for(state, user_id, profile, week)
    if needs_help_now(plan.check):
        return help_now_page(request, plan, profile)
    return render(request, "result.html", check=plan.check, plan=plan)


@router.get("/plan")
def plan_page(request: Request, user_id: UserDep, now: NowDep, week: int | None = None) -> Response:
    """This week's plan, today highlighted; prints as a one-page handout."""
    state = state_of(request)
    profile, current = profile_and_week(state, user_id)
    if profile is None:
        return _to("/")
    shown = current if week is None else max(1, min(week, 52))
    programme = programme_for(state, user_id, profile) if shown == current else None
    plan = programme.plan if programme is not None else plan_for(state, user_id, profile, shown)
    if needs_help_now(plan.check):
        return help_now_page(request, plan, profile)
    ticked = services.list_habits(state.database, user_id=user_id, since=local_date(now))
    return render(
        request,
        "plan.html",
        plan=plan,
        programme=programme,
        handout=handout(plan, state.kb),
        today=today_number(now) if shown == current else None,
        profile=profile,
        ticked={tick.habit_id for tick in ticked},
        tickable={
            h.id for h in plan.habits if h.id in state.kb and state.kb.get(h.id).kind == "habit"
        },
    )


def handout(plan: Plan, kb: KnowledgeBase) -> list[tuple[PlanItem, list[str]]]:
    """Each exercise of the week once, in the order it first comes, with its steps: what the
    printed week shows beside its pictures."""
    seen: dict[str, tuple[PlanItem, list[str]]] = {}
    for day in plan.days:
        for session in day.sessions:
            for item in session.items:
                if item.id not in seen and item.id in kb:
                    seen[item.id] = (item, list(getattr(kb.get(item.id), "steps", [])))
    return list(seen.values())


@router.post("/plan/habits", dependencies=[Depends(same_origin)])
def tick_habit(
    request: Request, user_id: UserDep, now: NowDep, habit_id: Annotated[str, Form()] = ""
) -> Response:
    """Tick a habit as done today, the person's local day (once a day), then back to the
    habits on the plan."""
    kb = state_of(request).kb
    if habit_id not in kb or kb.get(habit_id).kind != "habit":
        return _to("/plan")
    services.tick_habit(
        state_of(request).database, user_id=user_id, habit_id=habit_id, day=local_date(now)
    )
    return _to("/plan#habits-title")


@router.get("/sw.js")
def service_worker() -> FileResponse:
    """The service worker, served from the root so its scope covers every page."""
    return FileResponse(
        STATIC_DIR / "sw.js",
        media_type="text/javascript",
        headers={"Cache-Control": "no-cache", "Service-Worker-Allowed": "/"},
    )
