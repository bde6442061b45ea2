"""What every page shares: the Jinja2 templates, the disclaimer, the saved profile and the plan
for this week, and the small filters that turn data into words.

Pages call ``services`` and the pure core directly (no HTTP round trip to our own API).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import HTTPException, Request, status
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from backcare import DISCLAIMER, services
from backcare.content.schema import Dose, Source
from backcare.plan import Plan, schedule
from backcare.plan.dose import dose_text as plan_dose_text
from backcare.profile import Profile
from backcare.web.deps import AppState

TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "templates"

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def words(value: object) -> str:
    """``lower_back`` → ``lower back``: ids and choices as plain words."""
    return str(value).replace("_", " ").replace("-", " ")


def dose_text(dose: Dose | None) -> str:
    """``3 × 15 reps · hold 5 s · each side``: a dose as a person reads it."""
    return plan_dose_text(dose, separator=" · ")


def source_label(source: Source) -> str:
    """A seed file or a public reference, named the way the sources list shows it."""
    return source.ref or f"Source article {source.seed}"


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=TEMPLATES_DIR)
    templates.env.filters.update(words=words, dose=dose_text, source_label=source_label)
    templates.env.globals.update(DISCLAIMER=DISCLAIMER, DAY_NAMES=DAY_NAMES)
    return templates


TEMPLATES = _templates()


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A page from its template; ``context`` names what the template shows. Every page may word
    the safety check's levels, as the content words them once (``kb.levels``)."""
    kb = state_of(request).kb
    context.setdefault("LEVEL_TITLES", {wording.level: wording.title for wording in kb.levels})
    context.setdefault("flag_action", kb.flag_action)
    context.setdefault("check_title", kb.check_title)
    return TEMPLATES.TemplateResponse(request, name, context, status_code=status_code)


def same_origin(request: Request) -> None:
    """Refuse a form posted from another site (a page elsewhere cannot log pain or change the
    profile through the person's browser). Browsers send ``Origin`` with every form POST."""
    origin = request.headers.get("origin")
    if origin is not None and urlsplit(origin).netloc != request.headers.get("host"):
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="form posted from another site")


def state_of(request: Request) -> AppState:
    state: AppState = request.app.state.backcare
    return state


def saved_profile(state: AppState, user_id: int) -> Profile | None:
    """The newest saved profile, or ``None`` before the first check-in."""
    return services.current_profile(state.database, user_id=user_id)


def profile_and_week(state: AppState, user_id: int) -> tuple[Profile | None, int]:
    """The saved profile and the programme week it is in by the app's clock (week 1 = the
    first seven days after the first saved profile, as the CLI counts), read in one query."""
    found = services.current_profile_since(state.database, user_id=user_id)
    profile, first = found if found is not None else (None, None)
    return profile, schedule.programme_week(first, state.clock())


def today_number(now: datetime) -> int:
    """Plan day of the person's today at ``now``: Monday = 1 … Sunday = 7 (as ``backcare
    session``)."""
    return schedule.plan_day(schedule.local_date(now))


def programme_for(state: AppState, user_id: int, profile: Profile) -> services.ProgrammePublic:
    """This week's plan following the person's answers, with its phase, flare-up card and
    weekly summary (what the session page runs), as of the app's clock."""
    return services.programme_plan(
        state.database, user_id=user_id, profile=profile, kb=state.kb, now=state.clock()
    )


def plan_for(state: AppState, user_id: int, profile: Profile, week: int) -> Plan:
    """The safety check and the plan for ``week`` at the person's own dose pace (deterministic,
    so kept by ``state.plans``)."""
    pace = services.programme_pace(state.database, user_id=user_id, now=state.clock())
    return state.plans.plan(profile, week, pace)
