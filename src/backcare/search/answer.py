"""The sentence that answers: the entry's best sentence(s) for a question, with the verbatim seed
quote(s) they rest on. Extractive only: whole sentences of the entry, quotes copied as they are."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from operator import add

from backcare.content.schema import Entry

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“(])")
_WORD = re.compile(r"[a-z0-9]+")
_SUFFIXES = ("ing", "ies", "ied", "es", "ed", "ly", "s")
MAX_SENTENCES = 2
"""At most two sentences: the answer, and the one after it when it says more on the same words."""
MAX_QUOTES = 2
MIN_QUOTE_OVERLAP = 2
"""A seed quote is shown when it shares at least this many words with the answer (else the best)."""


@dataclass(frozen=True)
class Answer:
    """Whole sentences of the entry, and the seed quotes they rest on (verbatim)."""

    text: str
    quotes: tuple[str, ...]
    words: frozenset[str] = field(repr=False, compare=False)
    """The stems of ``text``, known from its sentences: coverage checks them, not worked out
    again from the text."""


_SIBILANT_ES = re.compile(r"(ss|x|ch|sh|z)es$")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix strip, enough to match "sleeping" with "sleep" and "pillows" with "pillow".

    A word ending in "ss" keeps it ("mattress", "stress"), and "-es" goes only after a hiss
    ("mattresses", "stretches"), so a word and its plural always share a stem ("exercises" →
    "exercise", not "exercis")."""
    if word.endswith("ss"):
        return word
    if _SIBILANT_ES.search(word):
        return word[:-2]
    for suffix in _SUFFIXES:
        if suffix != "es" and len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def stems(text: str) -> set[str]:
    return {stem(w) for w in _WORD.findall(text.lower())}


@lru_cache(maxsize=8192)
def phrase_stems(phrase: str) -> frozenset[str]:
    """The stems of a short phrase (a vocabulary variant), worked out once."""
    return frozenset(stems(phrase))


def sentences(text: str) -> list[str]:
    """Whole sentences of a text: never cut inside one."""
    return [s.strip() for s in _SENTENCE_END.split(" ".join(text.split())) if s.strip()]


def entry_sentences(entry: Entry) -> list[str]:
    """The entry's own sentences, summary first, then advice, steps and cautions."""
    parts: list[str] = [entry.summary, *entry.advice]
    for attr in ("steps", "symptoms", "safety"):
        parts.extend(getattr(entry, attr, []) or [])
    for attr in ("action", "resolution", "also"):
        value = getattr(entry, attr, None)
        if isinstance(value, str) and value:
            parts.append(value)
    parts.extend(entry.cautions)
    found: list[str] = []
    for part in parts:
        for sentence in sentences(part):
            if sentence not in found:
                found.append(sentence)
    return found


@dataclass(frozen=True)
class Prepared:
    """An entry's sentences and seed quotes with their word stems, worked out once per entry."""

    summary: str
    sentences: tuple[tuple[str, frozenset[str]], ...]
    quotes: tuple[tuple[str, frozenset[str]], ...]
    sentence_stems: tuple[frozenset[str], ...] = ()
    """The sentences' stems alone, and the quotes' stems and texts alone: counted against a
    question by ``map`` (a loop in C) instead of unpacking pairs in Python, for every hit."""
    quote_stems: tuple[frozenset[str], ...] = ()
    quote_texts: tuple[str, ...] = ()
    shared_with_quotes: tuple[tuple[int, ...], ...] = ()
    """For each sentence, how many stems each quote shares with it: an answer of one sentence
    adds to these only the question's stems the sentence lacks, instead of joining the two
    sets and counting the quotes against all of it."""
    stems: frozenset[str] = frozenset()
    """Every stem of the sentences and quotes: the question's stems are cut down to these
    first (a few of its fifteen or so), so each sentence and quote is counted against a
    handful of stems, not against all of them."""


def prepare(entry: Entry) -> Prepared:
    sentences = tuple((s, frozenset(stems(s))) for s in entry_sentences(entry))
    quotes = tuple((s.quote, frozenset(stems(s.quote))) for s in entry.sources if s.quote)
    return Prepared(
        summary=entry.summary,
        sentences=sentences,
        quotes=quotes,
        sentence_stems=tuple(words for _, words in sentences),
        quote_stems=tuple(words for _, words in quotes),
        quote_texts=tuple(text for text, _ in quotes),
        shared_with_quotes=tuple(
            tuple(len(words & quote_words) for _, quote_words in quotes) for _, words in sentences
        ),
        stems=frozenset().union(*(words for _, words in (*sentences, *quotes))),
    )


def best_answer(entry: Prepared | Entry, wanted: Iterable[str]) -> Answer:
    """The sentence(s) sharing most (stemmed) words with the question, and their seed quotes.

    Ties go to the earlier sentence (the summary speaks for the entry); with no shared word the
    summary's first sentence answers.
    """
    prepared = entry if isinstance(entry, Prepared) else prepare(entry)
    return answer_for_stems(prepared, {stem(w) for w in wanted})


def answer_for_stems(prepared: Prepared, want: set[str]) -> Answer:
    """``best_answer`` for the question's word stems, worked out once for all its hits. Only
    the stems the entry holds can be shared with a sentence or quote (``Prepared.stems``)."""
    want = want.intersection(prepared.stems)
    sentences = prepared.sentences
    counts = list(map(len, map(want.intersection, prepared.sentence_stems)))
    if not counts:
        words = frozenset(stems(prepared.summary))
        return Answer(prepared.summary, _quotes_for(prepared, frozenset(), want), words)
    best = max(counts)
    first = counts.index(best)
    text, words = sentences[first]
    if MAX_SENTENCES > 1 and best and counts.count(best) > 1:
        second_text, second_words = sentences[counts.index(best, first + 1)]
        text, words = f"{text} {second_text}", words | second_words
        return Answer(text, _quotes_for(prepared, words, want), words)
    return Answer(
        text, _quotes_for(prepared, words, want, prepared.shared_with_quotes[first]), words
    )


def _quotes_for(
    prepared: Prepared,
    words: frozenset[str],
    want: set[str],
    shared: tuple[int, ...] | None = None,
) -> tuple[str, ...]:
    """Seed quotes that share the most words with the answer (and the question), verbatim;
    ties go to the earlier quote. ``shared``: how many stems each quote shares with ``words``,
    when known (``Prepared.shared_with_quotes``)."""
    texts = prepared.quote_texts
    if len(texts) < 2:
        return texts  # the only quote is the best, close or not
    if shared is None:
        overlaps = list(map(len, map((words | want).intersection, prepared.quote_stems)))
    else:  # |quote & (words | want)| = |quote & words| + |quote & (want - words)|
        extra = want.difference(words)
        overlaps = list(map(add, shared, map(len, map(extra.intersection, prepared.quote_stems))))
    # The best first, ties to the earlier (``max`` and ``index``, in C), each taken out once
    # picked: what ranking them all by a stable sort gives, for the two or so needed.
    close: list[str] = []
    while len(close) < MAX_QUOTES:
        most = max(overlaps)
        if most < MIN_QUOTE_OVERLAP:
            break
        at = overlaps.index(most)
        close.append(texts[at])
        overlaps[at] = -1
    return tuple(close) if close else (texts[overlaps.index(max(overlaps))],)
