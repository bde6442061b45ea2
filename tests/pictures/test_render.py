"""Every picture is valid, accessible, deterministic SVG that animates and highlights what moves."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from backcare.content.schema import Exercise
from backcare.errors import InputError, UnknownEntryError
from backcare.knowledge import KnowledgeBase
from backcare.pictures import load_library, picture_for, render_svg
from backcare.pictures.figure import moving_parts
from backcare.pictures.render import MOVING, SVG_NS
from backcare.pictures.scenery import PROPS
from backcare.pictures.timing import DEFAULT_MOVE_S, hold_seconds, move_seconds

NS = {"svg": SVG_NS}


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


@pytest.mark.parametrize("animate", [True, False])
def test_every_picture_is_valid_titled_svg(kb: KnowledgeBase, animate: bool) -> None:
    for exercise in kb.of_type(Exercise):
        root = _parse(picture_for(exercise.id, kb, animate=animate))
        assert root.tag == f"{{{SVG_NS}}}svg", exercise.id
        assert len(root.attrib["viewBox"].split()) == 4
        assert root.find("svg:title", NS) is not None
        assert root.findtext("svg:title", namespaces=NS) == exercise.name
        assert root.find(".//svg:animate", NS) is not None if animate else True
        assert root.find(".//svg:animate", NS) is None or animate


def test_pictures_are_self_contained(kb: KnowledgeBase) -> None:
    for exercise in kb.of_type(Exercise):
        svg = picture_for(exercise.id, kb)
        for forbidden in ("<script", "href", "url(", "@import", " id="):
            assert forbidden not in svg, (exercise.id, forbidden)


def test_output_is_deterministic(kb: KnowledgeBase) -> None:
    first = picture_for("bridge", kb)
    load_library.cache_clear()
    assert picture_for("bridge", kb) == first


def test_the_animation_loops_over_key_times_from_0_to_1(kb: KnowledgeBase) -> None:
    root = _parse(picture_for("bridge", kb))
    for animate in root.iter(f"{{{SVG_NS}}}animate"):
        times = [float(t) for t in animate.attrib["keyTimes"].split(";")]
        assert times[0] == 0
        assert times[-1] == 1
        assert times == sorted(times)
        assert len(times) == len(animate.attrib["values"].split(";"))
        assert animate.attrib["repeatCount"] == "indefinite"


def test_moving_parts_are_highlighted_and_still_parts_are_not(kb: KnowledgeBase) -> None:
    library = load_library()
    assert moving_parts(library.motion("breathing-arm-raise")) == {"arm_r", "arm_l"}
    assert {"torso", "leg_r", "leg_l"} <= moving_parts(library.motion("bridge"))
    assert "leg_r" not in moving_parts(library.motion("standing-forward-fold"))
    svg = picture_for("breathing-arm-raise", kb)
    assert svg.count(f'stroke="{MOVING}"') == 2


def test_the_still_shows_the_held_pose(kb: KnowledgeBase) -> None:
    exercise = kb.get("bridge")
    assert isinstance(exercise, Exercise)
    motion = load_library().motion("bridge")
    assert motion.shown_still().pose_name == "bridge_top"
    assert render_svg(exercise, motion, animate=False) == picture_for("bridge", kb, animate=False)


def test_tempo_comes_from_the_dose_or_the_category(kb: KnowledgeBase) -> None:
    library = load_library()
    bridge, downward_dog = kb.get("bridge"), kb.get("downward-dog")
    assert isinstance(bridge, Exercise)
    assert isinstance(downward_dog, Exercise)
    assert move_seconds(bridge, library.motion("bridge")) == DEFAULT_MOVE_S["core"]
    assert move_seconds(downward_dog, library.motion("downward-dog")) == 4.0  # breaths
    assert hold_seconds(bridge) == 3.0  # a 5 s hold is shown as 3 s


def test_non_exercises_and_unknown_ids_are_refused(kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownEntryError):
        picture_for("no-such-entry", kb)
    posture = next(entry for entry in kb if entry.kind != "exercise")
    with pytest.raises(InputError, match="not an exercise"):
        picture_for(posture.id, kb)


def test_props_follow_position_and_equipment(kb: KnowledgeBase) -> None:
    def shapes(entry_id: str) -> str:
        return picture_for(entry_id, kb, animate=False)

    assert 'fill="#b5d3bf"' in shapes("bridge")  # a mat under a lying exercise
    assert 'fill="#e3ddd2"' in shapes("wall-squat")  # a wall
    assert 'fill="#f2c57c"' in shapes("yoga-ball-pike")  # a ball
    assert 'fill="#b08d6a"' in shapes("seated-twist")  # a chair
    assert 'fill="#b08d6a"' not in shapes("walking")


def test_every_prop_draws_and_the_picture_stays_valid(kb: KnowledgeBase) -> None:
    bridge = kb.get("bridge")
    assert isinstance(bridge, Exercise)
    motion = load_library().motion("bridge")
    bare = render_svg(bridge, replace(motion, props=()), animate=False)
    for prop in PROPS:
        svg = render_svg(bridge, replace(motion, props=(prop,)), animate=False)
        assert _parse(svg).find("svg:title", NS) is not None, prop
        assert len(_parse(svg)) > len(_parse(bare)), prop
