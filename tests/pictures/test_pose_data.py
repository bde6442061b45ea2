"""Pose data: every exercise has keyframes, every angle is humanly possible, bones keep length."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from backcare.content.schema import Exercise
from backcare.errors import ContentError
from backcare.knowledge import KnowledgeBase
from backcare.pictures import load_library
from backcare.pictures.library import POSES_DIR, build_library, mirrored
from backcare.pictures.skeleton import BONES, JOINTS, forward_kinematics, joint_range
from backcare.pictures.timing import schedule


def test_every_exercise_has_keyframes(kb: KnowledgeBase) -> None:
    missing = [e.id for e in kb.of_type(Exercise) if e.id not in load_library().motions]
    assert missing == []


def test_keyframes_belong_to_exercises(kb: KnowledgeBase) -> None:
    exercises = {e.id for e in kb.of_type(Exercise)}
    assert sorted(set(load_library().motions) - exercises) == []


def test_every_angle_of_every_keyframe_is_within_human_range() -> None:
    outside = [
        f"{motion.exercise_id} #{index} {joint}={frame.pose[joint]:g}"
        for motion in load_library().motions.values()
        for index, frame in enumerate(motion.keyframes)
        for joint in JOINTS
        if not joint_range(motion.view, joint)[0]
        <= frame.pose[joint]
        <= joint_range(motion.view, joint)[1]
    ]
    assert outside == []


def test_limb_lengths_stay_constant_in_every_frame(kb: KnowledgeBase) -> None:
    library = load_library()
    for exercise in kb.of_type(Exercise):
        motion = library.motion(exercise.id)
        for sample in schedule(exercise, motion):
            points = forward_kinematics(sample.pose, motion.view)
            for (a, b), length in BONES[motion.view].items():
                assert math.dist(points[a], points[b]) == pytest.approx(length), (exercise.id, a, b)


def test_a_keyframe_naming_an_unknown_pose_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        "poses:\n  stand: {angles: {elbow: 10}}\n"
        "motions:\n  bridge:\n    keyframes: [{pose: stand}, {pose: brige_top}]\n"
    )
    with pytest.raises(ContentError, match="bridge: unknown pose 'brige_top'"):
        build_library([tmp_path / "a.yaml"])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("poses:\n  a: {base: b}\n  b: {base: a}\n", "its own base"),
        ("poses:\n  a: {angles: {elbw: 1}}\n", "unknown joint"),
        ("poses:\n  a: {}\nmotions:\n  x: {keyframes: [{pose: a}]}\n", "at least 2"),
        (
            "poses:\n  a: {}\nmotions:\n  x: {anchor: nose, keyframes: [{pose: a}, {pose: a}]}\n",
            "unknown anchor",
        ),
    ],
)
def test_bad_pose_data_is_refused_with_a_clear_message(
    tmp_path: Path, text: str, message: str
) -> None:
    (tmp_path / "a.yaml").write_text(text)
    with pytest.raises(ContentError, match=message):
        build_library([tmp_path / "a.yaml"])


def test_an_exercise_is_defined_in_one_file_only(tmp_path: Path) -> None:
    motion = "motions:\n  bridge: {keyframes: [{pose: stand}, {pose: stand}]}\n"
    (tmp_path / "a.yaml").write_text("poses:\n  stand: {}\n" + motion)
    (tmp_path / "b.yaml").write_text(motion)
    with pytest.raises(ContentError, match=r"also in a\.yaml"):
        build_library(sorted(tmp_path.glob("*.yaml")))


def test_keyframes_use_only_known_poses_and_shipped_files_all_load() -> None:
    library = build_library(sorted(POSES_DIR.glob("*.yaml")))
    names = {frame.pose_name for m in library.motions.values() for frame in m.keyframes}
    assert names <= set(library.poses)


def test_mirroring_swaps_sides_and_twice_is_the_same_pose() -> None:
    pose = {**load_library().poses["walk_stride"], "lumbar": 10.0}
    side = mirrored(pose, "side")
    assert (side["hip_r"], side["hip_l"], side["lumbar"]) == (pose["hip_l"], pose["hip_r"], 10.0)
    assert mirrored(pose, "front")["lumbar"] == -10.0
    assert mirrored(mirrored(pose, "front"), "front") == pose
