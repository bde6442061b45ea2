"""The ask index: SQLite FTS5 (BM25) over every entry, with field weights, the seeds' vocabulary,
stemming, phrase and population boosts. Extractive only: it ranks entries, it writes no text.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from backcare.content.schema import Entry, Group
from backcare.knowledge.base import KnowledgeBase
from backcare.search.vocabulary import Vocabulary, load_vocabulary

# BM25 weight of each indexed column: a hit in the name says far more than one in a quote.
FIELD_WEIGHTS = {"name": 10.0, "aliases": 8.0, "summary": 4.0, "body": 2.0, "quotes": 1.0}
CANDIDATES = 60
"""How many BM25 hits are re-ranked; more than any answer needs, few enough to stay fast."""
EXPANSION_WEIGHT = 0.25
"""Vocabulary variants count, but less than the words the person actually typed."""
PHRASE_BOOST = 2.0
"""A question that names an entry (or one of its aliases) as a whole phrase prefers it."""
GROUP_BOOST = 1.35
"""An entry suited to a group the question mentions ("pregnant") ranks higher…"""
GROUP_PENALTY = 0.15
"""…and one not for that group sinks, and is never ranked first."""
KIND_BOOST = 1.6
"""Question words that ask for a kind of entry ("how long should I ice" → thermotherapy)."""

STOPWORDS = frozenset(
    "a an and are as at be been being but by can could do does doing for from had has have how i "
    "i'm if in into is it it's its me my myself of on or our should so that the their them then "
    "there these they this to too very was we were what when where which while who why will with "
    "would you your ok okay is it any some get got just really".split()
)
GENERIC_WORDS = frozenset(
    "back pain pains lower low upper ache aches backache waist lumbar spine lumbago relief "
    "relieve ease help".split()
)
"""Words nearly every entry shares: a name made only of them says nothing about a question."""
_WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")

# Words that reveal what kind of answer the question wants.
KIND_CUES: dict[str, tuple[str, ...]] = {
    "thermotherapy": ("ice", "icing", "heat", "hot", "cold", "warm", "compress", "heating"),
    "cause": ("cause", "causes", "caused", "why", "reason", "reasons"),
    "posture": (
        "posture",
        "sit",
        "sitting",
        "stand",
        "standing",
        "sleep",
        "sleeping",
        "lift",
        "lifting",
        "carry",
        "walk",
        "walking",
        "stairs",
        "position",
    ),
    "habit": ("drink", "water", "calcium", "diet", "eat", "sunlight", "sleep", "weight"),
    "exercise": (
        "exercise",
        "exercises",
        "stretch",
        "stretches",
        "stretching",
        "pose",
        "poses",
        "yoga",
        "workout",
        "strengthen",
        "move",
        "moves",
        "movement",
    ),
    "acupressure": ("acupressure", "point", "points", "acupoint"),
    "red_flag": ("doctor", "hospital", "emergency", "serious", "worried", "dangerous"),
}
# Words that name a population group in a question.
GROUP_CUES: dict[Group, tuple[str, ...]] = {
    "pregnancy": ("pregnancy",),
    "postpartum": ("postpartum", "caesarean"),
    "menopause": ("menopause",),
    "office_worker": ("office",),
    "standing_worker": ("standing_work",),
    "manual_worker": ("lifting",),
    "driver": ("driving",),
    "disc_herniation": ("disc",),
    "ankylosing_spondylitis": ("ankylosing",),
    "osteoporosis": ("osteoporosis",),
    "spinal_stenosis": ("stenosis",),
    "rectus_diastasis": ("diastasis",),
    "lumbar_strain": ("strain",),
}
SNIPPET_MAX = 400
"""A snippet is one whole sentence; the longest in the content is about 340 characters."""


@dataclass(frozen=True)
class Query:
    """A question, analysed: its words, the vocabulary variants it implies, groups and kinds."""

    lowered: str
    words: tuple[str, ...]
    variants: tuple[str, ...]
    groups: frozenset[Group]
    kinds: frozenset[str]


@dataclass(frozen=True)
class Hit:
    """One ranked entry with the passage that best shows why it matched."""

    entry: Entry
    score: float
    snippet: str


def tokens(text: str) -> list[str]:
    """Lower-cased words of a text, stopwords removed."""
    return [word for word in _WORD.findall(text.lower()) if word not in STOPWORDS]


def _entry_texts(entry: Entry) -> dict[str, str]:
    body: list[str] = [*entry.advice, *entry.cautions]
    for attr in ("steps", "symptoms", "safety"):
        body.extend(getattr(entry, attr, []) or [])
    for attr in ("location", "action", "resolution"):
        value = getattr(entry, attr, None)
        if value:
            body.append(value)
    for attr in ("dose", "dose_max"):
        dose = getattr(entry, attr, None)
        if dose is not None and dose.note:
            body.append(dose.note)
    for step in getattr(entry, "protocol", []):
        body.append(" ".join(str(v) for v in step.model_dump(exclude_none=True).values()))
    for target in getattr(entry, "targets", []):
        body.append(" ".join(str(v) for v in target.model_dump(exclude_none=True).values()))
    return {
        "name": entry.name,
        "aliases": " ; ".join(entry.aliases),
        "summary": entry.summary,
        "body": " ".join(body),
        "quotes": " ".join(s.quote or s.ref or "" for s in entry.sources),
    }


class AskIndex:
    """An in-memory FTS5 index over a knowledge base, queried with vocabulary expansion."""

    def __init__(self, kb: KnowledgeBase, vocabulary: Vocabulary | None = None) -> None:
        self.kb = kb
        self.vocabulary = vocabulary or load_vocabulary()
        self._entries: list[Entry] = list(kb)
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        columns = ", ".join(FIELD_WEIGHTS)
        self._db.execute(
            f"CREATE VIRTUAL TABLE entry USING fts5({columns}, tokenize='porter unicode61')"
        )
        rows = ([*_entry_texts(e).values()] for e in self._entries)
        self._db.executemany(
            f"INSERT INTO entry VALUES ({', '.join('?' * len(FIELD_WEIGHTS))})", rows
        )
        self._db.commit()
        self._weights = ", ".join(str(w) for w in FIELD_WEIGHTS.values())
        self._name_patterns: dict[int, re.Pattern[str] | None] = {}

    def _names_pattern(self, row: int) -> re.Pattern[str] | None:
        """One compiled pattern of the entry's name and aliases, built on first use."""
        if row not in self._name_patterns:
            entry = self._entries[row]
            names = [
                n.lower()
                for n in (entry.name, *entry.aliases)
                if len(n) > 3 and set(tokens(n)) - GENERIC_WORDS
            ]
            alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
            self._name_patterns[row] = re.compile(rf"\b(?:{alternatives})\b") if names else None
        return self._name_patterns[row]

    def analyse(self, question: str) -> Query:
        """Everything the ranking needs from a question, worked out once."""
        words = tokens(question)
        concepts = self.vocabulary.concepts_in(question)
        own = set(words)
        variants = {
            v for concept in concepts for v in self.vocabulary.variants(concept) if v not in own
        }
        return Query(
            lowered=" ".join(question.lower().split()),
            words=tuple(words),
            variants=tuple(sorted(variants)),
            groups=frozenset(
                g for g, cues in GROUP_CUES.items() if any(c in concepts for c in cues)
            ),
            kinds=frozenset(_kinds_wanted(words)),
        )

    def fts_query(self, question: str) -> str:
        """The FTS5 MATCH expression for the question's own words, OR-ed."""
        return _match(self.analyse(question).words)

    def raw_bm25(self, match: str, limit: int = CANDIDATES) -> list[tuple[int, float]]:
        """Row index and BM25 score (higher is better) for an FTS5 MATCH expression."""
        if not match:
            return []
        sql = (
            f"SELECT rowid, bm25(entry, {self._weights}) AS rank FROM entry "
            "WHERE entry MATCH ? ORDER BY rank LIMIT ?"
        )
        return [(rowid - 1, -rank) for rowid, rank in self._db.execute(sql, (match, limit))]

    def search(self, question: str, *, top: int = 5) -> list[Hit]:
        """Entries that answer the question, best first."""
        query = self.analyse(question)
        relevance = dict(self.raw_bm25(_match(query.words)))
        for row, bm25 in self.raw_bm25(_match(query.variants)):
            relevance[row] = relevance.get(row, 0.0) + EXPANSION_WEIGHT * bm25
        scored = [(bm25 * self._boost(row, query), row) for row, bm25 in relevance.items()]
        scored.sort(key=lambda item: (-item[0], item[1]))
        scored = _never_first_if_unsafe(scored, self._entries, query.groups)
        wanted = {*query.words, *tokens(" ".join(query.variants))}
        return [
            Hit(entry=self._entries[row], score=round(score, 4), snippet=self._snippet(row, wanted))
            for score, row in scored[:top]
        ]

    def _boost(self, row: int, query: Query) -> float:
        entry = self._entries[row]
        boost = 1.0
        pattern = self._names_pattern(row)
        if pattern is not None and pattern.search(query.lowered):
            boost *= PHRASE_BOOST
        if query.groups & set(entry.suitable_for):
            boost *= GROUP_BOOST
        if _unsafe_for(entry, query.groups):
            boost *= GROUP_PENALTY
        if entry.kind in query.kinds:
            boost *= KIND_BOOST
        return boost

    def _snippet(self, row: int, wanted: set[str]) -> str:
        """The sentence of the entry that shares most words with the question (and its variants)."""
        texts = _entry_texts(self._entries[row])
        candidates = re.split(r"(?<=[.!?])\s+", f"{texts['summary']} {texts['body']}".strip())
        best = max(candidates, key=lambda s: (len(wanted & set(tokens(s))), -len(s)))
        return _whole_words(best, SNIPPET_MAX)


