"""Lying figures read the right way up: face down or face up, and a lying twist shows which knee
crosses to which side while the shoulders stay on the floor.

A newcomer shown unnamed stills read the face-down swallow as a boat pose on the back and could
only guess at the supine twist. These tests pin the cues that tell them apart, on the placed
keyframes (geometry, not pixels): the face (nose and eyes) and the seat of every side-view figure,
the belly on the floor in the swallow, and the crossing knee, level shoulders and turned face of
the lying twists seen from above.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backcare.content.schema import Exercise
from backcare.knowledge import KnowledgeBase
from backcare.pictures import load_library, picture_for
from backcare.pictures.face import EYE_RADIUS, features, nose
from backcare.pictures.figure import SEAT_RADIUS, crosses, moving_parts, place, radius, seat
from backcare.pictures.library import Keyframe, Motion
from backcare.pictures.render import BACKGROUND, HAIR, SVG_NS
from backcare.pictures.skeleton import (
    HEAD_RADIUS,
    JOINTS,
    SHOULDER_HALF_WIDTH,
    SIDE_RANGES,
    Point,
)
from backcare.pictures.svg import num
from backcare.pictures.timing import schedule

PRONE_EXTENSIONS = ("prone-back-extension", "prone-chest-raise")
LYING_TWISTS = ("supine-spinal-twist", "side-waist-stretch", "double-knee-twist")
FLOOR = 2.5  # a mat
LYING_TILT = 15.0  # a pelvis within this of horizontal lies down


def _placed(motion: Motion, frame: Keyframe) -> dict[str, Point]:
    return place(frame.pose, motion, anchor_x=0.0, floor=FLOOR)


def _up(points: Mapping[str, Point], name: str) -> float:
    """Height of a screen point above the floor (screen y points down, the floor is y=-FLOOR)."""
    return -points[name][1] - FLOOR


def _nose_height(points: Mapping[str, Point]) -> float:
    """Height of the nose tip above the head's centre (negative: the face looks down)."""
    tip = nose(points)[1]
    return points["head"][1] - tip[1]


def _seat_height(points: Mapping[str, Point]) -> float:
    """Height of the seat's centre above the hip (negative: the seat is on the floor side)."""
    return points["hip"][1] - seat(points, FLOOR)[1]


def _lying(kb: KnowledgeBase, position: str, tilt: float) -> list[Motion]:
    """Side-view motions of exercises in ``position`` that start with the pelvis lying flat."""
    library = load_library()
    return [
        motion
        for exercise in kb.of_type(Exercise)
        if exercise.position == position
        and (motion := library.motion(exercise.id)).view == "side"
        and abs(motion.keyframes[0].pose["tilt"] - tilt) <= LYING_TILT
    ]


def test_face_down_figures_look_at_the_floor_with_their_seat_on_top(kb: KnowledgeBase) -> None:
    prone = _lying(kb, "lying_front", 90.0)
    assert {motion.exercise_id for motion in prone} >= set(PRONE_EXTENSIONS)
    for motion in prone:
        for frame in motion.keyframes:
            points = _placed(motion, frame)
            assert _nose_height(points) < -3.0, (motion.exercise_id, frame.pose_name)
            assert _seat_height(points) > 3.0, (motion.exercise_id, frame.pose_name)


def test_face_up_figures_look_at_the_ceiling_with_their_seat_on_the_floor(
    kb: KnowledgeBase,
) -> None:
    supine = _lying(kb, "lying_back", -90.0)
    assert len(supine) >= 10
    for motion in supine:
        points = _placed(motion, motion.keyframes[0])
        assert _nose_height(points) > 3.0, motion.exercise_id
        seat_bottom = -(seat(points, FLOOR)[1] + SEAT_RADIUS) - FLOOR
        assert seat_bottom == pytest.approx(0.0, abs=0.5), motion.exercise_id  # sat on the floor
        # The seat flattens on the floor: the pelvis lies on its back (no higher than the head
        # lifts it), not propped up on the seat.
        assert _up(points, "hip") <= HEAD_RADIUS + 0.5, motion.exercise_id


