"""Whether one entry suits this person now, and why: the plan's own rules asked of one entry, so
a knowledge page and a search result say what the plan does (the bridge at 30 weeks of
pregnancy is "not for you now" on its page exactly when the plan leaves it out)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from backcare.content.schema import Entry, Exercise, Source
from backcare.knowledge import KnowledgeBase
from backcare.plan.builder import STOP_LEVELS
from backcare.plan.phases import phase_of
from backcare.plan.screen import exclusion, person
from backcare.profile import Profile
from backcare.triage import CheckResult

JUDGED_KINDS = frozenset({"exercise", "method", "habit", "thermotherapy", "posture", "acupressure"})
"""Kinds a person might do; a cause, a warning sign or a conflict neither suits nor doesn't."""

SEE_A_DOCTOR_FIRST = (
    "Not now: your safety check says to hold off the exercises until a doctor has checked you."
)


@dataclass(frozen=True)
class Suitability:
    """``suits`` False: left out for this person, ``reason`` says why. True: ``reason`` names
    the advice that recommends it, when some does."""

    suits: bool
    reason: str
    sources: tuple[Source, ...] = ()


def suitability(
    profile: Profile, check: CheckResult, kb: KnowledgeBase
) -> Callable[[Entry], Suitability | None]:
    """A judge for this person (derived once), answering ``None`` for kinds not judged."""
    phase = phase_of(profile, check)
    relief_only = phase == "acute" or not check.exercise_allowed
    who = person(profile, check, kb, phase=phase, relief_only=relief_only)

    def judge(entry: Entry) -> Suitability | None:
        if entry.kind not in JUDGED_KINDS:
            return None
        if check.level in STOP_LEVELS and isinstance(entry, Exercise):
            return Suitability(False, SEE_A_DOCTOR_FIRST)
        excluded = exclusion(entry, who)
        if excluded is not None:
            return Suitability(False, excluded.reason, tuple(excluded.sources))
        groups = who.recommended_by.get(entry.id)
        return Suitability(True, f"Recommended for {', '.join(groups)}." if groups else "")

    return judge
