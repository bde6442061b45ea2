"""Candidate retrieval without scanning posting lists: per-term impact-ordered lists, built once.

FTS5's ``bm25()`` reads the whole posting list of every query term on every query (it counts the
term's documents for the IDF), so a match costs time in proportion to the knowledge base. Yet
for an OR query BM25 is a sum of one score per term, and each term's score of a row depends only
on the index, not on the question. So each term's scores are worked out once, when the index is
built, by FTS5 itself (a one-term query), and kept in two orders: best first (to find candidates)
and by row (to score a candidate on the other terms). A query then walks the terms' lists from
the top with Fagin's threshold algorithm and stops as soon as no unseen row can enter the top
``limit``: the work is bounded by how deep the best rows lie, not by how long the lists are.

The scores are FTS5's own, summed in the order FTS5 sums them (its phrases in the order of the
MATCH expression), so the result is the same to the last bit as ``ORDER BY bm25() LIMIT limit``,
ties in score broken by the lower row.
"""

from __future__ import annotations

import heapq
import sqlite3
import threading
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

FIRST_DEPTH = 256
"""How far down each term's list a query first looks: the whole list for every term a question
is matched on in backcare's own knowledge base (a term in more than half of its entries is left
out of the match), a bounded prefix in a larger one."""
MAX_DEPTH = 512
"""How far down a query looks at most, and ``LOOKUPS`` how many rows it scores in full per
depth. Past them a row could in principle still beat the ones found (when many terms each score
it just under their last row reached): the best rows found are taken then, each scored in full.
Neither is reached in backcare's own knowledge base, where every list is read whole."""
LOOKUPS = 2 * 40
SLACK = 1e-9
"""Relative margin on the bound that skips a row, so rounding can never skip one that ties."""
UNSEEN_CACHE = 1024
"""Words of a question the content never holds are tokenized (and, when FTS5 splits one into
several tokens, "l5-s1", matched as a phrase) once and kept: at most this many."""


@dataclass(frozen=True)
class TermScores:
    """One term's BM25 score for every row that holds it, best first and by row: the span
    ``start:end`` of four arrays that hold every term's (one span each, so that a stored index
    loads as four blocks of bytes, not thousands of small objects)."""

    best_rows: array[int]
    best_scores: array[float]
    rows: array[int]
    scores: array[float]
    start: int
    end: int

    @classmethod
    def of(cls, pairs: Iterable[tuple[int, float]]) -> TermScores:
        packed = _Packed.empty()
        start, end = packed.add(pairs)
        return packed.view(start, end)

    @property
    def size(self) -> int:
        return self.end - self.start

    def head(self, depth: int) -> zip[tuple[int, float]]:
        """The first ``depth`` rows and scores, best first."""
        stop = min(self.start + depth, self.end)
        return zip(
            self.best_rows[self.start : stop], self.best_scores[self.start : stop], strict=True
        )

    def last(self, depth: int) -> float:
        """The score of the ``depth``-th best row (the list is longer)."""
        return self.best_scores[self.start + depth - 1]

    @cached_property
    def by_row(self) -> dict[int, float]:
        """Every row's score, by row: made on the term's first whole read and kept with its
        view, so a query that reads the list whole adds numbers already made instead of
        unpacking the arrays into new ones (a float and an int per row) every time."""
        span = slice(self.start, self.end)
        return dict(zip(self.rows[span], self.scores[span], strict=True))

    def score(self, row: int) -> float:
        """The term's score of a row (0.0 when the row does not hold it): FTS5 adds a zero too."""
        at = bisect_left(self.rows, row, self.start, self.end)
        return self.scores[at] if at < self.end and self.rows[at] == row else 0.0


@dataclass(frozen=True)
class _Packed:
    """Every term's rows and scores, best first and by row, one span per term."""

    best_rows: array[int]
    best_scores: array[float]
    rows: array[int]
    scores: array[float]

    @classmethod
    def empty(cls) -> _Packed:
        return cls(array("i"), array("d"), array("i"), array("d"))

    def add(self, pairs: Iterable[tuple[int, float]]) -> tuple[int, int]:
        """Append a term's rows and scores; its span."""
        by_impact = sorted(pairs, key=lambda pair: (-pair[1], pair[0]))
        by_row = sorted(by_impact)
        start = len(self.rows)
        self.best_rows.extend(row for row, _ in by_impact)
        self.best_scores.extend(score for _, score in by_impact)
        self.rows.extend(row for row, _ in by_row)
        self.scores.extend(score for _, score in by_row)
        return start, len(self.rows)

    def view(self, start: int, end: int) -> TermScores:
        return TermScores(self.best_rows, self.best_scores, self.rows, self.scores, start, end)


