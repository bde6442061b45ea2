"""The session state machine: deadlines, pause/skip/back/finish, outcome and resuming."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backcare.content.schema import Dose
from backcare.session import (
    SessionItem,
    SessionState,
    advance,
    back,
    finish,
    outcome,
    pause,
    resume,
    skip,
    start,
    toggle_pause,
    view,
)
from backcare.session.timeline import GET_READY_S, REP_S, REST_S
from tests.session.strategies import item_lists

T0 = 1000.0
BRIDGE = SessionItem(id="bridge", name="Bridge", dose=Dose(hold_s=5, reps=3, sets=2))
BREATHING = SessionItem(id="breathing", name="Breathing", breathing=True, dose=Dose(breaths=2))
REP = 5 + REP_S
BRIDGE_S = GET_READY_S + 2 * 3 * REP + REST_S


def test_a_session_walks_through_its_steps_on_the_deadlines() -> None:
    state = start([BRIDGE, BREATHING], T0)
    first = view(state, T0 + 3)
    assert (first.step.kind, first.remaining_s, first.item) == ("get_ready", 7, BRIDGE)
    work = view(advance(state, T0 + 12), T0 + 12)
    assert (work.step.kind, work.step.set_no, work.rep) == ("work", 1, 1)
    assert view(state, T0 + GET_READY_S + 2 * REP + 1).rep == 3
    holding = view(state, T0 + GET_READY_S + REP + 2)
    assert (holding.rep, holding.rep_phase, holding.rep_phase_left_s) == (2, "hold", 3)
    releasing = view(state, T0 + GET_READY_S + REP + 6)
    assert (releasing.rep_phase, releasing.rep_phase_left_s) == ("release", REP - 6)
    state = advance(state, T0 + BRIDGE_S + GET_READY_S + 5)
    breath = view(state, T0 + BRIDGE_S + GET_READY_S + 5)
    assert (breath.step.kind, breath.breath_phase, breath.breath_remaining_s) == (
        "breathe",
        "hold",
        3,
    )
    state = advance(state, T0 + 10_000)
    assert state.finished
    assert state.finished_at == T0 + BRIDGE_S + GET_READY_S + 24
    result = outcome(state)
    assert result.completed
    assert [(i.id, i.status, i.sets_done, i.sets) for i in result.items] == [
        ("bridge", "done", 2, 2),
        ("breathing", "done", 1, 1),
    ]


def test_pause_freezes_the_countdown_and_moves_the_deadline() -> None:
    state = pause(start([BRIDGE], T0), T0 + 4)
    assert view(state, T0 + 50).remaining_s == 6
    assert view(state, T0 + 50).paused
    assert advance(state, T0 + 50).step.kind == "get_ready"
    state = resume(state, T0 + 50)
    assert view(state, T0 + 52).remaining_s == 4
    state = advance(state, T0 + 10_000)
    assert state.finished_at == T0 + 46 + BRIDGE_S
    assert outcome(state).active_s == BRIDGE_S


def test_toggle_pause_pauses_then_resumes() -> None:
    state = toggle_pause(start([BRIDGE], T0), T0 + 1)
    assert state.paused_at == T0 + 1
    assert toggle_pause(state, T0 + 2).paused_at is None


def test_skip_moves_to_the_next_item_and_keeps_the_sets_already_done() -> None:
    state = start([BRIDGE, BREATHING], T0)
    during_second_set = T0 + GET_READY_S + 3 * REP + REST_S + 1
    state = skip(state, during_second_set)
    assert (state.step.kind, state.step.item) == ("get_ready", 1)
    assert view(state, during_second_set).remaining_s == GET_READY_S
    bridge = outcome(state).items[0]
    assert (bridge.status, bridge.sets_done) == ("partial", 1)
    state = skip(state, during_second_set + 1)
    assert state.finished
    assert outcome(state).items[1].status == "skipped"
    assert not state.ended_early


def test_back_restarts_the_item_then_goes_to_the_previous_one() -> None:
    state = start([BRIDGE, BREATHING], T0)
    state = advance(state, T0 + BRIDGE_S + 1)
    assert state.step.item == 1
    state = back(state, T0 + BRIDGE_S + 1)
    assert state.step.item == 0
    assert state.step.kind == "get_ready"
    assert outcome(state).items[0].status == "done"
    state = back(state, T0 + BRIDGE_S + 2)
    assert (state.index, state.step.item) == (0, 0)


def test_finish_early_keeps_what_was_done() -> None:
    state = start([BRIDGE, BREATHING], T0)
    state = finish(state, T0 + GET_READY_S + 3 * REP + 1)
    result = outcome(state)
    assert state.ended_early
    assert not result.completed
    assert result.ended_at == T0 + GET_READY_S + 3 * REP + 1
    assert [(i.status, i.sets_done) for i in result.items] == [("partial", 1), ("skipped", 0)]


def test_finishing_while_paused_ends_at_the_pause() -> None:
    state = pause(start([BRIDGE], T0), T0 + 5)
    state = finish(state, T0 + 100)
    assert state.finished_at == T0 + 5
    assert outcome(state).active_s == 5


speeds = st.floats(min_value=1, max_value=1000)
ticks = st.lists(st.floats(min_value=0.01, max_value=0.2), min_size=1, max_size=50)


@settings(deadline=None)
@given(item_lists, speeds, ticks)
def test_at_any_speed_each_countdown_ends_within_one_percent_of_its_due_time(
    items: list[SessionItem], speed: float, real_ticks: list[float]
) -> None:
    """Ticks of uneven real length, scaled by the speed, as the terminal's clock makes them."""
    state = start(items, T0)
    now, turn = T0, 0
    while not state.finished:
        now += real_ticks[turn % len(real_ticks)] * speed
        turn += 1
        before = state.index
        state = advance(state, now)
        if state.index != before:
            due = T0 + state.step.start_s
            tolerance = 0.01 * max(state.steps[before].duration_s, 1e-9)
            assert abs(state.step_started_at - due) <= tolerance
    assert state.finished_at == pytest.approx(T0 + state.total_s, rel=1e-9)


actions = st.lists(
    st.tuples(
        st.sampled_from([advance, pause, resume, skip, back, toggle_pause]),
        st.floats(min_value=0, max_value=90),
    ),
    max_size=40,
)


@given(item_lists, actions)
def test_back_and_skip_never_lose_recorded_work(
    items: list[SessionItem], steps: list[tuple[object, float]]
) -> None:
    state, now = start(items, T0), T0
    for action, gap in steps:
        now += gap
        before_done = set(state.completed)
        before_sets = [i.sets_done for i in outcome(state).items]
        state = action(state, now)  # type: ignore[operator]
        assert before_done <= set(state.completed)
        assert all(
            a <= b
            for a, b in zip(before_sets, [i.sets_done for i in outcome(state).items], strict=True)
        )
    state = finish(state, now)
    assert state.finished


@given(item_lists, actions, st.floats(min_value=0, max_value=600))
def test_a_serialised_session_resumes_in_the_same_state(
    items: list[SessionItem], steps: list[tuple[object, float]], later: float
) -> None:
    state, now = start(items, T0), T0
    for action, gap in steps:
        now += gap
        state = action(state, now)  # type: ignore[operator]
    loaded = SessionState.model_validate_json(state.model_dump_json())
    assert loaded == state
    assert view(loaded, now + later) == view(state, now + later)
    assert advance(loaded, now + later) == advance(state, now + later)
