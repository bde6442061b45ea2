"""Slips are read as the content word meant, with no hand-written list (``search.spelling``):
a word that neither the content nor any English word list uses, one edit from a content word
with the same first letter (or a content word of four letters with one left out)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from backcare.search import AskIndex, ask
from backcare.search.spelling import NearWords, Speller, one_edit


def test_a_slip_is_read_as_the_content_word_meant(index: AskIndex) -> None:
    assert index.spelled("Is swiming good for sciatica?") == "is swimming good for sciatica?"
    assert index.spelled("how do I stretch my lower bak") == "how do i stretch my lower back"


def test_a_misspelled_question_gets_the_answer_the_spelled_one_gets(index: AskIndex) -> None:
    slipped = ask(index, "Is swiming good for lower back pain?")
    spelled = ask(index, "Is swimming good for lower back pain?")
    assert slipped.covered
    assert spelled.covered
    assert [hit.id for hit in slipped.results] == [hit.id for hit in spelled.results]
    assert slipped.results[0].id == "swimming"


def test_rare_english_words_and_parts_of_words_are_not_slips(index: AskIndex) -> None:
    # Each is one edit from a content word ("feeding", "face", "stimulation", "using").
    for question in (
        "is weeding hard on the back?",
        "does a facet joint hurt?",
        "would a stimulator help?",
        "what about warm-uping before work-outs?",
    ):
        assert index.spelled(question) == question


def test_a_misspelled_topic_the_sources_leave_out_is_still_named(index: AskIndex) -> None:
    result = ask(index, "Is ibuprofin safe for my back?")
    assert not result.covered
    assert result.not_covered is not None
    assert result.not_covered.topic == "medicines"


def test_an_abbreviation_in_capitals_keeps_its_topic(index: AskIndex) -> None:
    # "hrt" is "hurt" with a letter left out, but the question as typed names HRT.
    result = ask(index, "Can HRT help my back?")
    assert not result.covered
    assert result.not_covered is not None
    assert result.not_covered.topic == "medicines"


def test_typographic_apostrophes_are_plain_and_words_with_them_are_whole(
    index: AskIndex,
) -> None:
    assert index.spelled("It doesn\u2019t help") == "it doesn't help"
    assert index.spelled("i dont know") == "i dont know"


def test_the_nearest_and_most_used_word_is_meant() -> None:
    speller = Speller.build(
        ["stretch stretch stretch the wretch", "bridge"], [], everyday=(), english=()
    )
    assert speller.meant("strech") == "stretch"
    assert speller.meant("brigde") == "bridge"
    assert speller.meant("retch") is None  # a different first letter: no slip of "wretch"
    assert speller.meant("brdge") == "bridge"


def test_one_edit_keeps_the_first_letter_and_counts_a_swap_of_neighbours() -> None:
    assert one_edit("brigde", "bridge")
    assert one_edit("bak", "back")
    assert one_edit("swimmming", "swimming")
    assert one_edit("swimmimg", "swimming")
    assert not one_edit("sweming", "swimming")  # two edits
    assert not one_edit("wretch", "retch")  # the first letter
    assert not one_edit("back", "back")


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_words_the_content_or_everyday_english_uses_are_never_changed(
    index: AskIndex, data: st.DataObject
) -> None:
    speller = index._speller
    pool = sorted(w for w in speller.known if w.isalpha())
    everyday = sorted(w for w in speller.everyday if w.isalpha())
    words = data.draw(st.lists(st.sampled_from(pool) | st.sampled_from(everyday), max_size=8))
    text = " ".join(words)
    assert index.spelled(text) == text


@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_a_content_word_with_a_letter_left_out_is_read_as_a_word_one_edit_away(
    index: AskIndex, data: st.DataObject
) -> None:
    speller = index._speller
    word = data.draw(
        st.sampled_from(sorted(w for w in speller.known if w.isalpha() and len(w) > 4))
    )
    at = data.draw(st.integers(min_value=1, max_value=len(word) - 1))
    slip = word[:at] + word[at + 1 :]
    meant = speller.meant(slip)
    if slip in speller.known or slip in speller.everyday or speller.is_english(slip):
        assert meant is None
    else:
        assert meant is not None
        assert one_edit(slip, meant)
        assert index.spelled(meant) == meant


def test_a_word_is_near_a_known_word_one_edit_away_whatever_the_letter() -> None:
    near = NearWords.build(["stretch", "back", "sleep"])
    assert near.near("strech")  # a letter left out
    assert near.near("sstretch")  # one added before the first
    assert near.near("wack")  # the first letter changed
    assert near.near("bakc")  # neighbours swapped
    assert near.near("sleeps")  # one added at the end
    assert not near.near("slab")  # two edits
    assert not near.near("bac")  # too short to tell a slip


def _brute_force_near(word: str, known: frozenset[str]) -> bool:
    """Every string one deletion, swap, change or addition (letters a to z) from the word, looked
    up one by one (Norvig's edits1, what ``NearWords`` replaces)."""
    if len(word) < 4 or not word.isalpha():
        return False
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {
        *(a + b[1:] for a, b in splits if b),
        *(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1),
        *(a + c + b[1:] for a, b in splits if b for c in letters),
        *(a + c + b for a, b in splits for c in letters),
    }
    return not known.isdisjoint(edits)


_SHORT_WORDS = st.text(alphabet="abcde", min_size=1, max_size=7)


@settings(max_examples=300, deadline=None)
@given(known=st.frozensets(_SHORT_WORDS, max_size=30), word=_SHORT_WORDS)
def test_near_words_finds_what_trying_every_one_edit_string_finds(
    known: frozenset[str], word: str
) -> None:
    assert NearWords.build(known).near(word) == _brute_force_near(word, known)
