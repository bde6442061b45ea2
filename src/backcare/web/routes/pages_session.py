"""The guided-session page: the server builds the day's timeline with ``backcare.session`` (the
same steps and durations the CLI runs) and the page's script follows it by deadlines.

``static/session.js`` mirrors ``backcare.session.machine`` (advance, pause, resume, skip, back,
finish, outcome) so the page keeps working offline and after a reload; the result is posted to
``/api/sessions`` when the session ends. The day's items come from this week's adapted plan
(``services.programme_plan``); after each exercise the page asks the one-tap question
(``/api/programme/feedback``) and, after "it hurt", runs the stop rule (``/api/programme/stop``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request, status
from fastapi.responses import RedirectResponse, Response

from backcare.plan import Plan
from backcare.plan.models import Slot
from backcare.plan.schedule import local_date
from backcare.session import SessionItem, build_timeline
from backcare.session.items import day_items
from backcare.session.timeline import BREATH_PATTERN
from backcare.web.deps import NowDep, UserDep
from backcare.web.routes.pages_common import (
    dose_text,
    programme_for,
    render,
    saved_profile,
    state_of,
    today_number,
)
from backcare.web.routes.pages_help import help_now_page, needs_help_now

router = APIRouter()

MAX_SPEED = 1000.0
"""The sped-up clock (``?speed=20``) is for demos and tests; beyond this the page cannot keep up."""
EVENING_FROM_HOUR = 15
"""Without ``?slot=``, a day with two routines opens on the evening one from 15:00."""


@router.get("/session")
def session_page(
    request: Request, user_id: UserDep, now: NowDep, day: int | None = None, slot: str | None = None
) -> Response:
    """Today's session (or ``?day=N``, 1 = Monday; ``&slot=morning|evening`` for one of the
    day's routines), ready to start or resume. Today and the hour are the app clock's, in the
    local time zone the diary shows times in."""
    state = state_of(request)
    profile = saved_profile(state, user_id)
    if profile is None:
        return RedirectResponse("/", status_code=status.HTTP_303_SEE_OTHER)
    local = now.astimezone()
    today = today_number(now)
    plan_day = day if day is not None and 1 <= day <= 7 else today
    programme = programme_for(state, user_id, profile)
    plan = programme.plan
    if needs_help_now(plan.check):
        return help_now_page(request, plan, profile)
    slots = day_slots(plan, plan_day) if plan.check.exercise_allowed else []
    chosen = routine(slots, slot, local.hour)
    items = day_items(plan, plan_day, state.kb, chosen) if plan.check.exercise_allowed else []
    data = session_data(plan, plan_day, items, chosen, on=local_date(now))
    return render(
        request,
        "session.html",
        plan=plan,
        day=plan_day,
        is_today=plan_day == today,
        items=items,
        slot=chosen,
        other_slots=[s for s in slots if s != chosen],
        flare=programme.flare,
        data=data | {"stop_advice": programme.stop_advice},
    )


def day_slots(plan: Plan, day: int) -> list[Slot]:
    """The routines planned on a day (morning, evening), in order."""
    return [s.slot for d in plan.days if d.day == day for s in d.sessions if s.items]


def routine(slots: list[Slot], asked: str | None, hour: int) -> Slot | None:
    """The routine to run: the one asked for, else the one for this time of day."""
    if not slots:
        return None
    if asked in slots:
        return next(s for s in slots if s == asked)
    late: Slot = "evening"
    return late if hour >= EVENING_FROM_HOUR and late in slots else slots[0]


def session_data(
    plan: Plan, day: int, items: list[SessionItem], slot: Slot | None = None, *, on: date
) -> dict[str, Any]:
    """What the page's script needs: the items with their words, and every timed step;
    ``on`` (today) keys the page's saved progress, so tomorrow starts afresh."""
    return {
        "day": day,
        "slot": slot,
        "week": plan.week,
        "date": on.isoformat(),
        "max_speed": MAX_SPEED,
        "breath_pattern": [[name, seconds] for name, seconds in BREATH_PATTERN],
        "items": [
            {
                "id": item.id,
                "name": item.name,
                "steps": item.steps,
                "dose": dose_text(item.dose),
                "note": item.dose.note,
                "one_sided": item.one_sided,
                "breathing": item.breathing,
                "camera": item.camera.model_dump(mode="json") if item.camera else None,
            }
            for item in items
        ],
        "steps": [step.model_dump(mode="json") for step in build_timeline(items)],
    }
