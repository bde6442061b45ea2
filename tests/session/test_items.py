"""A plan day's items as a session runs them: one routine (morning or evening), or the whole day."""

from __future__ import annotations

from backcare.knowledge import KnowledgeBase
from backcare.plan import build_plan
from backcare.profile import Profile
from backcare.session.items import day_items
from backcare.triage import evaluate

TWENTY_MINUTES = Profile.model_validate(
    {"age": 34, "work": ["sitting"], "pain": {"score": 3}, "minutes_per_day": 20}
)


def test_a_routine_runs_on_its_own_and_the_day_runs_both_in_order(kb: KnowledgeBase) -> None:
    plan = build_plan(TWENTY_MINUTES, evaluate(TWENTY_MINUTES, kb), kb)
    day = next(d for d in plan.days if len(d.sessions) == 2)
    morning, evening = ([i.id for i in s.items] for s in day.sessions)
    assert [i.id for i in day_items(plan, day.day, kb, "morning")] == morning
    assert [i.id for i in day_items(plan, day.day, kb, "evening")] == evening
    assert [i.id for i in day_items(plan, day.day, kb)] == morning + evening
    assert day_items(plan, 8, kb, "morning") == []
