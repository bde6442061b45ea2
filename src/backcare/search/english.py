"""How common a word is in everyday English: what tells a question's topic from its framing.

A word the content never uses is either everyday framing ("seem", "months ago", "worried"), which
says nothing about whether the sources answer, or a rare, specific word ("turmeric", "laminectomy",
"shingles"), which is usually the very thing asked about. The frequencies are pyspellchecker's
English list (MIT code; counts from the OpenSubtitles 2018 corpus), read once when the ask index
is built: the index keeps only the set of common words, so nothing is loaded per question.
"""

from __future__ import annotations

from spellchecker import SpellChecker

COMMON_PER_MILLION = 1.0
"""A word used at least once per million words of everyday English is common: about 14,500
words. Rarer words the content never uses (below this line: "cupping", "epsom", "stimulator",
"microdiscectomy") name things; commoner ones ("deal", "seem", "room") frame the question."""


def common_english_words(per_million: float = COMMON_PER_MILLION) -> dict[str, float]:
    """The lower-case English words used at least ``per_million`` times per million words, each
    with how many times per million it is used."""
    frequency = SpellChecker().word_frequency
    scale = 1_000_000 / frequency.total_words
    return {
        word: count * scale
        for word, count in frequency.dictionary.items()
        if count * scale >= per_million
    }
