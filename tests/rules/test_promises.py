"""Every conflict resolution that promises "never", "not before" or "only" about an exercise or
a class of moves names a rule that keeps the promise; and the check catches one that doesn't."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from backcare.content import DATA_DIR
from backcare.content.schema import TAGS, Exercise
from backcare.errors import ContentError
from backcare.knowledge import KnowledgeBase, load_knowledge_base
from backcare.knowledge.coverage import quote_in_seed, read_seeds
from backcare.rules import unenforced
from tests.conftest import SHARED_SEEDS
from tests.knowledge.test_content_rules import BACKWARD_BENDING, FORWARD_FLEXION_LOADED


def _unenforced(kb: KnowledgeBase) -> list[str]:
    return unenforced(kb.entries, {rule.id: rule for rule in kb.rules})


def test_every_restrictive_resolution_is_enforced(kb: KnowledgeBase) -> None:
    assert _unenforced(kb) == []


def test_conflicts_name_their_rules(kb: KnowledgeBase) -> None:
    enforcing = {
        entry.id: getattr(entry, "enforces", []) for entry in kb.entries if entry.kind == "conflict"
    }
    assert "postpartum-early-no-belly-pressure" in enforcing["conflict-postpartum-sit-ups"]
    assert "caesarean-gentle-until-week-6" in enforcing["conflict-postpartum-exercise-start"]


def _copy_content(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    return copy


def test_a_resolution_without_its_rules_is_caught(tmp_path: Path) -> None:
    """The deliberately broken copy: the sit-up conflict loses its ``enforces`` list."""
    copy = _copy_content(tmp_path)
    path = copy / "conflicts-postpartum.yaml"
    text = path.read_text(encoding="utf-8")
    broken = re.sub(
        r"(- id: conflict-postpartum-sit-ups\n(?:.*\n)*?)    enforces: .*\n", r"\1", text
    )
    assert broken != text
    path.write_text(broken, encoding="utf-8")

    problems = _unenforced(load_knowledge_base(data_dir=copy))

    assert any(p.startswith("conflict-postpartum-sit-ups: sit-up ") for p in problems), problems


def test_a_resolution_naming_a_rule_that_does_not_cover_it_is_caught(tmp_path: Path) -> None:
    """The caesarean promise ("only gentle movement until week 6") enforced by a rule that says
    nothing about gentleness."""
    copy = _copy_content(tmp_path)
    path = copy / "conflicts-postpartum.yaml"
    text = path.read_text(encoding="utf-8")
    broken = text.replace("enforces: [caesarean-gentle-until-week-6, ", "enforces: [", 1)
    assert broken != text
    path.write_text(broken, encoding="utf-8")

    problems = _unenforced(load_knowledge_base(data_dir=copy))

    assert "conflict-postpartum-exercise-start: tag gentle" in " ".join(problems)


def test_enforcing_an_unknown_rule_is_a_content_error(tmp_path: Path) -> None:
    copy = _copy_content(tmp_path)
    path = copy / "conflicts-postpartum.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("enforces: [", "enforces: [no-such-rule, ", 1), encoding="utf-8")
    with pytest.raises(ContentError, match="no-such-rule"):
        load_knowledge_base(data_dir=copy)


def test_every_exercise_states_its_loading(kb: KnowledgeBase) -> None:
    silent = [e.id for e in kb.of_type(Exercise) if "loading" not in e.model_fields_set]
    assert silent == []


def test_tags_agree_with_position_intensity_and_the_reviewed_lists(kb: KnowledgeBase) -> None:
    exercises = kb.of_type(Exercise)
    assert all(set(e.tags) <= set(TAGS) for e in exercises)
    assert all(len(e.tags & {"gentle", "moderate", "vigorous"}) == 1 for e in exercises)
    assert [e.id for e in exercises if e.position == "lying_front" and "prone" not in e.tags] == []
    assert [e.id for e in exercises if (e.intensity == "hard") != ("vigorous" in e.tags)] == []
    tagged = {e.id for e in exercises if "loaded_flexion" in e.tags}
    assert tagged == FORWARD_FLEXION_LOADED
    extension = {e.id for e in exercises if "spinal_extension" in e.tags}
    assert extension >= BACKWARD_BENDING
    deep = {e.id for e in exercises if "twist_deep" in e.tags}
    assert deep <= {e.id for e in exercises if "twist" in e.tags}
    long_holds_on_back = {
        e.id
        for e in exercises
        if e.position == "lying_back"
        and max(e.dose.hold_s or 0, e.dose.duration_s or 0) >= 60
        and not e.dose.reps
    }
    assert long_holds_on_back <= {e.id for e in exercises if "supine_long" in e.tags}


def test_rule_and_variant_quotes_are_verbatim(kb: KnowledgeBase) -> None:
    seeds = read_seeds(SHARED_SEEDS)
    sources = [(rule.id, s) for rule in kb.rules for s in rule.sources]
    for exercise in kb.of_type(Exercise):
        sources += [(exercise.id, s) for v in exercise.dose_variants for s in v.sources]
    wrong = [
        (owner, source.quote)
        for owner, source in sources
        if source.seed is not None
        and not quote_in_seed(source.quote or "", seeds.get(source.seed, ""))
    ]
    assert wrong == []


def test_a_dose_promise_without_its_variants_is_caught(tmp_path: Path) -> None:
    """The bridge-hold resolution ("lengthen the hold ... only while it stays comfortable") is
    kept by the bridge's dose variants; without them named, the check fails."""
    copy = _copy_content(tmp_path)
    path = copy / "conflicts-postpartum.yaml"
    text = path.read_text(encoding="utf-8")
    broken = text.replace("    enforces: [bridge#after-birth, bridge#office-hold]\n", "")
    assert broken != text
    path.write_text(broken, encoding="utf-8")

    problems = _unenforced(load_knowledge_base(data_dir=copy))

    assert any(p.startswith("conflict-bridge-hold: bridge ") for p in problems), problems
