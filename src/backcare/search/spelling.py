"""Slips people type ("swiming", "pregnacy", "bak"), read as the content word they
were meant as, with no hand-written list.

A question word that the content and the vocabulary never use, and that is no English word at
all (not even a rare one: "facet", "weeding" and "stimulator" are words, not slips), is a slip
when a word of the content starting with the same letter is one edit away from it: a letter
left out, added or changed, or two neighbours swapped. The nearest such word is what was meant,
the one the content uses most among equals. A word of three letters is read only as a content
word of four with one letter left out ("bck", "knd"): short words have too many neighbours to
tell a slip from another word by a changed or added letter.

The content's words of four letters or more are indexed once, when the ask index is built, by
the strings they give with one letter after the first deleted: a slip shares such a string
with the word it was meant as, or is one itself, or the word is one of its own (the SymSpell
method), so a slip costs a few lookups (tens of microseconds) instead of one for each of the
few hundred strings one edit from it. A string that one word gives maps to that word itself (no
copy), so the index holds little more than the deletion strings. Only the words neither the
content nor everyday English uses are looked at at all.
"""

from __future__ import annotations

import re
import zlib
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from backcare.search.patterns import plain_apostrophes

SHORTEST = 4
"""The shortest content word a slip is read as; a slip of four letters or more may be any edit
from it…"""
CLIPPED = 3
"""…and one of three only a letter left out."""
_WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*")
"""A word with its apostrophe or hyphen: "doesn't" is not "doesn" and "t", and a piece of
"warm-uping" is not a slip on its own (only words of letters alone are corrected)."""
_LETTERS = re.compile(r"[a-z]+")


def deletions(word: str, *, keep_first: bool = True) -> set[str]:
    """The strings the word gives with one letter deleted (after the first, unless
    ``keep_first`` is false)."""
    return {word[:i] + word[i + 1 :] for i in range(1 if keep_first else 0, len(word))}


def one_edit(word: str, other: str, *, keep_first: bool = True) -> bool:
    """Whether one edit (a letter deleted, changed or added, or two neighbours swapped) turns
    ``word`` into ``other``; one that keeps the first letter unless ``keep_first`` is false."""
    if (keep_first and word[:1] != other[:1]) or word == other or abs(len(word) - len(other)) > 1:
        return False
    if len(word) != len(other):
        short, long = sorted((word, other), key=len)
        start = 1 if keep_first else 0
        return any(long[:i] + long[i + 1 :] == short for i in range(start, len(long)))
    apart = [i for i, (a, b) in enumerate(zip(word, other, strict=True)) if a != b]
    return len(apart) == 1 or (
        len(apart) == 2
        and apart[1] == apart[0] + 1
        and word[apart[0]] == other[apart[1]]
        and word[apart[1]] == other[apart[0]]
    )


def _fingerprint(word: str) -> int:
    """A word's CRC-32, the same in every process (unlike ``hash``) and quick to work out for the
    160,000 words of the English list. A question word that shares one with an English word by
    chance (about four in 100,000) is only left as typed."""
    return zlib.crc32(word.encode())


