"""Which of many regular expressions match a text, without running most of them.

Every question is checked against every warning sign's, intent's and out-of-scope topic's
expressions; run one by one they were the largest single cost of ``ask`` after the ranking.
Yet nearly every expression can only match where literal pieces of it are written: "my son
… back" needs "back" *and* one of "son", "daughter", "child"… Those pieces are read once from
the parsed expression, for each of its alternatives ("p|q|r"), as clauses that must all hold,
each satisfied by any one of its pieces. The pieces of each alternative's most telling clause
index it: the pieces a text holds (plain substring checks, in C) pick the alternatives worth
looking at; their other clauses are checked the same way, and only the expressions of the
alternatives that pass are run. The gate only ever skips an expression that cannot match, so
the result is exactly that of running all of them (an alternative with no clause at all
always passes).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parser  # type: ignore[attr-defined]
from typing import Any, Generic, TypeVar

Key = TypeVar("Key")
SHORTEST = 3
"""The shortest piece a clause is kept with: shorter pieces ("a", "m ") are in nearly every
text and tell nothing."""

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def plain_apostrophes(text: str) -> str:
    """The text with typographic apostrophes ("can\u2019t", as phones and web pages write it) made
    plain, as the expressions are written ("can'?t")."""
    return text if text.isascii() else text.translate(_APOSTROPHES)


Clause = frozenset[str]
"""Literal pieces one of which every match contains."""


@dataclass(frozen=True)
class _Alternative:
    """One alternative of an expression (by its position) and the clauses a text must meet."""

    expression: int
    clauses: tuple[Clause, ...]
    others: tuple[Clause, ...] = ()
    """The clauses but the one it is indexed by (``PatternSet.by_piece``): a text it is
    picked for holds a piece of that one already, so only these are left to check."""
    checked: tuple[Clause, ...] = ()
    """``others`` and the clauses too short to index by (``SHORTEST``: "mg", a digit): a text
    all of ASCII is checked against these. An alternative without a long clause is picked for
    every text, yet most texts miss one of its short ones ("\\d{1,2} ?w ?\\d ?d" needs a digit),
    and a plain substring check is far cheaper than running its expression. A text that is not
    all ASCII is checked against ``others`` only: ``\\d`` also matches digits other than 0-9."""

    def holds(self, text: str) -> bool:
        """Whether a text it was picked for (by a piece of its indexing clause, or on every
        text) meets the clauses left to check. Plain loops: for the two or three short clauses
        an alternative has, ``all`` over a generator of ``any`` took three times as long."""
        for clause in self.checked if text.isascii() else self.others:
            for piece in clause:
                if piece in text:
                    break
            else:
                return False
        return True


@dataclass(frozen=True)
class PatternSet(Generic[Key]):
    """Keys, each with its expressions, and the gate: each expression's alternatives, indexed by
    the pieces of their most telling clause."""

    keys: tuple[Key, ...]
    """One per expression: a key with several expressions is listed once for each."""
    expressions: tuple[re.Pattern[str], ...]
    alternatives: tuple[_Alternative, ...]
    by_piece: dict[str, frozenset[int]]
    always: frozenset[int]
    """Alternatives without a clause of ``SHORTEST`` characters or more: picked for every text,
    their expression run on those that hold a piece of each of their short clauses."""
    by_start: dict[Run, tuple[str, ...]]
    """The pieces by their first ``SHORTEST`` characters: a text holds a piece only where it
    holds its start, so only the pieces starting with one of the text's own runs of that many
    characters are looked for, not every piece."""
    starts: frozenset[Run] = frozenset()
    """The keys of ``by_start`` as a set: a text's runs are intersected with it by going
    through the text's few dozen runs, not through every start (as with the dict itself)."""

    @classmethod
    def build(cls, patterns: Iterable[tuple[Key, re.Pattern[str]]]) -> PatternSet[Key]:
        """From (key, expression) pairs; a key may come with several expressions."""
        keys: list[Key] = []
        expressions: list[re.Pattern[str]] = []
        alternatives: list[_Alternative] = []
        by_piece: dict[str, set[int]] = {}
        always: set[int] = set()
        for position, (key, expression) in enumerate(patterns):
            keys.append(key)
            expressions.append(expression)
            for every in required_clauses(expression.pattern, shortest=1):
                number = len(alternatives)
                clauses = tuple(c for c in every if _telling(c) >= SHORTEST)
                short = tuple(c for c in every if _telling(c) < SHORTEST)
                indexing = max(clauses, key=_telling, default=frozenset())
                others = list(clauses)
                if clauses:
                    others.remove(indexing)
                alternatives.append(
                    _Alternative(position, clauses, tuple(others), (*others, *short))
                )
                if not clauses:
                    always.add(number)
                for piece in indexing:
                    by_piece.setdefault(piece, set()).add(number)
        return cls(
            tuple(keys),
            tuple(expressions),
            tuple(alternatives),
            {piece: frozenset(found) for piece, found in by_piece.items()},
            frozenset(always),
            by_start := _by_start(by_piece),
            frozenset(by_start),
        )

    def matching(self, text: str) -> list[Key]:
        """The keys one of whose expressions matches somewhere in the text, each once, in the
        order they were built."""
        chosen = set(self.always)
        for piece in self.pieces_in(text):
            chosen |= self.by_piece[piece]
        passed = {
            alternative.expression
            for alternative in map(self.alternatives.__getitem__, chosen)
            if not alternative.checked or alternative.holds(text)
        }
        found = (
            self.keys[position]
            for position in sorted(passed)
            if self.expressions[position].search(text)
        )
        return list(dict.fromkeys(found))

    def pieces_in(self, text: str) -> set[str]:
        """The indexing pieces the text holds: those starting with one of its runs of
        ``SHORTEST`` characters, each checked in full. With few pieces for a text's length
        (intents' few dozen against a long question) checking every piece is quicker."""
        if len(self.by_piece) < 2 * len(text):
            return set(filter(text.__contains__, self.by_piece))
        by_start = self.by_start
        return {
            piece
            for start in _runs(text) & self.starts
            for piece in by_start[start]
            if piece in text
        }


