"""The plan's compiled part of the knowledge base (``load_plan_view``, issue 18): a plan is the
same, byte for byte, with it as with the whole knowledge base, and an edit to the content is
never served stale."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from backcare.content import DATA_DIR
from backcare.knowledge import KnowledgeBase, load_knowledge_base
from backcare.knowledge.loader import PLAN_KINDS, load_plan_view, plan_view
from backcare.plan import build_plan
from backcare.profile import Profile
from backcare.triage import evaluate
from tests.strategies import at_risk_profiles, profiles


def plan_json(person: Profile, kb: KnowledgeBase, week: int) -> str:
    return build_plan(person, evaluate(person, kb), kb, week=week).model_dump_json(indent=2)


@settings(max_examples=300, deadline=None)
@given(person=profiles() | at_risk_profiles(), week=st.integers(1, 12))
def test_a_plan_is_the_same_with_the_view(kb: KnowledgeBase, person: Profile, week: int) -> None:
    assert plan_json(person, plan_view(kb), week) == plan_json(person, kb, week)


def test_the_view_leaves_out_only_what_a_plan_never_reads(kb: KnowledgeBase) -> None:
    view = plan_view(kb)
    assert view.rules == kb.rules
    assert view.levels == kb.levels
    assert view.entries == tuple(entry for entry in kb if entry.kind in PLAN_KINDS)
    assert {entry.kind for entry in kb} - PLAN_KINDS  # something is left out
    assert len(view) < len(kb)


def test_the_view_is_written_once_and_follows_an_edit(tmp_path: Path) -> None:
    data, cache = tmp_path / "data", tmp_path / "cache"
    shutil.copytree(DATA_DIR, data)
    first = load_plan_view(cache_dir=cache, data_dir=data)
    assert first == plan_view(load_knowledge_base(data_dir=data))
    (written,) = cache.glob("plan-*.pickle")
    assert load_plan_view(cache_dir=cache, data_dir=data) == first
    habits = data / "six-truths-and-core.yaml"
    text = habits.read_text(encoding="utf-8")
    name = first.get("movement-breaks").name
    assert name in text
    habits.write_text(text.replace(name, "Edited name of the breaks habit"), encoding="utf-8")
    edited = load_plan_view(cache_dir=cache, data_dir=data)
    assert edited.get("movement-breaks").name == "Edited name of the breaks habit"
    assert edited == plan_view(load_knowledge_base(data_dir=data))
    assert not written.exists()  # the old content's view is gone
    assert len(list(cache.glob("plan-*.pickle"))) == 1
