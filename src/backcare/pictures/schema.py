"""Typed schema of the pose data in ``content/poses/*.yaml``.

A file holds named ``poses`` (joint angles, optionally on top of a ``base`` pose) and ``motions``
keyed by exercise id: the keyframes of that exercise, each naming a pose with optional overrides.
Angle keys are the joint names of ``skeleton.JOINTS``; a limb joint without ``_r``/``_l``
(``hip``, ``knee`` …) sets both sides at once.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from backcare.pictures.skeleton import JOINTS, LIMB_JOINTS, View

Prop = Literal[
    "mat",
    "wall",
    "wall_ahead",
    "chair",
    "stool",
    "ball",
    "ball_under_feet",
    "pillow",
    "foam_roller",
    "water",
]
ANGLE_KEYS = frozenset((*JOINTS, *LIMB_JOINTS))


def _known_angles(angles: dict[str, float]) -> dict[str, float]:
    unknown = sorted(set(angles) - ANGLE_KEYS)
    if unknown:
        raise ValueError(f"unknown joint(s) {', '.join(unknown)}")
    return angles


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PoseSpec(_Strict):
    """A named pose: joint angles in degrees, over a base pose (all zeros when none)."""

    base: str | None = None
    angles: dict[str, float] = {}

    _check_angles = field_validator("angles")(_known_angles)


class KeyframeSpec(_Strict):
    """One keyframe: a named pose, angle overrides, and how it is timed."""

    pose: str
    set: dict[str, float] = {}
    hold: bool = False
    beats: Annotated[float, Field(gt=0, le=8)] = 1.0

    _check_set = field_validator("set")(_known_angles)


class MotionSpec(_Strict):
    """The keyframes of one exercise and how to show them."""

    view: View = "side"
    anchor: str = "hip"
    props: list[Prop] | None = None
    mirror: bool = False
    keyframes: Annotated[list[KeyframeSpec], Field(min_length=2)]


class PoseFile(_Strict):
    """One YAML file of pose data."""

    poses: dict[str, PoseSpec] = {}
    motions: dict[str, MotionSpec] = {}
