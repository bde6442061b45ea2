"""Plain-words reasons: why an item is in the plan, said back to the person in their terms."""

from __future__ import annotations

from collections.abc import Iterable

from backcare.content.schema import Area, Exercise, Group
from backcare.profile import Profile

AREA_WORDS: dict[Area, str] = {
    "lower_back": "lower back",
    "upper_back": "upper back",
    "neck_shoulder": "neck and shoulders",
    "leg_sciatica": "leg (sciatica)",
    "wrist_hand": "wrists and hands",
    "knee": "knees",
    "foot": "feet",
}

CATEGORY_LEADS: dict[str, str] = {
    "stretch": "Stretches",
    "strength": "Strengthens the muscles of",
    "core": "Builds the core muscles that support",
    "mobility": "Loosens",
    "yoga": "Gently stretches and relaxes",
    "breathing": "Slow breathing that relaxes",
    "relaxation": "Relaxes",
    "aerobic": "Gentle endurance work for",
    "pelvic_floor": "Strengthens the pelvic floor, which supports",
}

MAX_REASONS = 3
"""Reasons given per item: enough to be personal, few enough to read at a glance."""

_CONDITION_WORDS: dict[str, str] = {
    "ankylosing_spondylitis": "you have ankylosing spondylitis",
    "disc_herniation": "you have a herniated disc",
    "lumbar_strain": "you have a lumbar strain",
    "osteoporosis": "you have osteoporosis",
    "spinal_stenosis": "you have spinal stenosis",
    "rectus_diastasis": "your tummy muscles have separated (rectus diastasis)",
}


def areas_text(areas: Iterable[Area]) -> str:
    """``["lower_back", "neck_shoulder"]`` as "lower back and neck and shoulders"."""
    words = [AREA_WORDS[area] for area in areas]
    if len(words) <= 1:
        return "".join(words) or "back"
    return ", ".join(words[:-1]) + " and " + words[-1]


def group_phrase(group: Group, profile: Profile) -> str:
    """What the person told us that puts them in this group, in the second person."""
    if group == "pregnancy" and profile.pregnancy is not None:
        return f"you are {profile.pregnancy.weeks} weeks pregnant"
    if group == "postpartum" and profile.postpartum is not None:
        after = profile.postpartum
        birth = f"a {after.delivery} birth" if after.delivery else "giving birth"
        return f"you are {after.weeks_since_birth} weeks after {birth}"
    if group == "older_adult" and profile.age is not None:
        return f"you are {profile.age}"
    fixed: dict[str, str] = {
        "office_worker": "you sit at work",
        "standing_worker": "you stand at work",
        "manual_worker": "you lift at work",
        "driver": "you drive for work",
        "men": "it suits men",
        "women": "it suits women",
        "menopause": "you are in menopause",
        "acute_phase": "your pain is severe right now",
        **_CONDITION_WORDS,
    }
    return fixed[group]


def reason_key(profile: Profile, groups: frozenset[Group]) -> tuple[object, ...]:
    """All that ``exercise_why`` reads from the profile besides the groups and painful areas
    (whether areas were named, and what ``group_phrase`` quotes back): people equal in it, the
    groups and the areas get the same sentence for every exercise, so a plan can reuse one."""
    pregnancy, after = profile.pregnancy, profile.postpartum
    return (
        bool(profile.pain.areas),
        pregnancy and pregnancy.weeks,
        after and (after.weeks_since_birth, after.delivery),
        profile.age if "older_adult" in groups else None,
    )


def exercise_why(
    exercise: Exercise,
    profile: Profile,
    *,
    groups: frozenset[Group],
    pain_areas: frozenset[Area],
    recommended_by: Iterable[str] = (),
    warm_up: bool = False,
) -> str:
    """One sentence: what the exercise does, then the person's own reasons for it."""
    areas = [area for area in exercise.body_areas if area in pain_areas] or exercise.body_areas
    lead = f"{CATEGORY_LEADS[exercise.category]} your {areas_text(areas)}"
    reasons: list[str] = []
    if warm_up:
        reasons.append("a warm-up first, as the sources say to stretch before any exercise")
    if any(area in pain_areas for area in exercise.body_areas) and profile.pain.areas:
        reasons.append("you said it hurts there")
    reasons += [
        group_phrase(group, profile)
        for group in exercise.suitable_for
        if group in groups and group not in ("men", "women")
    ]
    reasons += [f"recommended in the advice for {name}" for name in recommended_by]
    return sentence(lead, reasons[:MAX_REASONS])


def sentence(lead: str, reasons: list[str]) -> str:
    """``lead — reason; reason.`` with duplicates dropped and a full stop at the end."""
    unique = [reason for reason in dict.fromkeys(reasons) if reason]
    return f"{lead} — {'; '.join(unique)}." if unique else f"{lead}."
