"""The programme that follows the person: store the one-tap answers and the stop events, and
build this week's adapted plan from them (doses, phase, flare-up card, weekly summary).

The rules are pure (``backcare.programme``); this module only reads the history they need:
the answers, the pain diary, the questionnaires, the sessions done and the first saved profile
(week 1). The latest STarT Back result sets the start (``programme.start``); the phase's weekly
verdict comes from the pain diary's weekly mean, the PEG and PSFS verdicts against their first
answer and the one-tap answers (``programme.phases.weekly_verdicts``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from pydantic import BaseModel, ConfigDict
from sqlalchemy import select
from sqlalchemy.orm import Session

from backcare.content.schema import Exercise, Source, Thermotherapy
from backcare.diary.trends import PainPoint
from backcare.knowledge import KnowledgeBase
from backcare.plan import Plan, build_plan
from backcare.plan.dose import dose_week
from backcare.plan.schedule import programme_week
from backcare.plan.screen import fits_group, person, screen
from backcare.profile import Profile
from backcare.programme.adapt import Adaptation, History, adapt_plan
from backcare.programme.adherence import Adherence, summary
from backcare.programme.change import Verdict
from backcare.programme.doses import StepDown, Tap
from backcare.programme.flare import Flare, FlareCard, flare_card, latest_flare
from backcare.programme.phases import HOLDS, PhaseVerdict, phases, weekly_verdicts
from backcare.programme.questionnaires import StartBackResult, score
from backcare.programme.start import ProgrammeStart, programme_start, start_plan
from backcare.programme.stop import STOP_ADVICE, should_stop
from backcare.schemas import (
    ExerciseFeedbackCreate,
    ExerciseFeedbackIn,
    ExerciseFeedbackPublic,
    QuestionnairePublic,
    StopCheck,
    StopEventIn,
    StopEventPublic,
)
from backcare.services._base import DB, _now, _unit
from backcare.services.diary import list_pain
from backcare.services.profile import profile_history
from backcare.services.questionnaires import list_questionnaires
from backcare.services.sessions import list_sessions
from backcare.store.models import ExerciseFeedback, StopEvent
from backcare.triage import evaluate


def record_feedback(
    db: DB, *, user_id: int, feedback: ExerciseFeedbackIn
) -> ExerciseFeedbackPublic:
    """Store one answer to "how was that?" after an exercise."""
    row = ExerciseFeedback(user_id=user_id, **feedback.model_dump())
    with _unit(db) as session:
        session.add(row)
        session.flush()
        return ExerciseFeedbackPublic(id=row.id, **feedback.model_dump())


def answer_exercise(
    db: DB, *, user_id: int, answer: ExerciseFeedbackCreate, now: datetime | None = None
) -> ExerciseFeedbackPublic:
    """Store an answer given now (or at ``answer.at``), in the programme week it falls in."""
    at = answer.at or _now(now)
    with _unit(db) as session:
        saved = profile_history(session, user_id=user_id)
        week = programme_week(saved[0].saved_at if saved else None, at)
        feedback = ExerciseFeedbackIn(
            exercise_id=answer.exercise_id, answer=answer.answer, week=week, at=at
        )
        return record_feedback(session, user_id=user_id, feedback=feedback)


def list_feedback(db: DB, *, user_id: int) -> list[ExerciseFeedbackPublic]:
    """Every answer, oldest first (the order the dose rule replays them in)."""
    query = select(ExerciseFeedback).where(ExerciseFeedback.user_id == user_id)
    with _unit(db) as session:
        rows = session.scalars(query.order_by(ExerciseFeedback.at, ExerciseFeedback.id))
        return [ExerciseFeedbackPublic.model_validate(r, from_attributes=True) for r in rows]


def record_stop(db: DB, *, user_id: int, stop: StopEventIn) -> StopEventPublic:
    """Store a session the stop rule ended."""
    row = StopEvent(user_id=user_id, **stop.model_dump())
    with _unit(db) as session:
        session.add(row)
        session.flush()
        return StopEventPublic(id=row.id, **stop.model_dump())


def list_stops(db: DB, *, user_id: int) -> list[StopEventPublic]:
    """Every stop event, oldest first."""
    query = select(StopEvent).where(StopEvent.user_id == user_id)
    with _unit(db) as session:
        rows = session.scalars(query.order_by(StopEvent.at, StopEvent.id))
        return [StopEventPublic.model_validate(r, from_attributes=True) for r in rows]


class StopVerdict(BaseModel):
    """The stop rule's answer: carry on, or stop with the advice (the event is stored)."""

    stop: bool
    message: str | None = None
    event: StopEventPublic | None = None
    sources: list[Source] = []


