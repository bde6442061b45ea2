"""Phrase lookup by word n-grams gives what the per-phrase regular expressions gave, and one
combined pattern per warning sign, intent or topic matches where any of its patterns does."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from backcare.search.patterns import plain_apostrophes
from backcare.search.phrases import PhraseIndex, any_of
from backcare.search.vocabulary import load_vocabulary
from backcare.search.warnings import WARNINGS_FILE, load_warning_patterns

REAL_FILE = Path(__file__).with_name("real_questions.yaml")
WORDS = ["foam", "roller", "rollers", "sit", "up", "sit-up", "sit-ups", "back", "pain", "bed", "s"]
SEPARATORS = [" ", " ", "-", "'", ", "]
PHRASES = ["foam roller", "sit-up", "sit up", "bed", "back pain", "pain"]


def by_regex(phrases: list[str], text: str) -> set[str]:
    """The reference: one ``\\b(phrase)s?\\b`` expression per phrase, as the vocabulary had."""
    return {p for p in phrases if re.search(rf"\b(?:{re.escape(p)})s?\b", text)}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=12))
def test_phrase_lookup_agrees_with_the_regular_expressions(words: list[tuple[str, str]]) -> None:
    index = PhraseIndex.build((p, p) for p in PHRASES)
    text = "".join(word + separator for word, separator in words)
    assert index.found_in(text) == by_regex(PHRASES, text)


def test_a_phrase_is_found_only_as_whole_words() -> None:
    index = PhraseIndex.build([("bed", "sleep"), ("foam roller", "roller")])
    assert index.found_in("i sleep in a waterbed") == set()
    assert index.found_in("two foam rollers and a bed") == {"sleep", "roller"}
    assert index.found_in("27-weeks-pregnant") == set()
    assert PhraseIndex.build([("pregnant", "p")]).found_in("27-weeks-pregnant") == {"p"}


def test_vocabulary_concepts_match_the_old_patterns_on_real_questions() -> None:
    vocabulary = load_vocabulary()
    questions = [q["q"] for q in yaml.safe_load(REAL_FILE.read_text("utf-8"))["questions"]]
    by_pattern = dict(vocabulary.patterns)
    for question in questions:
        lowered = question.lower()
        expected = [
            name
            for name, variants in vocabulary.concepts.items()
            if by_regex(list(variants), lowered)
            or (name in by_pattern and by_pattern[name].search(lowered))
        ]
        assert vocabulary.concepts_in(question) == expected, question


def test_one_pattern_per_flag_finds_what_its_patterns_find() -> None:
    raw = yaml.safe_load(WARNINGS_FILE.read_text("utf-8"))["flags"]
    questions = [q["q"] for q in yaml.safe_load(REAL_FILE.read_text("utf-8"))["questions"]]
    questions += ["I can't control my bladder and my leg is giving way", "chest pain and back pain"]
    for question in questions:
        lowered = " ".join(plain_apostrophes(question.lower()).split())
        expected = [f for f, ps in raw.items() if any(re.search(p, lowered) for p in ps)]
        assert load_warning_patterns().flags_in(question) == expected, question


def test_any_of_keeps_each_pattern_whole() -> None:
    pattern = any_of(["ab|cd", "x+y"])
    assert [bool(pattern.search(t)) for t in ("cd", "xxy", "ac", "y")] == [True, True, False, False]
