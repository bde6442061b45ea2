"""The plan's per-knowledge-base tables (issue 18) give exactly what the reference functions
give: the same split and reasons as ``screen``, the same doses as the rules' own formula, and
never another knowledge base's answers."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from backcare.content.schema import Exercise
from backcare.knowledge import KnowledgeBase
from backcare.plan import advice, build_plan
from backcare.plan.dose import grown, item_minutes
from backcare.plan.index import MEMO_SIZE, index_of, remembered
from backcare.plan.phases import phase_of
from backcare.plan.reasons import exercise_why
from backcare.plan.screen import Person, person, screen, screen_offered
from backcare.plan.sessions import _candidate
from backcare.profile import Profile, Symptoms
from backcare.rules import capped, dose_range
from backcare.triage import evaluate
from tests.strategies import at_risk_profiles, profiles, symptoms

PEOPLE = st.one_of(profiles(symptoms=st.just(Symptoms()) | symptoms), at_risk_profiles())
SLOW = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def who_of(profile: Profile, kb: KnowledgeBase) -> Person:
    """The person as ``build_plan`` derives them."""
    check = evaluate(profile, kb)
    phase = phase_of(profile, check)
    relief_only = phase == "acute" or not check.exercise_allowed
    return person(profile, check, kb, phase=phase, relief_only=relief_only)


@SLOW
@given(PEOPLE)
def test_the_fast_screen_is_the_reference_screen(kb: KnowledgeBase, profile: Profile) -> None:
    who = who_of(profile, kb)
    index = index_of(kb)
    for _ in range(2):  # made, then remembered
        fast = screen_offered(index, who)
        assert fast == screen(index.offered, who)


@SLOW
@given(PEOPLE, st.integers(1, 12), st.booleans())
def test_remembered_doses_are_the_rules_formula(
    kb: KnowledgeBase, profile: Profile, week: int, improving: bool
) -> None:
    who = who_of(profile, kb)
    for exercise in kb.of_type(Exercise):
        start, top = dose_range(exercise, who.facts)
        dose = capped(grown(start, top, week, improving=improving), who.judgement.caps(exercise))
        for _ in range(2):
            candidate = _candidate(exercise, who, week, improving)
            assert (candidate.dose, candidate.minutes) == (dose, item_minutes(exercise, dose))


@SLOW
@given(PEOPLE, st.integers(1, 12), st.booleans())
def test_remembered_items_say_this_persons_why(
    kb: KnowledgeBase, profile: Profile, week: int, improving: bool
) -> None:
    """A plan item is remembered for everyone equal in its dose, groups, areas and reason key;
    across the many people hypothesis makes (one index), each still reads its own reasons."""
    who = who_of(profile, kb)
    for exercise in kb.of_type(Exercise):
        candidate = _candidate(exercise, who, week, improving)
        for warm_up, item in ((False, candidate.item), (True, candidate.warm_up_item)):
            assert item.why == exercise_why(
                exercise,
                profile,
                groups=who.groups,
                pain_areas=who.pain_areas,
                recommended_by=who.recommended_by.get(exercise.id, []),
                warm_up=warm_up,
            )
            assert (item.dose, item.minutes) == (candidate.dose, candidate.minutes)


@SLOW
@given(PEOPLE)
@example(Profile.model_validate({"age": 40, "work": ["standing"], "pain": {"score": 3}}))
@example(Profile.model_validate({"age": 40, "work": ["sitting"], "pain": {"score": 3}}))
def test_remembered_advice_is_this_persons_advice(kb: KnowledgeBase, profile: Profile) -> None:
    """Habits, heat and ice and posture are remembered for everyone equal in the split, groups,
    reason key, work and phase; across many people (one index) each gets their own lists."""
    who = who_of(profile, kb)
    phase = phase_of(profile, evaluate(profile, kb))
    allowed, _ = screen_offered(index_of(kb), who)
    lists = advice.for_person(allowed, who, phase)
    assert lists.habits == (*advice.population_advice(who), *advice.habits(allowed, who))
    assert lists.thermotherapy == tuple(advice.thermotherapy(allowed, who, phase))
    assert lists.posture == tuple(advice.posture(allowed, who))


def _fresh(kb: KnowledgeBase) -> KnowledgeBase:
    """The same content as a new knowledge base: its plan index starts empty."""
    return KnowledgeBase(
        entries=kb.entries, not_carried=kb.not_carried, levels=kb.levels, rules=kb.rules
    )


OLDER = {"sex": "female", "pain": {"score": 3}, "fitness": "low"}


@SLOW
@given(st.lists(PEOPLE, min_size=2, max_size=4), st.integers(1, 12), st.booleans())
@example([Profile.model_validate(OLDER | {"age": age}) for age in (70, 81)], 1, True)
@example(
    [
        Profile.model_validate({"age": 30, "sex": "female", "pregnancy": {"weeks": weeks}})
        for weeks in (12, 30)
    ],
    2,
    True,
)
def test_a_plan_from_a_warm_index_is_a_plan_from_a_fresh_one(
    kb: KnowledgeBase, people: list[Profile], week: int, improving: bool
) -> None:
    """Whatever the index remembered from the people planned before (items, doses, rankings,
    screens), the last person's plan is the one a never-used index gives."""
    warm = _fresh(kb)
    for profile in people:
        plan = build_plan(profile, evaluate(profile, kb), warm, week=week, pain_improving=improving)
    last = people[-1]
    reference = build_plan(
        last, evaluate(last, kb), _fresh(kb), week=week, pain_improving=improving
    )
    assert plan.model_dump_json() == reference.model_dump_json()


def test_each_knowledge_base_has_its_own_index(kb: KnowledgeBase) -> None:
    """An edited knowledge base (here: without its first exercise) is never planned from the
    tables of the one before, even while both are in use."""
    first = next(entry for entry in kb if isinstance(entry, Exercise))
    edited = KnowledgeBase(
        entries=tuple(entry for entry in kb if entry.id != first.id),
        not_carried=kb.not_carried,
        levels=kb.levels,
        rules=kb.rules,
    )
    assert index_of(edited) is not index_of(kb)
    assert first.id not in {entry.id for entry in index_of(edited).offered}
    assert first.id in {entry.id for entry in index_of(kb).offered}
    profile = Profile.model_validate({"age": 40, "pain": {"score": 3}})
    check = evaluate(profile, kb)
    for week in range(1, 7):
        plan = build_plan(profile, check, edited, week=week)
        assert first.id not in {item.id for item in plan.items()}


def test_a_memo_starts_afresh_when_full() -> None:
    memo: dict[int, int] = {}
    for key in range(MEMO_SIZE + 5):
        assert remembered(memo, key, lambda key=key: key * 2) == key * 2
    assert len(memo) == 5
    assert remembered(memo, MEMO_SIZE + 1, lambda: -1) == 2 * (MEMO_SIZE + 1)