def check_stop(
    db: DB, *, user_id: int, check: StopCheck, now: datetime | None = None
) -> StopVerdict:
    """Run the stop rule; when it stops the session, store the event."""
    verdict = should_stop(
        pain_before=check.pain_before,
        pain_now=check.pain_now,
        new_leg_symptoms=check.new_leg_symptoms,
    )
    if verdict is None:
        return StopVerdict(stop=False)
    event = StopEventIn(
        at=_now(now),
        reason=verdict.reason,
        pain_before=check.pain_before,
        pain_now=check.pain_now,
        exercise_id=check.exercise_id,
    )
    saved = record_stop(db, user_id=user_id, stop=event)
    return StopVerdict(
        stop=True, message=verdict.message, event=saved, sources=list(verdict.sources)
    )


class ProgrammePublic(BaseModel):
    """This week's adapted plan, the phase and why, where the programme started (STarT Back's
    pace, lessons and suggestion), the flare-up card (while one lasts), the weekly summary, and
    the advice shown when a session is stopped."""

    model_config = ConfigDict(frozen=True)

    plan: Plan
    phase: PhaseVerdict
    start: ProgrammeStart
    flare: FlareCard | None
    week_summary: Adherence
    stop_advice: str = STOP_ADVICE


def programme_plan(
    db: DB, *, user_id: int, profile: Profile, kb: KnowledgeBase, now: datetime | None = None
) -> ProgrammePublic:
    """The plan for this week of the programme, following what the person reported."""
    now = _now(now)
    with _unit(db) as session:
        saved = profile_history(session, user_id=user_id)
        first = saved[0].saved_at if saved else None
        answers = list_feedback(session, user_id=user_id)
        pain = [PainPoint(p.at, p.score) for p in list_pain(session, user_id=user_id)]
        done = [s.started_at.date() for s in list_sessions(session, user_id=user_id)]
        taken = _taken(session, user_id, now)
    week = programme_week(first, now)
    start = programme_start(_latest_startback(taken))
    plan = build_plan(profile, evaluate(profile, kb), kb, week=week, pace=start.pace)
    weeks = _phases(first, week, pain, answers, taken)
    flare = latest_flare([p for p in pain if p.at <= now])
    histories = _histories(answers, weeks, flare, pace=start.pace)
    how = Adaptation(histories, flare=flare is not None and flare.active)
    adapted = start_plan(adapt_plan(plan, profile, kb, how), start)
    return ProgrammePublic(
        plan=adapted,
        phase=weeks[week - 1],
        start=start,
        flare=_card(flare, adapted, profile, kb) if how.flare and flare is not None else None,
        week_summary=_summary(adapted, plan, answers, done, now),
    )


def programme_pace(db: DB, *, user_id: int, now: datetime | None = None) -> int:
    """The dose pace the person's latest STarT Back answers set (1 the usual, 2 a gentle start),
    so that a plan for any week of the programme, not only this one, builds up at their pace."""
    now = _now(now)
    with _unit(db) as session:
        taken = _taken(session, user_id, now)
    return programme_start(_latest_startback(taken)).pace


def _taken(session: Session, user_id: int, now: datetime) -> list[QuestionnairePublic]:
    """The questionnaires this person had answered by ``now``."""
    return [q for q in list_questionnaires(session, user_id=user_id) if q.at <= now]


def _latest_startback(taken: Sequence[QuestionnairePublic]) -> StartBackResult | None:
    """The latest STarT Back result (rescored from its answers), if one was saved."""
    startback = [q for q in taken if q.instrument == "startback"]
    if not startback:
        return None
    result = score("startback", startback[-1].answers)
    assert isinstance(result, StartBackResult)
    return result


QUESTIONNAIRE_NAMES = {"peg": "PEG score", "psfs": "function (PSFS)"}
"""The questionnaires that move the phases, by the name a week's verdict gives them."""


