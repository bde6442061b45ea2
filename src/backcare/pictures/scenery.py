"""What the figure lies, sits, leans or floats on: mat, wall, chair, stool, ball, pillow, roller.

Props are fitted to the placed figure (a chair seat right under the hips, a wall against the
back), so a pose never floats above or sinks into its support.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
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


@dataclass(frozen=True)
class Stage:
    """The placed frames a prop is fitted to, and the scene it draws into."""

    frames: Frames
    view: View
    timing: str
    left: float
    right: float
    scene: Scene

    @property
    def first(self) -> Mapping[str, Point]:
        """The first frame: fixed props are fitted to it."""
        return self.frames[0]


def _mat(stage: Stage) -> None:
    """A thin mat on the floor; seen from above, the whole mat under the figure."""
    left, right = stage.left, stage.right
    if stage.view != "top":
        box: Attrs = {"x": left - 6, "y": -MAT_THICKNESS, "width": right - left + 12}
        stage.scene.behind.append(
            element("rect", {**box, "height": MAT_THICKNESS, "rx": 1.2, "fill": MAT})
        )
        return
    ys = [y for frame in stage.frames for _, y in frame.values()]
    top, bottom = min(ys) - 14, max(ys) + 14
    box = {"x": left - 8, "y": top, "width": right - left + 16, "height": bottom - top}
    stage.scene.behind.append(element("rect", {**box, "rx": 6, "fill": MAT}))
    stage.scene.extents.extend([(left - 8, top), (right + 8, bottom)])


def _wall(x: float, stage: Stage) -> None:
    """A wall seen edge-on beside the figure; seen from the front, a wall behind it."""
    if stage.view == "front":
        x, width = stage.left - 30, stage.right - stage.left + 60
    else:
        width = 8
    box: Attrs = {"x": x, "y": -WALL_HEIGHT, "width": width, "height": WALL_HEIGHT}
    stage.scene.behind.append(element("rect", {**box, "fill": WALL, "stroke": WALL_EDGE}))
    stage.scene.extents.extend([(x - 4, 0.0), (x + width + 4, 0.0)])


def _seat(stage: Stage, *, back: bool) -> None:
    """A seat right under the hips, legs to the floor, and for a chair a backrest."""
    hip, view, scene = stage.first["hip"], stage.view, stage.scene
    top = hip[1] + radius("hip", view)
    left, right = (hip[0] - 12, hip[0] + 24) if view == "side" else (hip[0] - 22, hip[0] + 22)
    if back and view == "side":
        scene.behind.append(_stroke((left, top), (left - 4, top - CHAIR_BACK), WOOD, 4))
    elif back:
        box: Attrs = {"x": left + 2, "y": top - CHAIR_BACK, "width": right - left - 4}
        scene.behind.append(
            element("rect", {**box, "height": CHAIR_BACK, "rx": 3, "fill": WOOD_LIGHT})
        )
    for x in (left + 3, right - 3):
        scene.behind.append(_stroke((x, top), (x, 0.0), WOOD, 3))
    box = {"x": left, "y": top, "width": right - left, "height": SEAT_THICKNESS}
    scene.behind.append(element("rect", {**box, "rx": 2, "fill": WOOD}))
    scene.extents.extend([(left - 6, top - CHAIR_BACK * back), (right, 0.0)])


def _stroke(a: Point, b: Point, colour: str, width: float) -> str:
    ends: Attrs = {"x1": a[0], "y1": a[1], "x2": b[0], "y2": b[1]}
    return element(
        "line", {**ends, "stroke": colour, "stroke-width": width, "stroke-linecap": "round"}
    )


def _ball(stage: Stage, point: str) -> None:
    """A ball under ``point``, sized to fill the gap to the floor in the first pose."""
    low, high = BALL_RADIUS
    x, y = stage.first[point]
    r = min(max((-y - radius(point, stage.view)) / 2, low), high)
    xs = [num(frame[point][0]) for frame in stage.frames]
    style: Attrs = {"cy": -r, "r": r, "fill": BALL, "stroke": BALL_EDGE, "stroke-width": 1.5}
    stage.scene.behind.append(animated("circle", style, {"cx": xs}, stage.timing))
    stage.scene.extents.extend([(x - r, -2 * r), (x + r, 0.0)])


def _pillow(stage: Stage) -> None:
    x, y = stage.first["head"]
    shape: Attrs = {"cx": x, "cy": y + 8, "rx": 15, "ry": 5, "fill": PILLOW}
    stage.scene.behind.append(element("ellipse", shape))


def _foam_roller(stage: Stage) -> None:
    x = (stage.first["waist"][0] + stage.first["shoulder"][0]) / 2
    shape: Attrs = {"cx": x, "cy": -ROLLER_RADIUS, "r": ROLLER_RADIUS, "fill": ROLLER}
    stage.scene.behind.append(element("circle", shape))


def _water(stage: Stage) -> None:
    """Water up to the neck, drawn over the figure and see-through."""
    surface, width = stage.first["neck"][1], stage.right - stage.left + 120
    box: Attrs = {"x": stage.left - 60, "y": surface, "width": width, "height": -surface}
    stage.scene.front.append(element("rect", {**box, "fill": WATER, "fill-opacity": 0.45}))


PROPS: dict[Prop, Callable[[Stage], None]] = {
    "mat": _mat,
    "wall": lambda stage: _wall(stage.left - 9, stage),
    "wall_ahead": lambda stage: _wall(stage.right + 1, stage),
    "chair": lambda stage: _seat(stage, back=True),
    "stool": lambda stage: _seat(stage, back=False),
    "ball": lambda stage: _ball(stage, "hip"),
    "ball_under_feet": lambda stage: _ball(stage, "ankle_r"),
    "pillow": _pillow,
    "foam_roller": _foam_roller,
    "water": _water,
}


def build_scene(props: Sequence[Prop], frames: Frames, view: View, timing: str) -> Scene:
    """Shapes for each prop, fitted to the placed frames (the first frame for fixed props)."""
    stage = Stage(frames, view, timing, *_x_extent(frames, view), Scene())
    for prop in props:
        PROPS[prop](stage)
    return stage.scene