Run = tuple[str, ...]
"""``SHORTEST`` characters in a row, as a tuple of characters: made by ``zip`` in C and hashed
from the characters' own cached hashes, in half the time of slicing a string for each run and
hashing it anew."""


@lru_cache(maxsize=8)
def _runs(text: str) -> frozenset[Run]:
    """The text's runs of ``SHORTEST`` characters (``zip`` stops with the shortest of the text's
    shifted copies). Kept for the last few texts: the warning signs' and the uncovered topics'
    sets both read the same question."""
    return frozenset(zip(*(text[i:] for i in range(SHORTEST)), strict=False))


def _by_start(pieces: Iterable[str]) -> dict[Run, tuple[str, ...]]:
    """The pieces (at least ``SHORTEST`` characters each, see ``required_clauses``) by their
    first ``SHORTEST`` characters."""
    grouped: dict[Run, list[str]] = {}
    for piece in pieces:
        grouped.setdefault(tuple(piece[:SHORTEST]), []).append(piece)
    return {start: tuple(found) for start, found in grouped.items()}


def _telling(clause: Clause) -> int:
    """How telling a clause is: its shortest piece's length (longer pieces are rarer)."""
    return min(map(len, clause))


def required_clauses(pattern: str, *, shortest: int = SHORTEST) -> list[tuple[Clause, ...]]:
    """For each top-level alternative of the pattern, the clauses every match of it meets: each
    a set of literal strings one of which the match contains (a clause with a piece shorter
    than ``shortest`` left out). An alternative with no clause can match almost anything. A
    class of a few characters ("[4-9]", "\\d") gives a clause of its characters; ``\\d`` gives
    0 to 9, so that clause holds only of a text all of ASCII (``_Alternative.checked``)."""
    parsed = sre_parser.parse(pattern)
    if parsed.state.flags & re.IGNORECASE:
        return [()]
    return [
        tuple(c for c in _options(branch) if _telling(c) >= shortest)
        for branch in _branches(parsed)
    ]


