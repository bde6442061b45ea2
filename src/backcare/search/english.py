"""How common a word is in everyday English: what tells a question's topic from its framing.

A word the content never uses is either everyday framing ("seem", "months ago", "worried"), which
says nothing about whether the sources answer, or a rare, specific word ("turmeric", "laminectomy",
"shingles"), which is usually the very thing asked about. The frequencies are pyspellchecker's
English list (MIT code; counts from the OpenSubtitles 2018 corpus), read once when the ask index
is built: the index keeps only the set of common words, so nothing is loaded per question.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from pathlib import Path

from spellchecker import SpellChecker

COMMON_PER_MILLION = 1.0
"""A word used at least once per million words of everyday English is common: about 14,500
words. Rarer words the content never uses (below this line: "cupping", "epsom", "stimulator",
"microdiscectomy") name things; commoner ones ("deal", "seem", "room") frame the question."""


def english_frequencies() -> dict[str, float]:
    """Every word of the English list with how many times per million words it is used. Large:
    read when an index is built, never kept."""
    frequency = SpellChecker().word_frequency
    scale = 1_000_000 / frequency.total_words
    return {word: count * scale for word, count in frequency.dictionary.items()}


def common_english_words(
    frequencies: dict[str, float], per_million: float = COMMON_PER_MILLION
) -> dict[str, float]:
    """The lower-case English words used at least ``per_million`` times per million words, each
    with how many times per million it is used."""
    return {word: n for word, n in frequencies.items() if n >= per_million}


OBJECTS_FILE = Path(__file__).with_name("objects.txt")


def load_objects(path: Path = OBJECTS_FILE) -> frozenset[str]:
    """Everyday English words for made objects: the one-word nouns of WordNet 3.0 whose commonest
    sense is an artifact, kept to the common words above (``objects.txt``, made by
    ``scripts/make_objects.py``). A short question about an object the content never names
    ("massage gun", "weighted blanket") is about that object, which the sources don't cover."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


# British spelling patterns and their American forms, applied to whole words (the length guards
# keep "four", "your" and "shoes" out: "for", "yor", "shes" are not the same word).
_AMERICAN = (
    (re.compile(r"(?<=\w{3})our(s?)$"), r"or\1"),  # labour, favour, tumour, neighbour
    (re.compile(r"(?<=\w{3})tre(s?)$"), r"ter\1"),  # centre, fibre
    (re.compile(r"(?<=\w{2})is(e|ed|es|ing|ation|ations)$"), r"iz\1"),  # stabilising
    (re.compile(r"(?<=\w{2})ys(e|ed|es|ing)$"), r"yz\1"),  # analyse
    (re.compile(r"(?<=\w{3})ll(ed|ing)$"), r"l\1"),  # labelled, fuelled
    (re.compile(r"(?<=\w)amme(s?)$"), r"am\1"),  # programme
    (re.compile(r"ae(?=\w{2})"), "e"),  # caesarean, orthopaedic, haematuria
    (re.compile(r"oe(?=\w)(?!s$)"), "e"),  # oestrogen, oedema, foetus, manoeuvre
    (re.compile(r"(?<=\w{3})euvre$"), "euver"),  # manoeuvre (after oe → e)
)


def american_spellings(words: Iterable[str], english: Collection[str]) -> dict[str, str]:
    """For words in British spelling, their American form → the word, where the American form
    is a word of the English list and not itself one of ``words``: what a question typed in
    American spelling ("labor", "center", "cesarean") should be read as."""
    given = set(words)
    found: dict[str, str] = {}
    for word in given:
        american = word
        for pattern, replacement in _AMERICAN:
            american = pattern.sub(replacement, american)
        if american != word and american in english and american not in given:
            found[american] = word
    return found
