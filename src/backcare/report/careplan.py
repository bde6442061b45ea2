"""The programme as FHIR R4: a ``CarePlan`` whose activities are this week's exercises with their
doses, and ``Goal``s a clinician can check progress against.

- Pain goal: down by the smallest change people notice from the first diary score (the one
  rule in ``programme.change``), measured as LOINC 72514-3.
- One goal per activity the person named in their latest PSFS: that activity's rating up by
  the PSFS's published minimal change (``psfs.yaml``).

Each goal says whether the latest value reached it (``achievementStatus``).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import Any

from backcare.plan import Plan, PlanItem
from backcare.plan.dose import dose_text
from backcare.programme.change import pain_verdict
from backcare.programme.phases import PhaseVerdict
from backcare.programme.questionnaires import instrument
from backcare.report.codes import LOINC_PAIN_SEVERITY
from backcare.schemas import PainEntryPublic, QuestionnairePublic

PAIN_SCALE_MAX = 10
ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement"
EXERCISE_CATEGORY = {"text": "Self-care exercise programme for back pain"}


def care_plan(
    plan: Plan, phase: PhaseVerdict, subject: dict[str, str], goal_refs: list[dict[str, str]]
) -> dict[str, Any]:
    """This week's programme: one activity per exercise (its dose, how many days a week, and
    why); on hold with the safety check's advice when self-care exercise stops."""
    days = Counter(
        key for day in plan.days for key in {i.id for s in day.sessions for i in s.items}
    )
    first: dict[str, PlanItem] = {}
    for item in plan.items():
        first.setdefault(item.id, item)
    resource: dict[str, Any] = {
        "resourceType": "CarePlan",
        "status": "active" if first else "on-hold",
        "intent": "plan",
        "category": [EXERCISE_CATEGORY],
        "title": f"backcare programme, week {plan.week}: {phase.phase}",
        "description": f"{phase.why[0].upper()}{phase.why[1:]}.",
        "subject": subject,
        "activity": [_activity(item, days[item.id], goal_refs) for item in first.values()],
        "note": [{"text": f"Safety check: {plan.check.level}. {plan.check.advice}"}],
    }
    if goal_refs:
        resource["goal"] = goal_refs
    return {key: value for key, value in resource.items() if value != []}


def _activity(item: PlanItem, days: int, goal_refs: list[dict[str, str]]) -> dict[str, Any]:
    detail: dict[str, Any] = {
        "kind": "ServiceRequest",
        "code": {"text": item.name},
        "status": "scheduled",
        "scheduledTiming": {"repeat": {"frequency": days, "period": 1, "periodUnit": "wk"}},
        "description": f"{dose_text(item.dose)}. {item.why}",
    }
    if goal_refs:
        detail["goal"] = goal_refs
    return {"detail": detail}


def goals(
    pain: Sequence[PainEntryPublic],
    questionnaires: Sequence[QuestionnairePublic],
    subject: dict[str, str],
) -> list[dict[str, Any]]:
    """The pain goal (once a pain score is logged) and one goal per PSFS activity."""
    found = [_pain_goal(pain, subject)] if pain else []
    psfs = [q for q in questionnaires if q.instrument == "psfs"]
    if psfs:
        found += _activity_goals(psfs[0], psfs[-1], subject)
    return found


def _pain_goal(pain: Sequence[PainEntryPublic], subject: dict[str, str]) -> dict[str, Any]:
    first, latest = pain[0].score, pain[-1].score
    drop = next((d for d in range(1, first + 1) if pain_verdict(first, first - d) == "better"), 0)
    target = first - drop
    return _goal(
        description=(
            f"Pain down from {first} to {target} or less: the smallest change people notice"
        ),
        measure={"coding": [LOINC_PAIN_SEVERITY], "text": "Pain severity (0-10)"},
        detail={"detailRange": {"high": {"value": target}}},
        reached=drop > 0 and latest <= target,
        subject=subject,
    )


def _activity_goals(
    first: QuestionnairePublic, latest: QuestionnairePublic, subject: dict[str, str]
) -> list[dict[str, Any]]:
    """Each activity of the latest PSFS, from its rating the first time it was named (or its
    latest rating when it is new) up by the PSFS's minimal change."""
    change = instrument("psfs").minimal_change
    assert change is not None  # the PSFS file carries it (tested)
    before = dict(zip(first.activities, first.answers, strict=True))
    made = []
    for activity, rating in zip(latest.activities, latest.answers, strict=True):
        start = before.get(activity, rating)
        target = min(PAIN_SCALE_MAX, start + math.ceil(change.points))
        made.append(
            _goal(
                description=f"{activity}: rated {target} or more out of 10 (from {start})",
                measure={"text": f"PSFS rating: {activity}"},
                detail={"detailInteger": target},
                reached=target > start and rating >= target,
                subject=subject,
            )
        )
    return made


def _goal(
    *,
    description: str,
    measure: dict[str, Any],
    detail: dict[str, Any],
    reached: bool,
    subject: dict[str, str],
) -> dict[str, Any]:
    status = "achieved" if reached else "in-progress"
    return {
        "resourceType": "Goal",
        "lifecycleStatus": "active",
        "achievementStatus": {"coding": [{"system": ACHIEVEMENT, "code": status}]},
        "description": {"text": description},
        "subject": subject,
        "target": [{"measure": measure, **detail}],
    }
