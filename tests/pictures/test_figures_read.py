"""The figures show the movement a newcomer has to make, in the still picture as well as in motion.

Geometric properties computed from the keyframes (not pixel snapshots): a twist turns the
shoulders while the pelvis stays; cat–cow rounds and hollows the back on hands and knees; a prone
extension lies face down and lifts the chest with the hips down. Every still picture carries the
other end of its movement as a ghost, and its arrows run from the ghost to the figure, inside the
picture.
"""

from __future__ import annotations

import itertools
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping

import pytest

from backcare.content.schema import Exercise
from backcare.knowledge import KnowledgeBase
from backcare.pictures import load_library, picture_for
from backcare.pictures.figure import place, radius
from backcare.pictures.guides import ARROW_HEAD, ARROW_WIDTH, RING_PART, guides
from backcare.pictures.library import Keyframe, Motion
from backcare.pictures.render import GHOST, SVG_NS
from backcare.pictures.skeleton import Point, forward_kinematics

# Twists done with the pelvis still: sitting, standing in a lunge, in a downward dog.
SEATED_AND_STANDING_TWISTS = (
    "seated-twist",
    "cross-legged-seated-twist",
    "yoga-lunge-hand-twist",
    "yoga-downward-dog-twist",
)
# Twists lying on the back, seen from above: the knees go over while the shoulders stay down.
LYING_TWISTS = ("double-knee-twist", "supine-spinal-twist", "side-waist-stretch")
# Every exercise whose picture turns the shoulder line against the pelvis. (The forearm lunge
# twist turns the hips under square shoulders resting on the forearms: its arrow is the knee's.)
RING_TWISTS = (*SEATED_AND_STANDING_TWISTS, "thread-the-needle")
PRONE_EXTENSIONS = ("prone-back-extension", "prone-chest-raise")
TURN_DEG = 30.0
PHONE_PICTURE_PX = 358.0
STILL_DEG = 5.0


def _points(motion: Motion, frame: Keyframe) -> dict[str, Point]:
    """Screen-independent points (y up), resting on a floor at 0."""
    placed = place(frame.pose, motion, anchor_x=0.0, floor=0.0)
    return {name: (x, -y) for name, (x, y) in placed.items()}


def _authored(motion: Motion) -> tuple[Keyframe, ...]:
    return motion.keyframes[: motion.authored]


@pytest.mark.parametrize("exercise_id", SEATED_AND_STANDING_TWISTS)
def test_a_twist_turns_the_shoulders_while_the_pelvis_stays(exercise_id: str) -> None:
    motion = load_library().motion(exercise_id)
    frames = _authored(motion)
    before, after = max(
        itertools.pairwise(frames),
        key=lambda pair: abs(pair[1].pose["twist"] - pair[0].pose["twist"]),
    )
    assert abs(after.pose["twist"] - before.pose["twist"]) >= TURN_DEG
    for joint in ("tilt", "hip_r", "hip_l", "knee_r", "knee_l"):
        assert after.pose[joint] == pytest.approx(before.pose[joint], abs=STILL_DEG), joint
    # The still picture shows the turned shoulders, and its ghost the same position facing ahead.
    still, ghost = motion.shown_still().pose, motion.other_end().pose
    assert abs(still["twist"] - ghost["twist"]) >= TURN_DEG
    assert still["tilt"] == pytest.approx(ghost["tilt"], abs=STILL_DEG)


@pytest.mark.parametrize("exercise_id", LYING_TWISTS)
def test_a_lying_twist_takes_the_knees_across_while_the_shoulders_stay_down(
    exercise_id: str,
) -> None:
    motion = load_library().motion(exercise_id)
    assert motion.view == "top"
    start, end = _points(motion, motion.other_end()), _points(motion, motion.shown_still())
    for shoulder in ("shoulder_r", "shoulder_l"):  # at most a little side bend of the waist
        assert math.dist(start[shoulder], end[shoulder]) < 10.0, shoulder
    # Seen from above the body lies along x; a knee going over moves across it, along y.
    across = max(abs(end[knee][1] - start[knee][1]) for knee in ("knee_r", "knee_l"))
    assert across >= 25.0
    bent = max(abs(end[k][0] - end["hip"][0]) for k in ("knee_r", "knee_l"))
    assert bent < max(abs(end[a][0] - end["hip"][0]) for a in ("ankle_r", "ankle_l"))


