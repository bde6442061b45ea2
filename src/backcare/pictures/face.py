"""A face on every head, so which way the figure looks (and so which side of the body is its
front) reads at a glance: face down on the floor, face up to the ceiling, face turned aside.

A plain disc on a stick body has no front: a newcomer shown a face-down swallow read it as a
boat pose on the back. Seen from the side a head gets a nose and an eye on its face side and hair
over the crown and the back of the head; seen from the front or from above (lying on the back) it
gets two eyes and a fringe of hair at the crown, shifted sideways as the head turns.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from backcare.pictures.skeleton import HEAD_RADIUS, Point, View
from backcare.pictures.svg import polyline

Role = Literal["hair", "nose", "eye"]

EYE_RADIUS = 1.7
NOSE_LENGTH = 3.2
HAIR_SAMPLES = 14
# Seen from the side: hair from the nape (-150°) over the crown (0°) to the forehead (+35°),
# angles measured round the head from its crown towards the face.
SIDE_HAIR = (-150.0, 35.0)
# Seen from the front or above: a fringe across the crown, ±75° round from its middle.
FRONT_HAIR = 75.0
HAIR_DEPTH = 4.0  # how far the hair reaches in from the head's outline at its thickest
FACE_SHIFT = 0.55  # how far the eyes move sideways, as a share of the radius, when the head turns


@dataclass(frozen=True)
class Feature:
    """One shape of the face: a filled path (``d``) or a dot (``cx``, ``cy``) and its role."""

    role: Role
    tag: Literal["path", "circle"]
    geometry: Mapping[str, str | float]


def _frame(points: Mapping[str, Point]) -> tuple[Point, Point, Point]:
    """The head centre, the unit vector from the neck to the crown, and the unit vector towards
    the face (screen coordinates, y down; the face is a quarter turn from the crown)."""
    (hx, hy), (nx, ny) = points["head"], points["neck"]
    length = math.hypot(hx - nx, hy - ny)
    up = ((hx - nx) / length, (hy - ny) / length)
    return (hx, hy), up, (-up[1], up[0])


def _at(centre: Point, up: Point, face: Point, along_up: float, along_face: float) -> Point:
    return (
        centre[0] + up[0] * along_up + face[0] * along_face,
        centre[1] + up[1] * along_up + face[1] * along_face,
    )


def _round(centre: Point, up: Point, face: Point, degrees: float, reach: float) -> Point:
    """A point ``reach`` from the centre, ``degrees`` round from the crown towards the face."""
    angle = math.radians(degrees)
    return _at(centre, up, face, reach * math.cos(angle), reach * math.sin(angle))


def _hair(centre: Point, up: Point, face: Point, start: float, end: float) -> Feature:
    """A cap of hair between two angles: the outline outside, a shallower arc inside, thickest
    in the middle and thinning to nothing at both ends."""
    steps = [start + (end - start) * i / HAIR_SAMPLES for i in range(HAIR_SAMPLES + 1)]
    outer = [_round(centre, up, face, a, HEAD_RADIUS + 0.6) for a in steps]
    inner = [
        _round(centre, up, face, a, HEAD_RADIUS - HAIR_DEPTH * math.sin(math.pi * i / HAIR_SAMPLES))
        for i, a in reversed(list(enumerate(steps)))
    ]
    return Feature("hair", "path", {"d": polyline(outer + inner) + "Z"})


def _dot(role: Role, point: Point) -> Feature:
    return Feature(role, "circle", {"cx": point[0], "cy": point[1]})


def nose(points: Mapping[str, Point]) -> list[Point]:
    """The corners of the nose seen from the side (screen coordinates): a small wedge standing
    out of the face, its tip ``NOSE_LENGTH`` past the head's outline."""
    centre, up, face = _frame(points)
    return [
        _at(centre, up, face, 3.0, HEAD_RADIUS - 2.0),
        _at(centre, up, face, -0.5, HEAD_RADIUS + NOSE_LENGTH),
        _at(centre, up, face, -2.5, HEAD_RADIUS - 2.0),
    ]


def side_face(points: Mapping[str, Point]) -> list[Feature]:
    """A profile: hair over the back of the head, an eye and a nose on the face side."""
    centre, up, face = _frame(points)
    return [
        _hair(centre, up, face, *SIDE_HAIR),
        Feature("nose", "path", {"d": polyline(nose(points)) + "Z"}),
        _dot("eye", _at(centre, up, face, 2.4, 4.6)),
    ]


def front_face(points: Mapping[str, Point], turn: float) -> list[Feature]:
    """A face seen from in front (or from above, lying on the back): a fringe at the crown and two
    eyes, both moved sideways by ``turn`` degrees (positive: towards screen right when upright)."""
    centre, up, face = _frame(points)
    shift = math.sin(math.radians(turn)) * HEAD_RADIUS * FACE_SHIFT
    eyes = [_at(centre, up, face, 0.8, side * 3.6 + shift) for side in (-1, 1)]
    fringe = math.degrees(math.asin(-shift / HEAD_RADIUS))
    hair = _hair(centre, up, face, fringe - FRONT_HAIR, fringe + FRONT_HAIR)
    return [hair, *(_dot("eye", eye) for eye in eyes)]


def features(points: Mapping[str, Point], view: View, turn: float) -> list[Feature]:
    """The face shapes of one placed pose, in drawing order (always the same shapes per view,
    so an animation can step each one through its frames)."""
    return side_face(points) if view == "side" else front_face(points, turn)
