"""The flare-up card: a diary score 3 or more points above the mean of the 7 days before it.

While a flare-up lasts, the person is offered the flare-up plan: gentle relief only (the plan's
``is_relief``: what severe pain allows), heat and ice by the content's own timing, and when to
see a doctor (with the re-check for new warning signs). When pain settles (back within 2 points
of the week before, less than a change people notice) the programme returns to normal one step
lower (``STEP_DOWN_AFTER``).

Pure: the diary points and the heat/ice entries the person may use come in as arguments.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from backcare.content.schema import Exercise, Source, ThermoStep, Thermotherapy
from backcare.diary.alerts import IMPORTANT_CHANGE_POINTS, RECHECK
from backcare.diary.trends import WEEK, PainPoint, mean_between
from backcare.plan.screen import is_relief

FLARE_POINTS = 3.0
"""A score this far above the 7-day mean before it is a flare-up (the issue's threshold: larger
than the 2-point change people notice, so one noisy rating is not called a flare)."""

SETTLED_WITHIN = IMPORTANT_CHANGE_POINTS
"""Pain has settled when a later score is less than this above the week before the flare."""

STEP_DOWN_AFTER = 1
"""Steps every adapted dose goes down when the programme returns after a flare-up."""

SEE_A_DOCTOR = "If the pain does not settle, or a leg feels numb or weak, see a doctor. "
"""The diary's own pain-jump advice (``backcare.diary.alerts``), followed by its re-check."""


@dataclass(frozen=True)
class Flare:
    """One flare-up: when it started, the 7-day mean before it, the jump, and when it settled."""

    started_at: datetime
    baseline: float
    peak: int
    settled_at: datetime | None = None

    @property
    def active(self) -> bool:
        return self.settled_at is None


def latest_flare(points: Sequence[PainPoint]) -> Flare | None:
    """The most recent flare-up in the diary (active or settled), or None."""
    ordered = sorted(points, key=lambda p: p.at)
    found: Flare | None = None
    for point in ordered:
        if found is not None and found.active:
            if point.score < found.baseline + SETTLED_WITHIN:
                found = Flare(found.started_at, found.baseline, found.peak, point.at)
            else:
                found = Flare(found.started_at, found.baseline, max(found.peak, point.score))
            continue
        baseline = mean_between(ordered, point.at - WEEK, point.at)
        if baseline is not None and point.score >= baseline + FLARE_POINTS:
            found = Flare(point.at, baseline, point.score)
    return found


@dataclass(frozen=True)
class FlareCard:
    """What the person sees during a flare-up."""

    title: str
    relief: list[str]
    heat_and_ice: list[str]
    see_a_doctor: str
    sources: list[Source]


def flare_card(
    flare: Flare, *, relief: Sequence[Exercise], thermotherapy: Sequence[Thermotherapy]
) -> FlareCard:
    """The card for an active flare-up: the person's gentle relief moves, each heat/ice entry's
    timing as the content gives it, and when to see a doctor."""
    moves = [exercise.name for exercise in relief if is_relief(exercise)]
    timing = [
        f"{entry.name} — {_step_text(step)}" for entry in thermotherapy for step in entry.protocol
    ]
    sources = [source for entry in thermotherapy for source in entry.sources[:1]]
    return FlareCard(
        title=(
            f"Your pain ({flare.peak}) is {flare.peak - flare.baseline:.1f} points "
            f"above last week's average ({flare.baseline:.1f}). Gentle relief only for now."
        ),
        relief=moves,
        heat_and_ice=timing,
        see_a_doctor=SEE_A_DOCTOR + RECHECK,
        sources=sources,
    )


def _step_text(step: ThermoStep) -> str:
    """``first day of new back pain: 10 min, every 1 h`` (the step's note when it has no
    numbers)."""
    low, high = step.minutes, step.minutes_max
    parts = []
    if low is not None:
        parts.append(
            f"{low:g}–{high:g} min" if high is not None and high != low else f"{low:g} min"
        )
    if step.every_hours:
        parts.append(f"every {step.every_hours:g} h")
    if step.times_per_day:
        parts.append(f"{step.times_per_day} times a day")
    said = ", ".join(parts) or (step.note or "")
    return f"{step.phase}: {said}" if said else step.phase
