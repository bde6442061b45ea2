"""Load the pose data: resolve named poses and turn each exercise's keyframes into full poses."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from backcare.errors import ContentError
from backcare.pictures.schema import KeyframeSpec, MotionSpec, PoseFile, PoseSpec, Prop
from backcare.pictures.skeleton import JOINTS, LIMB_JOINTS, SIDES, View, forward_kinematics

POSES_DIR = Path(__file__).resolve().parents[1] / "content" / "poses"

TWIST_DEG = 20.0  # a turn of the shoulders at least this large makes a keyframe a twist

# Angles a front-view mirror negates: sideways bends and turns of the body's midline.
_MIDLINE = ("tilt", "lumbar", "thoracic", "neck", "head", "twist", "face")


@dataclass(frozen=True)
class Keyframe:
    """A full pose (every joint angle) and its timing."""

    pose: Mapping[str, float]
    pose_name: str
    hold: bool = False
    beats: float = 1.0


@dataclass(frozen=True)
class Motion:
    """The keyframes of one exercise, the view they are drawn in, and the scene around them."""

    exercise_id: str
    view: View
    anchor: str
    props: tuple[Prop, ...] | None
    keyframes: tuple[Keyframe, ...]
    authored: int  # keyframes written by hand; any after these are the mirrored other side

    def shown_still(self) -> Keyframe:
        """The pose a still picture shows: the last held keyframe (where a movement ends up:
        the twist after the downward dog, the second side of a side bend), else the one furthest
        from the start (the top of the movement)."""
        authored = self.keyframes[: self.authored]
        held = [frame for frame in authored if frame.hold]
        if held:
            return held[-1]
        return _furthest(authored, authored[0])

    def other_end(self) -> Keyframe:
        """The pose a still picture shows faintly behind ``shown_still``: for a twist, the same
        position before the turn (a turn reads against the body facing ahead); otherwise the
        authored keyframe furthest from it (the start of a lift, the other end of cat–cow)."""
        authored = self.keyframes[: self.authored]
        still = self.shown_still()
        before = authored[authored.index(still) - 1]
        if abs(still.pose["twist"] - before.pose["twist"]) >= TWIST_DEG:
            return before
        return _furthest(authored, still)


def _furthest(frames: Iterable[Keyframe], origin: Keyframe) -> Keyframe:
    """The keyframe whose angles differ most, in total, from ``origin``'s."""
    start = origin.pose
    return max(frames, key=lambda f: sum(abs(f.pose[k] - start[k]) for k in start))


@dataclass(frozen=True)
class PoseLibrary:
    """Named poses and per-exercise motions from every pose file."""

    poses: Mapping[str, Mapping[str, float]]
    motions: Mapping[str, Motion]

    def motion(self, exercise_id: str) -> Motion:
        """The motion of one exercise, or ``ContentError`` naming the missing id."""
        try:
            return self.motions[exercise_id]
        except KeyError:
            raise ContentError(f"no keyframes for exercise {exercise_id!r}") from None


def expand(angles: Mapping[str, float]) -> dict[str, float]:
    """Angles with shorthand limb keys (``hip``) written out for both sides (``hip_r``, …)."""
    out: dict[str, float] = {}
    for key, value in angles.items():
        if key in LIMB_JOINTS:
            out.update({f"{key}_{side}": value for side in SIDES})
    out.update({key: value for key, value in angles.items() if key not in LIMB_JOINTS})
    return out


def _resolve_poses(specs: Mapping[str, PoseSpec]) -> dict[str, dict[str, float]]:
    resolved: dict[str, dict[str, float]] = {}

    def resolve(name: str, chain: tuple[str, ...]) -> dict[str, float]:
        if name in chain:
            raise ContentError(f"pose {name!r} is its own base ({' -> '.join((*chain, name))})")
        if name not in specs:
            raise ContentError(
                f"unknown pose {name!r}" + (f" (base of {chain[-1]!r})" * bool(chain))
            )
        if name not in resolved:
            spec = specs[name]
            base = resolve(spec.base, (*chain, name)) if spec.base else dict.fromkeys(JOINTS, 0.0)
            resolved[name] = {**base, **expand(spec.angles)}
        return resolved[name]

    for name in specs:
        resolve(name, ())
    return resolved


def mirrored(pose: Mapping[str, float], view: View) -> dict[str, float]:
    """The same pose on the other side: right and left swap (and, seen from the front or from
    above, sideways bends and turns of the midline flip)."""
    out = dict(pose)
    for key, value in pose.items():
        if key[-2:] in ("_r", "_l"):
            out[key[:-1] + ("l" if key.endswith("r") else "r")] = value
    if view == "front":
        out.update({key: -pose[key] for key in _MIDLINE})
    elif view == "top":  # lying along the screen: the other side is across the body's long axis
        out.update({key: -pose[key] for key in _MIDLINE if key != "tilt"})
    return out


def _keyframe(spec: KeyframeSpec, poses: Mapping[str, Mapping[str, float]], where: str) -> Keyframe:
    if spec.pose not in poses:
        raise ContentError(f"{where}: unknown pose {spec.pose!r}")
    pose = {**poses[spec.pose], **expand(spec.set)}
    return Keyframe(pose=pose, pose_name=spec.pose, hold=spec.hold, beats=spec.beats)


def _motion(exercise_id: str, spec: MotionSpec, poses: Mapping[str, Mapping[str, float]]) -> Motion:
    frames = tuple(_keyframe(frame, poses, exercise_id) for frame in spec.keyframes)
    if spec.anchor not in forward_kinematics(frames[0].pose, spec.view):
        raise ContentError(f"{exercise_id}: unknown anchor point {spec.anchor!r}")
    if spec.mirror:
        frames += tuple(
            Keyframe(mirrored(f.pose, spec.view), f.pose_name, f.hold, f.beats) for f in frames
        )
    props = tuple(spec.props) if spec.props is not None else None
    return Motion(exercise_id, spec.view, spec.anchor, props, frames, len(spec.keyframes))


def parse_pose_file(path: Path) -> PoseFile:
    """Parse and validate one pose file; errors name the file."""
    try:
        return PoseFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
    except (yaml.YAMLError, ValidationError) as error:
        raise ContentError(f"{path.name}: {error}") from error


def build_library(files: Iterable[Path]) -> PoseLibrary:
    """Merge pose files: pose names and exercise ids must each be defined once."""
    pose_specs: dict[str, PoseSpec] = {}
    motion_specs: dict[str, tuple[str, MotionSpec]] = {}
    for path in files:
        parsed = parse_pose_file(path)
        for name, pose in parsed.poses.items():
            if name in pose_specs:
                raise ContentError(f"{path.name}: pose {name!r} is defined twice")
            pose_specs[name] = pose
        for exercise_id, motion in parsed.motions.items():
            if exercise_id in motion_specs:
                other = motion_specs[exercise_id][0]
                raise ContentError(f"{path.name}: keyframes for {exercise_id!r} also in {other}")
            motion_specs[exercise_id] = (path.name, motion)
    poses = _resolve_poses(pose_specs)
    motions = {key: _motion(key, spec, poses) for key, (_, spec) in motion_specs.items()}
    return PoseLibrary(poses=poses, motions=motions)


@cache
def load_library(directory: Path = POSES_DIR) -> PoseLibrary:
    """The pose library shipped with the package (read once per process)."""
    return build_library(sorted(directory.glob("*.yaml")))