_NOTHING = TermScores.of(())


class Postings:
    """The scores of every word the content holds, for ``top``; built from an FTS5 table."""

    def __init__(self, db: sqlite3.Connection, weights: str, words: Iterable[str]) -> None:
        self._db = db
        self._weights = weights
        self._packed = _Packed.empty()
        self._spans: dict[str, tuple[int, int]] = {}
        self._keys: dict[str, str] = {}
        self._unseen: dict[str, TermScores] = {}
        self._views: dict[str, TermScores] = {}
        self._tokenizer = Tokenizer()
        for word, terms in self._tokenizer.terms(words).items():
            key = terms[0] if len(terms) == 1 else word
            if terms and key not in self._spans:
                self._spans[key] = self._packed.add(self._fts_pairs(word))
            self._keys[word] = key

    def __getstate__(self) -> dict[str, object]:
        """Everything but the connections (the index stores and restores its own) and the
        caches of words the content never holds and of terms' views."""
        skip = ("_db", "_unseen", "_views", "_tokenizer")
        return {k: v for k, v in self.__dict__.items() if k not in skip}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._unseen = {}
        self._views = {}
        self._tokenizer = Tokenizer()

    def attach(self, db: sqlite3.Connection) -> None:
        """Use this (restored) FTS5 connection for words the content never holds."""
        self._db = db

    def top(
        self,
        words: Sequence[str],
        limit: int,
        *,
        depth: int = FIRST_DEPTH,
        max_depth: int = MAX_DEPTH,
    ) -> list[tuple[int, float]]:
        """Rows and BM25 scores of the best ``limit`` rows for the OR of ``words`` (in the order
        of the MATCH expression), best first: what ``ORDER BY bm25() LIMIT limit`` returns
        whenever every list is at most ``max_depth`` long, or the best can be told before.
        ``depth``: how far down each list to look first (doubled until the result is sure)."""
        lists = [self._scores_of(word) for word in words]
        while True:
            found = _best(lists, depth, limit)
            if found.sure or depth >= max_depth:
                return found.rows
            depth *= 2

    def score(self, word: str, row: int) -> float:
        """The word's BM25 score of a row (0.0 when the row does not hold it)."""
        return self._scores_of(word).score(row)

    def _scores_of(self, word: str) -> TermScores:
        key = self._keys.get(word)
        if key is not None:
            return self._term(key)
        scores = self._unseen.get(word)
        if scores is None:
            scores = self._unseen_scores(word)
            if len(self._unseen) >= UNSEEN_CACHE:
                self._unseen.clear()
            self._unseen[word] = scores
        return scores

    def _unseen_scores(self, word: str) -> TermScores:
        """A word the content does not hold may still stem to a term it does ("sleeps"); others
        (a phrase FTS5 splits into several tokens, a term only part of the content's words holds)
        are matched by FTS5 itself."""
        terms = self._tokenizer.terms([word])[word]
        if len(terms) == 1 and terms[0] in self._spans:
            return self._term(terms[0])
        return TermScores.of(self._fts_pairs(word)) if terms else _NOTHING

    def _term(self, key: str) -> TermScores:
        """The term's scores, its view made once (at most one per term the content holds)."""
        view = self._views.get(key)
        if view is None:
            span = self._spans.get(key)
            if span is None:
                return _NOTHING
            view = self._views[key] = self._packed.view(*span)
        return view

    def _fts_pairs(self, word: str) -> list[tuple[int, float]]:
        """FTS5's BM25 score of each row holding the word (higher is better)."""
        sql = f"SELECT rowid, bm25(entry, {self._weights}) FROM entry WHERE entry MATCH ?"
        return [(rowid - 1, -rank) for rowid, rank in self._db.execute(sql, (f'"{word}"',))]


@dataclass(frozen=True)
class _Found:
    rows: list[tuple[int, float]]
    sure: bool
    """No row below the depth looked at can beat them."""


