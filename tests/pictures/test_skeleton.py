"""Forward kinematics puts the joints where the angle conventions say."""

from __future__ import annotations

import pytest

from backcare.pictures import load_library
from backcare.pictures.skeleton import HEAD_RADIUS, forward_kinematics


def test_standing_figure_is_about_1_65_m_and_faces_forward() -> None:
    points = forward_kinematics(load_library().poses["stand"])
    height = points["head"][1] + HEAD_RADIUS - points["ankle_r"][1]
    assert height == pytest.approx(160, abs=8)
    assert points["toe_r"][0] > points["ankle_r"][0]  # the feet point the way the figure faces
    assert points["hand_r"][1] < 0 < points["shoulder"][1]


def test_lying_on_the_back_is_level_with_the_head_left_and_feet_up() -> None:
    points = forward_kinematics(load_library().poses["lie_back"])
    assert max(abs(y) for name, (_, y) in points.items() if not name.startswith("toe")) < 1e-9
    assert points["toe_r"][1] > 0  # feet point up
    assert points["head"][0] < points["hip"][0] < points["ankle_r"][0]


def test_front_view_puts_the_right_side_on_screen_left() -> None:
    points = forward_kinematics(load_library().poses["front_arms_out"], "front")
    assert points["hand_r"][0] < points["shoulder_r"][0] < 0 < points["shoulder_l"][0]
    assert points["hip_r"][0] < 0 < points["hip_l"][0]


def test_a_twist_brings_the_near_shoulder_forward_seen_from_the_side() -> None:
    pose = {**load_library().poses["sit"], "twist": 40.0}
    points = forward_kinematics(pose)
    assert points["shoulder_r"][0] > points["shoulder"][0] > points["shoulder_l"][0]
