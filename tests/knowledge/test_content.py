"""The content itself: every quote verbatim, every group advised, coverage and conflicts."""

from __future__ import annotations

import pytest

from backcare.content import SEEDS_DIR
from backcare.content.schema import GROUPS, Exercise
from backcare.knowledge import KnowledgeBase
from backcare.knowledge.coverage import coverage, normalize, quote_in_seed, read_seeds
from tests.conftest import SHARED_SEEDS

MIN_COVERAGE = 0.95
MIN_CONFLICTS = 12


@pytest.fixture(scope="module")
def shared_seeds() -> dict[str, str]:
    # Fails rather than skips: without the seeds nothing proves the quotes are real.
    assert SHARED_SEEDS.is_dir(), f"seed folder missing: {SHARED_SEEDS}"
    seeds = read_seeds(SHARED_SEEDS)
    assert len(seeds) == 5
    return seeds


def test_packaged_seeds_are_the_originals(shared_seeds: dict[str, str]) -> None:
    assert read_seeds(SEEDS_DIR) == shared_seeds


def test_every_seed_quote_is_verbatim(kb: KnowledgeBase, shared_seeds: dict[str, str]) -> None:
    wrong = [
        f"{entry.id}: {source.seed}: {source.quote!r}"
        for entry, source in kb.seed_sources()
        if source.seed not in shared_seeds
        or not quote_in_seed(source.quote or "", shared_seeds[source.seed])
    ]
    assert wrong == []


def test_not_carried_passages_are_verbatim(kb: KnowledgeBase, shared_seeds: dict[str, str]) -> None:
    wrong = [
        item.quote
        for item in kb.not_carried
        if not quote_in_seed(item.quote, shared_seeds[item.seed])
    ]
    assert wrong == []


def test_quotes_are_substantial(kb: KnowledgeBase) -> None:
    """A quote of a word or two proves nothing; stray SEO keywords are listed as noise instead."""
    short = [(e.id, s.quote) for e, s in kb.seed_sources() if len(normalize(s.quote or "")) < 12]
    assert short == []


def test_every_population_group_has_advice(kb: KnowledgeBase) -> None:
    advised = {entry.group for entry in kb.of_kind("population")}  # type: ignore[union-attr]
    assert set(GROUPS) - advised == set()


def test_every_exercise_has_a_dose_and_steps(kb: KnowledgeBase) -> None:
    for exercise in kb.of_type(Exercise):
        assert exercise.steps, exercise.id
        assert exercise.dose.as_tolerated or any(
            value is not None
            for value in (
                exercise.dose.hold_s,
                exercise.dose.reps,
                exercise.dose.sets,
                exercise.dose.duration_s,
                exercise.dose.breaths,
            )
        ), exercise.id


def test_seeds_disagreements_are_recorded(kb: KnowledgeBase) -> None:
    conflicts = kb.of_kind("conflict")
    assert len(conflicts) >= MIN_CONFLICTS
    for conflict in conflicts:
        seeds_cited = {s.seed or s.ref for side in conflict.sides for s in side.sources}  # type: ignore[union-attr]
        assert seeds_cited, conflict.id


def test_coverage_of_seed_paragraphs(kb: KnowledgeBase) -> None:
    report = coverage(kb, read_seeds(SEEDS_DIR))
    assert report.share >= MIN_COVERAGE, [u.paragraph[:80] for u in report.uncited]


def test_references_outside_the_seeds_name_a_public_source(kb: KnowledgeBase) -> None:
    refs = {s.ref for entry in kb for s in entry.sources if s.ref}
    assert all(len(ref) >= 4 for ref in refs)
