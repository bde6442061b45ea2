"""Pose landmarks as MediaPipe's pose landmarker gives them, and the measures read from them.

Points are in one uniform scale with y pointing down (the browser multiplies MediaPipe's
normalised x by the video's width/height ratio first, so angles are true angles).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from backcare.content.schema import CameraMeasure

LANDMARKS: tuple[str, ...] = (
    "nose",
    *(f"{side}_{part}" for side in ("left", "right") for part in ("eye_inner", "eye", "eye_outer")),
    "left_ear",
    "right_ear",
    "mouth_left",
    "mouth_right",
    *(
        f"{side}_{part}"
        for part in ("shoulder", "elbow", "wrist", "pinky", "index", "thumb")
        for side in ("left", "right")
    ),
    *(
        f"{side}_{part}"
        for part in ("hip", "knee", "ankle", "heel", "foot_index")
        for side in ("left", "right")
    ),
)
"""MediaPipe's 33 pose landmarks, in the model's order."""


class Landmark(NamedTuple):
    """One point and how sure the model is that it is visible (0-1)."""

    x: float
    y: float
    visibility: float = 1.0


Frame = Mapping[str, Landmark]
"""The landmarks of one video frame, by name; ``None`` stands for a frame with no person."""


def from_list(points: Sequence[Sequence[float]]) -> dict[str, Landmark]:
    """A frame from the model's list of 33 ``(x, y, visibility)`` points."""
    if len(points) != len(LANDMARKS):
        raise ValueError(f"a pose has {len(LANDMARKS)} landmarks, not {len(points)}")
    return {name: Landmark(*point[:3]) for name, point in zip(LANDMARKS, points, strict=True)}


def _name(point: str, side: str) -> str:
    return "nose" if point == "nose" else f"{side}_{'foot_index' if point == 'foot' else point}"


def _angle(a: Landmark, b: Landmark, c: Landmark) -> float | None:
    ux, uy, vx, vy = a.x - b.x, a.y - b.y, c.x - b.x, c.y - b.y
    norm = math.hypot(ux, uy) * math.hypot(vx, vy)
    if norm == 0:
        return None
    return math.degrees(math.acos(max(-1.0, min(1.0, (ux * vx + uy * vy) / norm))))


def _incline(a: Landmark, b: Landmark) -> float | None:
    dx, dy = abs(b.x - a.x), abs(b.y - a.y)
    return None if dx == dy == 0 else math.degrees(math.atan2(dy, dx))


def _one_side(
    measure: CameraMeasure, frame: Frame, side: str, min_visibility: float
) -> float | None:
    points = measure.angle or measure.incline or ()
    found = [frame.get(_name(point, side)) for point in points]
    marks = [mark for mark in found if mark is not None and mark.visibility >= min_visibility]
    if len(marks) != len(points):
        return None
    return _angle(*marks) if len(marks) == 3 else _incline(*marks)


def read(measure: CameraMeasure, frame: Frame | None, min_visibility: float) -> float | None:
    """The measure's value in degrees, or ``None`` when the points it needs are not seen."""
    if frame is None:
        return None
    if measure.side in ("left", "right"):
        return _one_side(measure, frame, measure.side, min_visibility)
    values = [
        value
        for side in ("left", "right")
        if (value := _one_side(measure, frame, side, min_visibility)) is not None
    ]
    if not values:
        return None
    if measure.side == "mean":
        return sum(values) / len(values)
    return max(values) if measure.side == "max" else min(values)
