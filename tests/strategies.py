"""Hypothesis strategies: random valid profiles over every field of SPEC §2.

Shared by the triage property tests and the plan tests. Every answer can be true, false or
absent; numbers cover their whole valid range with extra weight where the rules change
(short pain, pain around three months, ages around the thresholds), and pregnancy, postpartum,
conditions, work, equipment and minutes per day are all drawn, in any combination the model
accepts (the rules must hold for odd combinations too).
"""

from __future__ import annotations

from typing import Any, TypeVar

from hypothesis import strategies as st

from backcare.content.schema import AREAS, EQUIPMENT
from backcare.profile import (
    SYMPTOM_FIELDS,
    Condition,
    Fitness,
    Pain,
    Postpartum,
    Pregnancy,
    Profile,
    Symptoms,
    Work,
)

T = TypeVar("T")

CONDITIONS: tuple[str, ...] = Condition.__args__  # type: ignore[attr-defined]
FITNESS: tuple[str, ...] = Fitness.__args__  # type: ignore[attr-defined]
WORK: tuple[str, ...] = Work.__args__  # type: ignore[attr-defined]


def optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    """A value or absent."""
    return st.none() | strategy


answers = st.one_of(st.none(), st.just(False), st.none(), st.just(False), st.booleans())
"""A yes/no answer: true, false or absent (not asked, not known); true about one time in ten,
so a profile has a couple of symptoms, not all of them, and every level comes up."""


def subsets(values: tuple[str, ...]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(values), unique=True)


def ranged(low: int, high: int, *focus: int) -> st.SearchStrategy[int]:
    """Integers in [low, high], with extra weight just around the focus points."""
    near = [st.integers(max(low, f - 2), min(high, f + 2)) for f in focus]
    return st.one_of(st.integers(low, high), *near)


pregnancies = st.builds(Pregnancy, weeks=ranged(0, 42, 37))
postpartums = st.builds(
    Postpartum,
    weeks_since_birth=ranged(0, 520, 2, 6, 12),
    delivery=optional(st.sampled_from(("vaginal", "caesarean"))),
)
pains = st.builds(
    Pain,
    areas=subsets(AREAS),
    score=optional(st.integers(0, 10)),
    duration_days=optional(ranged(0, 36500, 7, 21, 42, 90)),
    onset=optional(st.sampled_from(("sudden", "gradual"))),
    excruciating=answers,
    worse_at_night=answers,
    morning_stiffness_minutes=optional(ranged(0, 1440, 30)),
    better_with_exercise=answers,
    better_with_rest=answers,
    onset_age=optional(ranged(0, 120, 40)),
    improving=answers,
    getting_worse=answers,
    usual_flare=answers,
)
symptoms = st.builds(Symptoms, **dict.fromkeys(SYMPTOM_FIELDS, answers))


def profiles(**overrides: st.SearchStrategy[Any]) -> st.SearchStrategy[Profile]:
    """Random valid profiles; pass a strategy per field to pin or narrow it."""
    fields: dict[str, st.SearchStrategy[Any]] = {
        "age": optional(ranged(0, 120, 20, 40, 50, 60, 65)),
        "sex": optional(st.sampled_from(("female", "male", "other"))),
        "pregnancy": optional(pregnancies),
        "postpartum": optional(postpartums),
        "menopause": answers,
        "work": subsets(WORK),
        "pain": pains,
        "symptoms": symptoms,
        "conditions": subsets(CONDITIONS),
        "fitness": optional(st.sampled_from(FITNESS)),
        "equipment": subsets(EQUIPMENT),
        "minutes_per_day": optional(st.integers(1, 240)),
    }
    fields.update(overrides)
    return st.fixed_dictionaries(fields).map(lambda drawn: _consistent(drawn, set(overrides)))


def _consistent(fields: dict[str, Any], pinned: set[str]) -> Profile:
    """A profile from drawn fields, dropping what contradicts a pinned or earlier field (the
    model refuses pregnant and postpartum at once, a pregnant man, pain older than the person)."""
    if fields["pregnancy"] is not None and fields["postpartum"] is not None:
        keep_postpartum = "postpartum" in pinned and "pregnancy" not in pinned
        fields["pregnancy" if keep_postpartum else "postpartum"] = None
    if fields["pregnancy"] is not None and fields["sex"] == "male":
        if "sex" in pinned:
            fields["pregnancy"] = None
        else:
            fields["sex"] = "female"
    pain, age = fields["pain"], fields["age"]
    if pain.onset_age is not None and age is not None and pain.onset_age > age:
        fields["pain"] = pain.model_copy(update={"onset_age": age})
    return Profile(**fields)


def at_risk_profiles() -> st.SearchStrategy[Profile]:
    """Profiles weighted toward the people the safety rules are about: pregnancy weeks around
    16, 20 and 28, new mothers around 2, 6 and 26 weeks after either kind of birth, bone-fragility
    risk (65+, after the menopause at 50+, long-term steroids), separated belly muscles, severe
    fresh pain (the acute phase) and a stoop (the fracture flag); other warning signs absent so
    the plans have exercises to check."""
    quiet = st.builds(
        Symptoms,
        immunosuppressed_or_steroids=answers,
        height_loss_or_new_stoop=st.none() | st.just(False) | st.booleans(),
    )
    pregnant = st.builds(Pregnancy, weeks=ranged(0, 42, 16, 20, 28, 36))
    after_birth = st.builds(
        Postpartum,
        weeks_since_birth=ranged(0, 60, 2, 6, 26),
        delivery=optional(st.sampled_from(("vaginal", "caesarean"))),
    )
    stages = st.one_of(
        st.fixed_dictionaries({"pregnancy": pregnant, "postpartum": st.none()}),
        st.fixed_dictionaries({"pregnancy": st.none(), "postpartum": after_birth}),
        st.fixed_dictionaries({"pregnancy": st.none(), "postpartum": st.none()}),
    )
    pain = st.builds(
        Pain,
        areas=subsets(AREAS),
        score=optional(ranged(0, 10, 7)),
        duration_days=optional(ranged(0, 400, 3, 84)),
        excruciating=answers,
    )
    return stages.flatmap(
        lambda stage: profiles(
            age=optional(ranged(16, 95, 50, 65)),
            sex=st.just("female")
            if any(stage.values())
            else optional(st.sampled_from(("female", "male"))),
            pain=pain,
            symptoms=quiet,
            conditions=subsets(CONDITIONS),
            **{key: st.just(value) for key, value in stage.items()},
        )
    )
