"""The safety check's compiled part of the knowledge base (``load_check_view``, issue 18): the
check gives the same result with it as with the whole knowledge base, and an edit to the
content is never served stale."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import given, settings

from backcare.content import DATA_DIR
from backcare.knowledge import KnowledgeBase, load_knowledge_base
from backcare.knowledge.loader import check_view, load_check_view
from backcare.profile import Profile
from backcare.triage import evaluate
from tests.strategies import at_risk_profiles, profiles


@settings(max_examples=300, deadline=None)
@given(person=profiles() | at_risk_profiles())
def test_the_check_is_the_same_with_the_view(kb: KnowledgeBase, person: Profile) -> None:
    view = check_view(kb)
    assert evaluate(person, view) == evaluate(person, kb)
    for level in ("emergency", "urgent", "routine", "self_care"):
        assert view.check_title(level, "") == kb.check_title(level, "")


def test_the_view_is_written_once_and_follows_an_edit(tmp_path: Path) -> None:
    data, cache = tmp_path / "data", tmp_path / "cache"
    shutil.copytree(DATA_DIR, data)
    first = load_check_view(cache_dir=cache, data_dir=data)
    assert first == check_view(load_knowledge_base(data_dir=data))
    (written,) = cache.glob("check-*.pickle")
    assert load_check_view(cache_dir=cache, data_dir=data) == first
    flags = data / "red-flags.yaml"
    text = flags.read_text(encoding="utf-8")
    name = "Numbness between the legs or new bladder or bowel trouble"
    assert name in text
    flags.write_text(text.replace(name, "Edited name of the cauda equina flag"), encoding="utf-8")
    edited = load_check_view(cache_dir=cache, data_dir=data)
    assert edited.get("red-flag-cauda-equina").name == "Edited name of the cauda equina flag"
    assert edited == check_view(load_knowledge_base(data_dir=data))
    assert not written.exists()  # the old content's view is gone
    assert len(list(cache.glob("check-*.pickle"))) == 1
    assert len(list(cache.glob("knowledge-*.pickle"))) == 1  # the whole one, kept beside it
