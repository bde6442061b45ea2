"""The personal plan: a safe, explainable seven-day routine built from the knowledge base.

``build_plan(profile, check, kb, week=N)`` is pure; ``backcare.plan.calendar.plan_calendar``
turns a plan into an iCalendar file.
"""

from backcare.plan.builder import DEFAULT_MINUTES_PER_DAY, build_plan
from backcare.plan.models import AdviceItem, Breaks, Day, Excluded, Plan, PlanItem, Session
from backcare.plan.phases import phase_of

__all__ = [
    "DEFAULT_MINUTES_PER_DAY",
    "AdviceItem",
    "Breaks",
    "Day",
    "Excluded",
    "Plan",
    "PlanItem",
    "Session",
    "build_plan",
    "phase_of",
]
