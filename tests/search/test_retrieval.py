"""Candidate retrieval from the stored per-term lists returns what FTS5's own BM25 query does.

The reference is the FTS5 query the index held before (``raw_bm25`` of ``match_of``), run on the
same index: the fast path must give the same rows and the same scores to the last bit, on random
questions made of the content's own words, in whatever order, with words the content never holds.
"""

from __future__ import annotations

import pickle

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backcare.knowledge import KnowledgeBase
from backcare.search import AskIndex
from backcare.search.index import CANDIDATES, _entry_texts, _match, _terms, tokens

UNSEEN = ["l5-s1", "sleeps", "xyzzy", "don't", "sciaticas", "co-codamol", "re", "ll", "t"]
"""Words the content does not hold as written: a stem it holds, phrases FTS5 splits, parts of
the content's words ("you’re": "re"), nonsense."""


@pytest.fixture(scope="module")
def index(kb: KnowledgeBase) -> AskIndex:
    return AskIndex(kb)


@pytest.fixture(scope="module")
def content_words(kb: KnowledgeBase) -> list[str]:
    return sorted({w for e in kb for w in tokens(" ".join(_entry_texts(e).values()))})


def _same_up_to_ties(found: list[tuple[int, float]], reference: list[tuple[int, float]]) -> None:
    """Same scores in the same order, and the same rows above the last score (rows tied at the
    cut may be any of the tied ones: SQLite does not promise an order among equal ranks)."""
    assert [score for _, score in found] == [score for _, score in reference]
    if reference:
        cut = reference[-1][1]
        assert {r for r, s in found if s > cut} == {r for r, s in reference if s > cut}


def _pick(content_words: list[str], picks: list[int], unseen: list[str]) -> list[str]:
    return [content_words[i % len(content_words)] for i in picks] + unseen


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    picks=st.lists(st.integers(min_value=0), min_size=1, max_size=9),
    unseen=st.lists(st.sampled_from(UNSEEN), max_size=2),
)
def test_questions_of_content_words_find_what_fts5_finds(
    index: AskIndex, content_words: list[str], picks: list[int], unseen: list[str]
) -> None:
    question = " ".join(_pick(content_words, picks, unseen))
    query = index.analyse(question)
    _same_up_to_ties(index.candidates(query), index.raw_bm25(index.match_of(query)))


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    picks=st.lists(st.integers(min_value=0), min_size=1, max_size=9),
    unseen=st.lists(st.sampled_from(UNSEEN), max_size=2),
    depth=st.integers(min_value=1, max_value=8),
    limit=st.integers(min_value=1, max_value=CANDIDATES),
)
def test_looking_deeper_step_by_step_finds_the_same(
    index: AskIndex,
    content_words: list[str],
    picks: list[int],
    unseen: list[str],
    depth: int,
    limit: int,
) -> None:
    """Lists cut short (as a larger knowledge base's are) still give the exact best rows: the
    search looks deeper until no row further down can beat them."""
    words = _pick(content_words, picks, unseen)
    found = index._postings.top(_terms(words), limit, depth=depth)
    _same_up_to_ties(found, index.raw_bm25(_match(words), limit))


def test_scores_are_fts5_scores_to_the_last_bit(index: AskIndex) -> None:
    """Exact equality, not closeness: the ranking that follows breaks ties on these scores."""
    query = index.analyse("how should I sleep with sciatica on a firm mattress at night")
    found = index.candidates(query)
    assert len(found) > 20
    assert found == index.raw_bm25(index.match_of(query))


def test_a_question_of_no_words_finds_nothing(index: AskIndex) -> None:
    assert index.candidates(index.analyse("?!")) == []
    assert index._postings.top([], CANDIDATES) == []


def test_a_stored_index_finds_the_same_including_unseen_words(index: AskIndex) -> None:
    """Restored from its stored bytes, the index keeps its lists and can still ask FTS5 (and its
    tokenizer) about words the content never holds."""
    restored = pickle.loads(pickle.dumps(index))
    for question in ("l5-s1 pain when sitting", "sleeps badly with a co-codamol habit"):
        query = restored.analyse(question)
        assert restored.candidates(query) == index.candidates(index.analyse(question))
        assert restored.candidates(query) == restored.raw_bm25(restored.match_of(query))


def test_every_term_fts5_indexed_is_found_as_fts5_finds_it(index: AskIndex) -> None:
    """Each term of the FTS5 index on its own, read from FTS5's vocabulary: parts of hyphenated
    words ("re" of "re-injury") included, which no whole word of the content is."""
    index._db.execute("CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, entry, 'row')")
    try:
        terms = [term for (term,) in index._db.execute("SELECT term FROM temp.terms")]
    finally:
        index._db.execute("DROP TABLE temp.terms")
    assert len(terms) > 1000
    for term in terms:
        query = index.analyse(term)
        if query.words:
            assert index.candidates(query) == index.raw_bm25(index.match_of(query)), term


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    picks=st.lists(st.integers(min_value=0), min_size=1, max_size=9),
    depth=st.integers(min_value=1, max_value=16),
)
def test_a_bounded_look_gives_real_matches_with_their_exact_scores(
    index: AskIndex, content_words: list[str], picks: list[int], depth: int
) -> None:
    """Stopped at ``max_depth`` (what a knowledge base far larger than backcare's reaches), the
    rows found are rows FTS5 matches, each with FTS5's score, best first, and at least as many
    as the first ``depth`` rows of a list hold (up to the limit)."""
    words = _pick(content_words, picks, [])
    found = index._postings.top(_terms(words), CANDIDATES, depth=depth, max_depth=depth)
    every = dict(index.raw_bm25(_match(words), limit=len(index.kb)))
    assert all(every[row] == score for row, score in found)
    assert [s for _, s in found] == sorted((s for _, s in found), reverse=True)
    assert len(found) >= min(CANDIDATES, depth, len(every))
