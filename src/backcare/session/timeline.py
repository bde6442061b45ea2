"""Turn a day's plan items into a timeline of timed steps.

A guided session is a fixed list of steps (get ready, work, switch sides, rest, breathe, end),
each with its own duration, so the machine in ``machine.py`` only has to follow deadlines. The
numbers come from each item's dose; where a dose gives no timing (a rep without a hold, a rest
the sources do not state) a named default below fills in, so nothing is a bare number.
"""

from __future__ import annotations

import math
from typing import Literal

from pydantic import BaseModel, ConfigDict

from backcare.content.schema import Camera, Dose
from backcare.plan.dose import (
    AS_TOLERATED_S,
    DEFAULT_REST_S,
    SECONDS_PER_REP,
)

GET_READY_S = 10.0
"""Countdown before each item: time to read the name and get into the starting position."""

SWITCH_SIDES_S = 5.0
"""Pause to change sides in a one-sided movement."""

REP_S = SECONDS_PER_REP
"""One repetition; a held repetition takes its hold plus this (the plan counts time the same way,
so a session lasts what the plan says)."""

REST_S = DEFAULT_REST_S
"""Rest between sets when the dose does not say (``dose.rest_s``)."""

OPEN_WORK_S = AS_TOLERATED_S
"""Work time for a set "as tolerated" with no number in the sources."""

BREATH_PATTERN: tuple[tuple[str, float], ...] = (("inhale", 4.0), ("hold", 4.0), ("exhale", 4.0))
"""The breathing pace of the seeds' meditation: "Inhale for a count of 4, hold for a count of 4,
and exhale for a count of 4" (000_34211617dd3e60cf.txt, 001_eec31f602d13a0fd.txt)."""

BREATH_CYCLE_S = sum(seconds for _, seconds in BREATH_PATTERN)

StepKind = Literal["get_ready", "work", "switch_sides", "rest", "breathe", "end"]
Side = Literal["left", "right"]


class Model(BaseModel):
    """Base for session models: immutable, unknown fields are errors, JSON round-trips."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class SessionItem(Model):
    """One thing to do in a session: an exercise with the dose the plan chose for today."""

    id: str
    name: str
    steps: list[str] = []
    dose: Dose
    one_sided: bool = False
    breathing: bool = False
    camera: Camera | None = None
    """How "Check my form" judges this exercise, when it can (the exercise's camera block)."""


class Step(Model):
    """One timed step of the timeline. ``item`` indexes the session's items (-1 for the end)."""

    kind: StepKind
    item: int
    duration_s: float
    start_s: float
    """Offset of this step from the start of the session when nothing is paused or skipped."""
    set_no: int | None = None
    sets: int | None = None
    side: Side | None = None
    reps: int | None = None
    rep_s: float | None = None
    """Seconds per repetition (for the rep counter); None for a plain hold or timed block."""
    hold_s: float | None = None

    @property
    def end_s(self) -> float:
        return self.start_s + self.duration_s


def sides_of(item: SessionItem) -> tuple[Side, ...] | tuple[None]:
    """Left then right for one-sided moves (or a per-side dose), else a single pass."""
    if item.one_sided or item.dose.per_side:
        return ("left", "right")
    return (None,)


def set_count(item: SessionItem) -> int:
    """How many sets the dose asks for (one when it does not say)."""
    return item.dose.sets or 1


def work_shape(item: SessionItem) -> tuple[float, int | None, float | None, float | None]:
    """(duration, reps, seconds per rep, hold) of one set on one side."""
    dose = item.dose
    if dose.duration_s:
        return dose.duration_s, None, None, None
    if dose.reps:
        rep_s = (dose.hold_s or 0.0) + REP_S
        return dose.reps * rep_s, dose.reps, rep_s, dose.hold_s
    if dose.hold_s:
        return dose.hold_s, None, None, dose.hold_s
    return OPEN_WORK_S, None, None, None


def breathing_duration(item: SessionItem) -> float:
    """Whole breathing cycles: the dose's breaths, else its duration rounded up to whole breaths."""
    dose = item.dose
    if dose.breaths:
        return dose.breaths * BREATH_CYCLE_S
    seconds = dose.duration_s or OPEN_WORK_S
    return max(1, math.ceil(seconds / BREATH_CYCLE_S)) * BREATH_CYCLE_S


def rest_after_set(item: SessionItem) -> float:
    """Rest between sets: the dose's own ``rest_s`` or the named default."""
    return item.dose.rest_s if item.dose.rest_s is not None else REST_S


def build_timeline(items: list[SessionItem]) -> list[Step]:
    """Every step of the session in order, ending with a zero-length ``end`` step."""
    steps: list[Step] = []
    clock = 0.0
    for index, item in enumerate(items):
        for step in _item_steps(index, item):
            steps.append(step.model_copy(update={"start_s": clock}))
            clock += step.duration_s
    steps.append(Step(kind="end", item=-1, duration_s=0.0, start_s=clock))
    return steps


def _item_steps(index: int, item: SessionItem) -> list[Step]:
    steps = [Step(kind="get_ready", item=index, duration_s=GET_READY_S, start_s=0)]
    if item.breathing:
        return [
            *steps,
            Step(kind="breathe", item=index, duration_s=breathing_duration(item), start_s=0),
        ]
    sets = set_count(item)
    duration, reps, rep_s, hold_s = work_shape(item)
    for side_no, side in enumerate(sides_of(item)):
        if side_no:
            steps.append(
                Step(kind="switch_sides", item=index, duration_s=SWITCH_SIDES_S, start_s=0)
            )
        for set_no in range(1, sets + 1):
            if set_no > 1:
                steps.append(
                    Step(kind="rest", item=index, duration_s=rest_after_set(item), start_s=0)
                )
            steps.append(
                Step(
                    kind="work",
                    item=index,
                    duration_s=duration,
                    start_s=0,
                    set_no=set_no,
                    sets=sets,
                    side=side,
                    reps=reps,
                    rep_s=rep_s,
                    hold_s=hold_s,
                )
            )
    return steps
