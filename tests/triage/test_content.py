"""The red-flag content and the rules agree: one sourced entry per flag, in the shipped KB."""

from __future__ import annotations

import dataclasses

from backcare.content.schema import FLAG_IDS, LEVELS, RedFlag
from backcare.knowledge import KnowledgeBase
from backcare.profile import Profile
from backcare.triage import DEFAULT_THRESHOLDS, RULES, evaluate


def test_every_flag_has_one_rule() -> None:
    assert sorted(rule.flag for rule in RULES) == sorted(FLAG_IDS)


def test_every_rule_has_its_red_flag_entry_in_the_shipped_knowledge_base(
    kb: KnowledgeBase,
) -> None:
    for rule in RULES:
        entry = kb.get(rule.entry_id)
        assert isinstance(entry, RedFlag), rule.entry_id
        assert entry.flag == rule.flag
        assert entry.sources, rule.entry_id
    assert len(kb.of_type(RedFlag)) == len(RULES)


def test_flags_the_seeds_are_silent_on_cite_a_public_guideline(flags_kb: KnowledgeBase) -> None:
    for entry in flags_kb.of_type(RedFlag):
        refs = [source.ref for source in entry.sources if source.ref]
        seeds = [source.seed for source in entry.sources if source.seed]
        assert refs or seeds, entry.id
        if entry.flag in ("cauda_equina", "vascular", "inflammatory_back_pain", "cardiac"):
            assert refs, f"{entry.id} must cite its guideline"


def test_each_level_is_worded_once_in_the_content(flags_kb: KnowledgeBase) -> None:
    assert [wording.level for wording in flags_kb.levels] == list(LEVELS)
    for wording in flags_kb.levels:
        assert wording.title, wording.level
        assert wording.action, wording.level
        assert wording.sources, wording.level
    urgent = flags_kb.level("urgent")
    assert urgent.maternity_action == "Contact your maternity unit or midwife now."


def test_every_action_opens_with_the_wording_of_its_level(flags_kb: KnowledgeBase) -> None:
    """Whatever level a sign fires at, what to do starts with that level's one wording; what the
    sign adds never names another level's action."""
    actions = {w.level: (w.action, w.maternity_action) for w in flags_kb.levels}
    for entry in flags_kb.of_type(RedFlag):
        for level in LEVELS:
            for maternity in (False, True):
                action = flags_kb.flag_action(entry, level, maternity=maternity)
                opening = (
                    actions[level][1] if maternity and actions[level][1] else actions[level][0]
                )
                assert action.startswith(opening), (entry.id, level)
                others = [a for other, pair in actions.items() if other != level for a in pair if a]
                assert not any(other in action for other in others), (entry.id, level)


def test_every_rule_says_why_in_its_docstring() -> None:
    assert [rule.flag for rule in RULES if not (rule.check.__doc__ or "").strip()] == []


def test_thresholds_are_named_and_change_the_outcome(flags_kb: KnowledgeBase) -> None:
    older = Profile.model_validate({"age": 60, "pain": {"score": 3, "duration_days": 5}})
    assert evaluate(older, flags_kb).level == "self_care"
    stricter = dataclasses.replace(DEFAULT_THRESHOLDS, unexplained_pain_age=60)
    assert evaluate(older, flags_kb, thresholds=stricter).level == "routine"


def test_advice_puts_the_most_urgent_action_first(flags_kb: KnowledgeBase) -> None:
    profile = Profile.model_validate(
        {"age": 40, "pain": {"duration_days": 200}, "symptoms": {"saddle_numbness": True}}
    )
    result = evaluate(profile, flags_kb)
    assert result.advice.startswith(flags_kb.level("emergency").action)
    assert "This is because of numbness between your legs" in result.advice
    assert "2 warning signs" in result.advice


def test_no_answers_means_no_flags(flags_kb: KnowledgeBase) -> None:
    result = evaluate(Profile(), flags_kb)
    assert (result.level, result.flags, result.exercise_allowed) == ("self_care", [], True)
    assert result.advice.startswith("We found no sign in your answers that needs a doctor now.")
