"""What the safety check returns (SPEC §3): a level, whether exercise is allowed, the flags.

The JSON shape is a contract shared by the CLI, the REST API and the app:
``{"level", "exercise_allowed", "flags": [{"id", "level", "message", "action", "sources"}],
"advice"}``.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from backcare.content.schema import LEVELS, FlagId, Level, Source

LEVEL_RANK: dict[Level, int] = {level: rank for rank, level in enumerate(LEVELS)}
"""Lower rank = more urgent; sorts flags and compares results."""


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

    def action_beyond_advice(self, flag: FlagResult) -> str | None:
        """What this sign says to do when the advice does not already say it, else None: a page
        that shows the advice and every sign need not print the same sentence twice. A self-care
        sign's action is never shown on its own: below a doctor-today level the advice holds its
        note, and at that level "carry on with self-care" would contradict the advice."""
        if flag.level == "self_care" or flag.action in self.advice:
            return None
        return flag.action
