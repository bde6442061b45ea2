"""``build_plan``: profile and safety check in, a seven-day plan out.

Pure: no clock, no settings, no database. Everything it needs is an argument, so the CLI, the
API and the app get the same plan for the same person.
"""

from __future__ import annotations

from backcare.content.schema import Exercise
from backcare.errors import InputError
from backcare.knowledge import KnowledgeBase
from backcare.plan import advice
from backcare.plan.dose import dose_week
from backcare.plan.index import index_of
from backcare.plan.models import Plan
from backcare.plan.phases import phase_of
from backcare.plan.screen import person, screen_offered
from backcare.plan.sessions import week_of_sessions
from backcare.profile import Profile
from backcare.triage import CheckResult

DEFAULT_MINUTES_PER_DAY = 15
"""Daily minutes when the person gave none: short enough to keep up every day."""

STOP_LEVELS = frozenset({"emergency", "urgent"})
"""Check levels at which self-care stops: the plan carries only the check and what to do."""


def build_plan(
    profile: Profile,
    check: CheckResult,
    kb: KnowledgeBase,
    *,
    week: int = 1,
    pain_improving: bool | None = None,
    pace: int = 1,
) -> Plan:
    """The plan for this person and this week of their programme.

    Doses rise toward the sources' maximum week by week unless ``pain_improving`` is False;
    ``pace`` weeks of the programme make one week of that rise (2: a gentle start that builds
    up at half the speed, never beyond the same maximum). When the check says to see a doctor
    urgently or at once, there are no sessions at all.
    """
    if week < 1:
        raise InputError(f"week: must be 1 or more, not {week}")
    if pace < 1:
        raise InputError(f"pace: must be 1 or more, not {pace}")
    phase = phase_of(profile, check)
    relief_only = phase == "acute" or not check.exercise_allowed
    who = person(profile, check, kb, phase=phase, relief_only=relief_only)
    if check.level in STOP_LEVELS:
        return Plan.from_content(
            check=check,
            phase=phase,
            week=week,
            days=[],
            habits=[],
            thermotherapy=[],
            posture=[],
            breaks=index_of(kb).breaks,
            excluded=[],
        )
    index = index_of(kb)
    allowed, excluded = screen_offered(index, who)
    exercises = [entry for entry in allowed if isinstance(entry, Exercise)]
    days = week_of_sessions(
        exercises,
        who,
        budget=profile.minutes_per_day or DEFAULT_MINUTES_PER_DAY,
        week=dose_week(week, pace),
        improving=pain_improving is not False and not relief_only,
    )
    lists = advice.for_person(allowed, who, phase)
    return Plan.from_content(
        check=check,
        phase=phase,
        week=week,
        days=days,
        habits=list(lists.habits),
        thermotherapy=list(lists.thermotherapy),
        posture=list(lists.posture),
        breaks=index.breaks,
        excluded=excluded,
    )