def _branches(items: Sequence[tuple[Any, Any]]) -> list[Sequence[tuple[Any, Any]]]:
    """The top-level alternatives of a parsed expression (through groups around all of it).
    The parser takes what all alternatives begin with out of them ("\\ba|\\bb" is read as
    "\\b(?:a|b)"): such a beginning is given back to each alternative, so that each is gated by
    its own pieces, not by the weakest of them all."""
    if len(items) == 1:
        op, value = items[0]
        if op is sre_constants.BRANCH:
            return [alt for branch in value[1] for alt in _branches(branch)]
        if op is sre_constants.SUBPATTERN and not (value[1] or value[2]):
            return _branches(value[3])
    elif items and items[-1][0] is sre_constants.BRANCH:
        beginning = list(items[:-1])
        return [alt for branch in items[-1][1][1] for alt in _branches([*beginning, *branch])]
    return [items]


def _options(items: Iterable[tuple[Any, Any]]) -> list[Clause]:
    """The clauses of a sequence: a match of it holds every item's match, so each item's pieces
    (and each run of plain characters) make a clause."""
    options: list[Clause] = []
    run = ""
    items_list = list(items)
    for at, (op, value) in enumerate(items_list):
        if op is sre_constants.LITERAL:
            run += chr(value)
            continue
        if run:
            # the run and each beginning what follows it can have ("w" of "(weeks|wks)",
            # which the parser took out of the alternatives: "w(eeks|ks)")
            following, _ = _beginnings(items_list[at:])
            options.append(frozenset(run + begun for begun in following))
            run = ""
        found = _of_item(op, value)
        if found is not None:
            options.append(found)
    if run:
        options.append(frozenset({run}))
    return options


MOST_BEGINNINGS = 4
"""``_beginnings`` stops before it would list more than this many."""


def _beginnings(items: Sequence[tuple[Any, Any]]) -> tuple[frozenset[str], bool]:
    """Literal beginnings every match of a sequence starts with one of ("" when it can begin
    with anything), and whether they are the whole of every match: plain characters, and
    groups and alternatives of them, read up to the first item of any other kind."""
    begun = frozenset({""})
    for op, value in items:
        if op is sre_constants.LITERAL:
            begun = frozenset(b + chr(value) for b in begun)
            continue
        if op is sre_constants.SUBPATTERN and not (value[1] or value[2]):
            inner, whole = _beginnings(value[3])
        elif op is sre_constants.BRANCH:
            parts = [_beginnings(branch) for branch in value[1]]
            inner = frozenset().union(*(p for p, _ in parts))
            whole = all(w for _, w in parts)
        else:
            return begun, False
        if len(begun) * len(inner) > MOST_BEGINNINGS:
            return begun, False
        begun = frozenset(b + i for b in begun for i in inner)
        if not whole:
            return begun, False
    return begun, True


def _of_sequence(items: Iterable[tuple[Any, Any]]) -> Clause | None:
    """One clause of a sequence: the most telling of its items' (``_options``)."""
    return max(_options(items), key=_telling, default=None)


def _of_item(op: Any, value: Any) -> Clause | None:
    """The pieces of one item that is not a plain character; None when it has none (a class of
    characters, an optional part, a zero-width assertion)."""
    if op is sre_constants.SUBPATTERN:
        _, add_flags, del_flags, inner = value
        return _of_sequence(inner) if not (add_flags or del_flags) else None
    if op is sre_constants.BRANCH:
        branches = [_of_sequence(branch) for branch in value[1]]
        if any(branch is None for branch in branches):
            return None
        return frozenset().union(*(b for b in branches if b is not None))
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
        low, _, inner = value
        return _of_sequence(inner) if low >= 1 else None
    if op is sre_constants.IN:
        return _characters(value)
    return None


FEWEST_CHARACTERS = 10
"""A class of more characters than this ("[a-z]") gives no clause: nearly every text holds one."""
_DIGITS = frozenset("0123456789")


def _characters(items: Iterable[tuple[Any, Any]]) -> Clause | None:
    """The characters a class matches, one of which a match holds: plain characters, short
    ranges and ``\\d`` (as 0 to 9: see ``required_clauses``); None for any other class."""
    found: set[str] = set()
    for op, value in items:
        if op is sre_constants.LITERAL:
            found.add(chr(value))
        elif op is sre_constants.RANGE and value[1] - value[0] < FEWEST_CHARACTERS:
            found.update(map(chr, range(value[0], value[1] + 1)))
        elif op is sre_constants.CATEGORY and value is sre_constants.CATEGORY_DIGIT:
            found.update(_DIGITS)
        else:
            return None
    return frozenset(found) if len(found) <= FEWEST_CHARACTERS else None