@pytest.mark.parametrize("exercise_id", PRONE_EXTENSIONS)
def test_a_prone_extension_keeps_the_belly_on_the_floor_and_looks_ahead_and_down(
    exercise_id: str,
) -> None:
    """The lift comes from the chest and hips: hip and waist stay on the floor (no V balanced on
    the seat, as a boat pose is) and the face looks at the floor ahead, not up at the ceiling."""
    motion = load_library().motion(exercise_id)
    top = _placed(motion, motion.shown_still())
    for part in ("hip", "waist"):
        assert _up(top, part) == pytest.approx(radius(part, "side"), abs=3.0), part
    assert _up(top, "shoulder") >= radius("shoulder", "side") + 8.0
    tip = nose(top)[1]
    assert tip[0] > top["head"][0]  # the face looks forwards …
    assert _nose_height(top) < 0.0  # … and down at the floor
    assert _seat_height(top) > 0.0


def test_the_swallow_lifts_its_arms_back_and_up_from_its_sides() -> None:
    motion = load_library().motion("prone-back-extension")
    start, top = (_placed(motion, f) for f in (motion.other_end(), motion.shown_still()))
    for hand in ("hand_r", "hand_l"):
        assert start[hand][0] < start["shoulder"][0]  # arms along the sides …
        assert top[hand][0] < top["shoulder"][0]  # … reaching back, towards the feet
        assert _up(top, hand) >= _up(start, hand) + 15.0  # … and lifted well off the floor
        assert _up(top, hand) > _up(top, "shoulder")


side_poses = st.fixed_dictionaries(
    {joint: st.floats(*SIDE_RANGES[joint.rsplit("_", 1)[0]]) for joint in JOINTS}
)


@settings(max_examples=150, deadline=None)
@given(pose=side_poses)
def test_no_face_or_seat_ever_sinks_into_the_floor(pose: dict[str, float]) -> None:
    """Whatever the angles, the nose and the seat rest on the floor at the lowest."""
    motion = load_library().motion("prone-back-extension")
    points = place(pose, motion, anchor_x=0.0, floor=FLOOR)
    assert max(y for _, y in nose(points)) <= -FLOOR + 1e-6
    assert seat(points, FLOOR)[1] + SEAT_RADIUS <= -FLOOR + 1e-6


def _axis_side(points: Mapping[str, Point], name: str) -> float:
    """Signed distance of a point from the body's long axis (hip centre to shoulder centre),
    positive on the figure's left; seen from above lying on the back, the axis runs along x."""
    (hx, hy), (sx, sy) = points["hip"], points["shoulder"]
    px, py = points[name]
    return ((sx - hx) * (py - hy) - (sy - hy) * (px - hx)) / math.dist((hx, hy), (sx, sy))


def _along_axis(points: Mapping[str, Point], name: str) -> float:
    """How far a point lies along the body's long axis, from the hip towards the shoulders."""
    (hx, hy), (sx, sy) = points["hip"], points["shoulder"]
    px, py = points[name]
    return ((sx - hx) * (px - hx) + (sy - hy) * (py - hy)) / math.dist((hx, hy), (sx, sy))