def _best(lists: Sequence[TermScores], depth: int, limit: int) -> _Found:
    """The best ``limit`` rows among those in the first ``depth`` of some term's list.

    Scores are added term by term in the terms' order, as FTS5 adds them. A row is scored in
    full (looked up in the lists whose first ``depth`` it is not among) only when it might make
    the best ``limit``: its partial score plus the last scores reached in those lists is not
    below the ``limit``-th partial score; at most ``LOOKUPS`` rows, the best partial scores first.
    A row no list has reached scores at most the sum of the cut lists' last scores reached:
    below the ``limit``-th score (and no row left partial), the result is sure."""
    heads = {1 << i: t.last(depth) for i, t in enumerate(lists) if t.size > depth}
    complete = True
    if not heads:
        scores = _summed(lists)
    else:
        scores = {}
        seen_in: dict[int, int] = {}
        for i, term in enumerate(lists):
            bit = 1 << i
            for row, score in term.head(depth):
                scores[row] = scores.get(row, 0.0) + score
                seen_in[row] = seen_in.get(row, 0) | bit
        scores, complete = _completed(lists, scores, seen_in, heads, limit)
    ranked = _ranked(scores)[:limit]
    sure = not heads or (
        complete and len(ranked) == limit and scores[ranked[-1]] > sum(heads.values())
    )
    return _Found([(row, scores[row]) for row in ranked], sure)


def _summed(lists: Sequence[TermScores]) -> dict[int, float]:
    """Each row's scores in the lists, read whole, added in the lists' order (the first list's
    taken as they are, since 0.0 + score is score). The order rows are met in does not matter:
    ``_ranked`` orders them by row before by score."""
    scores = dict(lists[0].by_row) if lists else {}
    get = scores.get
    for term in lists[1:]:
        for row, score in term.by_row.items():
            scores[row] = get(row, 0.0) + score
    return scores


def _ranked(scores: dict[int, float]) -> list[int]:
    """Rows best score first, ties by the lower row (two sorts of plain numbers: the second,
    stable even in reverse, keeps equal scores in row order)."""
    rows = sorted(scores)
    rows.sort(key=scores.__getitem__, reverse=True)
    return rows


def _completed(
    lists: Sequence[TermScores],
    partial: dict[int, float],
    seen_in: dict[int, int],
    heads: dict[int, float],
    limit: int,
) -> tuple[dict[int, float], bool]:
    """Full scores of the rows that might make the best ``limit`` (see ``_best``), and whether
    every such row was scored in full."""
    floor = heapq.nlargest(limit, partial.values())[-1] if len(partial) >= limit else 0.0
    floor -= abs(floor) * SLACK
    missing: dict[int, float] = {}
    full: dict[int, float] = {}
    unsure: list[tuple[float, int]] = []
    for row, score in partial.items():
        mask = seen_in[row]
        if mask not in missing:
            missing[mask] = sum(head for bit, head in heads.items() if not mask & bit)
        if not missing[mask]:
            full[row] = score
        elif score + missing[mask] >= floor:
            unsure.append((score, row))
    looked_up = heapq.nlargest(LOOKUPS, unsure)
    for _, row in looked_up:
        full[row] = sum(term.score(row) for term in lists)
    return full, len(looked_up) == len(unsure)


class Tokenizer:
    """FTS5's ``porter unicode61`` tokenizer, run on a scratch table and read back, so a word is
    keyed by exactly the term(s) FTS5 indexed it under."""

    def __init__(self) -> None:
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute("CREATE VIRTUAL TABLE probe USING fts5(word, tokenize='porter unicode61')")
        self._db.execute("CREATE VIRTUAL TABLE terms USING fts5vocab(probe, 'instance')")
        self._lock = threading.Lock()

    def terms(self, words: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """Each word's tokens, in order (none for a word of separators only)."""
        listed = list(dict.fromkeys(words))
        found: dict[str, list[str]] = {word: [] for word in listed}
        with self._lock, self._db:
            self._db.executemany(
                "INSERT INTO probe(rowid, word) VALUES (?, ?)", enumerate(listed, 1)
            )
            for doc, term in self._db.execute("SELECT doc, term FROM terms ORDER BY doc, offset"):
                found[listed[doc - 1]].append(term)
            self._db.execute("DELETE FROM probe")
        return {word: tuple(terms) for word, terms in found.items()}
