"""What the figure lies, sits, leans or floats on: mat, wall, chair, stool, ball, pillow, roller.

Props are fitted to the placed figure (a chair seat right under the hips, a wall against the
back), so a pose never floats above or sinks into its support.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from backcare.content.schema import Exercise
from backcare.pictures.figure import radius
from backcare.pictures.schema import Prop
from backcare.pictures.skeleton import Point, View
from backcare.pictures.svg import Attrs, animated, element, num

MAT_POSITIONS = ("lying_back", "lying_front", "lying_side", "kneeling", "all_fours")
MAT_THICKNESS = 2.5
FLOAT_DEPTH = 25.0  # how far above the pool floor a swimmer floats
WALL_HEIGHT = 260.0
SEAT_THICKNESS = 4.0
CHAIR_BACK = 42.0
ROLLER_RADIUS = 7.5
BALL_RADIUS = (18.0, 34.0)

WOOD = "#b08d6a"
WOOD_LIGHT = "#d9c2a7"
MAT = "#b5d3bf"
WALL = "#e3ddd2"
WALL_EDGE = "#b9b0a2"
BALL = "#f2c57c"
BALL_EDGE = "#c99a4e"
PILLOW = "#e8e1f0"
ROLLER = "#8fb8c9"
WATER = "#8cc7e0"

Frames = Sequence[Mapping[str, Point]]


@dataclass
class Scene:
    """Prop shapes drawn behind and in front of the figure, and points the view must include."""

    behind: list[str] = field(default_factory=list)
    front: list[str] = field(default_factory=list)
    extents: list[Point] = field(default_factory=list)


def default_props(exercise: Exercise) -> tuple[Prop, ...]:
    """The props an exercise's position and equipment imply."""
    gear, position = set(exercise.equipment), exercise.position
    implied: list[tuple[bool, Prop]] = [
        (position in MAT_POSITIONS or "mat" in gear, "mat"),
        (position == "against_wall" or "wall" in gear, "wall"),
        ("stool" in gear, "stool"),
        ("stool" not in gear and (position == "sitting" or "chair" in gear), "chair"),
        (position == "on_ball" or "yoga_ball" in gear, "ball"),
        ("pillow" in gear, "pillow"),
        ("foam_roller" in gear, "foam_roller"),
        (position == "in_water", "water"),
    ]
    return tuple(prop for wanted, prop in implied if wanted)


def floor_level(props: Sequence[Prop]) -> float:
    """Height the lowest body part rests at: on the mat, floating in water, or on the floor."""
    if "water" in props:
        return FLOAT_DEPTH
    return MAT_THICKNESS if "mat" in props else 0.0


def _x_extent(frames: Frames, view: View) -> tuple[float, float]:
    xs = [
        (x - radius(name, view), x + radius(name, view))
        for f in frames
        for name, (x, _) in f.items()
    ]
    return min(low for low, _ in xs), max(high for _, high in xs)


def _mat(frames: Frames, view: View, left: float, right: float) -> str:
    """A thin mat on the floor; seen from above, the whole mat under the figure."""
    if view != "top":
        box = {"x": left - 6, "y": -MAT_THICKNESS, "width": right - left + 12}
        return element("rect", {**box, "height": MAT_THICKNESS, "rx": 1.2, "fill": MAT})
    ys = [y for frame in frames for _, y in frame.values()]
    top, bottom = min(ys) - 14, max(ys) + 14
    box = {"x": left - 8, "y": top, "width": right - left + 16, "height": bottom - top}
    return element("rect", {**box, "rx": 6, "fill": MAT})


def _seat(hip: Point, view: View, back: bool, scene: Scene) -> None:
    top = hip[1] + radius("hip", view)
    left, right = (hip[0] - 12, hip[0] + 24) if view == "side" else (hip[0] - 22, hip[0] + 22)
    if back:
        if view == "side":
            scene.behind.append(_stroke((left, top), (left - 4, top - CHAIR_BACK), WOOD, 4))
        else:
            box = {"x": left + 2, "y": top - CHAIR_BACK, "width": right - left - 4}
            scene.behind.append(
                element("rect", {**box, "height": CHAIR_BACK, "rx": 3, "fill": WOOD_LIGHT})
            )
    for x in (left + 3, right - 3):
        scene.behind.append(_stroke((x, top), (x, 0.0), WOOD, 3))
    box = {"x": left, "y": top, "width": right - left, "height": SEAT_THICKNESS}
    scene.behind.append(element("rect", {**box, "rx": 2, "fill": WOOD}))
    scene.extents += [(left - 6, top - CHAIR_BACK * back), (right, 0.0)]


def _stroke(a: Point, b: Point, colour: str, width: float) -> str:
    return element(
        "line",
        {
            "x1": a[0],
            "y1": a[1],
            "x2": b[0],
            "y2": b[1],
            "stroke": colour,
            "stroke-width": width,
            "stroke-linecap": "round",
        },
    )


def _ball(frames: Frames, point: str, pad: float, timing: str, scene: Scene) -> None:
    """A ball under ``point``, sized to fill the gap to the floor in the first pose."""
    low, high = BALL_RADIUS
    r = min(max((-frames[0][point][1] - pad) / 2, low), high)
    xs = [num(frame[point][0]) for frame in frames]
    style: Attrs = {"cy": -r, "r": r, "fill": BALL, "stroke": BALL_EDGE, "stroke-width": 1.5}
    scene.behind.append(animated("circle", style, {"cx": xs}, timing))
    scene.extents += [(frames[0][point][0] - r, -2 * r), (frames[0][point][0] + r, 0.0)]


def build_scene(props: Sequence[Prop], frames: Frames, view: View, timing: str) -> Scene:
    """Shapes for each prop, fitted to the placed frames (the first frame for fixed props)."""
    scene, first = Scene(), frames[0]
    left, right = _x_extent(frames, view)
    for prop in props:
        if prop == "mat":
            scene.behind.append(_mat(frames, view, left, right))
        elif prop in ("wall", "wall_ahead"):
            x = left - 9 if prop == "wall" else right + 1
            box = {"x": x, "y": -WALL_HEIGHT, "width": 8, "height": WALL_HEIGHT}
            scene.behind.append(element("rect", {**box, "fill": WALL, "stroke": WALL_EDGE}))
            scene.extents += [(x - 4, 0.0), (x + 12, 0.0)]
        elif prop in ("chair", "stool"):
            _seat(first["hip"], view, prop == "chair", scene)
        elif prop == "ball":
            _ball(frames, "hip", radius("hip", view), timing, scene)
        elif prop == "ball_under_feet":
            _ball(frames, "ankle_r", radius("ankle_r", view), timing, scene)
        elif prop == "pillow":
            head = first["head"]
            shape: Attrs = {"cx": head[0], "cy": head[1] + 8, "rx": 15, "ry": 5, "fill": PILLOW}
            scene.behind.append(element("ellipse", shape))
        elif prop == "foam_roller":
            x = (first["waist"][0] + first["shoulder"][0]) / 2
            shape = {"cx": x, "cy": -ROLLER_RADIUS, "r": ROLLER_RADIUS, "fill": ROLLER}
            scene.behind.append(element("circle", shape))
        else:
            surface = first["neck"][1]
            box = {"x": left - 60, "y": surface, "width": right - left + 120, "height": -surface}
            scene.front.append(element("rect", {**box, "fill": WATER, "fill-opacity": 0.45}))
    return scene
