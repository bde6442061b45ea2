"""The rep counter, hold timer and form cues on synthetic landmark streams made from the figures'
own keyframes: the right movement is counted exactly and raises no cue, a wrong variant raises
its cue, noise and dropped frames add no repetition, and nobody in view says so."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backcare.camera import observe, start, summarise
from backcare.session import SessionItem, build_timeline
from tests.camera.conftest import CAMERA_EXERCISES, camera_of, figure_play, figure_reps
from tests.camera.streams import Play, stream

IDS = sorted(CAMERA_EXERCISES)


def test_at_least_ten_exercises_have_a_camera_block() -> None:
    assert len(IDS) >= 10
    assert {"bridge", "bird-dog", "cat-cow", "plank", "wall-squat"} <= set(IDS)


@pytest.mark.parametrize("exercise_id", IDS)
def test_the_figure_is_counted_exactly_and_needs_no_cue(exercise_id: str) -> None:
    for cycles in (1, 4):
        summary = summarise(
            camera_of(exercise_id), stream(exercise_id, figure_play(exercise_id, cycles))
        )
        assert summary.reps == figure_reps(exercise_id, cycles)
        assert summary.cues_shown == ()
        assert summary.status == "tracking"
        assert len(summary.holds_s) == summary.reps


def test_holds_are_timed_at_the_top() -> None:
    play = Play(cycles=2, move_s=1.0, hold_s=5.0, fps=20)
    summary = summarise(camera_of("plank"), stream("plank", play))
    assert summary.reps == 2
    # The plank is past its top from the knee plank to the plank and back: one move, the 5 s
    # hold and part of the next moves; never less than the hold itself.
    assert all(hold >= 5.0 for hold in summary.holds_s)


WRONG: list[tuple[str, Mapping[str, float], Play | None, str]] = [
    ("bridge", {"hip": 24}, None, "straight-line"),
    ("plank", {"hip": 25}, None, "body-flat"),
    ("bird-dog", {"knee_r": 60, "knee_l": 60}, None, "straighten-leg"),
    ("wall-squat", {"tilt": 35, "hip": 125}, None, "back-on-wall"),
    ("wall-squat", {"knee": 125, "hip": 125}, None, "stop-at-90"),
    ("bridge", {}, Play(move_s=0.4), "lower-slowly"),
    ("wall-squat", {}, Play(move_s=0.4), "slide-slowly"),
    ("cat-cow", {}, Play(move_s=0.4), "move-smoothly"),
    ("wall-angel", {}, Play(move_s=0.3), "return-slowly"),
    ("pelvic-roll", {}, Play(move_s=0.5), "roll-down-slowly"),
    ("heel-slide", {}, Play(move_s=0.4), "slide-slowly"),
]


@pytest.mark.parametrize(("exercise_id", "change", "play", "cue"), WRONG)
def test_a_wrong_variant_raises_its_cue(
    exercise_id: str, change: Mapping[str, float], play: Play | None, cue: str
) -> None:
    summary = summarise(
        camera_of(exercise_id), stream(exercise_id, play or figure_play(exercise_id), change)
    )
    assert cue in summary.cues_shown
    assert summary.reps == figure_reps(exercise_id, (play or figure_play(exercise_id)).cycles)


def test_every_cue_has_a_wrong_variant_that_raises_it() -> None:
    tested = {(exercise_id, cue) for exercise_id, _, _, cue in WRONG}
    every = {(e, cue.id) for e in IDS for cue in camera_of(e).cues}
    assert every == tested


def test_an_empty_stream_says_step_into_view() -> None:
    for exercise_id in IDS:
        camera = camera_of(exercise_id)
        assert summarise(camera, []).status == "step_into_view"
        assert summarise(camera, [(t / 10, None) for t in range(50)]).status == "step_into_view"


def test_leaving_the_picture_says_step_into_view_after_a_moment() -> None:
    camera = camera_of("bridge")
    frames = stream("bridge", figure_play("bridge", 1))
    state = start()
    for now, frame in frames:
        state = observe(camera, state, now, frame)
    end = frames[-1][0]
    brief = observe(camera, state, end + camera.lost_after_s / 2, None)
    assert brief.status == "tracking"
    gone = observe(camera, brief, end + camera.lost_after_s, None)
    assert gone.status == "step_into_view"
    assert gone.cue is None
    assert gone.reps == state.reps


@settings(max_examples=40, deadline=None)
@given(
    exercise_id=st.sampled_from(IDS),
    cycles=st.integers(1, 3),
    jitter=st.floats(0, 1.0),
    seed=st.integers(0, 2**16),
)
def test_jitter_adds_no_repetition(exercise_id: str, cycles: int, jitter: float, seed: int) -> None:
    """Landmarks shaking by up to 1 cm (about 1.5 degrees at a 40 cm limb) count the same."""
    frames = stream(exercise_id, figure_play(exercise_id, cycles), jitter=jitter, seed=seed)
    assert summarise(camera_of(exercise_id), frames).reps == figure_reps(exercise_id, cycles)


@settings(max_examples=40, deadline=None)
@given(
    exercise_id=st.sampled_from(IDS),
    cycles=st.integers(1, 3),
    jitter=st.floats(0, 6.0),
    drop=st.floats(0, 0.9),
    seed=st.integers(0, 2**16),
)
def test_noise_and_dropped_frames_never_add_repetitions(
    exercise_id: str, cycles: int, jitter: float, drop: float, seed: int
) -> None:
    """However noisy the points and however many frames are lost, never more repetitions than
    the figure did, and at most one cue at a time, always one of the exercise's own."""
    camera = camera_of(exercise_id)
    frames = stream(
        exercise_id, figure_play(exercise_id, cycles), jitter=jitter, drop=drop, seed=seed
    )
    state = start()
    for now, frame in frames:
        state = observe(camera, state, now, frame)
        assert state.cue is None or state.cue in {cue.id for cue in camera.cues}
    assert state.reps <= figure_reps(exercise_id, cycles)
    assert set(state.cues_shown) <= {cue.id for cue in camera.cues}


@settings(max_examples=30, deadline=None)
@given(exercise_id=st.sampled_from(IDS), cycles=st.integers(1, 3), seed=st.integers(0, 2**16))
def test_a_few_dropped_frames_lose_no_repetition(exercise_id: str, cycles: int, seed: int) -> None:
    """One frame in ten lost (a slow phone): every repetition is still counted."""
    frames = stream(exercise_id, figure_play(exercise_id, cycles), drop=0.1, seed=seed)
    assert summarise(camera_of(exercise_id), frames).reps == figure_reps(exercise_id, cycles)


def test_the_camera_never_changes_the_session() -> None:
    """A camera block changes nothing in the timed session: same steps, doses and durations."""
    items = [
        SessionItem(
            id=e.id, name=e.name, steps=e.steps, dose=e.dose, one_sided=e.one_sided, camera=e.camera
        )
        for e in CAMERA_EXERCISES.values()
    ]
    without = [item.model_copy(update={"camera": None}) for item in items]
    assert build_timeline(items) == build_timeline(without)
