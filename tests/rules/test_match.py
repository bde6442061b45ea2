"""The rules' matcher: who a promise covers, bone-fragility risk, dose variants and caps."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings

from backcare.content.schema import Dose, Exercise, Who
from backcare.knowledge import KnowledgeBase
from backcare.knowledge.contraindications import rule_applies
from backcare.knowledge.promises import not_for_rules
from backcare.profile import Profile
from backcare.rules import applies, capped, dose_range, facts_of, judge
from backcare.rules.facts import Facts
from tests.strategies import profiles


def facts(phase: str = "subacute", **profile: Any) -> Facts:
    return facts_of(Profile.model_validate(profile), phase=phase)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("profile", "at_risk"),
    [
        ({"age": 65}, True),
        ({"age": 64}, False),
        ({"age": 54, "sex": "female", "menopause": True}, True),
        ({"age": 47, "sex": "female", "menopause": True}, False),
        ({"sex": "female", "menopause": True}, True),
        ({"age": 40, "symptoms": {"immunosuppressed_or_steroids": True}}, True),
        ({"age": 40, "conditions": ["osteoporosis"]}, True),
        ({"age": 40, "sex": "female"}, False),
    ],
)
def test_bone_fragility_is_a_risk_not_only_a_diagnosis(
    profile: dict[str, Any], at_risk: bool
) -> None:
    assert facts(**profile).bone_fragility is at_risk


def test_pregnancy_weeks_are_a_half_open_range() -> None:
    who = Who(pregnancy_week_from=16, pregnancy_week_before=28)
    assert not applies(who, facts(pregnancy={"weeks": 15}))
    assert applies(who, facts(pregnancy={"weeks": 16}))
    assert applies(who, facts(pregnancy={"weeks": 27}))
    assert not applies(who, facts(pregnancy={"weeks": 28}))
    assert not applies(who, facts())


def test_postpartum_weeks_and_delivery() -> None:
    who = Who(postpartum_weeks_before=6, delivery="caesarean")
    assert applies(who, facts(postpartum={"weeks_since_birth": 3, "delivery": "caesarean"}))
    assert not applies(who, facts(postpartum={"weeks_since_birth": 3, "delivery": "vaginal"}))
    assert not applies(who, facts(postpartum={"weeks_since_birth": 6, "delivery": "caesarean"}))
    # An unknown delivery gets the stricter bound.
    assert applies(who, facts(postpartum={"weeks_since_birth": 3}))


def test_phase_flags_diastasis_and_pain_days() -> None:
    assert applies(Who(phases=["acute"]), facts("acute"))
    assert not applies(Who(phases=["acute"]), facts("chronic"))
    flagged = facts_of(Profile(), phase="subacute", flags=["fracture"])
    assert applies(Who(flags=["fracture"]), flagged)
    assert not applies(Who(flags=["fracture"]), facts())
    assert applies(Who(diastasis=True), facts(conditions=["rectus_diastasis"]))
    assert not applies(Who(diastasis=True), facts())
    assert applies(Who(pain_days_from=4), facts(pain={"duration_days": 4}))
    assert not applies(Who(pain_days_from=4), facts(pain={"duration_days": 3}))
    assert not applies(Who(pain_days_from=4), facts())


def test_a_who_must_name_someone() -> None:
    with pytest.raises(ValueError, match="at least one criterion"):
        Who()


def test_tags_leave_out_whole_classes_of_moves(kb: KnowledgeBase) -> None:
    judgement = judge(kb.rules, facts(age=70))
    sit_up = kb.get("sit-up")
    assert isinstance(sit_up, Exercise)
    assert "loaded_flexion" in sit_up.tags
    rule = judgement.blocking(kb.get("yoga-lunge-hand-twist"))
    assert rule is not None
    assert judgement.blocking(kb.get("cat-cow")) is None


def test_only_tags_leave_out_what_lacks_them(kb: KnowledgeBase) -> None:
    judgement = judge(kb.rules, facts(postpartum={"weeks_since_birth": 3, "delivery": "caesarean"}))
    rule = judgement.blocking(kb.get("wall-angel"))  # gentle: allowed
    assert rule is None
    rule = judgement.blocking(kb.get("cat-cow"))  # gentle, no twist: allowed
    assert rule is None
    blocked = judgement.blocking(kb.get("seated-twist"))
    assert blocked is not None
    assert blocked.id == "caesarean-gentle-until-week-6"


def test_dose_variants_are_chosen_by_the_matcher(kb: KnowledgeBase) -> None:
    bridge = kb.get("bridge")
    assert isinstance(bridge, Exercise)
    start, top = dose_range(bridge, facts(postpartum={"weeks_since_birth": 3}))
    assert start.hold_s == 2
    assert top is not None
    assert top.hold_s == 3
    start, top = dose_range(bridge, facts(work=["sitting"]))
    assert start.reps is None
    assert top is not None
    assert (top.reps, top.hold_s) == (None, 30)
    # A new mother at a desk gets the after-birth dose: the first variant that matches.
    start, _ = dose_range(bridge, facts(work=["sitting"], postpartum={"weeks_since_birth": 8}))
    assert start.hold_s == 2
    start, top = dose_range(bridge, facts())
    assert (start.hold_s, start.reps, start.sets, top) == (5, 15, 3, None)


def test_caps_bring_a_dose_down_and_keep_its_type() -> None:
    dose = Dose(hold_s=60, reps=15, sets=3)
    assert capped(dose, {"hold_s": 30, "reps": 10}) == Dose(hold_s=30, reps=10, sets=3)
    assert capped(dose, {}) is dose
    assert isinstance(capped(dose, {"reps": 10.0}).reps, int)


@settings(max_examples=300, deadline=None)
@given(profile=profiles())
def test_not_for_read_as_rules_means_what_it_meant(kb: KnowledgeBase, profile: Profile) -> None:
    """Each ``not_for`` read as a rule covers exactly the people the original matcher
    (``knowledge.contraindications``, still used by the break reminders) says it covers."""
    person = facts_of(profile, phase="acute" if profile.is_acute else "subacute")
    rules = {rule.id: rule for rule in kb.rules}
    for entry in kb.entries:
        for original, rule in zip(entry.not_for, not_for_rules(entry), strict=True):
            assert applies(rules[rule.id].who, person) == rule_applies(original, profile), rule.id
