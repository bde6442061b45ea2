"""Realistic people, one or more for each population group of SPEC §2, against the shipped
knowledge base and the real safety check: what their plan must and must not contain."""

from __future__ import annotations

from typing import Any

import pytest

from backcare.content.schema import Entry, Exercise, Habit, Population, Posture, Thermotherapy
from backcare.errors import InputError
from backcare.knowledge import KnowledgeBase
from backcare.plan import Plan, build_plan
from backcare.plan.screen import RELIEF_REASON, is_relief
from backcare.profile import Profile
from backcare.triage import evaluate

OFFICE_WORKER = {
    "age": 34,
    "sex": "female",
    "work": ["sitting"],
    "equipment": ["mat", "chair"],
    "pain": {"areas": ["lower_back", "neck_shoulder"], "score": 4, "duration_days": 20},
}
PREGNANT_30_WEEKS = {
    "age": 31,
    "sex": "female",
    "pregnancy": {"weeks": 30},
    "work": ["sitting"],
    "equipment": ["mat", "chair", "pillow", "wall"],
    "pain": {"areas": ["lower_back"], "score": 4, "duration_days": 14},
}
AFTER_CAESAREAN_3_WEEKS = {
    "age": 33,
    "sex": "female",
    "postpartum": {"weeks_since_birth": 3, "delivery": "caesarean"},
    "equipment": ["mat", "pillow"],
    "pain": {"areas": ["lower_back"], "score": 3, "duration_days": 20},
}


def plan_for(kb: KnowledgeBase, data: dict[str, Any], **options: Any) -> Plan:
    profile = Profile.model_validate(data)
    return build_plan(profile, evaluate(profile, kb), kb, **options)


def exercises(plan: Plan, kb: KnowledgeBase) -> list[Exercise]:
    return [entry for item in plan.items() if isinstance(entry := kb.get(item.id), Exercise)]


def population_ids(kb: KnowledgeBase, group: str) -> set[str]:
    return {p.id for p in kb.of_type(Population) if p.group == group}


def advice_ids(plan: Plan) -> set[str]:
    return {item.id for item in [*plan.habits, *plan.thermotherapy, *plan.posture]}


def entries(plan: Plan, kb: KnowledgeBase, items: list[Any]) -> list[Entry]:
    return [kb.get(item.id) for item in items]


def unbounded_rules_for(kb: KnowledgeBase, group: str) -> set[str]:
    """Exercises the content rules out for everyone in a group, whatever their week or pain."""
    return {
        e.id
        for e in kb.of_type(Exercise)
        if any(
            r.group == group
            and r.pain_at_least is None
            and r.pregnancy_week_from is None
            and r.postpartum_weeks_before is None
            and r.delivery is None
            for r in e.not_for
        )
    }


def test_office_worker(kb: KnowledgeBase) -> None:
    plan = plan_for(kb, OFFICE_WORKER)
    assert plan.check.level == "self_care"
    assert plan.phase == "subacute"
    assert (plan.breaks.every_min, plan.breaks.move_min) == (30, 5)
    situations = {e.situation for e in entries(plan, kb, plan.posture) if isinstance(e, Posture)}
    assert situations & {"sitting", "computer"}
    assert population_ids(kb, "office_worker") <= advice_ids(plan)
    assert any("you sit at work" in item.why for item in plan.items())
    first = plan.days[0].sessions[0]
    assert first.slot == "morning"
    assert getattr(kb.get(first.items[0].id), "category", None) == "stretch"
    assert "sit-up" in {item.id for item in plan.excluded}


def test_standing_worker(kb: KnowledgeBase) -> None:
    plan = plan_for(kb, {"age": 45, "sex": "female", "work": ["standing"], "pain": {"score": 3}})
    situations = {e.situation for e in entries(plan, kb, plan.posture) if isinstance(e, Posture)}
    assert "standing" in situations
    assert population_ids(kb, "standing_worker") <= advice_ids(plan)


def test_man_who_lifts_at_work(kb: KnowledgeBase) -> None:
    data = {"age": 42, "sex": "male", "work": ["lifting"], "fitness": "high", "pain": {"score": 3}}
    plan = plan_for(kb, data)
    situations = {e.situation for e in entries(plan, kb, plan.posture) if isinstance(e, Posture)}
    assert "lifting" in situations
    assert population_ids(kb, "manual_worker") | population_ids(kb, "men") <= advice_ids(plan)
    assert any("you lift at work" in item.why for item in [*plan.items(), *plan.posture])


def test_driver(kb: KnowledgeBase) -> None:
    plan = plan_for(kb, {"age": 50, "sex": "male", "work": ["driving"], "pain": {"score": 3}})
    situations = {e.situation for e in entries(plan, kb, plan.posture) if isinstance(e, Posture)}
    assert situations & {"driving", "sitting"}
    assert population_ids(kb, "driver") <= advice_ids(plan)


