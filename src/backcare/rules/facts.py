"""What the rules need to know about a person, read once from the profile and the check."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from backcare.content.schema import Delivery, Group, Phase
from backcare.profile import Profile
from backcare.triage.rules import bone_fragility as fragility_reasons
from backcare.triage.thresholds import DEFAULT_THRESHOLDS


@dataclass(frozen=True)
class Facts:
    """The person as the rules see them."""

    groups: frozenset[Group]
    phase: Phase
    pregnancy_week: int | None = None
    postpartum_weeks: int | None = None
    delivery: Delivery | None = None
    pain_score: int | None = None
    pain_days: int | None = None
    bone_fragility: bool = False
    diastasis: bool = False
    flags: frozenset[str] = frozenset()


def facts_of(profile: Profile, *, phase: Phase, flags: Iterable[str] = ()) -> Facts:
    """The facts for this profile, in this phase, with these check flags (any level)."""
    return Facts(
        groups=profile.groups(),
        phase=phase,
        pregnancy_week=profile.pregnancy.weeks if profile.pregnancy else None,
        postpartum_weeks=profile.postpartum.weeks_since_birth if profile.postpartum else None,
        delivery=profile.postpartum.delivery if profile.postpartum else None,
        pain_score=profile.pain.score,
        pain_days=profile.pain.duration_days,
        bone_fragility=bone_fragility(profile),
        diastasis="rectus_diastasis" in profile.conditions,
        flags=frozenset(flags),
    )


def bone_fragility(profile: Profile) -> bool:
    """Thin-bone risk, diagnosed or not, exactly as the safety check reads it (osteoporosis,
    steroid tablets, 65+, the menopause at 50+): most people with an osteoporotic spine don't
    know it, so the plan's bone-safety rules follow the risk, not the diagnosis."""
    return bool(fragility_reasons(profile, DEFAULT_THRESHOLDS))
