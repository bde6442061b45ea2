"""The plan, adapted to what the person reported: ``adapt_plan(plan, …)`` → the same plan shape.

Each exercise with answers gets the dose the dose rule gives (``doses.adapt``), starting from
the plan's dose in the week the answers began, on the person's own progression (their dose
variant, under their caps). An exercise left out is replaced by its gentler alternative, and the
plan's ``excluded`` list says why. During a flare-up only gentle relief stays; where the history
says a flare-up settled (``StepDown``) the dose goes one step lower. A day whose raised doses no
longer fit the person's minutes keeps the planned doses instead, so the plan's promises
(SPEC §4) still hold.

Pure: the plan, the profile, the knowledge base and the answers come in as arguments.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from backcare.content.schema import Dose, Exercise, Level
from backcare.knowledge import KnowledgeBase
from backcare.plan import Day, Excluded, Plan, PlanItem, Session
from backcare.plan.builder import DEFAULT_MINUTES_PER_DAY
from backcare.plan.dose import grown, item_minutes
from backcare.plan.phases import phase_of
from backcare.plan.screen import Person, is_relief, person, screen
from backcare.plan.sessions import FAMILIES
from backcare.profile import Profile
from backcare.programme.doses import (
    Adapted,
    StepDown,
    Tap,
    adapt,
    gentler_alternative,
    ladder,
    step_of,
)
from backcare.rules import capped, dose_range

FLARE_WHY = "kept during your flare-up: gentle relief only for now"


@dataclass(frozen=True)
class History:
    """One exercise's answers, oldest first, and the programme week they began in."""

    first_week: int
    taps: Sequence[Tap | StepDown]


@dataclass(frozen=True)
class Adaptation:
    """How the plan follows the person this week: answers per exercise, and a flare-up."""

    histories: Mapping[str, History]
    flare: bool = False


def adapt_plan(plan: Plan, profile: Profile, kb: KnowledgeBase, how: Adaptation) -> Plan:
    """The plan with each answered exercise's dose set by the dose rule, its ``why`` saying so."""
    if not plan.days:
        return plan
    phase = phase_of(profile, plan.check)
    relief_only = phase == "acute" or not plan.check.exercise_allowed
    who = person(profile, plan.check, kb, phase=phase, relief_only=relief_only)
    allowed = _allowed_exercises(kb, who)
    results = {
        item.id: _adapted(allowed.get(item.id), item, who, how, plan.check.level)
        for item in plan.items()
        if item.id in how.histories
    }
    week = _Week(
        results=results,
        left_out={key for key, result in results.items() if result is not None and result.left_out},
        allowed=allowed,
        who=who,
        how=how,
        budget=profile.minutes_per_day or DEFAULT_MINUTES_PER_DAY,
    )
    days = [_day(day, week) for day in plan.days]
    excluded = [
        *plan.excluded,
        *(_left_out(allowed[key], allowed, week.left_out) for key in sorted(week.left_out)),
    ]
    return plan.model_copy(update={"days": days, "excluded": excluded})


@dataclass(frozen=True)
class _Week:
    """What every day of the adapted week shares: the dose rule's answers, what is left out,
    the exercises the person may be given, the person, the adaptation and the daily minutes."""

    results: Mapping[str, Adapted | None]
    left_out: set[str]
    allowed: Mapping[str, Exercise]
    who: Person
    how: Adaptation
    budget: float


def _allowed_exercises(kb: KnowledgeBase, who: Person) -> dict[str, Exercise]:
    allowed, _ = screen((entry for entry in kb if isinstance(entry, Exercise)), who)
    return {entry.id: entry for entry in allowed if isinstance(entry, Exercise)}


def _steps(exercise: Exercise, who: Person) -> tuple[Dose, ...]:
    start, top = dose_range(exercise, who.facts)
    return ladder(start, top, who.judgement.caps(exercise))


def _adapted(
    exercise: Exercise | None, item: PlanItem, who: Person, how: Adaptation, level: Level
) -> Adapted | None:
    """The dose rule's answer for one planned exercise (None when it is not the person's to do)."""
    if exercise is None:
        return None
    history = how.histories[item.id]
    steps = _steps(exercise, who)
    start_dose, top = dose_range(exercise, who.facts)
    first = capped(grown(start_dose, top, history.first_week), who.judgement.caps(exercise))
    return adapt(
        steps,
        history.taps,
        start=step_of(steps, first),
        level=level,
        exercise_allowed=not who.relief_only or is_relief(exercise),
    )


