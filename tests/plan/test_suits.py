"""One entry judged by the plan's own rules: "not for you now" exactly when the plan leaves it
out, with the plan's reason."""

from __future__ import annotations

from hypothesis import given, settings

from backcare.knowledge import KnowledgeBase
from backcare.plan import build_plan
from backcare.plan.suits import JUDGED_KINDS, suitability
from backcare.profile import Profile
from backcare.triage import evaluate
from tests.strategies import profiles


@settings(max_examples=40, deadline=None)
@given(profiles())
def test_an_entry_is_not_for_you_exactly_when_the_plan_leaves_it_out(
    kb: KnowledgeBase, profile: Profile
) -> None:
    check = evaluate(profile, kb)
    plan = build_plan(profile, check, kb)
    judge = suitability(profile, check, kb)
    for excluded in plan.excluded:
        verdict = judge(kb.get(excluded.id))
        assert verdict is not None
        assert not verdict.suits
        assert verdict.reason == excluded.reason
    for day in plan.days:
        for session in day.sessions:
            for item in session.items:
                verdict = judge(kb.get(item.id))
                assert verdict is not None
                assert verdict.suits, item.id


def test_causes_warning_signs_and_conflicts_are_not_judged(kb: KnowledgeBase) -> None:
    profile = Profile(age=40)
    judge = suitability(profile, evaluate(profile, kb), kb)
    for entry in kb:
        assert (judge(entry) is None) == (entry.kind not in JUDGED_KINDS)
