"""Break reminders: the stretch shown at each break, and the schedule's deadlines and counts."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backcare.content.schema import Exercise, NotFor, Source
from backcare.knowledge import KnowledgeBase
from backcare.knowledge.contraindications import blocking_rule
from backcare.profile import Postpartum, Pregnancy, Profile
from backcare.rules import facts_of, judge
from backcare.session.breaks import (
    advance,
    break_stretches,
    postpone,
    remaining,
    skip,
    start_breaks,
    stop,
    stretch_for,
    take_now,
)

REF = [Source(ref="test")]


def exercise(entry_id: str, **fields: Any) -> Exercise:
    base: dict[str, Any] = {
        "kind": "exercise",
        "id": entry_id,
        "name": entry_id.replace("-", " ").capitalize(),
        "summary": "A movement.",
        "evidence": "clinical",
        "sources": REF,
        "category": "stretch",
        "position": "standing",
        "intensity": "gentle",
        "steps": ["Move gently."],
        "dose": {"hold_s": 20},
    }
    return Exercise.model_validate(base | fields)


NO_LATE_PREGNANCY = NotFor(group="pregnancy", pregnancy_week_from=20, reason="r", sources=REF)
KB = KnowledgeBase(
    (
        exercise("neck-stretch", suitable_for=["office_worker"]),
        exercise("seated-twist", position="sitting", category="mobility"),
        exercise("wall-angel", position="against_wall", equipment=["wall"]),
        exercise(
            "standing-side-bend", suitable_for=["standing_worker"], not_for=[NO_LATE_PREGNANCY]
        ),
        exercise("knee-hug", position="lying_back"),
        exercise("plank", category="core", intensity="moderate"),
        exercise("hard-stretch", intensity="hard"),
        exercise("roller-stretch", equipment=["foam_roller"]),
    )
)


def ids(profile: Profile) -> list[str]:
    return [entry.id for entry in break_stretches(KB, profile)]


def test_break_stretches_are_gentle_desk_side_stretches_tagged_ones_first() -> None:
    assert ids(Profile(work=["sitting"])) == [
        "neck-stretch",
        "standing-side-bend",
        "seated-twist",
        "wall-angel",
    ]


def test_a_stretch_excluded_for_the_person_or_needing_missing_kit_is_never_shown() -> None:
    pregnant = Profile(work=["standing"], pregnancy=Pregnancy(weeks=30))
    assert "standing-side-bend" not in ids(pregnant)
    assert "standing-side-bend" in ids(Profile(pregnancy=Pregnancy(weeks=12)))
    assert "roller-stretch" in ids(Profile(equipment=["foam_roller"]))


def test_each_break_shows_a_different_stretch_in_turn() -> None:
    stretches = break_stretches(KB, Profile(work=["sitting"]))
    shown = [stretch_for(stretches, number) for number in range(6)]
    assert len({entry.id for entry in shown[:4] if entry}) == 4
    assert shown[4] == shown[0]
    assert stretch_for([], 3) is None


def _one_of_pregnancy_or_birth(fields: dict[str, object]) -> dict[str, object]:
    """The profile refuses a pregnancy and a birth at once: keep the pregnancy."""
    both = fields["pregnancy"] is not None and fields["postpartum"] is not None
    return {"postpartum": None} if both else {}


profiles = st.fixed_dictionaries(
    {
        "work": st.lists(
            st.sampled_from(["sitting", "standing", "lifting", "driving"]), unique=True
        ),
        "pregnancy": st.none() | st.builds(Pregnancy, weeks=st.integers(0, 42)),
        "postpartum": st.none()
        | st.builds(
            Postpartum,
            weeks_since_birth=st.integers(0, 60),
            delivery=st.sampled_from([None, "vaginal", "caesarean"]),
        ),
        "conditions": st.lists(
            st.sampled_from(
                ["disc_herniation", "osteoporosis", "spinal_stenosis", "rectus_diastasis"]
            ),
            unique=True,
        ),
        "equipment": st.lists(
            st.sampled_from(["mat", "chair", "foam_roller", "yoga_ball"]), unique=True
        ),
    }
).map(lambda fields: Profile(**fields | _one_of_pregnancy_or_birth(fields)))


@given(profiles, st.integers(min_value=0, max_value=50))
def test_the_shipped_knowledge_base_never_shows_an_excluded_stretch(
    kb: KnowledgeBase, profile: Profile, number: int
) -> None:
    stretches = break_stretches(kb, profile)
    chosen = stretch_for(stretches, number)
    if chosen is not None:
        assert blocking_rule(chosen, profile) is None
        phase = "acute" if profile.is_acute else "subacute"
        assert judge(kb.rules, facts_of(profile, phase=phase)).blocking(chosen) is None
        assert chosen.intensity == "gentle"
    if len(stretches) > 1:
        assert stretch_for(stretches, number + 1) != chosen


def test_the_shipped_knowledge_base_has_break_stretches_for_desk_workers(kb: KnowledgeBase) -> None:
    assert len(break_stretches(kb, Profile(work=["sitting"]))) >= 3


T0 = 0.0


def test_a_break_falls_due_runs_its_countdown_and_counts_as_taken() -> None:
    state = start_breaks(every_min=30, move_min=5, now=T0)
    assert remaining(state, T0 + 60) == 29 * 60
    state = advance(state, T0 + 30 * 60 + 7)
    assert state.phase == "due"
    state = take_now(state, T0 + 30 * 60 + 10)
    assert (state.phase, remaining(state, T0 + 30 * 60 + 70)) == ("break", 4 * 60)
    state = advance(state, T0 + 10_000)
    assert (state.phase, state.count("taken"), state.number) == ("waiting", 1, 1)
    assert state.due_at == T0 + 30 * 60 + 10 + 5 * 60 + 30 * 60


def test_enter_starts_a_break_early() -> None:
    state = take_now(start_breaks(every_min=30, move_min=5, now=T0), T0 + 60)
    assert (state.phase, state.due_at) == ("break", T0 + 60 + 5 * 60)


def test_postpone_works_once_per_break_and_is_logged() -> None:
    state = advance(start_breaks(every_min=30, move_min=5, now=T0), T0 + 30 * 60)
    state = postpone(state, T0 + 30 * 60 + 5)
    assert (state.phase, state.due_at) == ("waiting", T0 + 40 * 60 + 5)
    assert postpone(state, T0 + 31 * 60) == state
    assert [event.outcome for event in state.log] == ["postponed"]
    state = take_now(advance(state, T0 + 41 * 60), T0 + 41 * 60)
    state = advance(state, T0 + 46 * 60)
    assert [(e.outcome, e.number) for e in state.log] == [("postponed", 0), ("taken", 0)]
    assert not state.postponed


def test_skip_is_counted_and_restarts_the_wait() -> None:
    state = start_breaks(every_min=60, move_min=5, now=T0)
    state = skip(take_now(state, T0 + 100), T0 + 130)
    assert (state.phase, state.due_at, state.count("skipped")) == ("waiting", T0 + 130 + 3600, 1)
    assert state.breaks_done == 1
    assert stop(state).phase == "stopped"
    assert skip(stop(state), T0 + 200).count("skipped") == 1


@pytest.mark.parametrize("late_s", [0.0, 0.5, 400.0])
def test_a_late_tick_does_not_stretch_the_break(late_s: float) -> None:
    state = take_now(start_breaks(every_min=30, move_min=5, now=T0), T0)
    state = advance(state, T0 + 5 * 60 + late_s)
    assert state.log[-1].at == T0 + 5 * 60
