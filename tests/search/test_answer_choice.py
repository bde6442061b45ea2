"""The answer picker counts shared stems with as little work as it can; what it picks is what the
plain definition picks (the sentence sharing most stems with the question, the next one that
shares as many, ties to the earlier; the quotes sharing most with both, ties to the earlier),
on every entry and random questions drawn from the content's own words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from backcare.knowledge import load_knowledge_base
from backcare.search.answer import (
    MAX_QUOTES,
    MAX_SENTENCES,
    MIN_QUOTE_OVERLAP,
    Prepared,
    answer_for_stems,
    prepare,
    stems,
)

PREPARED = [prepare(entry) for entry in load_knowledge_base()]
STEMS = sorted({s for p in PREPARED for _, words in (*p.sentences, *p.quotes) for s in words})


def reference(prepared: Prepared, want: set[str]) -> tuple[str, tuple[str, ...], frozenset[str]]:
    """The definition, written plainly."""
    if not prepared.sentences:
        text, words = prepared.summary, frozenset(stems(prepared.summary))
        answered: frozenset[str] = frozenset()
    else:
        counts = [len(want & words) for _, words in prepared.sentences]
        best = max(counts)
        chosen = [i for i, count in enumerate(counts) if count == best]
        chosen = chosen[: MAX_SENTENCES if best else 1]
        text = " ".join(prepared.sentences[i][0] for i in chosen)
        words = answered = frozenset().union(*(prepared.sentences[i][1] for i in chosen))
    if not prepared.quotes:
        return text, (), words
    target = answered | want
    ranked = sorted(
        range(len(prepared.quotes)), key=lambda i: (-len(target & prepared.quotes[i][1]), i)
    )
    close = [i for i in ranked if len(target & prepared.quotes[i][1]) >= MIN_QUOTE_OVERLAP]
    return text, tuple(prepared.quotes[i][0] for i in (close[:MAX_QUOTES] or ranked[:1])), words


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PREPARED), st.sets(st.sampled_from(STEMS), max_size=15))
def test_the_answer_is_the_defined_one(prepared: Prepared, want: set[str]) -> None:
    answer = answer_for_stems(prepared, want)
    assert (answer.text, answer.quotes, answer.words) == reference(prepared, want)
