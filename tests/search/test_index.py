"""Ranking behaviour on a small knowledge base built for each test: vocabulary, safety, boosts."""

from __future__ import annotations

from pathlib import Path

import pytest

from backcare.knowledge import KnowledgeBase, load_knowledge_base
from backcare.search import AskIndex, ask
from backcare.search.answer import stem
from backcare.search.vocabulary import load_vocabulary

SMALL_KB = """
entries:
  - id: foam-roller
    kind: method
    name: Foam roller
    aliases: [foam shaft, foam axis]
    summary: Roll the upper and middle back against a wall, never the lower back.
    evidence: anecdotal
    sources: [{ref: "Test source one"}]
  - id: prone-back-extension
    kind: exercise
    name: Prone back extension
    aliases: [flying swallow, small swallow]
    summary: Lying face down, lift chest and legs to strengthen the back muscles.
    category: strength
    position: lying_front
    steps: [Lie face down., Lift chest and legs.]
    dose: {reps: 10}
    not_for:
      - group: pregnancy
        reason: No lying face down once the bump shows.
        sources: [{ref: "Test source two"}]
    evidence: clinical
    sources: [{ref: "Test source two"}]
  - id: side-lying-rest
    kind: posture
    situation: sleeping
    name: Side-lying rest
    summary: Lie on your left side with a pillow between the knees to ease the back in pregnancy.
    suitable_for: [pregnancy]
    evidence: clinical
    sources: [{ref: "Test source three"}]
  - id: ice-pack
    kind: thermotherapy
    modality: ice
    name: Ice pack
    summary: Cold for a fresh injury, ten to fifteen minutes at a time.
    protocol: [{phase: first day, minutes: 10, every_hours: 1}]
    evidence: clinical
    sources: [{ref: "Test source four"}]
"""


@pytest.fixture(scope="module")
def small_index(tmp_path_factory: pytest.TempPathFactory) -> AskIndex:
    folder: Path = tmp_path_factory.mktemp("kb")
    (folder / "small.yaml").write_text(SMALL_KB, encoding="utf-8")
    return AskIndex(load_knowledge_base(data_dir=folder))


def top_id(index: AskIndex, question: str) -> str:
    return index.search(question, top=1)[0].entry.id


def test_seed_words_find_plain_entries(small_index: AskIndex) -> None:
    assert top_id(small_index, "how do I use a foam shaft") == "foam-roller"
    assert top_id(small_index, "is the flying swallow good for me") == "prone-back-extension"


def test_everyday_words_find_seed_words(small_index: AskIndex) -> None:
    assert top_id(small_index, "can I roll my waist on a roller") == "foam-roller"
    assert top_id(small_index, "how long should I put a cold pack on") == "ice-pack"


def test_a_pregnant_asker_never_gets_a_not_for_pregnancy_entry_first(small_index: AskIndex) -> None:
    question = "I'm expecting, can I do back extensions lying face down"
    hits = small_index.search(question, top=3)
    assert hits[0].entry.id != "prone-back-extension"
    assert "prone-back-extension" in [hit.entry.id for hit in hits]


def test_snippet_is_text_of_the_entry(small_index: AskIndex) -> None:
    hit = small_index.search("foam shaft lower back", top=1)[0]
    assert hit.snippet in hit.entry.summary


def test_nothing_matches_gives_no_results(small_index: AskIndex) -> None:
    assert small_index.search("quantum chromodynamics", top=5) == []


def test_punctuation_cannot_break_the_query(small_index: AskIndex) -> None:
    assert isinstance(small_index.search('"ice" OR (NEAR* -- ; drop table', top=5), list)


def test_vocabulary_expands_multiword_variants() -> None:
    vocabulary = load_vocabulary()
    assert "caesarean" in vocabulary.concepts_in("exercises after my c-section")
    assert "pregnancy" in vocabulary.concepts_in("I'm 30 weeks pregnant")


def test_results_carry_sources_and_a_null_warning(kb: KnowledgeBase) -> None:
    result = ask(AskIndex(kb), "stretches for an office worker", top=5)
    assert result.results
    assert all(hit.sources for hit in result.results)
    assert result.model_dump()["warning"] is None


@pytest.mark.parametrize(
    "question", ["bridge", "foam roller lower back", "sitting at a desk all day", "heat or ice"]
)
def test_snippets_are_whole_sentences(kb: KnowledgeBase, question: str) -> None:
    """An answer is never cut mid-sentence: each snippet is one whole sentence of its entry."""
    for hit in AskIndex(kb).search(question, top=20):
        assert not hit.snippet.endswith("…"), hit.snippet
        assert hit.snippet.rstrip()[-1] in ".!?)\"'" or len(hit.snippet) < 200, hit.snippet


def test_words_in_most_entries_are_left_out_of_the_match(small_index: AskIndex) -> None:
    """The word "back" is in three of the four entries: FTS5 gives it no weight, so ask leaves it
    out of the match."""
    match = small_index.match_of(small_index.analyse("a foam roller for my back"))
    assert '"foam"' in match
    assert '"back"' not in match


def test_a_question_made_only_of_common_words_keeps_them(small_index: AskIndex) -> None:
    assert small_index.match_of(small_index.analyse("my back")) == '"back"'
    assert small_index.search("my back", top=5)


@pytest.mark.parametrize(
    ("word", "plural"),
    [
        ("mattress", "mattresses"),
        ("exercise", "exercises"),
        ("stretch", "stretches"),
        ("shoe", "shoes"),
        ("pillow", "pillows"),
        ("stress", "stresses"),
    ],
)
def test_a_word_and_its_plural_share_a_stem(word: str, plural: str) -> None:
    assert stem(word) == stem(plural)
