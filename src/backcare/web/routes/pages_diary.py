"""The diary page: a quick pain entry, charts of pain (with the 7-day average) and of sessions,
and the alerts the diary calls for. Charts are inline SVG drawn here: no chart library, no CDN.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, HTTPException, Request, status
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError

from backcare import services
from backcare.content.schema import AREAS, Exercise
from backcare.diary import PainPoint, rolling_average, seven_day_average
from backcare.knowledge import KnowledgeBase
from backcare.plan.schedule import local_date
from backcare.schemas import (
    PainEntryCreate,
    PainEntryIn,
    PainEntryPublic,
    PainEntryUpdate,
    QuestionnairePublic,
    SessionRecordPublic,
)
from backcare.web.deps import NowDep, UserDep
from backcare.web.routes.api_diary import EntryId
from backcare.web.routes.pages_common import render, same_origin, state_of

router = APIRouter()

CHART_DAYS = 28
"""Four weeks on screen: enough to see a trend and the 7-day average move."""

WIDTH, HEIGHT = 560, 250
LEFT, RIGHT, TOP, BOTTOM = 34, 10, 12, 30


@dataclass(frozen=True)
class Chart:
    """Everything a template needs to draw one chart: SVG coordinates, labels, a summary."""

    points: list[tuple[float, float, str]]
    line: str
    bars: list[tuple[float, float, float, str]]
    x_labels: list[tuple[float, str]]
    y_labels: list[tuple[float, str]]
    summary: str
    marks: list[tuple[float, float, str, str]] = field(default_factory=list)
    """Questionnaire scores on the same 0–10 scale: x, y, instrument, label."""


def _x(day: date, first: date) -> float:
    span = WIDTH - LEFT - RIGHT
    return LEFT + span * ((day - first).days + 0.5) / CHART_DAYS


def _x_at(at: datetime, first: date) -> float:
    local = at.astimezone()
    fraction = (local.hour * 60 + local.minute) / (24 * 60)
    span = WIDTH - LEFT - RIGHT
    return LEFT + span * ((local.date() - first).days + fraction) / CHART_DAYS


def _y(value: float, top_value: float) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / top_value)


def _x_labels(first: date) -> list[tuple[float, str]]:
    return [
        (_x(first + timedelta(days=d), first), f"{(first + timedelta(days=d)):%d %b}")
        for d in range(0, CHART_DAYS, 7)
    ]


def pain_chart(
    pain: list[PainEntryPublic],
    now: datetime,
    average: float | None,
    questionnaires: Sequence[QuestionnairePublic] = (),
) -> Chart:
    """Each rating as a dot and the 7-day average as a line, over the four weeks ending on the
    person's today at ``now``, with the PEG and PSFS scores (both 0–10) drawn as their own
    marks; ``average`` (the page's 7-day average at ``now``) goes into the chart's summary."""
    first = local_date(now) - timedelta(days=CHART_DAYS - 1)
    shown = [p for p in pain if p.at.astimezone().date() >= first]
    points = [
        (_x_at(p.at, first), _y(p.score, 10), f"{p.score} on {p.at.astimezone():%d %b %H:%M}")
        for p in shown
    ]
    averages = rolling_average([PainPoint(p.at, p.score) for p in pain])
    line = " ".join(
        f"{_x_at(at, first):.1f},{_y(avg, 10):.1f}"
        for at, avg in averages
        if at.astimezone().date() >= first
    )
    summary = f"{len(shown)} pain ratings in the last four weeks" + (
        f"; 7-day average {average:.1f} out of 10." if average is not None else "."
    )
    marks: list[tuple[float, float, str, str]] = [
        (_x_at(q.at, first), _y(q.score, 10), q.instrument, _mark_label(q))
        for q in questionnaires
        if q.score is not None and q.at.astimezone().date() >= first
    ]
    if marks:
        summary += f" {len(marks)} questionnaire scores (PEG: pain's effect, lower is better; "
        summary += "PSFS: what you can do, higher is better)."
    return Chart(
        points=points,
        line=line,
        bars=[],
        x_labels=_x_labels(first),
        y_labels=[(_y(v, 10), str(v)) for v in (0, 2, 4, 6, 8, 10)],
        summary=summary,
        marks=marks,
    )


def _mark_label(q: QuestionnairePublic) -> str:
    name = "PEG" if q.instrument == "peg" else "PSFS"
    return f"{name} {q.score:.1f} on {q.at.astimezone():%d %b}"


def sessions_chart(sessions: list[SessionRecordPublic], today: date) -> Chart:
    """Sessions done per day over the last four weeks, one bar a day."""
    first = today - timedelta(days=CHART_DAYS - 1)
    per_day: dict[date, int] = {}
    for record in sessions:
        day = record.started_at.astimezone().date()
        if day >= first:
            per_day[day] = per_day.get(day, 0) + 1
    top = max([2, *per_day.values()])
    width = (WIDTH - LEFT - RIGHT) / CHART_DAYS * 0.6
    bars = [
        (_x(day, first) - width / 2, _y(count, top), width, f"{count} on {day:%d %b}")
        for day, count in sorted(per_day.items())
    ]
    active = len(per_day)
    return Chart(
        points=[],
        line="",
        bars=bars,
        x_labels=_x_labels(first),
        y_labels=[(_y(v, top), str(v)) for v in range(top + 1)],
        summary=f"{sum(per_day.values())} sessions on {active} of the last {CHART_DAYS} days.",
    )


RECENT = 10
"""Entries listed under "Recent entries", each with Correct and Delete."""


@router.get("/diary")
def diary_page(
    request: Request,
    user_id: UserDep,
    now: NowDep,
    logged: int | None = None,
    edit: int | None = None,
    deleted: str = "",
    changed: str = "",
) -> Response:
    """Log pain, correct or delete an entry (with undo), see the charts and the alerts."""
    state = state_of(request)
    reach = now - timedelta(days=CHART_DAYS + 8)  # the chart and its first average
    pain = services.list_pain(state.database, user_id=user_id, since=reach)
    recent = list(reversed(services.recent_pain(state.database, user_id=user_id, limit=RECENT)))
    sessions = services.list_sessions(state.database, user_id=user_id)
    alerts = services.diary_alerts(
        state.database, user_id=user_id, kb=state.kb, now=now, record=not state.database.read_only
    )
    today = local_date(now)
    week_ago = now - timedelta(days=7)
    average = seven_day_average([PainPoint(p.at, p.score) for p in pain], now)
    return render(
        request,
        "diary.html",
        areas=AREAS,
        pain_chart=pain_chart(
            pain, now, average, services.list_questionnaires(state.database, user_id=user_id)
        ),
        sessions_chart=sessions_chart(sessions, today),
        chart_size=(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM),
        recent=recent,
        editing=next((p for p in recent if p.id == edit), None),
        undo=_undo_of(deleted),
        changed=changed if changed in ("corrected", "restored", "session-deleted") else None,
        sessions=list(reversed(sessions[-5:])),
        camera_words=camera_words(state.kb, sessions[-5:]),
        alerts=alerts,
        logged=logged,
        average=average,
        latest=pain[-1] if pain else None,
        sessions_this_week=sum(1 for s in sessions if s.started_at >= week_ago),
        habits_this_week=len(
            services.list_habits(state.database, user_id=user_id, since=today - timedelta(days=6))
        ),
    )


@router.post("/diary", dependencies=[Depends(same_origin)])
def log_pain(
    request: Request,
    user_id: UserDep,
    now: NowDep,
    score: Annotated[str, Form()] = "",
    areas: Annotated[list[str] | None, Form()] = None,
    note: Annotated[str, Form()] = "",
) -> Response:
    """Store a pain rating from the form, then show the diary again (post/redirect/get); a
    missing or non-numeric score shows the diary with the problem named, never raw JSON."""
    try:
        entry = PainEntryCreate.model_validate(
            {"score": int(score.strip()), "areas": areas or [], "note": note.strip() or None}
        )
    except ValueError:  # not a whole number (ValidationError is a ValueError too)
        return RedirectResponse("/diary?logged=0", status_code=status.HTTP_303_SEE_OTHER)
    services.log_pain(state_of(request).database, user_id=user_id, entry=entry, now=now)
    return RedirectResponse("/diary?logged=1", status_code=status.HTTP_303_SEE_OTHER)


def camera_words(kb: KnowledgeBase, sessions: list[SessionRecordPublic]) -> dict[str, Any]:
    """For each exercise "Check my form" counted in these sessions: its name and what each of
    its cue ids said, so the diary shows the person exactly what was kept."""
    words: dict[str, Any] = {}
    for item in (i for s in sessions for i in s.items if i.form_check):
        entry = kb.get(item.id) if item.id in kb else None
        camera = entry.camera if isinstance(entry, Exercise) else None
        if entry is not None and camera is not None:
            words[item.id] = {"name": entry.name, "cues": {c.id: c.says for c in camera.cues}}
    return words


def _diary(**query: str) -> RedirectResponse:
    """Back to the diary (post/redirect/get), to its recent entries."""
    target = "/diary?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "/diary"
    return RedirectResponse(f"{target}#recent-title", status_code=status.HTTP_303_SEE_OTHER)


def _no_entry(entry_id: int) -> HTTPException:
    return HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no pain entry {entry_id} of yours")


@router.post("/diary/pain/{entry_id}", dependencies=[Depends(same_origin)])
def correct_pain(
    request: Request,
    user_id: UserDep,
    entry_id: EntryId,
    score: Annotated[int | None, Form()] = None,
    areas: Annotated[list[str] | None, Form()] = None,
    note: Annotated[str, Form()] = "",
) -> Response:
    """Correct an entry from the form; the chart and alerts are drawn again from the diary."""
    try:
        update = PainEntryUpdate.model_validate(
            {"score": score, "areas": areas or [], "note": note.strip() or None}
        )
    except ValidationError:
        return RedirectResponse(f"/diary?edit={entry_id}", status_code=status.HTTP_303_SEE_OTHER)
    database = state_of(request).database
    if services.correct_pain(database, user_id=user_id, entry_id=entry_id, update=update) is None:
        raise _no_entry(entry_id)
    return _diary(changed="corrected")


@router.post("/diary/pain/{entry_id}/delete", dependencies=[Depends(same_origin)])
def delete_pain(request: Request, user_id: UserDep, entry_id: EntryId) -> Response:
    """Delete an entry; the diary then offers to put it back (undo)."""
    database = state_of(request).database
    gone = services.delete_pain(database, user_id=user_id, entry_id=entry_id)
    if gone is None:
        raise _no_entry(entry_id)
    kept = PainEntryIn(score=gone.score, areas=gone.areas, note=gone.note, at=gone.at)
    return _diary(deleted=quote(kept.model_dump_json()))


@router.post("/diary/sessions/{record_id}/delete", dependencies=[Depends(same_origin)])
def delete_session(request: Request, user_id: UserDep, record_id: EntryId) -> Response:
    """Delete a recorded session (and what the camera counted in it)."""
    database = state_of(request).database
    if services.delete_session(database, user_id=user_id, record_id=record_id) is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no session {record_id} of yours")
    return _diary(changed="session-deleted")


@router.post("/diary/restore", dependencies=[Depends(same_origin)])
def restore_pain(
    request: Request, user_id: UserDep, entry: Annotated[str, Form()] = ""
) -> Response:
    """Undo a delete: the entry comes back as it was (score, areas, note, time)."""
    kept = _undo_of(entry)
    if kept is not None:
        services.log_pain(
            state_of(request).database,
            user_id=user_id,
            entry=PainEntryCreate.model_validate(kept.model_dump()),
        )
    return _diary(changed="restored")


def _undo_of(text: str) -> PainEntryIn | None:
    """The deleted entry carried in the page's undo form, or ``None`` if it does not read."""
    if not text:
        return None
    try:
        return PainEntryIn.model_validate(json.loads(text))
    except (ValueError, ValidationError):
        return None
