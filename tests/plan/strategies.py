"""Random profiles for property tests: every field of SPEC §2, each possibly absent."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from backcare.content.schema import AREAS, EQUIPMENT
from backcare.profile import SYMPTOM_FIELDS, Profile

WORK = ("sitting", "standing", "lifting", "driving")
CONDITIONS = (
    "disc_herniation",
    "lumbar_strain",
    "ankylosing_spondylitis",
    "osteoporosis",
    "spinal_stenosis",
    "knee_problems",
    "rectus_diastasis",
)


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def _subset(values: tuple[str, ...]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(values), unique=True, max_size=len(values))


pains = st.fixed_dictionaries(
    {},
    optional={
        "areas": _subset(AREAS),
        "score": st.integers(0, 10),
        "duration_days": st.integers(0, 3650),
        "onset": st.sampled_from(["sudden", "gradual"]),
        "excruciating": st.booleans(),
        "worse_at_night": st.booleans(),
        "morning_stiffness_minutes": st.integers(0, 240),
        "better_with_exercise": st.booleans(),
        "better_with_rest": st.booleans(),
        "onset_age": st.integers(10, 90),
    },
)

# Warning signs are rare in real profiles; mostly absent keeps most plans exercising.
symptoms = st.dictionaries(
    st.sampled_from(SYMPTOM_FIELDS), st.booleans() | st.just(False), max_size=3
)

profile_data = st.fixed_dictionaries(
    {},
    optional={
        "age": st.integers(16, 95),
        "sex": st.sampled_from(["female", "male", "other"]),
        "pregnancy": st.fixed_dictionaries({"weeks": st.integers(0, 42)}),
        "postpartum": st.fixed_dictionaries(
            {"weeks_since_birth": st.integers(0, 60)},
            optional={"delivery": st.sampled_from(["vaginal", "caesarean"])},
        ),
        "menopause": st.booleans(),
        "work": _subset(WORK),
        "pain": pains,
        "symptoms": symptoms,
        "conditions": _subset(CONDITIONS),
        "fitness": st.sampled_from(["low", "moderate", "high"]),
        "equipment": _subset(EQUIPMENT),
        "minutes_per_day": st.integers(1, 90),
    },
)

profiles: st.SearchStrategy[Profile] = profile_data.map(Profile.model_validate)
