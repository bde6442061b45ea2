"""The plan as data: the SPEC §4 JSON shape, one pydantic model per level of nesting.

The models are what the CLI prints, the API returns and the guided session runs, so they keep
the structured ``Dose`` (not prose) and every item carries the sources it came from.
"""

from __future__ import annotations

from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, field_serializer

from backcare.content.schema import Dose, Phase, Source
from backcare.triage import CheckResult
from backcare.trusted import trusted

Slot = Literal["morning", "evening"]


class PlanModel(BaseModel):
    """Base for plan parts: unknown fields are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @classmethod
    def from_content(cls, **fields: Any) -> Self:
        """Build from values already validated as content, without validating them again.

        A plan is built from dozens of sourced entries; re-validating every source each time
        was the largest single cost of ``build_plan`` (``backcare.trusted``)."""
        return trusted(cls, **fields)


class PlanItem(PlanModel):
    """One exercise in a session, with this week's dose and the minutes it takes."""

    id: str
    name: str
    dose: Dose
    minutes: float
    why: str
    sources: list[Source]

    @field_serializer("dose")
    def _only_the_numbers(self, dose: Dose) -> dict[str, Any]:
        """Dump only what the sources set (``{"sets": 3, "reps": 15}``), as SPEC §4 shows."""
        return dose.model_dump(mode="json", exclude_defaults=True)


class Session(PlanModel):
    """A block of exercises done in one go; ``minutes`` is the sum of its items."""

    slot: Slot
    minutes: float
    items: list[PlanItem]


class Day(PlanModel):
    """One day of the week (1–7) and its sessions; a day may have none."""

    day: int
    sessions: list[Session]


class AdviceItem(PlanModel):
    """A habit, heat/ice protocol, posture tip or population advice set, numbers spelled out."""

    id: str
    name: str
    summary: str
    advice: list[str]
    why: str
    sources: list[Source]


class Breaks(PlanModel):
    """Movement breaks: get up every ``every_min`` minutes and move for ``move_min`` minutes."""

    every_min: int
    move_min: int


class Excluded(PlanModel):
    """An entry left out for this person, the reason in plain words, and its sources."""

    id: str
    reason: str
    sources: list[Source]


class Plan(PlanModel):
    """The safety check plus a seven-day plan (SPEC §4)."""

    check: CheckResult
    phase: Phase
    week: int
    days: list[Day]
    habits: list[AdviceItem]
    thermotherapy: list[AdviceItem]
    posture: list[AdviceItem]
    breaks: Breaks
    excluded: list[Excluded]

    def items(self) -> list[PlanItem]:
        """Every exercise item of the week, in order (repeats included)."""
        return [item for day in self.days for session in day.sessions for item in session.items]