@dataclass(frozen=True)
class Speller:
    """The content's words by their deletions, how often the content uses each, and the English
    words that are never taken for slips."""

    known: frozenset[str]
    """The content's and the vocabulary's words (and "dont" for the content's "don't")."""
    uses: dict[str, int]
    by_deletion: dict[str, str | tuple[str, ...]]
    """Each string a content word of ``SHORTEST`` letters or more gives with one letter deleted:
    the word, or the words, that give it."""
    everyday: Collection[str]
    """Everyday English words, looked up for every word of a question."""
    english: array[int]
    """Fingerprints (``_fingerprint``) of every word of the English list, sorted: looked up only
    for a word that would otherwise be corrected; 4 bytes a word instead of a set of strings."""

    @classmethod
    def build(
        cls,
        texts: Iterable[str],
        more: Iterable[str],
        everyday: Collection[str],
        english: Iterable[str],
    ) -> Speller:
        """From the content's texts (words counted), more phrases it knows (the vocabulary's),
        everyday English and every word of the English list."""
        said = Counter(word for text in texts for word in _WORD.findall(text.lower()))
        uses: Counter[str] = Counter()
        for word, n in said.items():
            for part in _LETTERS.findall(word):
                uses[part] += n
        bare = {word.replace("'", "") for word in said if "'" in word}
        extra = {w for phrase in more for w in _LETTERS.findall(phrase.lower())}
        known = frozenset(uses) | extra | bare
        giving: dict[str, list[str]] = {}
        for word in sorted(known):
            if len(word) >= SHORTEST:
                for deleted in deletions(word):
                    giving.setdefault(deleted, []).append(word)
        return cls(
            known=known,
            uses=dict(uses),
            by_deletion={k: v[0] if len(v) == 1 else tuple(v) for k, v in giving.items()},
            everyday=everyday,
            english=array("I", sorted({_fingerprint(w) for w in english if len(w) >= CLIPPED})),
        )

    def is_english(self, word: str) -> bool:
        """The word is in the English list, however rare."""
        key = _fingerprint(word)
        at = bisect_left(self.english, key)
        return at < len(self.english) and self.english[at] == key

    def meant(self, word: str) -> str | None:
        """The content word a slip was meant as, or None when the word is no slip."""
        if (
            len(word) < CLIPPED
            or word in self.known
            or word in self.everyday
            or not word.isascii()
            or not word.isalpha()
            or self.is_english(word)
        ):
            return None
        near = {deleted for deleted in deletions(word) if deleted in self.known}  # added
        for key in (word, *deletions(word)) if len(word) >= SHORTEST else (word,):
            given = self.by_deletion.get(key, ())  # left out (the word), or changed or swapped
            near.update((given,) if isinstance(given, str) else given)
        return min(
            (w for w in near if len(w) >= SHORTEST and one_edit(word, w)),
            key=lambda w: (-self.uses.get(w, 0), w),
            default=None,
        )

    def correct(self, lowered: str) -> str:
        """The lower-cased question with each slip replaced by the word it was meant as (most
        often the question as it is: only words neither the content nor everyday English uses
        are looked at)."""
        lowered = plain_apostrophes(lowered)
        known, everyday = self.known, self.everyday
        odd = {w for w in _WORD.findall(lowered) if w not in known and w not in everyday}
        fixes = {word: meant for word in odd if (meant := self.meant(word))}
        if not fixes:
            return lowered
        return _WORD.sub(lambda m: fixes.get(m.group(), m.group()), lowered)


@dataclass(frozen=True)
class NearWords:
    """Known words, and those of ``SHORTEST`` letters or more (a to z) indexed by their
    one-letter deletions, any letter, the first too: whether a word is one edit from a known word
    (``one_edit`` with ``keep_first`` false) then costs a few lookups, not one for each of the
    few hundred strings one edit from it (the SymSpell method, as ``Speller``)."""

    known: frozenset[str]
    by_deletion: dict[str, tuple[str, ...]]

    @classmethod
    def build(cls, known: Iterable[str]) -> NearWords:
        words = frozenset(known)
        giving: dict[str, list[str]] = {}
        for word in sorted(w for w in words if len(w) >= SHORTEST and _LETTERS.fullmatch(w)):
            for deleted in deletions(word, keep_first=False):
                giving.setdefault(deleted, []).append(word)
        return cls(known=words, by_deletion={k: tuple(v) for k, v in giving.items()})

    def near(self, word: str) -> bool:
        """Whether a word of ``SHORTEST`` letters or more, all letters, is known or one edit from
        a known word: with a letter deleted (a known word of any length), or with one added,
        changed or two neighbours swapped (an indexed word). Shorter words have too many
        neighbours to tell a slip from another word."""
        if len(word) < SHORTEST or not word.isalpha():
            return False
        cut = deletions(word, keep_first=False)
        if word in self.known or not self.known.isdisjoint(cut):
            return True
        return any(
            one_edit(word, other, keep_first=False)
            for key in (word, *cut)
            for other in self.by_deletion.get(key, ())
        )
