"""The exercises with a camera block, and their figures' own tempo."""

from __future__ import annotations

from backcare.content.schema import Camera, Exercise
from backcare.knowledge import KnowledgeBase, load_knowledge_base
from backcare.pictures.library import load_library
from backcare.pictures.timing import hold_seconds, move_seconds
from tests.camera.streams import Play

KB: KnowledgeBase = load_knowledge_base()
CAMERA_EXERCISES: dict[str, Exercise] = {
    e.id: e for e in KB.entries if isinstance(e, Exercise) and e.camera is not None
}
IDS_WITH_CAMERA: list[str] = sorted(CAMERA_EXERCISES)


def camera_of(exercise_id: str) -> Camera:
    """The camera block of an exercise that has one."""
    camera = CAMERA_EXERCISES[exercise_id].camera
    assert camera is not None
    return camera


def figure_play(exercise_id: str, cycles: int = 3) -> Play:
    """Play the figure at its own tempo (the one the animated picture uses)."""
    exercise = CAMERA_EXERCISES[exercise_id]
    motion = load_library().motion(exercise_id)
    return Play(cycles=cycles, move_s=move_seconds(exercise, motion), hold_s=hold_seconds(exercise))


def figure_reps(exercise_id: str, cycles: int) -> int:
    """Repetitions the figure does: one per loop, one per side when the loop is mirrored."""
    motion = load_library().motion(exercise_id)
    return cycles * (2 if motion.authored < len(motion.keyframes) else 1)
