"""Phases over weeks: relief → strengthening → maintenance, moved by improvement.

Each week gets one verdict, "improved" or not, against the first week. Today the verdict comes
from the pain diary (weekly mean against the first week's, by the 2-point-or-30 % change people
notice) and the one-tap answers (a week where most answers were "too hard" or "it hurt" is not a
week of improvement); the questionnaires' own minimal-important-change verdicts can be passed in
the same way.

- relief: doses stay at their start (no raises), until the first improved week;
- strengthening: the dose rule may raise doses up to the sources' maximum;
- maintenance: after ``MAINTENANCE_RUN`` improved weeks in a row in strengthening, doses are kept
  where they got to (a routine to keep up). A week without improvement in maintenance goes back
  to strengthening; nothing ever drops back to relief for a single bad week (a flare-up has its
  own card).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from backcare.diary.alerts import IMPORTANT_CHANGE_POINTS, IMPORTANT_CHANGE_SHARE, MIN_CHANGE_POINTS

ProgrammePhase = Literal["relief", "strengthening", "maintenance"]

MAINTENANCE_RUN = 3
"""Improved weeks in a row, in strengthening, before the routine becomes maintenance."""

HOLDS: dict[ProgrammePhase, str | None] = {
    "relief": "raises start once your pain has improved (relief phase)",
    "strengthening": None,
    "maintenance": "you have reached your maintenance routine; keep it up",
}
"""Why doses do not go up in a phase (None: they may)."""


def improved(first: float, latest: float) -> bool:
    """An important improvement on a 0–10 scale: down 2 points, or 30 % and at least a point
    (IMMPACT, the diary's own thresholds)."""
    drop = first - latest
    share = drop / first if first > 0 else 0.0
    return drop >= IMPORTANT_CHANGE_POINTS or (
        share >= IMPORTANT_CHANGE_SHARE and drop >= MIN_CHANGE_POINTS
    )


def weekly_verdicts(means: Sequence[float | None], hard_weeks: Sequence[bool]) -> list[bool]:
    """One verdict per week from the pain diary's weekly means (None: no rating that week) and
    whether the week's exercises were mostly too hard or hurt; the first rated week is the
    baseline."""
    first = next((mean for mean in means if mean is not None), None)
    verdicts = []
    for week, mean in enumerate(means):
        hurt = week < len(hard_weeks) and hard_weeks[week]
        verdicts.append(
            first is not None and mean is not None and not hurt and improved(first, mean)
        )
    return verdicts


@dataclass(frozen=True)
class PhaseVerdict:
    """The phase a week is in, and why, in words."""

    phase: ProgrammePhase
    why: str


def phases(verdicts: Sequence[bool]) -> list[PhaseVerdict]:
    """The phase of each week, given the weeks' verdicts so far (week 1 first).

    A week's phase follows from the weeks *before* it: the verdict at the end of week N moves
    week N + 1.
    """
    phase: ProgrammePhase = "relief"
    why = "relief first: gentle doses until your pain improves"
    run = 0
    out = [PhaseVerdict(phase, why)]
    for week, better in enumerate(verdicts[:-1] if verdicts else [], start=1):
        run = run + 1 if better else 0
        before = phase
        phase, why = _next(phase, run, week)
        if before == "relief" and phase == "strengthening":
            run = 0  # the run towards maintenance counts weeks in strengthening
        out.append(PhaseVerdict(phase, why))
    return out


def _next(phase: ProgrammePhase, run: int, week: int) -> tuple[ProgrammePhase, str]:
    if phase == "relief" and run >= 1:
        return "strengthening", f"strengthening: your pain improved in week {week}"
    if phase == "strengthening" and run >= MAINTENANCE_RUN:
        return "maintenance", f"maintenance: {run} weeks of improvement in a row"
    if phase == "maintenance" and run == 0:
        return "strengthening", f"back to strengthening: week {week} did not improve"
    return phase, _staying(phase, week)


def _staying(phase: ProgrammePhase, week: int) -> str:
    words = {
        "relief": f"still relief: no important improvement yet (week {week})",
        "strengthening": "strengthening: building up within the sources' doses",
        "maintenance": "maintenance: keep your routine",
    }
    return words[phase]