@pytest.mark.parametrize("exercise_id", LYING_TWISTS)
def test_a_lying_twist_crosses_a_knee_over_the_midline_with_the_shoulders_level(
    exercise_id: str,
) -> None:
    motion = load_library().motion(exercise_id)
    assert motion.view == "top"
    start, end = (_placed(motion, f) for f in (motion.other_end(), motion.shown_still()))
    # The left knee starts on the left of the body and ends across the midline, on the right,
    # by more than the width of a leg; its shin lies towards the feet.
    assert _axis_side(start, "knee_l") * _axis_side(start, "hip_l") > 0
    assert _axis_side(end, "knee_l") < -radius("knee_l", "top") * 2
    feet = (start["hip"][0] - start["shoulder"][0], start["hip"][1] - start["shoulder"][1])
    shin = (end["ankle_l"][0] - end["knee_l"][0], end["ankle_l"][1] - end["knee_l"][1])
    assert shin[0] * feet[0] + shin[1] * feet[1] > 0
    # Both shoulders stay on the floor: level across the body, the shoulder line its full width.
    for points in (start, end):
        along = [_along_axis(points, s) for s in ("shoulder_r", "shoulder_l")]
        assert along[0] == pytest.approx(along[1], abs=3.0)  # (a little side bend at most)
        width = math.dist(points["shoulder_r"], points["shoulder_l"])
        assert width == pytest.approx(2 * SHOULDER_HALF_WIDTH, abs=1.0)
    assert motion.shown_still().pose["twist"] == 0


def test_the_supine_twist_still_shows_which_leg_crosses_and_the_head_turned_away() -> None:
    motion = load_library().motion("supine-spinal-twist")
    ghost, still = motion.other_end(), motion.shown_still()
    # Only the crossing (left) leg is in the accent colour; the straight right leg stays calm.
    moving = moving_parts(motion, [ghost.pose, still.pose])
    assert "leg_l" in moving
    assert "leg_r" not in moving
    points = _placed(motion, still)
    eyes = [f.geometry for f in features(points, "top", still.pose["face"]) if f.role == "eye"]
    middle = {
        "head": points["head"],
        "eyes": (sum(float(e["cx"]) for e in eyes) / 2, sum(float(e["cy"]) for e in eyes) / 2),
    }
    eye_side = _axis_side({**points, **middle}, "eyes") - _axis_side(points, "head")
    assert eye_side > 2.0  # the face turns to the left, away from the knee on the right
    assert _axis_side(points, "hand_r") < 0  # the right hand reaches towards that knee


def test_every_picture_shows_which_way_its_figure_faces(kb: KnowledgeBase) -> None:
    """Every head carries hair and eyes (one in profile, two from the front or above), still and
    animated, so no picture is left with a faceless disc."""
    library = load_library()
    for exercise in kb.of_type(Exercise):
        view = library.motion(exercise.id).view
        for animate in (False, True):
            root = ET.fromstring(picture_for(exercise.id, kb, animate=animate))
            fills = [shape.get("fill") for shape in root.iter()]
            eyes = [
                shape
                for shape in root.iter(f"{{{SVG_NS}}}circle")
                if shape.get("fill") == BACKGROUND and shape.get("r") == num(EYE_RADIUS)
            ]
            assert fills.count(HAIR) == 1, (exercise.id, animate)
            assert len(eyes) == (1 if view == "side" else 2), (exercise.id, animate)


@pytest.mark.parametrize("exercise_id", LYING_TWISTS)
def test_the_crossing_leg_lies_over_the_other_on_both_sides(
    kb: KnowledgeBase, exercise_id: str
) -> None:
    """Seen from above the left leg is drawn over the right; on the mirrored side, where the right
    knee crosses over, a copy of the right leg is shown on top in exactly those frames."""
    exercise = kb.get(exercise_id)
    assert isinstance(exercise, Exercise)
    motion = load_library().motion(exercise_id)
    frames = [
        place(sample.pose, motion, anchor_x=0.0, floor=FLOOR)
        for sample in schedule(exercise, motion)
    ]
    crossing = [crosses(frame, "r") for frame in frames]
    assert any(crossing)  # the other side crosses the right knee over …
    assert not any(c and crosses(f, "l") for c, f in zip(crossing, frames, strict=True))
    root = ET.fromstring(picture_for(exercise_id, kb))
    overlays = [
        animate.attrib["values"].split(";")
        for animate in root.iter(f"{{{SVG_NS}}}animate")
        if animate.attrib["attributeName"] == "opacity"
    ]
    assert overlays == [["1" if c else "0" for c in crossing]]  # … and is drawn on top then
