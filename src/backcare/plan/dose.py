"""How long a dose takes, and how a dose grows week by week toward the sources' maximum.

The sources give holds, reps, sets and rests, rarely minutes; the plan has to fit a daily time
budget, so it counts the time itself with the named constants below.
"""

from __future__ import annotations

import math

from backcare.content.schema import Dose, Exercise

SECONDS_PER_REP = 3.0
"""One controlled repetition without a hold: about 1.5 s out and 1.5 s back."""

SECONDS_PER_BREATH = 12.0
"""One breath at the seeds' pace: inhale for a count of 4, hold for 4, exhale for 4."""

DEFAULT_REST_S = 15.0
"""Rest between sets when the source gives none (counted for time only, never shown as a dose)."""

AS_TOLERATED_S = 60.0
"""Time given to a movement done "as tolerated" with no number in the sources."""

PROGRESSION_WEEKS = 4
"""Weeks over which a dose rises linearly from ``dose`` (week 1) to ``dose_max`` (week 1 + this)."""

_GROWING = ("hold_s", "reps", "sets", "duration_s", "breaths")


def dose_seconds(dose: Dose, *, one_sided: bool = False) -> float:
    """Seconds a dose takes: work per set times sets, rests between sets, both sides if needed."""
    sets = dose.sets or 1
    rest = dose.rest_s if dose.rest_s is not None else DEFAULT_REST_S
    total = _set_seconds(dose) * sets + rest * (sets - 1)
    return total * 2 if dose.per_side or one_sided else total


def _set_seconds(dose: Dose) -> float:
    if dose.duration_s is not None:
        return dose.duration_s
    if dose.breaths is not None:
        return dose.breaths * SECONDS_PER_BREATH
    if dose.reps is not None:
        return dose.reps * ((dose.hold_s or 0.0) + SECONDS_PER_REP)
    if dose.hold_s is not None:
        return dose.hold_s
    return AS_TOLERATED_S


def minutes(seconds: float) -> float:
    """Seconds as minutes, rounded up to the next half minute (a plan never under-counts)."""
    return math.ceil(seconds / 30.0) / 2.0


def item_minutes(exercise: Exercise, dose: Dose) -> float:
    """Minutes one exercise takes at this dose."""
    return minutes(dose_seconds(dose, one_sided=exercise.one_sided))


def dose_week(week: int, pace: int = 1) -> int:
    """The week of dose growth that programme week ``week`` reaches when ``pace`` programme
    weeks make one (a gentle start grows at half the speed: weeks 1–2 → 1, 3–4 → 2 …)."""
    return 1 + (week - 1) // pace


def progressed(exercise: Exercise, week: int, *, improving: bool = True) -> Dose:
    """The dose for week N: linear from ``dose`` toward ``dose_max``, never beyond it.

    Week 1, a missing ``dose_max`` or pain that is not improving keep the starting dose.
    """
    return grown(exercise.dose, exercise.dose_max, week, improving=improving)


def grown(start: Dose, top: Dose | None, week: int, *, improving: bool = True) -> Dose:
    """``start`` grown linearly toward ``top`` by week N (a dose variant's range, or the
    exercise's own), never beyond it."""
    if top is None or week <= 1 or not improving:
        return start
    share = min(1.0, (week - 1) / PROGRESSION_WEEKS)
    changes: dict[str, float | int] = {}
    for name in _GROWING:
        low, high = getattr(start, name), getattr(top, name)
        if low is None or high is None or high <= low:
            continue
        value = low + (high - low) * share
        changes[name] = math.floor(value) if isinstance(low, int) else math.floor(value * 2) / 2
    return start.model_copy(update=changes)


def dose_text(dose: Dose | None, *, separator: str = ", ") -> str:
    """``3 × 15 reps, hold 5 s, each side``: a dose as a person reads it."""
    if dose is None:
        return ""
    parts = []
    if dose.reps is not None:
        parts.append(f"{dose.sets} × {dose.reps} reps" if dose.sets else f"{dose.reps} reps")
    elif dose.sets:
        parts.append(f"{dose.sets} sets")
    if dose.hold_s is not None:
        parts.append(f"hold {dose.hold_s:g} s")
    if dose.duration_s is not None:
        parts.append(f"{dose.duration_s / 60:g} min")
    if dose.breaths is not None:
        parts.append(f"{dose.breaths} breaths")
    if dose.per_side:
        parts.append("each side")
    return separator.join(parts) or "as feels comfortable"
