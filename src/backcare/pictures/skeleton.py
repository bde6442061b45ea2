"""The 2D stick figure: joints, constant limb lengths and forward kinematics.

A pose is a set of joint angles in degrees. Absolute directions are measured clockwise from
"up" towards the way the figure faces, so 0 is up, 90 is forward, 180 is down and -90 is back.
Lengths are centimetres of an adult about 1.65 m tall, so props can be drawn to the same scale.

Two views share one set of joint names. In the side view the figure faces right; its right limbs
are the near ones. In the front view the figure faces the viewer (its right is on screen left) and
the spine, hip and shoulder angles are sideways bends, abductions and in-plane arm angles. The top
view looks down on a figure lying on its back with the front-view geometry (twists of the knees
to one side, arms out on the floor). ``twist`` turns the shoulder line about the spine: seen from
the side the near shoulder comes forward, seen from the front the shoulder line narrows.
``face`` turns the face to one side (positive: towards the figure's left, the screen's right
when it stands facing the viewer), seen from the front or from above; seen from the side the face
follows the neck and head angles.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Literal

View = Literal["side", "front", "top"]
Point = tuple[float, float]
Pose = Mapping[str, float]

SIDES = ("r", "l")
LIMB_JOINTS = ("shoulder", "elbow", "hip", "knee", "ankle")
JOINTS: tuple[str, ...] = (
    "tilt",
    "lumbar",
    "thoracic",
    "neck",
    "head",
    "twist",
    "face",
    *(f"{joint}_{side}" for side in SIDES for joint in LIMB_JOINTS),
)

LUMBAR = 22.0
THORACIC = 30.0
NECK = 9.0
HEAD_RADIUS = 10.0
UPPER_ARM = 28.0
FOREARM = 26.0
THIGH = 41.0
SHIN = 40.0
FOOT = 13.0
FRONT_FOOT = 6.0
SHOULDER_HALF_WIDTH = 17.0
HIP_HALF_WIDTH = 9.0

# (min, max) degrees of each joint angle a keyframe may use: human ranges, generous but bounded.
SIDE_RANGES: dict[str, tuple[float, float]] = {
    "tilt": (-180.0, 180.0),
    "lumbar": (-35.0, 60.0),
    "thoracic": (-30.0, 50.0),
    "neck": (-60.0, 70.0),
    "head": (-40.0, 40.0),
    "twist": (-60.0, 60.0),
    "face": (-80.0, 80.0),
    "shoulder": (-60.0, 185.0),
    "elbow": (0.0, 155.0),
    "hip": (-35.0, 145.0),
    "knee": (0.0, 160.0),
    "ankle": (-35.0, 80.0),
}
FRONT_RANGES: dict[str, tuple[float, float]] = {
    **SIDE_RANGES,
    "lumbar": (-40.0, 40.0),
    "thoracic": (-35.0, 35.0),
    "neck": (-50.0, 50.0),
    "head": (-25.0, 25.0),
    "shoulder": (-30.0, 185.0),
    "elbow": (-160.0, 160.0),
    "hip": (-25.0, 80.0),
    "knee": (0.0, 140.0),
}
# Seen from above, a knee crossing over the body shows as a large inward hip angle, and a bent
# leg dropped to one side shows its shin on either side of the thigh (towards the feet as the
# knee crosses over), so the knee bends both ways.
TOP_RANGES: dict[str, tuple[float, float]] = {
    **FRONT_RANGES,
    "hip": (-80.0, 80.0),
    "knee": (-140.0, 140.0),
}
RANGES: dict[View, dict[str, tuple[float, float]]] = {
    "side": SIDE_RANGES,
    "front": FRONT_RANGES,
    "top": TOP_RANGES,
}


def joint_range(view: View, joint: str) -> tuple[float, float]:
    """The allowed range of a joint (``hip_r`` and ``hip_l`` share ``hip``) in one view."""
    return RANGES[view][joint.rsplit("_", 1)[0] if joint[-2:] in ("_r", "_l") else joint]


def _step(start: Point, angle: float, length: float) -> Point:
    radians = math.radians(angle)
    return (start[0] + length * math.sin(radians), start[1] + length * math.cos(radians))


def _spine(pose: Pose) -> tuple[dict[str, Point], float]:
    """Hip centre, waist, shoulder centre, neck top and head centre; returns the chest angle."""
    lumbar = pose["tilt"] + pose["lumbar"]
    chest = lumbar + pose["thoracic"]
    neck = chest + pose["neck"]
    hip = (0.0, 0.0)
    waist = _step(hip, lumbar, LUMBAR)
    shoulder = _step(waist, chest, THORACIC)
    neck_top = _step(shoulder, neck, NECK)
    head = _step(neck_top, neck + pose["head"], HEAD_RADIUS)
    points = {"hip": hip, "waist": waist, "shoulder": shoulder, "neck": neck_top, "head": head}
    return points, chest


def _side_limbs(pose: Pose, points: dict[str, Point], chest: float) -> None:
    turn = SHOULDER_HALF_WIDTH * math.sin(math.radians(pose["twist"]))
    for side, sign in (("r", 1), ("l", -1)):
        upper = chest + 180 - pose[f"shoulder_{side}"]
        forearm = upper - pose[f"elbow_{side}"]
        shoulder = _step(points["shoulder"], chest + 90, sign * turn)
        points[f"shoulder_{side}"] = shoulder
        points[f"elbow_{side}"] = _step(shoulder, upper, UPPER_ARM)
        points[f"hand_{side}"] = _step(points[f"elbow_{side}"], forearm, FOREARM)
        thigh = pose["tilt"] + 180 - pose[f"hip_{side}"]
        shin = thigh + pose[f"knee_{side}"]
        foot = shin - 90 + pose[f"ankle_{side}"]
        points[f"hip_{side}"] = points["hip"]
        _leg(points, side, thigh, shin, (foot, FOOT))


def _front_limbs(pose: Pose, points: dict[str, Point], chest: float) -> None:
    half_width = SHOULDER_HALF_WIDTH * math.cos(math.radians(pose["twist"]))
    for side, sign in (("r", 1), ("l", -1)):
        shoulder = _step(points["shoulder"], chest - 90 * sign, half_width)
        upper = chest + 180 + sign * pose[f"shoulder_{side}"]
        forearm = upper + sign * pose[f"elbow_{side}"]
        points[f"shoulder_{side}"] = shoulder
        points[f"elbow_{side}"] = _step(shoulder, upper, UPPER_ARM)
        points[f"hand_{side}"] = _step(points[f"elbow_{side}"], forearm, FOREARM)
        thigh = pose["tilt"] + 180 + sign * pose[f"hip_{side}"]
        shin = thigh - sign * pose[f"knee_{side}"]
        points[f"hip_{side}"] = _step(points["hip"], pose["tilt"] - 90 * sign, HIP_HALF_WIDTH)
        _leg(points, side, thigh, shin, (shin - 90 * sign, FRONT_FOOT))


def _leg(
    points: dict[str, Point], side: str, thigh: float, shin: float, foot: tuple[float, float]
) -> None:
    points[f"knee_{side}"] = _step(points[f"hip_{side}"], thigh, THIGH)
    points[f"ankle_{side}"] = _step(points[f"knee_{side}"], shin, SHIN)
    points[f"toe_{side}"] = _step(points[f"ankle_{side}"], *foot)


def forward_kinematics(pose: Pose, view: View = "side") -> dict[str, Point]:
    """Every joint point of a pose, with the hip centre at the origin and y pointing up."""
    points, chest = _spine(pose)
    (_side_limbs if view == "side" else _front_limbs)(pose, points, chest)
    return points


# Pairs of points joined by a rigid bone, with the bone's length in each view.
BONES: dict[View, dict[tuple[str, str], float]] = {
    view: {
        ("hip", "waist"): LUMBAR,
        ("waist", "shoulder"): THORACIC,
        ("shoulder", "neck"): NECK,
        ("neck", "head"): HEAD_RADIUS,
        **{
            pair: length
            for side in SIDES
            for pair, length in (
                ((f"shoulder_{side}", f"elbow_{side}"), UPPER_ARM),
                ((f"elbow_{side}", f"hand_{side}"), FOREARM),
                ((f"hip_{side}", f"knee_{side}"), THIGH),
                ((f"knee_{side}", f"ankle_{side}"), SHIN),
                ((f"ankle_{side}", f"toe_{side}"), FOOT if view == "side" else FRONT_FOOT),
            )
        },
    }
    for view in ("side", "front", "top")
}
