"""Questionnaire scoring against the instruments' own documentation, and its properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backcare.programme.questionnaires import (
    INSTRUMENTS,
    RISK_ORDER,
    AnswerError,
    PegResult,
    PsfsResult,
    StartBackResult,
    change_since_first,
    instrument,
    score,
    starting_intensity,
)

AGREE = st.integers(0, 1)
BOTHER = st.integers(0, 4)
STARTBACK = st.tuples(*[AGREE] * 8, BOTHER).map(list)
RATING = st.integers(0, 10)
PEG = st.lists(RATING, min_size=3, max_size=3)
PSFS = st.lists(RATING, min_size=1, max_size=3)


# Worked examples from Keele's "Using and scoring" page and LOINC 91352-5 ---------------------


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        # Nothing agreed, not bothered at all: total 0, low risk.
        ([0, 0, 0, 0, 0, 0, 0, 0, 0], (0, 0, "low")),
        # Total 3 is still low, even with 3 psychosocial points ("0-3 low").
        ([0, 0, 0, 0, 1, 1, 1, 0, 0], (3, 3, "low")),
        # Total 4 with subscale 3: medium ("4-9 medium" unless the subscale is 4 or 5).
        ([1, 0, 0, 0, 1, 1, 1, 0, 0], (4, 3, "medium")),
        # Subscale 4 ("patients scoring 4 or 5 ... high-risk").
        ([0, 0, 0, 0, 1, 1, 1, 1, 0], (4, 4, "high")),
        # Everything agreed, "Extremely" bothered: 9 and 5, high.
        ([1, 1, 1, 1, 1, 1, 1, 1, 4], (9, 5, "high")),
        # Physical items only, all four: total 4, subscale 0, medium.
        ([1, 1, 1, 1, 0, 0, 0, 0, 2], (4, 0, "medium")),
    ],
)
def test_startback_worked_examples(answers: list[int], expected: tuple[int, int, str]) -> None:
    result = score("startback", answers)
    assert isinstance(result, StartBackResult)
    assert (result.total, result.psychosocial, result.risk) == expected


@pytest.mark.parametrize(("bother", "point"), [(0, 0), (1, 0), (2, 0), (3, 1), (4, 1)])
def test_bothersomeness_counts_only_very_much_or_extremely(bother: int, point: int) -> None:
    """Keele: "bothersomeness responses are positive for 'very much' or 'extremely'"."""
    result = score("startback", [0] * 8 + [bother])
    assert isinstance(result, StartBackResult)
    assert (result.total, result.psychosocial) == (point, point)


def test_peg_is_the_mean_of_its_three_answers() -> None:
    """Krebs et al. 2009: the PEG score is the average of the three 0-10 items."""
    assert score("peg", [5, 5, 5]) == PegResult(score=5.0)
    assert score("peg", [4, 5, 7]) == PegResult(score=16 / 3)


def test_psfs_is_the_sum_over_the_number_of_activities() -> None:
    """The PSFS form: total score = sum of the activity scores / number of activities."""
    assert score("psfs", [3, 6]) == PsfsResult(score=4.5)
    assert score("psfs", [7]) == PsfsResult(score=7.0)


@pytest.mark.parametrize(
    ("instrument_id", "answers", "index"),
    [
        ("startback", [0] * 8, None),
        ("startback", [0] * 10, None),
        ("startback", [0, 0, 2, 0, 0, 0, 0, 0, 0], 2),
        ("startback", [0] * 8 + [5], 8),
        ("startback", [-1] + [0] * 8, 0),
        ("peg", [1, 2], None),
        ("peg", [1, 11, 2], 1),
        ("psfs", [], None),
        ("psfs", [1, 2, 3, 4], None),
    ],
)
def test_bad_answers_name_the_answer_at_fault(
    instrument_id: str, answers: list[int], index: int | None
) -> None:
    with pytest.raises(AnswerError) as caught:
        score(instrument_id, answers)
    assert caught.value.index == index


# Properties ------------------------------------------------------------------------------------


@given(STARTBACK)
def test_startback_scores_stay_in_range(answers: list[int]) -> None:
    result = score("startback", answers)
    assert isinstance(result, StartBackResult)
    assert 0 <= result.psychosocial <= 5
    assert result.psychosocial <= result.total <= 9
    assert (result.risk == "low") == (result.total <= 3)


@given(STARTBACK, st.integers(0, 8))
def test_startback_is_monotone(answers: list[int], position: int) -> None:
    """Agreeing with one more item, or being more bothered, never lowers a score or the risk."""
    worse = list(answers)
    worse[position] = min(worse[position] + 1, 4 if position == 8 else 1)
    before, after = score("startback", answers), score("startback", worse)
    assert isinstance(before, StartBackResult)
    assert isinstance(after, StartBackResult)
    assert after.total >= before.total
    assert after.psychosocial >= before.psychosocial
    assert RISK_ORDER.index(after.risk) >= RISK_ORDER.index(before.risk)


@given(st.sampled_from(["peg", "psfs"]), PSFS, st.data())
def test_means_lie_between_the_answers_and_rise_with_them(
    instrument_id: str, answers: list[int], data: st.DataObject
) -> None:
    if instrument_id == "peg":
        answers = data.draw(PEG)
    result = score(instrument_id, answers)
    assert isinstance(result, PegResult | PsfsResult)
    assert min(answers) <= result.score <= max(answers)
    raised = [min(a + 1, 10) for a in answers]
    assert score(instrument_id, raised).score >= result.score  # type: ignore[union-attr]


@given(st.sampled_from(["peg", "psfs"]), PEG, PEG)
def test_change_verdicts_follow_the_direction_and_the_threshold(
    instrument_id: str, first: list[int], latest: list[int]
) -> None:
    """ "Better" always means the score moved the good way, "worse" the bad way, and a change of
    2 points or more is never called no clear change."""
    one, two = score(instrument_id, first), score(instrument_id, latest)
    change = change_since_first(one, two)
    gain = change.first - change.latest if instrument_id == "peg" else change.latest - change.first
    expected = {"better": gain > 0, "worse": gain < 0, "no_clear_change": abs(gain) < 2}
    assert expected[change.verdict]
    assert change_since_first(one, one).verdict == "no_clear_change"


@pytest.mark.parametrize(
    ("first", "latest", "verdict"),
    [
        ([6, 6, 6], [4, 4, 4], "better"),  # 2 points down
        ([3, 3, 3], [2, 2, 2], "better"),  # 1 point, but 33% down
        ([8, 8, 8], [7, 7, 7], "no_clear_change"),  # 1 point, 12.5%
        ([4, 4, 4], [6, 6, 6], "worse"),
    ],
)
def test_peg_change_against_two_points_or_thirty_percent(
    first: list[int], latest: list[int], verdict: str
) -> None:
    change = change_since_first(score("peg", first), score("peg", latest))
    assert change.verdict == verdict
    assert "smallest change people notice (2 points or 30%)" in change.words


def test_psfs_change_needs_two_points_up() -> None:
    assert change_since_first(score("psfs", [3]), score("psfs", [5])).verdict == "better"
    assert change_since_first(score("psfs", [3]), score("psfs", [4])).verdict == "no_clear_change"
    assert change_since_first(score("psfs", [6]), score("psfs", [3])).verdict == "worse"


def test_startback_change_is_told_by_risk_group() -> None:
    high, low = score("startback", [1] * 8 + [4]), score("startback", [0] * 9)
    change = change_since_first(high, low)
    assert change.verdict == "better"
    assert "went from high to low" in change.words


@pytest.mark.parametrize(
    ("risk", "intensity", "physio"),
    [("low", "moderate", False), ("medium", "moderate", True), ("high", "gentle", True)],
)
def test_starting_intensity_follows_keele_matched_care(
    risk: str, intensity: str, physio: bool
) -> None:
    answers = {"low": [0] * 9, "medium": [1] * 4 + [0] * 5, "high": [0] * 4 + [1] * 4 + [3]}
    result = score("startback", answers[risk])
    assert isinstance(result, StartBackResult)
    assert result.risk == risk
    advice = starting_intensity(result)
    assert (advice.intensity, advice.physiotherapist) == (intensity, physio)
    assert advice.source_url.startswith("https://startback.hfac.keele.ac.uk/")


@pytest.mark.parametrize("instrument_id", INSTRUMENTS)
def test_every_instrument_records_its_terms_and_sources(instrument_id: str) -> None:
    spec = instrument(instrument_id)
    assert spec.terms.pages
    assert all(p.url.startswith("http") for p in spec.terms.pages)
    assert spec.sources
    assert spec.copyright
    assert (spec.minimal_change is None) == (instrument_id == "startback")


def test_startback_items_carry_the_loinc_panel_codes() -> None:
    spec = instrument("startback")
    assert spec.loinc is not None
    assert spec.loinc.panel == "91349-1"
    assert [item.loinc for item in spec.items] == [
        f"9134{n}-{c}" for n, c in zip(range(9), "086429753", strict=True)
    ]


@given(STARTBACK)
def test_a_higher_risk_never_starts_harder_or_without_a_physiotherapist(answers: list[int]) -> None:
    result = score("startback", answers)
    assert isinstance(result, StartBackResult)
    advice = starting_intensity(result)
    assert (advice.intensity == "gentle") == (result.risk == "high")
    assert advice.physiotherapist == (result.risk != "low")
    assert advice.risk == result.risk
