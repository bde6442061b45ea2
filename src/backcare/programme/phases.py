"""Phases over weeks: relief → strengthening → maintenance, moved by improvement.

Each week gets one verdict, "improved" or not. A week improved when at least one measure shows
an important improvement since its first value and none an important worsening, by the one rule
in ``programme.change``: the pain diary (the week's mean against the first rated week's), and
the questionnaires answered that week (PEG, PSFS) against their first answer, each by its
published minimal important change. A week where most one-tap answers were "too hard" or "it
hurt" is not a week of improvement, whatever the scores say.

- relief: doses stay at their start (no raises), until the first improved week;
- strengthening: the dose rule may raise doses up to the sources' maximum;
- maintenance: after ``MAINTENANCE_RUN`` improved weeks in a row in strengthening, doses are kept
  where they got to (a routine to keep up). A week without improvement in maintenance goes back
  to strengthening; nothing ever drops back to relief for a single bad week (a flare-up has its
  own card).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from backcare.programme.change import Verdict, pain_verdict

ProgrammePhase = Literal["relief", "strengthening", "maintenance"]

MAINTENANCE_RUN = 3
"""Improved weeks in a row, in strengthening, before the routine becomes maintenance."""

PAIN = "pain"
"""The pain diary's name in a week's verdict ("your pain improved in week 2")."""

HOLDS: dict[ProgrammePhase, str | None] = {
    "relief": "raises start once your pain has improved (relief phase)",
    "strengthening": None,
    "maintenance": "you have reached your maintenance routine; keep it up",
}
"""Why doses do not go up in a phase (None: they may)."""


@dataclass(frozen=True)
class WeekVerdict:
    """Whether a week improved, and the measures that showed it (e.g. "pain", "PEG score")."""

    improved: bool
    shown_by: tuple[str, ...] = ()


def weekly_verdicts(
    means: Sequence[float | None],
    hard_weeks: Sequence[bool],
    questionnaires: Mapping[str, Sequence[Verdict | None]] | None = None,
) -> list[WeekVerdict]:
    """One verdict per week from the pain diary's weekly means (None: no rating that week), the
    questionnaires' verdicts against their first answer (by name, one per week, None: not
    answered that week) and whether the week's exercises were mostly too hard or hurt; the
    first rated week is the pain diary's baseline."""
    first = next((mean for mean in means if mean is not None), None)
    verdicts = []
    for week, mean in enumerate(means):
        found: dict[str, Verdict] = {}
        if first is not None and mean is not None:
            found[PAIN] = pain_verdict(first, mean)
        for name, weekly in (questionnaires or {}).items():
            if week < len(weekly) and (verdict := weekly[week]) is not None:
                found[name] = verdict
        hurt = week < len(hard_weeks) and hard_weeks[week]
        better = tuple(name for name, verdict in found.items() if verdict == "better")
        improved = bool(better) and not hurt and "worse" not in found.values()
        verdicts.append(WeekVerdict(improved, better if improved else ()))
    return verdicts


@dataclass(frozen=True)
class PhaseVerdict:
    """The phase a week is in, and why, in words."""

    phase: ProgrammePhase
    why: str


def phases(verdicts: Sequence[WeekVerdict]) -> list[PhaseVerdict]:
    """The phase of each week, given the weeks' verdicts so far (week 1 first).

    A week's phase follows from the weeks *before* it: the verdict at the end of week N moves
    week N + 1.
    """
    phase: ProgrammePhase = "relief"
    why = "relief first: gentle doses until your pain improves"
    run = 0
    out = [PhaseVerdict(phase, why)]
    for week, verdict in enumerate(verdicts[:-1] if verdicts else [], start=1):
        run = run + 1 if verdict.improved else 0
        before = phase
        phase, why = _next(phase, run, week, verdict.shown_by)
        if before == "relief" and phase == "strengthening":
            run = 0  # the run towards maintenance counts weeks in strengthening
        out.append(PhaseVerdict(phase, why))
    return out


def _next(
    phase: ProgrammePhase, run: int, week: int, shown_by: Sequence[str]
) -> tuple[ProgrammePhase, str]:
    if phase == "relief" and run >= 1:
        return (
            "strengthening",
            f"strengthening: your {' and '.join(shown_by)} improved in week {week}",
        )
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
