"""Guides that let a picture be read without its animation: arrows from one position to the other.

A still picture (print, reduced motion, a paused session, a plan thumbnail) shows one pose. The
renderer draws the other end of the movement behind it as a faint ghost; this module adds arrows
that say which way the moving parts go: a curved arrow from where a body part was to where it ends
(two heads when the exercise rests at both ends, as cat–cow does), and for a trunk twist a ring
around the chest that turns while the pelvis stays put.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from backcare.pictures.figure import radius
from backcare.pictures.library import TWIST_DEG, Motion
from backcare.pictures.skeleton import SHOULDER_HALF_WIDTH, Point
from backcare.pictures.svg import Attrs, element, polyline

ARROW = "#9a3412"
ARROW_WIDTH = 3.2
HALO = "#f7f5f0"  # the picture's background, round each arrow so it stands clear of the body
HALO_WIDTH = 1.6
ARROW_HEAD = 9.0  # length of an arrowhead, centimetres at the figure's scale
MIN_TRAVEL_CM = 15.0  # a body part that moves less than this between the two ends gets no arrow
CLEARANCE = 3.0  # gap between an arrow's ends and the body part it points at
RING = (SHOULDER_HALF_WIDTH + 9.0, 7.0)  # half-width across the chest and half-depth of the ring
RING_SAMPLES = 28
RING_PART = "chest"
MAX_ARROWS = 2
BOW = 0.18  # how far an arrow's curve bows out, as a share of its length
# The body parts an arrow may follow, in groups; each group gets one arrow at most (its part that
# travels furthest), so a swallow gets one arrow for the chest and one for the legs.
TRACKED: tuple[tuple[str, ...], ...] = (
    ("head", "hand_r", "hand_l"),
    ("hip", "waist"),
    ("knee_r", "knee_l", "ankle_r", "ankle_l"),
)

TRUNK = frozenset(TRACKED[1])

Points = Mapping[str, Point]


@dataclass(frozen=True)
class Guide:
    """One arrow: the body part it follows (``chest`` for a twist's ring), the screen points of
    its line and the tip of each head."""

    part: str
    line: tuple[Point, ...]
    heads: tuple[tuple[Point, Point], ...]  # (tip, the point the head points away from)

    @property
    def extents(self) -> list[Point]:
        """Points the picture's view must include."""
        return [*self.line, *(tip for tip, _ in self.heads)]


def guides(motion: Motion, ghost: Points, still: Points) -> list[Guide]:
    """Arrows from the ghost (other end) to the still pose, plus a ring for a trunk twist."""
    both_ways = motion.other_end().hold and motion.shown_still().hold
    found = [_travel(group, ghost, still, motion, both_ways=both_ways) for group in TRACKED]
    arrows = sorted((g for g in found if g is not None), key=lambda g: -_length(g.line))
    turn = motion.shown_still().pose["twist"] - motion.other_end().pose["twist"]
    ring = [_ring(still, turn)] if abs(turn) >= TWIST_DEG else []
    return ring + arrows[: MAX_ARROWS - len(ring)]


def _length(line: Sequence[Point]) -> float:
    return sum(math.dist(a, b) for a, b in itertools.pairwise(line))


def _travel(
    group: Sequence[str], ghost: Points, still: Points, motion: Motion, *, both_ways: bool
) -> Guide | None:
    """A curved arrow for the part of ``group`` that travels furthest, if it travels far enough
    (an arrow too short to carry its heads is left out)."""
    name = max(group, key=lambda point: math.dist(ghost[point], still[point]))
    if math.dist(ghost[name], still[name]) < MIN_TRAVEL_CM:
        return None
    heads = 2 if both_ways else 1
    start, end = _ends(name, ghost, still, motion, both_ways=both_ways)
    moved = (still[name][0] - ghost[name][0], still[name][1] - ghost[name][1])
    along = (end[0] - start[0]) * moved[0] + (end[1] - start[1]) * moved[1]
    if math.dist(start, end) < heads * ARROW_HEAD + 6 or along <= 0:
        return None
    bend = _bulge(start, end, centre=still["waist"])
    line = tuple(_quadratic(start, bend, end, step / 12) for step in range(13))
    return Guide(name, line, ((end, bend), (start, bend))[:heads])


def _ends(
    name: str, ghost: Points, still: Points, motion: Motion, *, both_ways: bool
) -> tuple[Point, Point]:
    """Where an arrow starts and ends. A limb's arrow runs from the ghost's limb to the edge of
    the figure's. The trunk is about as thick as it moves far, so its arrow runs between the two
    outlines of the back, its tips just past them."""
    start, end = ghost[name], still[name]
    gap = radius(name, motion.view) + CLEARANCE
    if name not in TRUNK:
        return _toward(start, end, CLEARANCE), _toward(end, start, gap)
    dx, dy = _back(still, gap)
    start, end = (start[0] + dx, start[1] + dy), (end[0] + dx, end[1] + dy)
    end = _toward(end, start, -ARROW_HEAD / 2)
    return (_toward(start, end, -ARROW_HEAD / 2) if both_ways else start), end


def _back(still: Points, distance: float) -> Point:
    """A step of ``distance`` out of the back: square to the spine, away from the body's front."""
    (hx, hy), (sx, sy) = still["hip"], still["shoulder"]
    length = math.hypot(sx - hx, sy - hy)
    return (sy - hy) / length * distance, (hx - sx) / length * distance


def _toward(a: Point, b: Point, distance: float) -> Point:
    length = math.dist(a, b)
    return a[0] + (b[0] - a[0]) * distance / length, a[1] + (b[1] - a[1]) * distance / length


def _bulge(a: Point, b: Point, *, centre: Point) -> Point:
    """The control point of a gentle curve from ``a`` to ``b``, bowed away from the body."""
    mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    normal = (a[1] - b[1], b[0] - a[0])  # the chord turned a quarter; its length is the chord's
    away = (mid[0] - centre[0]) * normal[0] + (mid[1] - centre[1]) * normal[1]
    sign = BOW if away >= 0 else -BOW
    return mid[0] + sign * normal[0], mid[1] + sign * normal[1]


def _quadratic(a: Point, c: Point, b: Point, t: float) -> Point:
    u = 1 - t
    return (
        u * u * a[0] + 2 * u * t * c[0] + t * t * b[0],
        u * u * a[1] + 2 * u * t * c[1] + t * t * b[1],
    )


def _ring(still: Points, turn: float) -> Guide:
    """Part of a flat ring around the chest, seen a little from above, running the way the
    shoulders turn: from behind the body round the near side to the front (a positive twist brings
    the right shoulder forward, so the near side of the ring moves towards the figure's front in a
    side view and towards its left in a front view)."""
    waist, shoulder = still["waist"], still["shoulder"]
    spine = math.dist(waist, shoulder)
    up = ((shoulder[0] - waist[0]) / spine, (shoulder[1] - waist[1]) / spine)
    across = (-up[1], up[0]) if turn > 0 else (up[1], -up[0])
    centre = (waist[0] + 0.7 * (shoulder[0] - waist[0]), waist[1] + 0.7 * (shoulder[1] - waist[1]))
    half_width, half_depth = RING
    line = []
    for step in range(RING_SAMPLES + 1):
        phi = math.pi + 0.6 - (math.pi + 0.35) * step / RING_SAMPLES
        reach, depth = half_width * math.cos(phi), -half_depth * math.sin(phi)
        line.append(
            (
                centre[0] + across[0] * reach + up[0] * depth,
                centre[1] + across[1] * reach + up[1] * depth,
            )
        )
    return Guide(RING_PART, tuple(line), ((line[-1], line[-3]),))


def draw(guide: Guide) -> list[str]:
    """The arrow's line and filled heads."""
    style: Attrs = {
        "fill": "none",
        "stroke": ARROW,
        "stroke-width": ARROW_WIDTH,
        "stroke-linecap": "round",
        "stroke-linejoin": "round",
        "class": "guide",
    }
    halo = {**style, "stroke": HALO, "stroke-width": ARROW_WIDTH + 2 * HALO_WIDTH}
    shapes = [element("path", {"d": polyline(guide.line), **halo})]
    shapes += [_head(tip, behind, HALO, HALO_WIDTH) for tip, behind in guide.heads]
    shapes.append(element("path", {"d": polyline(guide.line), **style}))
    shapes += [_head(tip, behind, ARROW, 0.0) for tip, behind in guide.heads]
    return shapes


def _head(tip: Point, behind: Point, colour: str, outline: float) -> str:
    """A filled triangle at ``tip``, pointing away from ``behind`` (widened by ``outline``)."""
    length = math.dist(tip, behind)
    ux, uy = (tip[0] - behind[0]) / length, (tip[1] - behind[1]) / length
    base = (tip[0] - ux * ARROW_HEAD, tip[1] - uy * ARROW_HEAD)
    half = ARROW_HEAD * 0.55
    corners = [
        (tip[0] + ux * 1.5, tip[1] + uy * 1.5),
        (base[0] - uy * half, base[1] + ux * half),
        (base[0] + uy * half, base[1] - ux * half),
    ]
    shape: Attrs = {"d": polyline(corners) + "Z", "fill": colour, "class": "guide"}
    if outline:
        shape.update({"stroke": colour, "stroke-width": 2 * outline, "stroke-linejoin": "round"})
    return element("path", shape)
