"""Place the figure in the scene and decide which body parts move.

Each pose is placed on its own: the anchor point (the feet of a bridge, the hands of a plank)
keeps one spot across the loop, and the lowest part of the body rests on the floor or the mat.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from backcare.pictures.face import nose
from backcare.pictures.library import Motion
from backcare.pictures.skeleton import HEAD_RADIUS, Point, Pose, View, forward_kinematics

TORSO_WIDTH = {"side": 15.0, "front": 20.0, "top": 20.0}
NECK_WIDTH = 7.0
SEAT_RADIUS = 8.0  # the buttocks: a disc this size …
SEAT_OFFSET = 5.0  # … this far behind the hip, standing out of the back's outline
ARM_WIDTH = 6.0
LEG_WIDTH = 8.0
TOP_VIEW_HEIGHT = (
    95.0  # where the anchor of a figure seen from above sits, above the picture's foot
)
MOVE_THRESHOLD_DEG = 12.0  # a body part that turns more than this between keyframes is highlighted
MOVE_THRESHOLD_CM = 4.0  # … or a shoulder line that narrows this much (a twist seen from the front)


@dataclass(frozen=True)
class Chain:
    """A body part drawn as one stroke through its points."""

    name: str
    points: tuple[str, ...]
    width: float
    far: bool = False


FRONT_UPPER = (
    Chain("shoulders", ("shoulder_r", "shoulder_l"), ARM_WIDTH + 2),
    Chain("neck", ("shoulder", "neck"), NECK_WIDTH),
    Chain("arm_r", ("shoulder_r", "elbow_r", "hand_r"), ARM_WIDTH),
    Chain("arm_l", ("shoulder_l", "elbow_l", "hand_l"), ARM_WIDTH),
)


def chains(view: View) -> tuple[Chain, ...]:
    """Body parts in drawing order: far limbs first, then torso, near limbs, neck."""
    if view == "side":
        return (
            Chain("arm_l", ("shoulder_l", "elbow_l", "hand_l"), ARM_WIDTH, far=True),
            Chain("leg_l", ("hip_l", "knee_l", "ankle_l", "toe_l"), LEG_WIDTH, far=True),
            Chain("torso", ("hip", "waist", "shoulder"), TORSO_WIDTH["side"]),
            Chain("shoulders", ("shoulder_l", "shoulder_r"), ARM_WIDTH + 2),
            Chain("neck", ("shoulder", "neck"), NECK_WIDTH),
            Chain("leg_r", ("hip_r", "knee_r", "ankle_r", "toe_r"), LEG_WIDTH),
            Chain("arm_r", ("shoulder_r", "elbow_r", "hand_r"), ARM_WIDTH),
        )
    legs = (
        Chain("leg_r", ("hip_r", "knee_r", "ankle_r", "toe_r"), LEG_WIDTH),
        Chain("leg_l", ("hip_l", "knee_l", "ankle_l", "toe_l"), LEG_WIDTH),
    )
    trunk = (
        Chain("torso", ("hip", "waist", "shoulder"), TORSO_WIDTH["front"]),
        Chain("pelvis", ("hip_r", "hip_l"), LEG_WIDTH),
    )
    # Seen from above, lying on the back, a leg crossing over lies on top of the body.
    return (*(trunk + legs if view == "top" else legs + trunk), *FRONT_UPPER)


def radius(point: str, view: View) -> float:
    """Half the stroke width around a point: how far the drawn body reaches past it."""
    if point == "head":
        return HEAD_RADIUS
    if point in ("hip", "waist", "shoulder"):
        return TORSO_WIDTH[view] / 2
    return (LEG_WIDTH if point.startswith(("hip", "knee", "ankle")) else ARM_WIDTH) / 2


def place(pose: Pose, motion: Motion, *, anchor_x: float, floor: float) -> dict[str, Point]:
    """Screen points of a pose (y down): anchor at ``anchor_x``, lowest part resting on ``floor``.

    Seen from above there is no floor to rest on: the anchor keeps its place in both directions.
    Seen from the side the nose counts as a body part too, so a face-down head lies on the floor.
    """
    points = forward_kinematics(pose, motion.view)
    dx = anchor_x - points[motion.anchor][0]
    if motion.view == "top":
        dy = TOP_VIEW_HEIGHT - points[motion.anchor][1]
    else:
        dy = floor - min(y - radius(name, motion.view) for name, (_, y) in points.items())
    placed = {name: (x + dx, -(y + dy)) for name, (x, y) in points.items()}
    if motion.view != "side":
        return placed
    # The nose stands out of the stick body: a face turned to the floor rests on it by the nose
    # at the lowest, never sinks into it.
    sink = max(y for _, y in nose(placed)) + floor
    return {name: (x, y - max(sink, 0.0)) for name, (x, y) in placed.items()}


def crosses(points: Mapping[str, Point], side: str) -> bool:
    """Whether a leg's knee lies across the body's midline from its own hip (seen from above,
    a knee crossing over in a lying twist)."""
    (hx, hy), (sx, sy) = points["hip"], points["shoulder"]

    def across(name: str) -> float:
        px, py = points[name]
        return (sx - hx) * (py - hy) - (sy - hy) * (px - hx)

    return across(f"knee_{side}") * across(f"hip_{side}") < 0


def seat(points: Mapping[str, Point], floor: float) -> Point:
    """Centre of the buttocks seen from the side (screen points): behind the hip, on the back's
    side of the spine, so the figure's back and front differ (a face-down swallow has its seat
    on top; lying on the back, the seat flattens on the floor rather than lifting the body)."""
    (hx, hy), (wx, wy) = points["hip"], points["waist"]
    length = math.hypot(wx - hx, wy - hy)
    back = ((wy - hy) / length, (hx - wx) / length)  # the spine turned a quarter, backwards
    x, y = hx + back[0] * SEAT_OFFSET, hy + back[1] * SEAT_OFFSET
    return x, min(y, -floor - SEAT_RADIUS)


def _direction(a: Point, b: Point) -> float:
    return math.degrees(math.atan2(b[0] - a[0], b[1] - a[1]))


def _spread(angles: Sequence[float]) -> float:
    """The largest turn between any two directions, allowing for wrap-around at 180°."""
    return max(abs((a - b + 180) % 360 - 180) for a in angles for b in angles)


def moving_parts(motion: Motion, poses: Sequence[Pose] | None = None) -> frozenset[str]:
    """Chains that visibly move between keyframes (or between the given ``poses``, such as the
    two ends a still picture shows): a segment turns, or the shoulder line narrows."""
    poses = [frame.pose for frame in motion.keyframes] if poses is None else poses
    placed: list[Mapping[str, Point]] = [forward_kinematics(pose, motion.view) for pose in poses]
    moving = set()
    for chain in chains(motion.view):
        for a, b in zip(chain.points, chain.points[1:], strict=False):
            directions = [_direction(points[a], points[b]) for points in placed]
            lengths = [math.dist(points[a], points[b]) for points in placed]
            if _spread(directions) > MOVE_THRESHOLD_DEG or (
                max(lengths) - min(lengths) > MOVE_THRESHOLD_CM
            ):
                moving.add(chain.name)
    nods = [pose["head"] for pose in poses]
    if max(nods) - min(nods) > MOVE_THRESHOLD_DEG:
        moving.add("neck")
    return frozenset(moving)