def _whole_words(sentence: str, limit: int) -> str:
    """The sentence whole when it fits (every sentence in the content does today), else cut
    at a word, marked with an ellipsis."""
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _match(terms: Iterable[str]) -> str:
    """An FTS5 MATCH expression OR-ing the terms, each quoted so no input can change the syntax."""
    return " OR ".join(sorted({f'"{term}"' for term in terms}))


def _kinds_wanted(words: Sequence[str]) -> set[str]:
    present = set(words)
    return {kind for kind, cues in KIND_CUES.items() if present & set(cues)}


def _unsafe_for(entry: Entry, groups: Iterable[Group]) -> bool:
    """True when a ``not_for`` rule names one of the groups the question mentions."""
    names = set(groups)
    return any(rule.group in names for rule in entry.not_for)


def _never_first_if_unsafe(
    scored: list[tuple[float, int]], entries: list[Entry], groups: frozenset[Group]
) -> list[tuple[float, int]]:
    """Move the first safe hit to the top when the best hit is not for the question's group."""
    if not scored or not _unsafe_for(entries[scored[0][1]], groups):
        return scored
    for position, (_, row) in enumerate(scored):
        if not _unsafe_for(entries[row], groups):
            return [scored[position], *scored[:position], *scored[position + 1 :]]
    return scored