@pytest.mark.parametrize("exercise_id", RING_TWISTS)
def test_every_twist_is_drawn_with_a_ring_turning_round_the_chest(exercise_id: str) -> None:
    motion = load_library().motion(exercise_id)
    ghost = place(motion.other_end().pose, motion, anchor_x=0.0, floor=0.0)
    still = place(motion.shown_still().pose, motion, anchor_x=0.0, floor=0.0)
    rings = [guide for guide in guides(motion, ghost, still) if guide.part == RING_PART]
    assert len(rings) == 1
    # The ring passes on both sides of the spine, so it reads as going round the body.
    (hx, hy), (sx, sy) = still["hip"], still["shoulder"]
    side = [(sx - hx) * (y - hy) - (sy - hy) * (x - hx) for x, y in rings[0].line]
    assert min(side) < 0 < max(side)


def test_non_twists_get_no_ring() -> None:
    library = load_library()
    for exercise_id in ("cat-cow", "bridge", "prone-back-extension", "yoga-forearm-lunge-twist"):
        motion = library.motion(exercise_id)
        ghost = place(motion.other_end().pose, motion, anchor_x=0.0, floor=0.0)
        still = place(motion.shown_still().pose, motion, anchor_x=0.0, floor=0.0)
        assert all(g.part != RING_PART for g in guides(motion, ghost, still)), exercise_id


def _back_curve(points: Mapping[str, Point]) -> float:
    """How far the waist sits above (+) or below (-) the straight line from hip to shoulder."""
    (hx, hy), (wx, wy), (sx, sy) = points["hip"], points["waist"], points["shoulder"]
    return ((sx - hx) * (wy - hy) - (sy - hy) * (wx - hx)) / math.dist((hx, hy), (sx, sy))


def test_cat_cow_rounds_then_hollows_the_back_on_hands_and_knees() -> None:
    motion = load_library().motion("cat-cow")
    frames = {frame.pose_name: _points(motion, frame) for frame in _authored(motion)}
    cat, cow = frames["cat"], frames["cow"]
    assert _back_curve(cat) >= 6.0  # rounded up: the waist above the hip→shoulder line …
    assert _back_curve(cow) <= -3.0  # … hollowed: below it
    assert cat["head"][1] < cat["shoulder"][1] < cow["shoulder"][1] + 5 < cow["head"][1]
    for name, points in frames.items():
        for support in ("hand_r", "knee_r"):
            resting = radius(support, "side")
            assert points[support][1] == pytest.approx(resting, abs=2.5), (name, support)
        assert points["shoulder"][1] > points["hand_r"][1] + 40, name  # arms hold the body up
    # The still shows one end and its ghost the other, so the picture alone shows both.
    assert {motion.shown_still().pose_name, motion.other_end().pose_name} == {"cat", "cow"}


@pytest.mark.parametrize("exercise_id", PRONE_EXTENSIONS)
def test_a_prone_extension_lies_face_down_and_lifts_the_chest_with_the_hips_down(
    exercise_id: str,
) -> None:
    motion = load_library().motion(exercise_id)
    start, top = _points(motion, motion.other_end()), _points(motion, motion.shown_still())
    trunk = ("hip", "waist", "shoulder")
    assert max(start[p][1] for p in trunk) - min(start[p][1] for p in trunk) < 1.0  # flat
    # On the floor: only the head, a little thicker than the trunk, holds the hips up.
    assert start["hip"][1] == pytest.approx(radius("hip", "side"), abs=3.0)
    face = forward_kinematics(motion.other_end().pose)
    facing = face["shoulder"][0] - face["hip"][0]
    assert facing > 0  # head to the right …
    front = _front(motion.other_end().pose)
    assert front[1] < -0.9  # … and the front of the body faces the floor: lying face down
    assert top["hip"][1] == pytest.approx(start["hip"][1], abs=3.0)  # the hips stay down
    assert top["shoulder"][1] >= start["shoulder"][1] + 8.0  # the chest rises
    assert top["head"][1] >= start["head"][1] + 12.0
    assert top["head"][0] > top["hip"][0]  # rising forwards, not sitting up backwards