def _day(day: Day, week: _Week) -> Day:
    """The day with adapted items; if raises break the daily minutes, the planned day instead."""
    sessions = [_session(s, week) for s in day.sessions]
    adapted = Day(day=day.day, sessions=[s for s in sessions if s.items])
    budget = week.budget
    tries = (adapted, _smaller(day, adapted, budget, keep_new=True))
    fits = (t for t in tries if sum(_daily(i) for s in t.sessions for i in s.items) <= budget)
    chosen = next(fits, _smaller(day, adapted, budget))
    sessions = [_warm_up_first(s, week.allowed) for s in chosen.sessions]
    return Day(day=chosen.day, sessions=[s for s in sessions if s.items])


def _warm_up_first(session: Session, allowed: Mapping[str, Exercise]) -> Session:
    """No strengthening without a warm-up stretch first (the plan's own rule): when the
    stretch that opened the session was left out with nothing to replace it, its strength
    work goes too."""
    kinds = [getattr(allowed.get(i.id), "category", "") for i in session.items]
    if not kinds or kinds[0] in FAMILIES["warm_up"]:
        return session
    kept = [
        i for i, kind in zip(session.items, kinds, strict=True) if kind not in FAMILIES["strength"]
    ]
    return session if len(kept) == len(session.items) else _with_items(session, kept)


def _daily(item: PlanItem) -> float:
    """Minutes in the day: a dose done twice a day counts twice (as the plan counts it)."""
    return item.minutes * max(1, item.dose.per_day or 1)


def _smaller(planned: Day, adapted: Day, budget: float, *, keep_new: bool = False) -> Day:
    """The adapted day with planned doses wherever the adapted one takes longer, and (unless
    ``keep_new``) without the alternatives the planned day did not have: never longer than
    the planned day, which fits."""
    before = {i.id: i for s in planned.sessions for i in s.items}
    sessions = []
    for session in adapted.sessions:
        items = [
            i
            if i.id not in before or _daily(i) <= _daily(before[i.id])
            else _kept(before[i.id], budget)
            for i in session.items
            if keep_new or i.id in before
        ]
        sessions.append(_with_items(session, items))
    return Day(day=adapted.day, sessions=[s for s in sessions if s.items])


def _session(session: Session, week: _Week) -> Session:
    """The session's items adapted: only gentle relief in a flare-up, the gentler alternative
    in place of one left out, the dose rule's dose for the rest."""
    items: list[PlanItem] = []
    here = [i.id for i in session.items]
    for item in session.items:
        exercise = week.allowed.get(item.id)
        if week.how.flare and (exercise is None or not is_relief(exercise)):
            continue
        if item.id in week.left_out and exercise is not None:
            swap = _alternative(exercise, week.allowed, week.left_out, week.who, here)
            items += [swap] if swap is not None else []
            continue
        items.append(_item(item, exercise, week.results.get(item.id), week.how))
    return _with_items(session, items)


def _item(
    item: PlanItem, exercise: Exercise | None, result: Adapted | None, how: Adaptation
) -> PlanItem:
    if exercise is None or result is None or result.dose is None or not result.why:
        return item
    why = _sentence(result.why)
    if how.flare:
        why = f"{why} {_sentence(FLARE_WHY)}"
    return item.model_copy(
        update={
            "dose": result.dose,
            "minutes": item_minutes(exercise, result.dose),
            "why": f"{why} {item.why}",
        }
    )


def _alternative(
    exercise: Exercise,
    allowed: Mapping[str, Exercise],
    left_out: set[str],
    who: Person,
    in_session: list[str],
) -> PlanItem | None:
    """The gentler alternative as a plan item at its starting dose, if one fits the session."""
    other = gentler_alternative(exercise, allowed, avoid=[*left_out, *in_session])
    if other is None:
        return None
    dose = _steps(other, who)[0]
    return PlanItem.from_content(
        id=other.id,
        name=other.name,
        dose=dose,
        minutes=item_minutes(other, dose),
        why=f"Offered instead of {exercise.name}, which hurt twice: a gentler move from the "
        "sources.",
        sources=other.sources,
    )


def _left_out(exercise: Exercise, allowed: Mapping[str, Exercise], left_out: set[str]) -> Excluded:
    other = gentler_alternative(exercise, allowed, avoid=left_out)
    offer = f" Try {other.name} instead." if other is not None else ""
    return Excluded.from_content(
        id=exercise.id,
        reason=f"Left out because it hurt twice when you did it.{offer}",
        sources=exercise.sources,
    )


def _kept(planned: PlanItem, budget: float) -> PlanItem:
    """The planned item, its ``why`` saying the raise waits for time in the day."""
    why = f"Kept at this dose: a bigger one would not fit your {budget:g} minutes a day."
    why += f" {planned.why}"
    return planned.model_copy(update={"why": why})


def _sentence(text: str) -> str:
    return f"{text[0].upper()}{text[1:]}."


def _with_items(session: Session, items: list[PlanItem]) -> Session:
    return Session(slot=session.slot, minutes=sum(i.minutes for i in items), items=items)
