"""Find known phrases in a text by looking up its runs of words in a dictionary.

A question is checked against hundreds of phrases (vocabulary variants, entry names and aliases) on
every ask; one regular expression per phrase made that the largest cost of a query. Here the phrases
are indexed once, and finding them costs a few dictionary lookups per word of the question,
however many phrases there are. Matching follows the regular expressions it replaces: whole words,
the last word optionally followed by a plural "s".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_ATOM = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class PhraseIndex:
    """Lower-cased phrase → the labels it stands for (concept names, entry rows).

    A text is cut into runs of letters and digits ("atoms"); every span of up to ``longest`` atoms
    that starts where a phrase can start is looked up as it is written, separators included, so
    "sit-up" and "sit up" stay different phrases and "pregnant" is found in "27-weeks-pregnant",
    as the word-boundary expressions did.
    """

    labels: dict[str, frozenset[object]]
    starts: dict[str, int]
    """Atoms a phrase can begin with (a one-atom phrase also with its plural "s"), each with the
    most atoms a phrase beginning with it has: a text's other atoms are skipped at once, and
    from one that can begin a phrase only spans that long are looked up."""
    continued: frozenset[str]
    """Every phrase's beginnings that end with an atom and are followed by more of it ("foam" of
    "foam roller"): a span of the text that is none of them begins no longer phrase, so the
    spans from that atom stop there (most stop at their first atom)."""

    @classmethod
    def build(cls, pairs: Iterable[tuple[str, object]]) -> PhraseIndex:
        grouped: dict[str, set[object]] = {}
        for phrase, label in pairs:
            key = phrase.lower()
            if _ATOM.search(key):
                grouped.setdefault(key, set()).add(label)
        starts: dict[str, int] = {}
        for atoms in (_ATOM.findall(key) for key in grouped):
            for first in (atoms[0], atoms[0] + "s") if len(atoms) == 1 else (atoms[0],):
                starts[first] = max(starts.get(first, 0), len(atoms))
        continued = frozenset(
            key[: atom.end()]
            for key in grouped
            for atom in _ATOM.finditer(key)
            if atom.end() < len(key)
        )
        return cls({k: frozenset(v) for k, v in grouped.items()}, starts, continued)

    def found_in(self, text: str) -> set[object]:
        """Labels of every phrase the (lower-cased) text contains as whole words, the last one
        optionally followed by a plural "s"."""
        atoms = list(_ATOM.finditer(text))
        found: set[object] = set()
        labels, starts, continued = self.labels, self.starts, self.continued
        for i, atom in enumerate(atoms):
            longest = starts.get(atom.group())
            if longest is None:
                continue
            begin = atom.start()
            for following in atoms[i : i + longest]:
                key = text[begin : following.end()]
                hit = labels.get(key)
                if hit is None and key.endswith("s"):
                    hit = labels.get(key[:-1])
                if hit is not None:
                    found |= hit
                if key not in continued:
                    break
        return found


def any_of(patterns: Iterable[str]) -> re.Pattern[str]:
    """One regular expression matching wherever any of the patterns does: one search per
    question instead of one per pattern (the patterns use no numbered groups or inline flags)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns))
