"""Count repetitions, time holds and choose at most one cue, one video frame at a time.

A repetition counts when the rep signal, having been at its ``rest`` value, reaches its ``top``
value; the next one needs it back at rest first. The gap between the two (at least
``MIN_REP_GAP`` degrees) is why a shaking signal or a dropped frame cannot add a repetition.
The coach only observes: it never changes a dose, and the session's own timer and stop rule
keep running whatever it sees.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from backcare.camera.landmarks import Frame, read
from backcare.content.schema import Camera, CameraCue

Phase = Literal["waiting", "rest", "top"]
Status = Literal["step_into_view", "tracking"]
Sample = tuple[float, tuple[float | None, ...]]


@dataclass(frozen=True)
class CoachState:
    """What the coach knows after the frames seen so far."""

    status: Status = "step_into_view"
    phase: Phase = "waiting"
    progress: float = 0.0
    reps: int = 0
    holds: tuple[float, ...] = ()
    top_since: float | None = None
    top_last: float | None = None
    last_seen: float | None = None
    recent: tuple[Sample, ...] = ()
    cue_since: Mapping[str, float] = field(default_factory=dict)
    cue: str | None = None
    cue_at: float = 0.0
    cues_shown: tuple[str, ...] = ()

    def hold_s(self, now: float) -> float:
        """Seconds held at the top so far in this repetition (0 away from the top)."""
        return now - self.top_since if self.phase == "top" and self.top_since is not None else 0.0

    def all_holds(self) -> tuple[float, ...]:
        """Every repetition's hold, the one still at the top included (a run may stop there)."""
        if self.phase == "top" and self.top_since is not None and self.top_last is not None:
            return (*self.holds, self.top_last - self.top_since)
        return self.holds


@dataclass(frozen=True)
class Summary:
    """What is kept of a "Check my form" run: counts and the cues shown, nothing of the body."""

    reps: int
    holds_s: tuple[float, ...]
    cues_shown: tuple[str, ...]
    status: Status


def start() -> CoachState:
    """The state before any frame: nobody in view yet."""
    return CoachState()


def _values(camera: Camera, frame: Frame | None) -> tuple[float | None, ...]:
    """The rep signal, then each cue's measure (the signal again when a cue names none)."""
    signal = read(camera.signal, frame, camera.min_visibility)
    cue_values = (
        read(cue.measure, frame, camera.min_visibility) if cue.measure else signal
        for cue in camera.cues
    )
    return (signal, *cue_values)


def _progress(camera: Camera, value: float) -> float:
    """0 at ``rest``, 1 at ``top``, whichever way the signal runs."""
    return (value - camera.rest) / (camera.top - camera.rest)


def _lost(camera: Camera, state: CoachState, now: float) -> CoachState:
    """A frame without the person: after ``lost_after_s`` the coach asks them to step into view."""
    if state.last_seen is not None and now - state.last_seen < camera.lost_after_s:
        return state
    return replace(state, status="step_into_view", cue=None, cue_since={}, recent=())


def _move(state: CoachState, progress: float, now: float) -> CoachState:
    """Advance the repetition: reaching the top from rest counts one, and the time spent at the
    top is its hold, kept when the signal is back at rest."""
    if state.phase == "waiting":
        return replace(state, phase="rest") if progress <= 0 else state
    if state.phase == "rest":
        if progress < 1:
            return state
        return replace(state, phase="top", reps=state.reps + 1, top_since=now, top_last=now)
    top_last = now if progress >= 1 else state.top_last
    if progress > 0:
        return replace(state, top_last=top_last)
    held = (top_last or now) - (state.top_since or now)
    return replace(state, phase="rest", holds=(*state.holds, held))


def _speed(recent: tuple[Sample, ...], index: int, window: float) -> float | None:
    """Degrees a second over the speed window, once the window is at least half covered."""
    (t_now, now_values), (t_old, old_values) = recent[-1], recent[0]
    now_v, old_v = now_values[index], old_values[index]
    if now_v is None or old_v is None or t_now - t_old < window / 2:
        return None
    return abs(now_v - old_v) / (t_now - t_old)


def _in_phase(cue: CameraCue, state: CoachState) -> bool:
    """Whether the movement is where the cue applies: a form rule reads the held top, a tempo
    rule the way up or back down, so neither fires while the person is setting up."""
    top = state.phase == "top"
    return {
        "top": top and state.progress >= 1,
        "returning": top and state.progress < 1,
        "rising": state.phase == "rest" and state.progress > 0,
        "any": state.phase != "waiting",
    }[cue.during]


def _cue_holds(camera: Camera, cue: CameraCue, index: int, state: CoachState) -> bool:
    """Whether the cue's condition is true on this frame (``for_s`` is timed by the caller)."""
    value = state.recent[-1][1][index]
    if value is None or not _in_phase(cue, state):
        return False
    if cue.below is not None:
        return value < cue.below
    if cue.above is not None:
        return value > cue.above
    speed = _speed(state.recent, index, camera.speed_window_s)
    return speed is not None and cue.faster_than is not None and speed > cue.faster_than


def _choose_cue(camera: Camera, state: CoachState, now: float) -> CoachState:
    """At most one cue: the first (in the content's order) whose condition has held ``for_s``;
    a cue once shown stays ``cue_shown_s`` so it can be read."""
    since = {
        cue.id: state.cue_since.get(cue.id, now)
        for index, cue in enumerate(camera.cues, start=1)
        if _cue_holds(camera, cue, index, state)
    }
    state = replace(state, cue_since=since)
    if state.cue is not None and now - state.cue_at < camera.cue_shown_s:
        return state
    ready = [cue.id for cue in camera.cues if cue.id in since and now - since[cue.id] >= cue.for_s]
    chosen = ready[0] if ready else None
    if chosen is None or chosen == state.cue:
        return replace(state, cue=chosen)
    return replace(state, cue=chosen, cue_at=now, cues_shown=(*state.cues_shown, chosen))


def observe(camera: Camera, state: CoachState, now: float, frame: Frame | None) -> CoachState:
    """The state after one frame taken at ``now`` seconds (``None``: no person found)."""
    values = _values(camera, frame)
    signal = values[0]
    if signal is None:
        return _lost(camera, state, now)
    recent = tuple(s for s in state.recent if now - s[0] <= camera.speed_window_s)
    progress = _progress(camera, signal)
    state = replace(
        state,
        status="tracking",
        last_seen=now,
        progress=progress,
        recent=(*recent, (now, values)),
    )
    return _choose_cue(camera, _move(state, progress, now), now)


def summarise(camera: Camera, frames: Iterable[tuple[float, Frame | None]]) -> Summary:
    """Run the coach over a whole stream of ``(seconds, frame)`` and keep only what is saved."""
    state = start()
    for now, frame in frames:
        state = observe(camera, state, now, frame)
    return Summary(state.reps, state.all_holds(), state.cues_shown, state.status)
