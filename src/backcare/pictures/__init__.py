"""Pictures of exercises: an animated stick figure generated from pose data.

Every exercise in the knowledge base has keyframes in ``content/poses/*.yaml``; ``picture_for``
turns one into an SVG, so new content gets its picture from data alone. To add one, list the
exercise id under ``motions`` with two or more keyframes naming poses of ``library.yaml`` (with
``set:`` overrides, ``hold: true`` for a held pose, ``mirror: true`` to repeat on the other side);
the tests then check its angles against human ranges.

The animated picture loops by itself (SMIL). During a hold, a page shows the still picture
(``animate=False``), or pauses an inline picture with ``svg.pauseAnimations()``.
"""

from __future__ import annotations

from backcare.content.schema import Exercise
from backcare.errors import InputError
from backcare.knowledge import KnowledgeBase
from backcare.pictures.library import Keyframe, Motion, PoseLibrary, load_library
from backcare.pictures.render import render_svg

__all__ = ["Keyframe", "Motion", "PoseLibrary", "load_library", "picture_for", "render_svg"]


def picture_for(entry_id: str, kb: KnowledgeBase, *, animate: bool = True) -> str:
    """The SVG picture of one exercise.

    Raises ``UnknownEntryError`` for an unknown id and ``InputError`` for an entry that is not an
    exercise (only movements have pictures).
    """
    entry = kb.get(entry_id)
    if not isinstance(entry, Exercise):
        raise InputError(
            f"{entry_id!r} is a {entry.kind}, not an exercise; only exercises have pictures"
        )
    return render_svg(entry, load_library().motion(entry_id), animate=animate)
