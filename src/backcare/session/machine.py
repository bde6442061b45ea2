"""The guided-session state machine: pure functions from (state, now) to a new state.

The clock is passed in as plain seconds (monotonic in the terminal, anything steady elsewhere),
so the machine never reads time itself. Every countdown is a deadline: a step ends at
``due_at`` and the next one starts *at that deadline*, not at the tick that noticed it, so a
coarse, sped-up or stalled clock never lets error build up. The state is a frozen pydantic model:
dump it to JSON, load it later (the web app after a reload) and carry on.
"""

from __future__ import annotations

import math
from typing import Any, Literal

from backcare.session.timeline import (
    BREATH_PATTERN,
    Model,
    SessionItem,
    Step,
    build_timeline,
    sides_of,
)

DONE_KINDS = ("work", "breathe")
"""Steps whose completion is recorded work (sets done); the rest are cues and pauses."""


class SessionState(Model):
    """Where a running session is. Only grows ``completed``: going back never loses work."""

    items: list[SessionItem]
    steps: list[Step]
    index: int = 0
    started_at: float
    step_started_at: float
    due_at: float
    paused_at: float | None = None
    paused_s: float = 0.0
    completed: tuple[int, ...] = ()
    """Indices of work and breathing steps that ran to their deadline."""
    skipped: tuple[int, ...] = ()
    """Indices of items the person skipped (and did not go back to)."""
    finished_at: float | None = None
    ended_early: bool = False

    @property
    def step(self) -> Step:
        return self.steps[self.index]

    @property
    def finished(self) -> bool:
        return self.finished_at is not None

    @property
    def total_s(self) -> float:
        return self.steps[-1].start_s


class View(Model):
    """What a screen shows at one moment: derived from the state and ``now``, never stored."""

    step: Step
    item: SessionItem | None
    remaining_s: float
    elapsed_s: float
    rep: int | None = None
    rep_phase: Literal["hold", "release"] | None = None
    """In a held repetition: holding the position, or releasing to start the next one."""
    rep_phase_left_s: float | None = None
    breath_phase: str | None = None
    breath_remaining_s: float | None = None
    progress: float
    paused: bool
    finished: bool


class ItemOutcome(Model):
    """How one item went."""

    id: str
    name: str
    status: Literal["done", "partial", "skipped"]
    sets_done: int
    sets: int


class Outcome(Model):
    """What a session achieved, ready to record."""

    started_at: float
    ended_at: float
    active_s: float
    completed: bool
    """True when the session reached its end rather than being finished early."""
    items: list[ItemOutcome]


def start(items: list[SessionItem], now: float) -> SessionState:
    """A new session at its first step (the first item's get-ready countdown)."""
    steps = build_timeline(items)
    state = SessionState(
        items=items, steps=steps, started_at=now, step_started_at=now, due_at=now + 0.0
    )
    return advance(_enter(state, 0, now), now)


def advance(state: SessionState, now: float) -> SessionState:
    """Move past every deadline that ``now`` has reached; each next step starts at the deadline."""
    while not state.finished and state.paused_at is None and now >= state.due_at:
        state = _complete_current(state)
        state = _enter(state, state.index + 1, state.due_at)
    return state


def pause(state: SessionState, now: float) -> SessionState:
    """Freeze the countdown (no-op when already paused or finished)."""
    state = advance(state, now)
    if state.finished or state.paused_at is not None:
        return state
    return state.model_copy(update={"paused_at": now})


def resume(state: SessionState, now: float) -> SessionState:
    """Carry on where the pause froze the countdown: the deadline moves by the pause."""
    if state.paused_at is None or state.finished:
        return state
    gap = max(0.0, now - state.paused_at)
    return state.model_copy(
        update={
            "paused_at": None,
            "paused_s": state.paused_s + gap,
            "step_started_at": state.step_started_at + gap,
            "due_at": state.due_at + gap,
        }
    )


def toggle_pause(state: SessionState, now: float) -> SessionState:
    """The pause key: pause when running, resume when paused."""
    return resume(state, now) if state.paused_at is not None else pause(state, now)


def skip(state: SessionState, now: float) -> SessionState:
    """Leave the current item and start the next one; sets already done stay recorded."""
    state = advance(state, now)
    if state.finished:
        return state
    item = state.step.item
    skipped = tuple(sorted({*state.skipped, item}))
    nxt = next(i for i, step in enumerate(state.steps) if i > state.index and step.item != item)
    return _jump(state.model_copy(update={"skipped": skipped}), nxt, now)


def back(state: SessionState, now: float) -> SessionState:
    """Restart the current item, or go to the previous one when already at its first step."""
    state = advance(state, now)
    if state.finished:
        return state
    item = state.step.item
    first = _first_step(state, item)
    if state.index == first and item > 0:
        item -= 1
        first = _first_step(state, item)
    skipped = tuple(i for i in state.skipped if i != item)
    return _jump(state.model_copy(update={"skipped": skipped}), first, now)


