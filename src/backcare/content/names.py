"""The content's closed vocabularies that commands name in their options (population groups,
entry kinds, pain areas), apart from ``schema`` so that a command can list them without building the
content's pydantic models. ``schema`` re-exports them."""

from __future__ import annotations

from typing import Literal

Group = Literal[
    "office_worker",
    "standing_worker",
    "manual_worker",
    "driver",
    "men",
    "women",
    "pregnancy",
    "postpartum",
    "menopause",
    "older_adult",
    "ankylosing_spondylitis",
    "disc_herniation",
    "lumbar_strain",
    "osteoporosis",
    "spinal_stenosis",
    "rectus_diastasis",
    "acute_phase",
]
GROUPS: tuple[Group, ...] = Group.__args__  # type: ignore[attr-defined]

Kind = Literal[
    "exercise",
    "method",
    "habit",
    "thermotherapy",
    "posture",
    "acupressure",
    "cause",
    "red_flag",
    "population",
    "conflict",
]
KINDS: tuple[Kind, ...] = Kind.__args__  # type: ignore[attr-defined]

Area = Literal[
    "lower_back", "upper_back", "neck_shoulder", "leg_sciatica", "wrist_hand", "knee", "foot"
]
AREAS: tuple[Area, ...] = Area.__args__  # type: ignore[attr-defined]
