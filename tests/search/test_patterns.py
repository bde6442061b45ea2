"""The gate that skips expressions which cannot match a text never changes which ones match:
the gated ``PatternSet`` gives what running every expression gives, on the shipped warning
signs, intents and topics, and on random expressions over a small alphabet."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backcare.search.intents import load_intents
from backcare.search.patterns import PatternSet, required_clauses
from backcare.search.scope import load_scope
from backcare.search.vocabulary import load_vocabulary
from backcare.search.warnings import load_warning_patterns


def every_match(patterns: PatternSet[str], text: str) -> list[str]:
    """The reference: every expression run on the text."""
    found = (k for k, e in zip(patterns.keys, patterns.expressions, strict=True) if e.search(text))
    return list(dict.fromkeys(found))


def shipped() -> list[PatternSet[str]]:
    return [
        load_warning_patterns()._set,
        load_intents()._set,
        load_scope()._set,
        load_vocabulary()._pattern_set,
    ]


def words_of_the_patterns() -> list[str]:
    """The letters-and-apostrophe runs written in the shipped expressions ("numb", "can't",
    "bladder"): texts made of them meet the expressions' literal pieces, and often match."""
    words = {
        word
        for patterns in shipped()
        for expression in patterns.expressions
        for word in re.findall(r"[a-z][a-z']+", expression.pattern.replace("\\b", " "))
    }
    return [*sorted(words), "my", "i", "the", "back", "pain", "and", "when", "weeks", "1", "7"]


WORDS = words_of_the_patterns()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14), st.sampled_from([" ", "-", ", "]))
def test_the_gate_matches_what_every_expression_matches(words: list[str], sep: str) -> None:
    text = sep.join(words)
    for patterns in shipped():
        assert patterns.matching(text) == every_match(patterns, text)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), max_size=14),
    st.sampled_from([" ", "-", ", ", ""]),
    st.text(max_size=6),
)
def test_the_pieces_found_by_their_start_are_every_piece_the_text_holds(
    words: list[str], sep: str, noise: str
) -> None:
    """``pieces_in`` (by each piece's first characters) against checking every piece."""
    text = sep.join([*words, noise])
    for patterns in shipped():
        assert patterns.pieces_in(text) == {p for p in patterns.by_piece if p in text}


_ATOM = st.sampled_from(
    ["a", "b", "ab", "abc", "bca", "cab", "c", ".", r"\d", "1", "[a1]", "[0-2]", "[^a]"]
)
_PATTERN = st.recursive(
    _ATOM,
    lambda inner: st.one_of(
        st.tuples(inner, inner).map("".join),
        st.tuples(inner, inner).map(lambda p: f"(?:{p[0]}|{p[1]})"),
        st.tuples(inner, st.sampled_from(["?", "*", "+", "{2}", "{0,3}"])).map(
            lambda p: f"(?:{p[0]}){p[1]}"
        ),
        inner.map(lambda p: rf"\b{p}"),
    ),
    max_leaves=6,
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PATTERN, min_size=1, max_size=4), st.text(alphabet="abc 0123\u0663", max_size=30))
def test_the_gate_never_skips_a_match_of_any_expression(sources: list[str], text: str) -> None:
    patterns = PatternSet.build((str(i), re.compile(s)) for i, s in enumerate(sources))
    assert patterns.matching(text) == every_match(patterns, text)


@pytest.mark.parametrize(
    ("pattern", "clauses"),
    [
        ("saddle (area )?(numb|anaesth)", [[{"saddle "}, {"numb", "anaesth"}]]),
        (
            "(lost|loss of) (bladder|bowel) control",
            # the parser takes common beginnings out of alternatives ("los(t|s of)"): they are
            # put back, and a run is joined to the beginnings of the group after it
            [
                [
                    {"lost", "loss of"},
                    {" bladder control", " bowel control"},
                    {"bladder", "bowel"},
                    {" control"},
                ]
            ],
        ),
        (r"\b(ssdi|ssi)\b", [[{"ssdi", "ssi"}]]),
        # "\b" begins both alternatives, so the parser reads "\b(?:…|…)": each is still its own
        (r"\bi'?m (1[0-7]|[4-9])\b|\b(1[0-7]|[4-9])[- ]years?[- ]old\b", [[], [{"year"}, {"old"}]]),
        (
            "disability (benefits?|claims?)",
            [[{"disability benefit", "disability claim"}, {"benefit", "claim"}]],
        ),
        ("fever|(?:chills)", [[{"fever"}], [{"chills"}]]),
        ("(a|b)?", [[]]),
        ("(?i)chest", [[]]),
        (r"\bi'?m (1[0-7]|[4-9])\b", [[]]),
    ],
)
def test_required_clauses_of_an_expression(pattern: str, clauses: list[list[set[str]]]) -> None:
    expected = [tuple(frozenset(c) for c in alternative) for alternative in clauses]
    assert required_clauses(pattern) == expected


@pytest.mark.parametrize(
    ("pattern", "clauses"),
    [
        (r"\b\d{1,2} ?w\b", [[set("0123456789"), {"w"}]]),
        (r"\b(dose|mg)\b", [[{"dose", "mg"}]]),
        (r"(1[0-7]|[4-9]) years", [[{"1", "4", "5", "6", "7", "8", "9"}, {" years"}]]),
        (r"[^0-9]x|[a-z]y", [[{"x"}], [{"y"}]]),
    ],
)
def test_short_clauses_of_an_expression(pattern: str, clauses: list[list[set[str]]]) -> None:
    """With ``shortest=1``, clauses of short pieces and of classes of a few characters too."""
    expected = [tuple(frozenset(c) for c in alternative) for alternative in clauses]
    assert required_clauses(pattern, shortest=1) == expected


def test_an_expression_of_short_pieces_runs_only_on_texts_that_hold_them() -> None:
    """A text all of ASCII without a digit skips a digit's expression; one that is not all
    ASCII runs it, since ``\\d`` matches other digits too ("\u0663" is Arabic-Indic 3)."""
    patterns = PatternSet.build([("weeks", re.compile(r"\b\d{1,2} ?w\b"))])
    assert patterns.always == frozenset({0})
    assert patterns.alternatives[0].checked
    assert patterns.matching("at 21w now") == ["weeks"]
    assert patterns.matching("\u0663w") == ["weeks"]
    assert patterns.matching("a week") == []


def test_an_expression_without_a_long_piece_runs_on_every_text() -> None:
    patterns = PatternSet.build([("short", re.compile("ab|cd")), ("long", re.compile("chest"))])
    assert patterns.always == frozenset({0, 1})
    assert patterns.matching("xx cd chest") == ["short", "long"]
    assert patterns.matching("xx") == []
