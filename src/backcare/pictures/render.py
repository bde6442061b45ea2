"""Draw an exercise's keyframes as one SVG: a calm stick figure on a floor, animated with SMIL.

The output is pure SVG (no script, no external resources, no ``id`` attributes, so several
pictures can sit inline on one page). The animation loops forever; ``animate=False`` gives the
still picture of the held or end pose, which a page shows while the session timer counts a hold,
in print and with reduced motion (an inline animated picture can also be paused from a page with
``svg.pauseAnimations()``). Both carry the other end of the movement as a pale ghost and arrows
from it to the figure (``guides``), so the still alone says where the movement goes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from backcare.content.schema import Exercise
from backcare.pictures.face import EYE_RADIUS, Feature, features
from backcare.pictures.figure import (
    SEAT_RADIUS,
    Chain,
    chains,
    crosses,
    moving_parts,
    place,
    radius,
    seat,
)
from backcare.pictures.guides import draw, guides
from backcare.pictures.library import Motion
from backcare.pictures.scenery import Scene, build_scene, default_props, floor_level
from backcare.pictures.skeleton import HEAD_RADIUS, Point
from backcare.pictures.svg import Attrs, animated, element, num, polyline, text
from backcare.pictures.timing import Sample, schedule

SVG_NS = "http://www.w3.org/2000/svg"
BACKGROUND = "#f7f5f0"
FLOOR = "#8e99a6"
BODY = "#34506b"
BODY_FAR = "#93aabf"
MOVING = "#d4603a"
MOVING_FAR = "#eeac93"
GHOST = "#e6ebef"  # the other end of the movement, pale behind the figure …
GHOST_EDGE = "#9aabbb"  # … with a thin outline
GHOST_OUTLINE = 1.2
ASPECT = 4 / 3
MIN_WIDTH = 210.0
MARGIN = 12.0
HAIR = "#243447"

Frames = Sequence[Mapping[str, Point]]


def _colours(motion: Motion, *, animate: bool) -> Callable[[Chain], str]:
    """Body parts that move in the accent colour, the rest in the calm body colour. A still
    picture shows one side of a two-sided exercise: only what moves between its ghost and its
    figure is in the accent (the leg that crosses over, not the one that stays straight)."""
    ends = None if animate else [motion.other_end().pose, motion.shown_still().pose]
    moving = moving_parts(motion, ends)

    def colour(chain: Chain) -> str:
        if chain.name == "shoulders" and chain.name not in moving:  # seen from the side, a dot
            return colour(next(c for c in chains(motion.view) if c.name == "torso"))
        if chain.name in moving:
            return MOVING_FAR if chain.far else MOVING
        return BODY_FAR if chain.far else BODY

    return colour


def _timing(samples: Sequence[Sample]) -> str:
    total = samples[-1].time
    times = ";".join(f"{sample.time / total:.4f}" for sample in samples[1:-1])
    return f'dur="{total:.2f}s" repeatCount="indefinite" keyTimes="0;{times};1"'


def _path(chain: Chain, points: Sequence[Point]) -> str:
    """Path data of a body part; the back is one smooth curve through the waist, so a rounded
    or arched spine (cat–cow, a swallow) reads as a curve rather than a bent stick."""
    if chain.name != "torso":
        return polyline(points)
    hip, waist, shoulder = points
    bend = (2 * waist[0] - (hip[0] + shoulder[0]) / 2, 2 * waist[1] - (hip[1] + shoulder[1]) / 2)
    return polyline([hip]) + "Q" + " ".join(f"{num(x)} {num(y)}" for x, y in (bend, shoulder))


def _stroke(colour: str, width: float) -> Attrs:
    return {
        "fill": "none",
        "stroke": colour,
        "stroke-width": width,
        "stroke-linecap": "round",
        "stroke-linejoin": "round",
    }


def _ghost(motion: Motion, points: Mapping[str, Point], turn: float, floor: float) -> list[str]:
    """The other end of the movement as a pale figure with a thin outline, behind the figure:
    all outlines first, then all fills, so the ghost reads as one silhouette; its hair and eyes
    in the outline colour, so even the ghost shows which way it faces."""
    shapes = []
    face = features(points, motion.view, turn)
    for colour, widen in ((GHOST_EDGE, 2 * GHOST_OUTLINE), (GHOST, 0.0)):
        for chain in chains(motion.view):
            path = _path(chain, [points[p] for p in chain.points])
            shapes.append(element("path", {"d": path, **_stroke(colour, chain.width + widen)}))
        discs = [(points["head"], HEAD_RADIUS)]
        discs += [(seat(points, floor), SEAT_RADIUS)] if motion.view == "side" else []
        shapes += [
            element("circle", {"cx": x, "cy": y, "r": r + widen / 2, "fill": colour})
            for (x, y), r in discs
        ]
        outline: Attrs = {"stroke": colour, "stroke-width": widen} if widen else {}
        shapes += [_feature(f, colour, outline) for f in face if f.role == "nose"]
    shapes += [_feature(f, GHOST_EDGE, {}) for f in face if f.role != "nose"]
    return shapes


def _feature(feature: Feature, colour: str, extra: Attrs) -> str:
    size: Attrs = {"r": EYE_RADIUS} if feature.tag == "circle" else {}
    return element(feature.tag, {**feature.geometry, **size, "fill": colour, **extra})


def _figure(
    motion: Motion,
    frames: Frames,
    turns: Sequence[float],
    floor: float,
    timing: str,
    colour_of: Callable[[Chain], str],
) -> list[str]:
    shapes = []
    for chain in chains(motion.view):
        colour = colour_of(chain)
        paths = [_path(chain, [frame[p] for p in chain.points]) for frame in frames]
        shapes.append(animated("path", _stroke(colour, chain.width), {"d": paths}, timing))
        if chain.name == "torso" and motion.view == "side":
            seats = [seat(frame, floor) for frame in frames]
            shapes.append(_disc(seats, SEAT_RADIUS, colour, timing))
        if chain.name == "neck":
            shapes += _head(motion, frames, turns, colour, timing)
        if chain.name == "leg_l" and motion.view == "top":
            shapes += _right_leg_over(frames, colour_of, timing)
    return shapes


def _right_leg_over(frames: Frames, colour_of: Callable[[Chain], str], timing: str) -> list[str]:
    """Seen from above the right leg is drawn under the left. Where the right knee crosses over
    the body (the other side of a lying twist) the leg is drawn again on top, shown only in
    those frames, so the crossing leg always lies over the straight one."""
    over = [crosses(frame, "r") for frame in frames]
    if not any(over):
        return []
    leg = next(chain for chain in chains("top") if chain.name == "leg_r")
    paths = [_path(leg, [frame[p] for p in leg.points]) for frame in frames]
    shown = {"d": paths, "opacity": ["1" if crossing else "0" for crossing in over]}
    return [animated("path", _stroke(colour_of(leg), leg.width), shown, timing)]


def _head(
    motion: Motion, frames: Frames, turns: Sequence[float], colour: str, timing: str
) -> list[str]:
    """The head and its face, each shape stepping through the frames with the body."""
    shapes = [_disc([frame["head"] for frame in frames], HEAD_RADIUS, colour, timing)]
    faces = [features(frame, motion.view, turn) for frame, turn in zip(frames, turns, strict=True)]
    fills = {"hair": HAIR, "eye": BACKGROUND, "nose": colour}
    for index, first in enumerate(faces[0]):
        values = {
            key: [_text(face[index].geometry[key]) for face in faces] for key in first.geometry
        }
        size: Attrs = {"r": EYE_RADIUS} if first.tag == "circle" else {}
        shapes.append(animated(first.tag, {**size, "fill": fills[first.role]}, values, timing))
    return shapes


def _disc(centres: Sequence[Point], size: float, colour: str, timing: str) -> str:
    """A filled disc (the head, the seat) following its centre through the frames."""
    moving = {"cx": [num(x) for x, _ in centres], "cy": [num(y) for _, y in centres]}
    return animated("circle", {"r": size, "fill": colour}, moving, timing)


def _text(value: str | float) -> str:
    return value if isinstance(value, str) else num(value)


def _view_box(frames: Frames, scene: Scene, motion: Motion) -> tuple[float, float, float, float]:
    """A 4:3 box at one scale for every picture, floor near the bottom, figure centred (seen
    from above, the mat and figure centred in the box)."""
    reach = [
        (x + dx * radius(name, motion.view), y + dy * radius(name, motion.view))
        for frame in frames
        for name, (x, y) in frame.items()
        for dx, dy in ((-1, -1), (1, 1))
    ] + scene.extents
    left, right = min(x for x, _ in reach), max(x for x, _ in reach)
    top, bottom = min(y for _, y in reach), max(y for _, y in reach)
    if motion.view == "top":  # no floor to sit on: the mat and figure centred both ways
        width = max(right - left + 2 * MARGIN, (bottom - top + 2 * MARGIN) * ASPECT, MIN_WIDTH)
        height = width / ASPECT
        return (left + right - width) / 2, (top + bottom - height) / 2, width, height
    width = max(right - left + 2 * MARGIN, (MARGIN * 2 - top) * ASPECT, MIN_WIDTH)
    height = width / ASPECT
    return (left + right) / 2 - width / 2, MARGIN * 1.5 - height, width, height


def _floor_line(x: float, width: float) -> str:
    ends: Attrs = {"x1": x, "y1": 0.0, "x2": x + width, "y2": 0.0}
    return element("line", {**ends, "stroke": FLOOR, "stroke-width": 2, "stroke-linecap": "round"})


def render_svg(exercise: Exercise, motion: Motion, *, animate: bool = True) -> str:
    """The picture of one exercise from its keyframes: animated (looping) or the still held pose."""
    props = motion.props if motion.props is not None else default_props(exercise)
    samples = schedule(exercise, motion) if animate else [Sample(0.0, motion.shown_still().pose)]
    floor = floor_level(props)
    frames = [place(sample.pose, motion, anchor_x=0.0, floor=floor) for sample in samples]
    ghost = place(motion.other_end().pose, motion, anchor_x=0.0, floor=floor)
    still = place(motion.shown_still().pose, motion, anchor_x=0.0, floor=floor)
    arrows = guides(motion, ghost, still)
    turns = [sample.pose["face"] for sample in samples]
    timing = _timing(samples) if animate else ""
    scene = build_scene(props, frames, motion.view, timing)
    scene.extents.extend(point for arrow in arrows for point in arrow.extents)
    x, y, width, height = _view_box([*frames, ghost], scene, motion)
    box: Attrs = {"x": x, "y": y, "width": width, "height": height}
    background = element("rect", {**box, "fill": BACKGROUND})
    # Seen from above, the mat is the floor.
    floor_line = "" if motion.view == "top" else _floor_line(x, width)
    body = "".join(
        [
            *scene.behind,
            *_ghost(motion, ghost, motion.other_end().pose["face"], floor),
            *_figure(motion, frames, turns, floor, timing, _colours(motion, animate=animate)),
            *scene.front,
            *(shape for arrow in arrows for shape in draw(arrow)),
        ]
    )
    attrs: Attrs = {
        "xmlns": SVG_NS,
        "viewBox": " ".join(num(v) for v in (x, y, width, height)),
        "role": "img",
        "class": f"backcare-picture view-{motion.view}",
    }
    content = text("title", exercise.name) + text("desc", exercise.summary)
    return element("svg", attrs, content + background + floor_line + body) + "\n"