@pytest.mark.parametrize(
    ("sex", "shown", "hidden"), [("male", "3250", "2250"), ("female", "2250", "3250")]
)
def test_water_target_follows_sex(kb: KnowledgeBase, sex: str, shown: str, hidden: str) -> None:
    plan = plan_for(kb, {"sex": sex, "pain": {"score": 2}})
    water = [h for h in plan.habits if h.id == "drink-water"]
    assert len(water) == 1
    assert any(shown in line for line in water[0].advice)
    assert not any(hidden in line for line in water[0].advice)


def test_thirty_weeks_pregnant(kb: KnowledgeBase) -> None:
    plan = plan_for(kb, PREGNANT_30_WEEKS)
    chosen = exercises(plan, kb)
    assert chosen
    assert all(e.position != "lying_front" for e in chosen)
    excluded = {item.id for item in plan.excluded}
    assert unbounded_rules_for(kb, "pregnancy") <= excluded
    assert population_ids(kb, "pregnancy") <= advice_ids(plan)
    sleeping = [
        e
        for e in entries(plan, kb, plan.posture)
        if isinstance(e, Posture) and e.situation == "sleeping" and "pregnancy" in e.suitable_for
    ]
    assert sleeping, "pregnancy sleeping advice (left side) belongs in the plan"
    assert any("30 weeks pregnant" in item.why for item in [*plan.items(), *plan.posture])


def test_three_weeks_after_a_caesarean(kb: KnowledgeBase) -> None:
    plan = plan_for(kb, AFTER_CAESAREAN_3_WEEKS)
    chosen = exercises(plan, kb)
    assert chosen
    assert all(e.intensity == "gentle" for e in chosen), "only gentle movement for six weeks"
    excluded = {item.id: item.reason for item in plan.excluded}
    assert {"bridge", "plank", "sit-up"} <= excluded.keys()
    assert "caesarean" in excluded["plank"]
    assert population_ids(kb, "postpartum") <= advice_ids(plan)
    situations = {e.situation for e in entries(plan, kb, plan.posture) if isinstance(e, Posture)}
    assert "breastfeeding" in situations


def test_menopause(kb: KnowledgeBase) -> None:
    data = {"age": 54, "sex": "female", "menopause": True, "pain": {"score": 4}}
    plan = plan_for(kb, data)
    habits = [e for e in entries(plan, kb, plan.habits) if isinstance(e, Habit)]
    assert any("menopause" in h.suitable_for for h in habits)
    sunlight = [h for h in plan.habits if h.id == "sunlight"]
    assert sunlight
    assert any("20 minutes" in line for line in sunlight[0].advice)
    assert population_ids(kb, "menopause") <= advice_ids(plan)


def test_older_adult_with_low_fitness(kb: KnowledgeBase) -> None:
    plan = plan_for(kb, {"age": 72, "sex": "male", "fitness": "low", "pain": {"score": 3}})
    assert all(e.intensity != "hard" for e in exercises(plan, kb))
    assert population_ids(kb, "older_adult") <= advice_ids(plan)
    assert not any(
        "postpartum" in e.suitable_for and len(e.suitable_for) == 1 for e in exercises(plan, kb)
    )


@pytest.mark.parametrize(
    "condition",
    [
        "ankylosing_spondylitis",
        "disc_herniation",
        "lumbar_strain",
        "osteoporosis",
        "spinal_stenosis",
        "rectus_diastasis",
    ],
)
def test_conditions_leave_out_what_the_sources_rule_out(kb: KnowledgeBase, condition: str) -> None:
    data = {"age": 45, "sex": "female", "conditions": [condition], "pain": {"score": 4}}
    plan = plan_for(kb, data)
    assert plan.check.exercise_allowed
    assert plan.items()
    ruled_out = unbounded_rules_for(kb, condition)
    assert ruled_out.isdisjoint(item.id for item in plan.items())
    assert ruled_out <= {item.id for item in plan.excluded}
    assert population_ids(kb, condition) <= advice_ids(plan)


