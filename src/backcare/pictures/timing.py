"""How fast a picture moves: the exercise's own tempo, or a named default per category.

A looping picture shows the shape of one repetition, not its real length: a 60-second hold is
shown as a short pause, long enough to read as "stay here".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from backcare.content.schema import Exercise
from backcare.pictures.library import Motion

# Seconds for one move between keyframes when the dose gives no tempo.
DEFAULT_MOVE_S: dict[str, float] = {
    "stretch": 2.5,
    "strength": 1.5,
    "core": 1.8,
    "mobility": 2.0,
    "yoga": 2.5,
    "breathing": 4.0,
    "aerobic": 0.6,
    "relaxation": 3.5,
    "pelvic_floor": 3.0,
}
BREATH_S = 4.0  # one move per breath when the dose counts breaths (4-4-4 pacing)
DEFAULT_HOLD_S = 2.0
SHOWN_HOLD_S = (1.0, 3.0)  # a held pose is shown for at least 1 s and at most 3 s
STEPS_PER_MOVE = 8  # in-between poses per move: enough that limbs keep their length on screen


def move_seconds(exercise: Exercise, motion: Motion) -> float:
    """Seconds per move: one repetition spread over its moves, a breath, or the category default."""
    dose = exercise.dose
    if dose.duration_s and dose.reps:
        return dose.duration_s / dose.reps / motion.authored
    if dose.breaths:
        return BREATH_S
    return DEFAULT_MOVE_S[exercise.category]


def hold_seconds(exercise: Exercise) -> float:
    """How long a held pose stays still in the loop: the dose's hold, kept short."""
    low, high = SHOWN_HOLD_S
    return min(max(exercise.dose.hold_s or DEFAULT_HOLD_S, low), high)


@dataclass(frozen=True)
class Sample:
    """One in-between pose at a time (seconds) within the loop."""

    time: float
    pose: Mapping[str, float]


def _ease(t: float) -> float:
    return t * t * (3 - 2 * t)


def _between(a: Mapping[str, float], b: Mapping[str, float], t: float) -> dict[str, float]:
    return {key: a[key] + (b[key] - a[key]) * t for key in a}


def schedule(exercise: Exercise, motion: Motion) -> list[Sample]:
    """Poses in time for one loop: holds pause, moves ease in and out, it ends where it began."""
    move, hold = move_seconds(exercise, motion), hold_seconds(exercise)
    frames = motion.keyframes
    samples = [Sample(0.0, frames[0].pose)]
    now = 0.0
    for index, frame in enumerate(frames):
        if frame.hold:
            now += hold
            samples.append(Sample(now, frame.pose))
        following = frames[(index + 1) % len(frames)]
        duration = move * following.beats
        for step in range(1, STEPS_PER_MOVE + 1):
            t = step / STEPS_PER_MOVE
            samples.append(
                Sample(now + duration * t, _between(frame.pose, following.pose, _ease(t)))
            )
        now += duration
    return samples
