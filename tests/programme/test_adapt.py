"""The adapted plan keeps every promise the plan makes (SPEC §4), over random people and answers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from backcare.knowledge import KnowledgeBase
from backcare.plan import build_plan
from backcare.profile import Profile
from backcare.programme.adapt import Adaptation, History, adapt_plan
from backcare.programme.doses import ANSWERS, StepDown, Tap
from backcare.triage import evaluate
from tests.plan.test_properties import PEOPLE, assert_plan_keeps_promises

OFFICE = Profile.model_validate(
    {
        "age": 40,
        "work": ["sitting"],
        "pain": {"areas": ["lower_back"], "score": 3, "duration_days": 30},
        "fitness": "moderate",
        "equipment": ["mat", "chair", "wall"],
        "minutes_per_day": 60,
    }
)


@settings(max_examples=300, deadline=None)
@given(
    profile=PEOPLE,
    week=st.integers(1, 8),
    taps=st.lists(st.sampled_from(ANSWERS), max_size=8),
    first_week=st.integers(1, 8),
    flare=st.booleans(),
    settled=st.booleans(),
    picks=st.lists(st.integers(0, 40), max_size=6),
)
def test_the_adapted_plan_keeps_the_plans_promises(
    kb: KnowledgeBase,
    profile: Profile,
    week: int,
    taps: list[str],
    first_week: int,
    flare: bool,
    settled: bool,
    picks: list[int],
) -> None:
    history: list[Tap | StepDown] = [Tap(t) for t in taps]  # type: ignore[arg-type]
    history += [StepDown()] if settled else []
    check = evaluate(profile, kb)
    plan = build_plan(profile, check, kb, week=week)
    ids = sorted({item.id for item in plan.items()})
    answered = sorted({ids[p % len(ids)] for p in picks}) if ids else []
    how = Adaptation(
        {i: History(first_week, history) for i in answered},
        flare=flare,
    )
    adapted = adapt_plan(plan, profile, kb, how)
    assert_plan_keeps_promises(adapted, profile, check, kb)
    left_out = {item.id for item in adapted.excluded} - {item.id for item in plan.excluded}
    assert not left_out & {item.id for item in adapted.items()}
    if taps.count("it_hurt") >= 2:
        assert left_out >= set(answered) & set(ids)


def test_a_raise_says_which_answer_put_it_there(kb: KnowledgeBase) -> None:
    plan = build_plan(OFFICE, evaluate(OFFICE, kb), kb, week=1)
    item = next(i for i in plan.items() if i.dose.reps is not None and i.id != "knee-to-chest")
    how = Adaptation({item.id: History(1, [Tap("too_easy"), Tap("too_easy")])})
    adapted = adapt_plan(plan, OFFICE, kb, how)
    again = next(i for i in adapted.items() if i.id == item.id)
    assert again.dose.reps is not None
    assert again.dose.reps > item.dose.reps
    assert again.why.startswith(
        f"Raised to {again.dose.reps} repetitions because you found {item.dose.reps} "
        "repetitions easy twice."
    )


def test_a_raise_that_does_not_fit_the_day_waits_and_says_so(kb: KnowledgeBase) -> None:
    short = OFFICE.model_copy(update={"minutes_per_day": 5})
    plan = build_plan(short, evaluate(short, kb), kb, week=1)
    ids = sorted({i.id for i in plan.items()})
    how = Adaptation({i: History(1, [Tap("too_easy")] * 8) for i in ids})
    adapted = adapt_plan(plan, short, kb, how)
    kept = [i for i in adapted.items() if i.why.startswith("Kept at this dose")]
    assert kept
    assert all("5 minutes a day" in i.why for i in kept)


def test_twice_hurt_is_left_out_with_a_gentler_move_offered(kb: KnowledgeBase) -> None:
    plan = build_plan(OFFICE, evaluate(OFFICE, kb), kb, week=1)
    item = plan.items()[1]
    how = Adaptation({item.id: History(1, [Tap("it_hurt"), Tap("it_hurt")])})
    adapted = adapt_plan(plan, OFFICE, kb, how)
    assert item.id not in {i.id for i in adapted.items()}
    reason = next(e.reason for e in adapted.excluded if e.id == item.id)
    assert reason.startswith("Left out because it hurt twice")
    offered = [i for i in adapted.items() if i.why.startswith(f"Offered instead of {item.name}")]
    if "Try " in reason:
        assert offered