def finish(state: SessionState, now: float) -> SessionState:
    """End the session now (the q key, Ctrl-C, closing the page): keep what was done."""
    state = advance(state, now)
    if state.finished:
        return state
    end = state.paused_at if state.paused_at is not None else now
    return state.model_copy(update={"finished_at": end, "ended_early": True, "paused_at": None})


def view(state: SessionState, now: float) -> View:
    """The countdown, counters, breathing phase and progress at ``now``."""
    state = advance(state, now)
    step = state.step
    clock = _frozen_now(state, now)
    elapsed = min(step.duration_s, max(0.0, clock - state.step_started_at))
    remaining = max(0.0, state.due_at - clock) if not state.finished else 0.0
    phase, phase_left = _breath(step, elapsed)
    total = state.total_s
    return View(
        step=step,
        item=state.items[step.item] if step.item >= 0 else None,
        remaining_s=remaining,
        elapsed_s=elapsed,
        rep=_rep(step, elapsed),
        **_rep_phase(step, elapsed),
        breath_phase=phase,
        breath_remaining_s=phase_left,
        progress=1.0 if state.finished or not total else min(1.0, (step.start_s + elapsed) / total),
        paused=state.paused_at is not None,
        finished=state.finished,
    )


def outcome(state: SessionState) -> Outcome:
    """Items done, partly done or skipped, with sets done, for the diary."""
    ended = state.finished_at if state.finished_at is not None else state.due_at
    return Outcome(
        started_at=state.started_at,
        ended_at=ended,
        active_s=max(0.0, ended - state.started_at - state.paused_s),
        completed=state.finished and not state.ended_early,
        items=[_item_outcome(state, index) for index in range(len(state.items))],
    )


def _enter(state: SessionState, index: int, at: float) -> SessionState:
    step = state.steps[index]
    update: dict[str, object] = {
        "index": index,
        "step_started_at": at,
        "due_at": at + step.duration_s,
    }
    if step.kind == "end":
        update["finished_at"] = at
    return state.model_copy(update=update)


def _jump(state: SessionState, index: int, now: float) -> SessionState:
    """Go to a step chosen by the person; a paused session stays paused at its full countdown."""
    paused_at = state.paused_at
    if paused_at is not None:
        state = state.model_copy(
            update={"paused_at": None, "paused_s": state.paused_s + now - paused_at}
        )
    state = _enter(state, index, now)
    if paused_at is not None and not state.finished:
        state = state.model_copy(update={"paused_at": now})
    return state


def _complete_current(state: SessionState) -> SessionState:
    if state.step.kind not in DONE_KINDS or state.index in state.completed:
        return state
    return state.model_copy(update={"completed": tuple(sorted({*state.completed, state.index}))})


def _first_step(state: SessionState, item: int) -> int:
    return next(i for i, step in enumerate(state.steps) if step.item == item)


def _frozen_now(state: SessionState, now: float) -> float:
    if state.finished_at is not None:
        return state.finished_at
    return state.paused_at if state.paused_at is not None else now


def _rep(step: Step, elapsed: float) -> int | None:
    if step.kind != "work" or not step.reps or not step.rep_s:
        return None
    return min(step.reps, int(elapsed // step.rep_s) + 1)


def _rep_phase(step: Step, elapsed: float) -> dict[str, Any]:
    """Hold first, then release: each held repetition is ``hold_s`` then the move back."""
    if step.kind != "work" or not step.reps or not step.rep_s or not step.hold_s:
        return {}
    into = math.fmod(elapsed, step.rep_s) if elapsed < step.duration_s else step.rep_s
    if into < step.hold_s:
        return {"rep_phase": "hold", "rep_phase_left_s": step.hold_s - into}
    return {"rep_phase": "release", "rep_phase_left_s": step.rep_s - into}


def _breath(step: Step, elapsed: float) -> tuple[str | None, float | None]:
    if step.kind != "breathe":
        return None, None
    cycle = sum(seconds for _, seconds in BREATH_PATTERN)
    into = math.fmod(elapsed, cycle) if elapsed < step.duration_s else cycle
    for name, seconds in BREATH_PATTERN:
        if into < seconds:
            return name, seconds - into
        into -= seconds
    last_name, _ = BREATH_PATTERN[-1]
    return last_name, 0.0


def _item_outcome(state: SessionState, index: int) -> ItemOutcome:
    item = state.items[index]
    work = [
        i for i, step in enumerate(state.steps) if step.item == index and step.kind in DONE_KINDS
    ]
    done = [i for i in work if i in state.completed]
    sides = 1 if item.breathing else len(sides_of(item))
    sets = max(1, len(work) // sides)
    status: Literal["done", "partial", "skipped"] = (
        "done" if len(done) == len(work) else "partial" if done else "skipped"
    )
    return ItemOutcome(
        id=item.id, name=item.name, status=status, sets_done=len(done) // sides, sets=sets
    )