def _front(pose: Mapping[str, float]) -> Point:
    """Unit vector out of the chest (y up): the chest direction turned a quarter forward."""
    chest = math.radians(pose["tilt"] + pose["lumbar"] + pose["thoracic"] + 90)
    return math.sin(chest), math.cos(chest)


def test_the_swallow_lifts_straight_legs_too() -> None:
    motion = load_library().motion("prone-back-extension")
    start, top = _points(motion, motion.other_end()), _points(motion, motion.shown_still())
    assert top["ankle_r"][1] >= start["ankle_r"][1] + 10.0
    assert motion.shown_still().pose["knee_r"] == 0


def test_every_still_shows_the_other_end_of_its_movement(kb: KnowledgeBase) -> None:
    library = load_library()
    for exercise in kb.of_type(Exercise):
        motion = library.motion(exercise.id)
        assert motion.other_end().pose != motion.shown_still().pose, exercise.id
        svg = picture_for(exercise.id, kb, animate=False)
        assert f'stroke="{GHOST}"' in svg, exercise.id


def _numbers(path: str) -> list[Point]:
    values = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", path)]
    return list(zip(values[::2], values[1::2], strict=True))


@pytest.mark.parametrize("animate", [True, False])
def test_arrows_stay_inside_the_picture(kb: KnowledgeBase, animate: bool) -> None:
    for exercise in kb.of_type(Exercise):
        root = ET.fromstring(picture_for(exercise.id, kb, animate=animate))
        x, y, width, height = (float(v) for v in root.attrib["viewBox"].split())
        for shape in root.iter(f"{{{SVG_NS}}}path"):
            if shape.get("class") != "guide":
                continue
            for px, py in _numbers(shape.attrib["d"]):
                assert x <= px <= x + width, (exercise.id, px)
                assert y <= py <= y + height, (exercise.id, py)


def test_arrows_point_from_the_ghost_to_the_figure() -> None:
    for motion in load_library().motions.values():
        ghost = place(motion.other_end().pose, motion, anchor_x=0.0, floor=0.0)
        still = place(motion.shown_still().pose, motion, anchor_x=0.0, floor=0.0)
        for guide in guides(motion, ghost, still):
            if guide.part == RING_PART:
                continue
            tip = guide.heads[0][0]
            assert math.dist(tip, still[guide.part]) < math.dist(tip, ghost[guide.part]), (
                motion.exercise_id,
                guide.part,
            )


def test_cat_cow_and_the_lifts_have_arrows() -> None:
    library = load_library()
    for exercise_id, heads in (("cat-cow", 2), ("prone-back-extension", 1), ("bridge", 1)):
        motion = library.motion(exercise_id)
        ghost = place(motion.other_end().pose, motion, anchor_x=0.0, floor=0.0)
        still = place(motion.shown_still().pose, motion, anchor_x=0.0, floor=0.0)
        arrows = guides(motion, ghost, still)
        assert arrows, exercise_id
        assert {len(arrow.heads) for arrow in arrows} == {heads}, exercise_id


def test_arrows_are_big_enough_to_see_on_a_phone(kb: KnowledgeBase) -> None:
    """On a 390-px phone a picture is about 358 px wide: every arrowhead is at least 10 px long
    and every arrow line at least 3 px thick there."""
    for exercise in kb.of_type(Exercise):
        root = ET.fromstring(picture_for(exercise.id, kb, animate=False))
        scale = PHONE_PICTURE_PX / float(root.attrib["viewBox"].split()[2])
        assert ARROW_HEAD * scale >= 10, exercise.id
        assert ARROW_WIDTH * scale >= 3, exercise.id


@pytest.mark.parametrize("exercise_id", ["plank", "yoga-forearm-lunge-twist"])
def test_a_forearm_plank_rests_on_the_forearms_in_its_held_pose(exercise_id: str) -> None:
    """A leg drawn in under the body must not lift the forearms off the floor."""
    motion = load_library().motion(exercise_id)
    points = _points(motion, motion.shown_still())
    for elbow in ("elbow_r", "elbow_l"):
        assert points[elbow][1] == pytest.approx(radius(elbow, "side"), abs=3.0), elbow