def _phases(
    first: datetime | None,
    week: int,
    pain: Sequence[PainPoint],
    answers: Sequence[ExerciseFeedbackPublic],
    taken: Sequence[QuestionnairePublic],
) -> list[PhaseVerdict]:
    """The phase of each programme week so far, from weekly pain means, the PEG and PSFS
    verdicts of each week's latest answer, and weeks whose exercises were mostly too hard or
    hurt."""
    scores: dict[int, list[int]] = defaultdict(list)
    for point in pain:
        scores[programme_week(first, point.at)].append(point.score)
    means = [sum(s) / len(s) if (s := scores.get(n)) else None for n in range(1, week + 1)]
    given: dict[int, list[str]] = defaultdict(list)
    for answer in answers:
        given[answer.week].append(answer.answer)
    hard = [_mostly_hard(given.get(n, [])) for n in range(1, week + 1)]
    verdicts: dict[str, list[Verdict | None]] = {}
    for instrument, name in QUESTIONNAIRE_NAMES.items():
        latest = {programme_week(first, q.at): q for q in taken if q.instrument == instrument}
        verdicts[name] = [
            (q.change.verdict if (q := latest.get(n)) and q.change else None)
            for n in range(1, week + 1)
        ]
    return phases(weekly_verdicts(means, hard, verdicts))


def _mostly_hard(answers: Sequence[str]) -> bool:
    """More than half of a week's answers were "too hard" or "it hurt"."""
    return sum(a in ("too_hard", "it_hurt") for a in answers) * 2 > len(answers) > 0


def _histories(
    answers: Sequence[ExerciseFeedbackPublic],
    weeks: Sequence[PhaseVerdict],
    flare: Flare | None,
    *,
    pace: int,
) -> dict[str, History]:
    """Each exercise's answers, each holding raises if its week's phase does, with the step
    down where a flare-up settled; the dose they start from is the plan's at the start's
    ``pace``."""
    taps: dict[str, list[Tap | StepDown]] = defaultdict(list)
    first_week: dict[str, int] = {}
    settled = flare.settled_at if flare is not None else None
    for answer in answers:
        key = answer.exercise_id
        if settled is not None and answer.at > settled and StepDown() not in taps[key]:
            taps[key].append(StepDown())
        phase = weeks[min(answer.week, len(weeks)) - 1].phase
        taps[key].append(Tap(answer.answer, HOLDS[phase]))
        first_week.setdefault(key, dose_week(answer.week, pace))
    if settled is not None:
        for history in taps.values():
            if StepDown() not in history:
                history.append(StepDown())
    return {key: History(first_week[key], history) for key, history in taps.items()}


def _card(flare: Flare, plan: Plan, profile: Profile, kb: KnowledgeBase) -> FlareCard:
    """The card with the week's relief moves and the heat and ice the person may use for a
    fresh flare-up: screened as new pain (the acute phase), so ice is offered in its first
    days as the content's rule ``ice-early-only`` says, while every rule about the person
    (postpartum warmth, missing equipment …) still holds, and only entries written for them."""
    relief = [e for i in plan.items() if isinstance(e := kb.get(i.id), Exercise)]
    fresh = person(profile, plan.check, kb, phase="acute", relief_only=True)
    allowed, _ = screen(kb.of_type(Thermotherapy), fresh)
    thermo = [e for e in allowed if isinstance(e, Thermotherapy) and fits_group(e, fresh.groups)]
    return flare_card(flare, relief=list({e.id: e for e in relief}.values()), thermotherapy=thermo)


def _summary(
    adapted: Plan,
    planned: Plan,
    answers: Sequence[ExerciseFeedbackPublic],
    done: Sequence[date],
    now: datetime,
) -> Adherence:
    """The last seven days: every day with a planned session, the days done, this week's
    answers and what was newly left out."""
    today = now.date()
    days = [today - timedelta(days=n) for n in range(7)] if planned.days else []
    recent = [a.answer for a in answers if a.at > now - timedelta(days=7)]
    before = {e.id for e in planned.excluded}
    return summary(
        planned=days,
        done=done,
        today=today,
        answers=recent,
        left_out=[e.id for e in adapted.excluded if e.id not in before],
    )
