"""The stop rule, the flare-up card, the phases and adherence: properties and worked examples."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from backcare.content.schema import Exercise, Thermotherapy
from backcare.diary.trends import PainPoint
from backcare.knowledge import KnowledgeBase
from backcare.programme.adherence import summary
from backcare.programme.flare import flare_card, latest_flare
from backcare.programme.phases import improved, phases, weekly_verdicts
from backcare.programme.stop import STOP_SOURCES, should_stop
from tests.conftest import SHARED_SEEDS

scores = st.integers(0, 10)
START = datetime(2026, 11, 2, 8, tzinfo=UTC)


@given(before=scores, now=scores, leg=st.booleans())
def test_the_stop_rule_is_exactly_a_two_point_rise_or_new_leg_symptoms(
    before: int, now: int, leg: bool
) -> None:
    verdict = should_stop(pain_before=before, pain_now=now, new_leg_symptoms=leg)
    assert (verdict is not None) == (leg or now - before >= 2)
    if verdict is not None:
        assert "Stop the exercises" in verdict.message
        assert verdict.sources


def test_stop_examples() -> None:
    rose = should_stop(pain_before=3, pain_now=5)
    assert rose is not None
    assert rose.reason == "pain_rose"
    assert rose.message.startswith("Your pain rose from 3 to 5.")
    assert should_stop(pain_before=3, pain_now=4) is None
    assert should_stop(pain_before=None, pain_now=9) is None  # no baseline, no rise
    leg = should_stop(pain_before=None, pain_now=None, new_leg_symptoms=True)
    assert leg is not None
    assert leg.reason == "new_leg_symptoms"


def test_the_stop_advice_quotes_its_seed_verbatim() -> None:
    for source in STOP_SOURCES:
        if source.seed is not None:
            text = (SHARED_SEEDS / source.seed).read_text(encoding="utf-8")
            assert source.quote in text


def diary(*values: int) -> list[PainPoint]:
    return [PainPoint(START + timedelta(days=i), score) for i, score in enumerate(values)]


def test_a_jump_of_three_above_the_week_is_a_flare_and_settles() -> None:
    assert latest_flare(diary(3, 3, 3, 5)) is None  # +2 is a change, not a flare
    flare = latest_flare(diary(3, 3, 3, 6, 7))
    assert flare is not None
    assert flare.active
    assert flare.peak == 7
    assert flare.baseline == 3
    settled = latest_flare(diary(3, 3, 3, 6, 7, 4))
    assert settled is not None
    assert not settled.active
    assert settled.settled_at == START + timedelta(days=5)


@given(st.lists(scores, min_size=1, max_size=30))
def test_a_flare_always_starts_three_points_above_its_baseline(values: list[int]) -> None:
    flare = latest_flare(diary(*values))
    if flare is not None:
        start = values[(flare.started_at - START).days]
        assert start >= flare.baseline + 3
        assert flare.peak >= start


def test_the_flare_card_gives_relief_the_contents_timing_and_the_recheck(
    kb: KnowledgeBase,
) -> None:
    flare = latest_flare(diary(2, 2, 2, 7))
    assert flare is not None
    exercises = [e for e in kb if isinstance(e, Exercise)]
    thermo = [e for e in kb if isinstance(e, Thermotherapy)]
    card = flare_card(flare, relief=exercises, thermotherapy=thermo)
    assert "Gentle relief only" in card.title
    relief = {e.name: e for e in exercises}
    assert card.relief
    assert all(relief[name].intensity == "gentle" for name in card.relief)
    assert any(
        "first day of new back pain: 10 min, every 1 h" in line for line in card.heat_and_ice
    )
    assert "see a doctor" in card.see_a_doctor
    assert "Check in again" in card.see_a_doctor
    assert card.sources


def test_improvement_is_two_points_or_thirty_percent() -> None:
    assert improved(6, 4)
    assert improved(3, 2)
    assert not improved(6, 5)
    assert not improved(1, 0.7)


def test_phases_move_on_improvement_and_never_punish_one_bad_week() -> None:
    weeks = phases([False, True, True, True, True, False, False])
    assert [w.phase for w in weeks] == [
        "relief",
        "relief",
        "strengthening",
        "strengthening",
        "strengthening",
        "maintenance",
        "strengthening",
    ]
    assert weeks[2].why == "strengthening: your pain improved in week 2"


@given(st.lists(st.booleans(), max_size=20))
def test_phases_start_in_relief_one_per_week_and_never_back_to_relief(
    verdicts: list[bool],
) -> None:
    weeks = phases(verdicts)
    assert len(weeks) == max(1, len(verdicts))
    assert weeks[0].phase == "relief"
    seen = [w.phase for w in weeks]
    if "strengthening" in seen:
        assert "relief" not in seen[seen.index("strengthening") :]


def test_a_week_that_hurt_is_not_improvement() -> None:
    assert weekly_verdicts([6.0, 4.0, 4.0, None], [False, False, True, False]) == [
        False,
        True,
        False,
        False,
    ]


def test_adherence_is_kind_and_names_one_thing() -> None:
    today = date(2026, 11, 8)
    week = [today - timedelta(days=i) for i in range(7)]
    result = summary(planned=week, done=week[:3], today=today, answers=["too_easy"] * 4)
    assert (result.planned, result.done, result.days_active_last_7, result.longest_run) == (
        7,
        3,
        3,
        3,
    )
    assert result.message == (
        "You moved on 3 of the last 7 days (7 sessions were planned). "
        "Your best run so far: 3 days in a row."
    )
    assert result.try_next.startswith("Try tying a short session")
    hurt = summary(planned=week, done=week, today=today, answers=["it_hurt"])
    assert "gentler alternative" in hurt.try_next
    nothing = summary(planned=week, done=[], today=today)
    assert "fresh start" in nothing.message
    assert "missed" not in nothing.message
