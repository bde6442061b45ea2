"""The stop rule, the flare-up card, the phases and adherence: properties and worked examples."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from backcare.content.schema import Exercise, Thermotherapy
from backcare.diary.trends import PainPoint
from backcare.knowledge import KnowledgeBase
from backcare.programme.adherence import summary
from backcare.programme.change import Verdict, judge, pain_verdict
from backcare.programme.flare import flare_card, latest_flare
from backcare.programme.phases import WeekVerdict, phases, weekly_verdicts
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
    assert pain_verdict(6, 4) == "better"
    assert pain_verdict(3, 2) == "better"
    assert pain_verdict(6, 5) == "no_clear_change"
    assert pain_verdict(1, 0.7) == "no_clear_change"  # 30 %, but under a point
    assert pain_verdict(4, 6) == "worse"


@given(
    gain=st.floats(-10, 10, allow_nan=False),
    first=st.floats(0, 10, allow_nan=False),
    points=st.floats(0.5, 5),
    percent=st.one_of(st.none(), st.floats(5, 60)),
)
def test_one_change_rule_is_symmetric_and_needs_the_threshold(
    gain: float, first: float, points: float, percent: float | None
) -> None:
    verdict = judge(gain, first, points=points, percent=percent)
    mirrored = judge(-gain, first, points=points, percent=percent)
    assert {verdict, mirrored} in ({"no_clear_change"}, {"better", "worse"})
    if abs(gain) >= points and gain != 0:
        assert verdict == ("better" if gain > 0 else "worse")
    if abs(gain) < min(points, 1.0):
        assert verdict == "no_clear_change"


def _weeks(*improved: bool) -> list[WeekVerdict]:
    return [WeekVerdict(better, ("pain",) if better else ()) for better in improved]


def test_phases_move_on_improvement_and_never_punish_one_bad_week() -> None:
    weeks = phases(_weeks(False, True, True, True, True, False, False))
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
    weeks = phases(_weeks(*verdicts))
    assert len(weeks) == max(1, len(verdicts))
    assert weeks[0].phase == "relief"
    seen = [w.phase for w in weeks]
    if "strengthening" in seen:
        assert "relief" not in seen[seen.index("strengthening") :]


def test_a_week_that_hurt_is_not_improvement() -> None:
    weeks = weekly_verdicts([6.0, 4.0, 4.0, None], [False, False, True, False])
    assert [w.improved for w in weeks] == [False, True, False, False]


def test_questionnaire_verdicts_move_the_phases_without_a_pain_diary() -> None:
    peg: list[Verdict | None] = [None, "better", None, "no_clear_change"]
    psfs: list[Verdict | None] = [None, None, "better", None]
    weeks = weekly_verdicts([None] * 4, [False] * 4, {"PEG score": peg, "function (PSFS)": psfs})
    assert [w.improved for w in weeks] == [False, True, True, False]
    assert weeks[1].shown_by == ("PEG score",)
    moved = phases(weeks)
    assert [w.phase for w in moved] == ["relief", "relief", "strengthening", "strengthening"]
    assert moved[2].why == "strengthening: your PEG score improved in week 2"


def test_a_measure_that_got_worse_holds_the_week_back() -> None:
    weeks = weekly_verdicts([6.0, 3.0], [False, False], {"PEG score": [None, "worse"]})
    assert [w.improved for w in weeks] == [False, False]
    both = weekly_verdicts([6.0, 3.0], [False, False], {"PEG score": [None, "better"]})
    assert both[1].shown_by == ("pain", "PEG score")


verdicts_or_none = st.one_of(st.none(), st.sampled_from(["better", "worse", "no_clear_change"]))


@given(
    means=st.lists(st.one_of(st.none(), st.floats(0, 10)), min_size=1, max_size=8),
    hard=st.lists(st.booleans(), max_size=8),
    peg=st.lists(verdicts_or_none, max_size=8),
)
def test_a_week_improves_only_when_a_measure_shows_it_and_none_got_worse(
    means: list[float | None], hard: list[bool], peg: list[Verdict | None]
) -> None:
    weeks = weekly_verdicts(means, hard, {"PEG score": peg})
    assert len(weeks) == len(means)
    for n, week in enumerate(weeks):
        if n < len(hard) and hard[n]:
            assert not week.improved
        if n < len(peg) and peg[n] == "worse":
            assert not week.improved
        assert week.improved == bool(week.shown_by)


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
