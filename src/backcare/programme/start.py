"""Where the programme starts: the saved STarT Back result sets how fast doses build up, which
lessons come first and whether a physiotherapist is suggested.

Keele's matched care (``content/data/questionnaires/startback.yaml``) gives each risk group an
intensity, the education it stresses and whether physiotherapy is offered. This module turns
that into the plan's terms: a high-risk ("gentle") start builds doses up at half the usual pace,
within the same sourced range; the lessons come in the group's order; and the ``why`` of each
exercise names the rule. Without a STarT Back result the programme starts as it always did.

Pure: the latest STarT Back result and the plan come in as arguments.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from backcare.content.questionnaires import Lesson
from backcare.plan import Plan, PlanItem
from backcare.programme.questionnaires import (
    StartBackResult,
    StartingAdvice,
    instrument,
    starting_intensity,
)

GENTLE_PACE = 2
"""Programme weeks per week of dose growth on a gentle start: Keele's high-risk care starts
gently and "builds up slowly"; half the usual speed is the product's reading of that."""

PACES = {"gentle": GENTLE_PACE, "moderate": 1}


class ProgrammeStart(BaseModel):
    """How this person's programme starts, and why: the dose pace, the lessons in order, and
    STarT Back's advice (None when no STarT Back result is saved)."""

    model_config = ConfigDict(frozen=True)

    pace: int
    lessons: tuple[Lesson, ...]
    advice: StartingAdvice | None = None
    why: str | None = None
    """The rule as the person reads it on each exercise it slows, or None at the usual pace."""
    suggestion: str | None = None
    """The clear suggestion to see a physiotherapist, when the risk group's care includes one."""


def programme_start(result: StartBackResult | None) -> ProgrammeStart:
    """The start a STarT Back result sets (the latest one); the usual start without one."""
    care = instrument("startback").matched_care
    assert care is not None  # the STarT Back file carries it (tested)
    if result is None:
        return ProgrammeStart(pace=1, lessons=care.lessons)
    advice = starting_intensity(result)
    first = getattr(care, result.risk).lessons_first
    ordered = sorted(
        care.lessons,
        key=lambda lesson: first.index(lesson.id) if lesson.id in first else len(first),
    )
    pace = PACES[advice.intensity]
    return ProgrammeStart(
        pace=pace,
        lessons=tuple(ordered),
        advice=advice,
        why=_why(result, pace),
        suggestion=_suggestion(advice),
    )


def _why(result: StartBackResult, pace: int) -> str | None:
    if pace == 1:
        return None
    return (
        f"Starting gently because your STarT Back result was {result.risk} risk: doses build "
        "up at half the usual pace."
    )


def _suggestion(advice: StartingAdvice) -> str | None:
    if not advice.physiotherapist:
        return None
    return (
        f"Your STarT Back result was {advice.risk} risk. Keele's matched care for it includes "
        "physiotherapy, so please arrange to see a physiotherapist alongside this plan."
    )


def start_plan(plan: Plan, start: ProgrammeStart) -> Plan:
    """The plan with each exercise's ``why`` naming the start's rule (unchanged at the usual
    pace). The doses themselves come from ``build_plan(..., pace=start.pace)``."""
    if start.why is None:
        return plan
    why = start.why
    days = [
        day.model_copy(
            update={
                "sessions": [
                    s.model_copy(update={"items": [_named(i, why) for i in s.items]})
                    for s in day.sessions
                ]
            }
        )
        for day in plan.days
    ]
    return plan.model_copy(update={"days": days})


def _named(item: PlanItem, why: str) -> PlanItem:
    return item.model_copy(update={"why": f"{why} {item.why}"})
