"""What the rules need to know about a person, read once from the profile and the check."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from backcare.content.schema import Delivery, Group, Phase
from backcare.profile import Profile

BONE_FRAGILITY_AGE = 65
"""From this age anyone's spine may be osteoporotic without a diagnosis. NICE CG146 (1.1)
considers assessing fracture risk in all women from 65 and all men from 75; backcare uses 65 for
everyone, a deliberate choice on the safe side: the cost is only leaving out loaded bending and
deep twists."""

MENOPAUSE_BONE_AGE = 50
"""After the menopause from this age bone loss is common (the seeds: osteoporosis and fractures
after the menopause). Not a NICE threshold: CG146 names untreated premature menopause as a risk
factor and assesses all women from 65; backcare covers women after the menopause from 50."""


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
    """Thin-bone risk, diagnosed or not: osteoporosis, long-term oral steroids, age 65+, or after
    the menopause at 50+ (or of unknown age). Most people with an osteoporotic spine don't know."""
    age = profile.age
    after_menopause = bool(profile.menopause) and (age is None or age >= MENOPAUSE_BONE_AGE)
    return (
        "osteoporosis" in profile.conditions
        or profile.symptoms.immunosuppressed_or_steroids is True
        or (age is not None and age >= BONE_FRAGILITY_AGE)
        or after_menopause
    )
