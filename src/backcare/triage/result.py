"""What the safety check returns (SPEC §3): a level, whether exercise is allowed, the flags.

The JSON shape is a contract shared by the CLI, the REST API and the app:
``{"level", "exercise_allowed", "flags": [{"id", "level", "message", "action", "sources"}],
"advice"}``.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from backcare.content.schema import FlagId, Level, Source

LEVELS: tuple[Level, ...] = ("emergency", "urgent", "routine", "self_care")
"""Levels from the most to the least urgent."""

LEVEL_RANK: dict[Level, int] = {level: rank for rank, level in enumerate(LEVELS)}
"""Lower rank = more urgent; sorts flags and compares results."""

LEVEL_ACTIONS: dict[Level, str] = {
    "emergency": "Call emergency services or go to an emergency department now.",
    "urgent": "See a doctor within a day or two.",
    "routine": "Book an appointment with your doctor.",
    "self_care": "Carry on with self-care, and check again if anything changes.",
}
"""What to do now at each level, when a flag fires at a level other than its usual one."""


def most_urgent(levels: list[Level]) -> Level:
    """The most urgent of some levels; ``self_care`` when there are none."""
    return min(levels, key=LEVEL_RANK.__getitem__, default="self_care")


class Frozen(BaseModel):
    """Immutable result models: a check result is a record, never edited after the fact."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class FlagResult(Frozen):
    """One warning sign found: what we noticed and why it matters, what to do now, the sources."""

    id: FlagId
    level: Level
    message: str
    action: str
    sources: list[Source]


class CheckResult(Frozen):
    """The outcome of the safety check for one profile."""

    level: Level
    exercise_allowed: bool
    flags: list[FlagResult]
    advice: str
