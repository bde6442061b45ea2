"""Plans are kept per app by (profile, week): the API and the pages must still answer each
person exactly the plan built for them, whatever was asked before and however full the store."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backcare.knowledge import KnowledgeBase
from backcare.plan import build_plan
from backcare.profile import Profile
from backcare.triage import evaluate
from backcare.web.plans import PLANS_KEPT, Plans
from tests.strategies import at_risk_profiles, profiles

ASKED = st.lists(
    st.tuples(profiles() | at_risk_profiles(), st.integers(1, 12)), min_size=1, max_size=6
)


def built(profile: Profile, week: int, kb: KnowledgeBase) -> object:
    return build_plan(profile, evaluate(profile, kb), kb, week=week).model_dump(mode="json")


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(asked=ASKED)
def test_every_answer_is_the_plan_built_for_that_profile_and_week(
    client: TestClient, asked: list[tuple[Profile, int]]
) -> None:
    """Asked twice over, in any order, each answer is the fresh plan for its own profile: a
    kept plan is never another person's (whose safety check may allow what this one's forbids)."""
    kb = client.app.state.backcare.kb  # type: ignore[attr-defined]
    for profile, week in asked + asked[::-1]:
        body = {"profile": profile.model_dump(mode="json"), "week": week}
        answered = client.post("/api/plan", json=body)
        assert answered.status_code == 200
        assert answered.json() == built(profile, week, kb)


def test_at_most_plans_kept_are_kept_and_the_oldest_goes_first(app: FastAPI) -> None:
    kb = app.state.backcare.kb
    plans, profile = Plans(kb), Profile()
    first = plans.plan(profile, 1)
    for week in range(2, PLANS_KEPT + 6):
        plans.plan(profile, week)
    assert len(plans) == PLANS_KEPT
    again = plans.plan(profile, 1)
    assert again == first
    assert again is not first  # rebuilt: week 1 was the oldest asked
    assert plans.plan(profile, PLANS_KEPT + 5) is plans.plan(profile, PLANS_KEPT + 5)
