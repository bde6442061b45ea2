"""Which of many regular expressions match a text, without running most of them.

Every question is checked against every warning sign's, intent's and out-of-scope topic's
expressions; run one by one they were the largest single cost of ``ask`` after the ranking.
Yet nearly every expression can only match where some literal piece of it is written ("numb",
"bladder", "chest pain"). Those pieces are read once from the parsed expression; a text's
three-letter runs then tell, with a few dictionary lookups, which expressions could match it,
and only those are run. The gate only ever skips an expression that cannot match, so the
result is exactly that of running all of them (an expression with no such piece always runs).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parser  # type: ignore[attr-defined]
from typing import Any, Generic, TypeVar

Key = TypeVar("Key")
GRAM = 3
"""Length of the runs a text is cut into: long enough to be selective, short enough that nearly
every literal piece of an expression is at least this long."""


@dataclass(frozen=True)
class PatternSet(Generic[Key]):
    """Keys, each with one expression (the alternation of its patterns), and the gate: the
    three-letter runs one of which a text must hold for a key's expression to match it."""

    keys: tuple[Key, ...]
    """One per expression: a key with several expressions is listed once for each."""
    expressions: tuple[re.Pattern[str], ...]
    by_gram: dict[str, frozenset[int]]
    always: frozenset[int]
    """Keys whose expression has no literal piece of ``GRAM`` letters: run on every text."""

    @classmethod
    def build(cls, patterns: Iterable[tuple[Key, re.Pattern[str]]]) -> PatternSet[Key]:
        """From (key, expression) pairs; a key may come with several expressions."""
        keys: list[Key] = []
        expressions: list[re.Pattern[str]] = []
        by_gram: dict[str, set[int]] = {}
        always: set[int] = set()
        for position, (key, expression) in enumerate(patterns):
            keys.append(key)
            expressions.append(expression)
            pieces = required_pieces(expression.pattern)
            if pieces is None or min(map(len, pieces)) < GRAM:
                always.add(position)
                continue
            for piece in pieces:
                by_gram.setdefault(piece[:GRAM], set()).add(position)
        return cls(
            tuple(keys),
            tuple(expressions),
            {gram: frozenset(found) for gram, found in by_gram.items()},
            frozenset(always),
        )

    def matching(self, text: str) -> list[Key]:
        """The keys one of whose expressions matches somewhere in the text, each once, in the
        order they were built."""
        grams = {text[i : i + GRAM] for i in range(len(text) - GRAM + 1)}
        chosen = set(self.always)
        for gram in grams.intersection(self.by_gram):
            chosen |= self.by_gram[gram]
        found = (
            self.keys[position]
            for position in sorted(chosen)
            if self.expressions[position].search(text)
        )
        return list(dict.fromkeys(found))


def required_pieces(pattern: str) -> frozenset[str] | None:
    """Literal strings one of which every match of the pattern contains, or None when the
    pattern has no such set (it can match text made of anything)."""
    parsed = sre_parser.parse(pattern)
    return None if parsed.state.flags & re.IGNORECASE else _of_sequence(parsed)


def _of_sequence(items: Iterable[tuple[Any, Any]]) -> frozenset[str] | None:
    """A match of a sequence holds every item's match, so any one item's pieces will do: the
    set whose shortest piece is longest (the most selective). Runs of plain characters are
    pieces of their own."""
    options: list[frozenset[str]] = []
    run = ""
    for op, value in items:
        if op is sre_constants.LITERAL:
            run += chr(value)
            continue
        if run:
            options.append(frozenset({run}))
            run = ""
        found = _of_item(op, value)
        if found is not None:
            options.append(found)
    if run:
        options.append(frozenset({run}))
    return max(options, key=lambda option: min(map(len, option)), default=None)


def _of_item(op: Any, value: Any) -> frozenset[str] | None:
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
    return None
