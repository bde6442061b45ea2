"""Synthetic landmark streams made from the project's own pose data: the keyframes that draw each
exercise's animated figure, turned into MediaPipe-named points (y down, as a camera sees them)
and played at a frame rate, with optional noise, dropped frames and angle overrides."""

from __future__ import annotations

import math
import random
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from backcare.camera import LANDMARKS, Frame, Landmark
from backcare.pictures.library import Motion, expand, load_library
from backcare.pictures.skeleton import View, forward_kinematics

_FROM_FIGURE = {
    "shoulder": "shoulder",
    "elbow": "elbow",
    "wrist": "hand",
    "pinky": "hand",
    "index": "hand",
    "thumb": "hand",
    "hip": "hip",
    "knee": "knee",
    "ankle": "ankle",
    "heel": "ankle",
    "foot_index": "toe",
}
_SIDES = {"left": "l", "right": "r"}


def landmarks(pose: Mapping[str, float], view: View) -> dict[str, Landmark]:
    """The 33 landmarks of one figure pose (head points all at the head's centre)."""
    points = forward_kinematics(pose, view)
    out: dict[str, Landmark] = {}
    for name in LANDMARKS:
        side, _, part = name.partition("_")
        figure = f"{_FROM_FIGURE[part]}_{_SIDES[side]}" if part in _FROM_FIGURE else "head"
        x, y = points[figure]
        out[name] = Landmark(x, -y, 1.0)
    return out


@dataclass(frozen=True)
class Play:
    """How to play a motion: seconds per move and per hold, frames a second, repetitions."""

    cycles: int = 3
    fps: float = 15.0
    move_s: float = 2.0
    hold_s: float = 2.0
    still_s: float = 1.0


def _eased(a: Mapping[str, float], b: Mapping[str, float], t: float) -> dict[str, float]:
    e = t * t * (3 - 2 * t)
    return {key: a[key] + (b[key] - a[key]) * e for key in a}


def poses(
    motion: Motion, play: Play, change: Mapping[str, float] | None = None
) -> Iterator[tuple[float, dict[str, float]]]:
    """``(seconds, pose)`` through ``cycles`` loops of the keyframes, starting and ending still
    on the first one; ``change`` overrides angles of every held (top) keyframe."""
    changed = expand(change or {})
    frames = [{**f.pose, **changed} if f.hold else dict(f.pose) for f in motion.keyframes]
    timeline: list[tuple[float, dict[str, float], dict[str, float]]] = [
        (play.still_s, frames[0], frames[0])
    ]
    for _ in range(play.cycles):
        for index, frame in enumerate(motion.keyframes):
            following = frames[(index + 1) % len(frames)]
            if frame.hold:
                timeline.append((play.hold_s, frames[index], frames[index]))
            timeline.append((play.move_s, frames[index], following))
    timeline.append((play.still_s, frames[0], frames[0]))
    now, step = 0.0, 1.0 / play.fps
    for duration, a, b in timeline:
        count = max(1, round(duration * play.fps))
        for i in range(count):
            yield now, _eased(a, b, i / count)
            now += step


def stream(
    exercise_id: str,
    play: Play = Play(),
    change: Mapping[str, float] | None = None,
    jitter: float = 0.0,
    drop: float = 0.0,
    seed: int = 0,
) -> list[tuple[float, Frame | None]]:
    """The figure's landmarks over time; ``jitter`` moves each point up to that many
    centimetres, ``drop`` is the share of frames with no person found."""
    motion = load_library().motion(exercise_id)
    rng = random.Random(seed)
    out: list[tuple[float, Frame | None]] = []
    for now, pose in poses(motion, play, change):
        if rng.random() < drop:
            out.append((now, None))
            continue
        marks = landmarks(pose, motion.view)
        out.append((now, {k: _shake(v, jitter, rng) for k, v in marks.items()}))
    return out


def _shake(mark: Landmark, jitter: float, rng: random.Random) -> Landmark:
    if not jitter:
        return mark
    angle, size = rng.uniform(0, 2 * math.pi), rng.uniform(0, jitter)
    return Landmark(mark.x + size * math.cos(angle), mark.y + size * math.sin(angle), 1.0)
