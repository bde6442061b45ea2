"""The ranking's fast paths against their plain definitions: the per-question booster gives
every entry the very float ``_boost`` gives it, and a hit's coverage, measured only when read,
is what measuring it at once gives, whichever hits are read and in whatever order; and the
ambiguous words, read behind one search for any of their forms, are read as one by one."""

from __future__ import annotations

from functools import partial

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backcare.content.schema import Group
from backcare.search import AskIndex
from backcare.search.index import CAUSE, GROUP_CUES, KIND_CUES, Query
from backcare.search.vocabulary import Vocabulary, load_vocabulary

QUESTIONS = [
    "how should I sleep when pregnant?",
    "can sitting cause back pain?",
    "is massage safe in pregnancy?",
    "I can't feel my legs and I can't pee",
    "should I rest or keep moving?",
    "is turmeric or cupping good for sciatica?",
    "how long should I ice my lower back after lifting?",
    "what exercises help a herniated disc when driving a lot?",
]


@st.composite
def queries(draw: st.DrawFn, index: AskIndex) -> Query:
    """Queries with every part the boost reads drawn from what the index holds, so every branch
    (groups suited and unsafe, kinds, causes named, flags, intents, named entries) is reached."""
    rows = st.integers(min_value=0, max_value=len(index.kb) - 1)
    entries = list(index.kb)
    group_names: list[Group] = list(GROUP_CUES)
    return Query(
        lowered="",
        words=(),
        typed=(),
        groups=frozenset(draw(st.lists(st.sampled_from(group_names), max_size=2))),
        kinds=frozenset(draw(st.lists(st.sampled_from([*KIND_CUES, CAUSE]), max_size=3))),
        flags=frozenset(draw(st.lists(st.sampled_from([f.flag for f in index.red_flags])))),
        intended=frozenset(entries[r].id for r in draw(st.lists(rows, max_size=3))),
        damped=frozenset(entries[r].id for r in draw(st.lists(rows, max_size=3))),
        named=frozenset(draw(st.lists(rows, max_size=3))),
        causes=frozenset(draw(st.lists(rows, max_size=3))),
        asks_action=draw(st.booleans()),
    )


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_the_booster_gives_every_entry_the_plain_boost(
    index: AskIndex, data: st.DataObject
) -> None:
    query = data.draw(queries(index))
    boost = index._booster(query)
    assert [boost(row) for row in range(len(index.kb))] == [
        index._boost(row, query) for row in range(len(index.kb))
    ]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    question=st.sampled_from(QUESTIONS),
    order=st.permutations(range(10)),
    read=st.integers(min_value=1, max_value=10),
)
def test_coverage_read_late_in_any_order_is_coverage_measured_at_once(
    index: AskIndex, question: str, order: list[int], read: int
) -> None:
    query = index.analyse(question)
    hits = index.rank(query, top=10)
    assert hits
    for i in [i for i in order[:read] if i < len(hits)]:
        hit = hits[i]
        assert hit.answer is not None
        row = index._rows[hit.entry.id]
        terms = partial(index._coverage_terms, query)
        assert hit.coverage == index._coverage(row, query, terms, hit.answer)


def _read_one_by_one(vocabulary: Vocabulary, lowered: str) -> str:
    """``Vocabulary.disambiguate`` as defined: every ambiguous word read in turn."""
    for word in vocabulary.ambiguous_words:
        lowered = word.read(lowered)
    return lowered


_AMBIGUOUS_WORDS = sorted(
    {
        *(w for word in load_vocabulary().ambiguous_words for w in word.forms.pattern.split("|")),
        *(cue for word in load_vocabulary().ambiguous_words for s in word.senses for cue in s.cues),
        "my back",
        "is",
        "at work",
    }
)
"""The forms (as written in their expressions, some with a stray bracket or ``\\b``, which only
adds noise) and cues of the ambiguous words, and a few plain words."""


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_AMBIGUOUS_WORDS), max_size=8))
def test_disambiguating_behind_one_search_reads_every_word_as_one_by_one(words: list[str]) -> None:
    vocabulary = load_vocabulary()
    lowered = " ".join(words).replace("\\b", "").replace("(", "").replace(")", "")
    lowered = lowered.replace("\\ ", " ")
    assert vocabulary.disambiguate(lowered) == _read_one_by_one(vocabulary, lowered)