def test_severe_pain_gets_relief_only_ice_first_and_rest_positions(kb: KnowledgeBase) -> None:
    data = {
        "age": 40,
        "sex": "male",
        "work": ["sitting"],
        "equipment": ["ice_pack", "hot_water_bottle"],
        "pain": {"areas": ["lower_back"], "score": 8, "duration_days": 2, "onset": "sudden"},
    }
    plan = plan_for(kb, data, week=4)
    assert plan.phase == "acute"
    assert not plan.check.exercise_allowed
    chosen = exercises(plan, kb)
    assert chosen
    assert all(is_relief(e) for e in chosen)
    assert all(item.dose == kb.get(item.id).dose for item in plan.items()), "no progression"  # type: ignore[union-attr]
    thermo = [e for e in entries(plan, kb, plan.thermotherapy) if isinstance(e, Thermotherapy)]
    assert [e.modality for e in thermo][:1] == ["ice"]
    assert "heat" in {e.modality for e in thermo}
    first_posture = kb.get(plan.posture[0].id)
    assert isinstance(first_posture, Posture)
    assert first_posture.situation in ("sleeping", "sofa")
    assert any(item.reason == RELIEF_REASON for item in plan.excluded)
    assert population_ids(kb, "acute_phase") <= advice_ids(plan)


def test_a_warning_sign_needing_care_now_stops_the_plan(kb: KnowledgeBase) -> None:
    plan = plan_for(kb, {"age": 50, "pain": {"score": 5}, "symptoms": {"saddle_numbness": True}})
    assert plan.check.level == "emergency"
    assert plan.days == []
    assert plan.habits == plan.thermotherapy == plan.posture == []


def test_doses_progress_over_the_weeks_only_while_pain_improves(kb: KnowledgeBase) -> None:
    first = {i.id: i.dose for i in plan_for(kb, OFFICE_WORKER).items()}
    later = {i.id: i.dose for i in plan_for(kb, OFFICE_WORKER, week=5).items()}
    grown = [i for i in later if i in first and later[i] != first[i]]
    assert grown, "some dose with a higher maximum must have grown by week 5"
    held = {i.id: i.dose for i in plan_for(kb, OFFICE_WORKER, week=5, pain_improving=False).items()}
    assert all(held[i] == first[i] for i in held if i in first), "held at the starting dose"


def test_a_small_budget_still_starts_with_a_stretch(kb: KnowledgeBase) -> None:
    plan = plan_for(kb, {**OFFICE_WORKER, "minutes_per_day": 4})
    for day in plan.days:
        assert sum(s.minutes for s in day.sessions) <= 4
    mornings = [s for day in plan.days for s in day.sessions if s.slot == "morning"]
    assert mornings
    assert all(getattr(kb.get(s.items[0].id), "category", None) == "stretch" for s in mornings)


def test_the_week_varies(kb: KnowledgeBase) -> None:
    plan = plan_for(kb, OFFICE_WORKER)
    days = [tuple(i.id for s in day.sessions for i in s.items) for day in plan.days]
    assert len(set(days)) >= 4


def test_break_timing_comes_from_the_content(kb: KnowledgeBase) -> None:
    habit = kb.get("movement-breaks")
    assert isinstance(habit, Habit)
    targets = [
        t.model_copy(update={"amount_max": 45}) if "before a break" in t.what else t
        for t in habit.targets
    ]
    changed = habit.model_copy(update={"targets": targets})
    edited = KnowledgeBase(entries=tuple(changed if e.id == habit.id else e for e in kb.entries))
    assert plan_for(edited, OFFICE_WORKER).breaks.every_min == 45


def test_plan_json_has_the_spec_shape(kb: KnowledgeBase) -> None:
    data = plan_for(kb, OFFICE_WORKER).model_dump(mode="json", exclude_none=True)
    assert list(data) == [
        "check",
        "phase",
        "week",
        "days",
        "habits",
        "thermotherapy",
        "posture",
        "breaks",
        "excluded",
    ]
    item = data["days"][0]["sessions"][0]["items"][0]
    assert list(item) == ["id", "name", "dose", "minutes", "why", "sources"]
    assert "per_side" not in item["dose"] or item["dose"]["per_side"] is True
    assert set(data["breaks"]) == {"every_min", "move_min"}
    assert set(data["excluded"][0]) == {"id", "reason", "sources"}
    assert set(data["habits"][0]) == {"id", "name", "summary", "advice", "why", "sources"}


def test_what_the_guideline_advises_against_is_never_offered(kb: KnowledgeBase) -> None:
    bridge = kb.get("bridge")
    assert bridge.guideline is not None
    advised_against = bridge.model_copy(
        update={
            "id": "bridge-advised-against",
            "guideline": bridge.guideline.model_copy(update={"stance": "not_recommended"}),
        }
    )
    edited = KnowledgeBase(entries=(*kb.entries, advised_against))
    plans = [plan_for(edited, OFFICE_WORKER, week=w) for w in (1, 2, 3)]
    assert any("bridge" in {i.id for i in p.items()} for p in plans)
    assert all("bridge-advised-against" not in {i.id for i in p.items()} for p in plans)


def test_a_week_before_the_first_is_refused(kb: KnowledgeBase) -> None:
    with pytest.raises(InputError, match="week"):
        plan_for(kb, OFFICE_WORKER, week=0)
