"""The Breaks page: the timer on the plan's schedule (quiet windows, skip limit, "did you move?",
sit–stand prompts), the last seven days as a chart, and the break settings form."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, status
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError

from backcare import services
from backcare.plan.advice import breaks as break_schedule
from backcare.schemas import SKIP_LIMIT_MAX, BreakSettingsIn
from backcare.session.break_stats import BreakWeek, summary_line
from backcare.session.breaks import SIT_STAND_TEXT
from backcare.web.deps import NowDep, UserDep
from backcare.web.routes.pages_common import (
    plan_for,
    profile_and_week,
    render,
    same_origin,
    state_of,
)

router = APIRouter()

WIDTH, HEIGHT = 560, 230
LEFT, RIGHT, TOP, BOTTOM = 34, 10, 14, 30


@dataclass(frozen=True)
class DayBar:
    """One day's stacked bar: taken at the bottom, skipped on top."""

    x: float
    width: float
    taken_y: float
    taken_h: float
    skipped_y: float
    skipped_h: float
    label: str
    title: str


@dataclass(frozen=True)
class StatsChart:
    bars: list[DayBar]
    y_labels: list[tuple[float, str]]
    summary: str


def stats_chart(week: BreakWeek) -> StatsChart:
    """Stacked bars of breaks taken and skipped on each of the last seven days."""
    top = max([4, *(d.due for d in week.days)])
    span_h = HEIGHT - TOP - BOTTOM
    slot = (WIDTH - LEFT - RIGHT) / len(week.days)

    def height(value: int) -> float:
        return span_h * value / top

    bars = []
    for index, day in enumerate(week.days):
        taken_h, skipped_h = height(day.taken), height(day.skipped)
        base = HEIGHT - BOTTOM
        bars.append(
            DayBar(
                x=LEFT + slot * index + slot * 0.2,
                width=slot * 0.6,
                taken_y=base - taken_h,
                taken_h=taken_h,
                skipped_y=base - taken_h - skipped_h,
                skipped_h=skipped_h,
                label=f"{day.date:%a}",
                title=(
                    f"{day.date:%a %d %b}: {day.taken} taken, {day.skipped} skipped, "
                    f"{day.postponed} postponed"
                ),
            )
        )
    step = max(1, top // 4)
    y_labels = [(HEIGHT - BOTTOM - height(v), str(v)) for v in range(0, top + 1, step)]
    return StatsChart(bars=bars, y_labels=y_labels, summary=summary_line(week.week))


@router.get("/breaks")
def breaks_page(
    request: Request, user_id: UserDep, now: NowDep, saved: int | None = None
) -> Response:
    """A break timer on the plan's schedule, with browser notifications when allowed."""
    state = state_of(request)
    profile, programme_week = profile_and_week(state, user_id)
    plan = plan_for(state, user_id, profile, programme_week) if profile else None
    schedule = plan.breaks if plan else break_schedule(list(state.kb))
    settings = services.break_settings(state.database, user_id=user_id)
    week = services.break_week(state.database, user_id=user_id, now=now)
    quiet = ",".join(q for q in (state.settings.quiet_hours, settings.quiet_hours) if q)
    return render(
        request,
        "breaks.html",
        breaks=schedule,
        has_plan=plan is not None,
        break_settings=settings,
        configured_quiet=state.settings.quiet_hours,
        quiet=quiet,
        standing_desk=bool(profile and profile.standing_desk),
        sit_stand=SIT_STAND_TEXT,
        week=week,
        chart=stats_chart(week),
        chart_size=(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM),
        skip_limit_max=SKIP_LIMIT_MAX,
        saved=saved,
    )


@router.post("/breaks/settings", dependencies=[Depends(same_origin)])
def save_settings(
    request: Request,
    user_id: UserDep,
    now: NowDep,
    quiet_hours: Annotated[str, Form()] = "",
    skip_limit: Annotated[str, Form()] = "",
) -> Response:
    """Store the quiet windows and skip limit from the form, then show the page again."""
    try:
        settings = BreakSettingsIn.model_validate(
            {"quiet_hours": quiet_hours, "skip_limit": skip_limit.strip() or None}
        )
    except ValidationError:
        return RedirectResponse("/breaks?saved=0#settings-title", status.HTTP_303_SEE_OTHER)
    services.save_break_settings(
        state_of(request).database, user_id=user_id, settings=settings, now=now
    )
    return RedirectResponse("/breaks?saved=1#settings-title", status.HTTP_303_SEE_OTHER)
