"""The data both front ends exchange with ``services``: role-suffixed pydantic models.

``…Create`` is what a person sends (validated, one error naming the field), ``…Public`` is what
they get back. Times are aware; a naive time is read as the machine's local time, since that is
what a person typing ``--at 2026-11-20T08:00`` means. Everything is stored in UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from backcare.content.schema import Area
from backcare.diary.alerts import Alert as AlertPublic
from backcare.profile import Profile

__all__ = [
    "AlertPublic",
    "AlertShownPublic",
    "BreakEventIn",
    "BreakEventPublic",
    "BreakMinutes",
    "BreakOutcome",
    "BreakSettingsIn",
    "BreakStats",
    "ExportBundle",
    "HabitTickIn",
    "HabitTickPublic",
    "PainEntryCreate",
    "PainEntryIn",
    "PainEntryPublic",
    "ProfileVersionPublic",
    "SessionItem",
    "SessionRecordCreate",
    "SessionRecordPublic",
]

NOTE_MAX_CHARS = 2000
BreakOutcome = Literal["taken", "skipped", "postponed"]
ItemStatus = Literal["done", "skipped"]
PainScore = Annotated[int, Field(ge=0, le=10)]


def _aware_utc(value: datetime) -> datetime:
    """A naive time is local time; every time is kept in UTC."""
    return (value.astimezone() if value.tzinfo is None else value).astimezone(UTC)


AwareDatetime = Annotated[datetime, AfterValidator(_aware_utc)]


class Strict(BaseModel):
    """Input models: unknown fields are errors, and no text may hold a NUL character."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul(cls, value: object) -> object:
        """PostgreSQL text cannot store NUL; refuse it here, naming the field, on every database."""
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("must not contain NUL characters")
        return value


class PainEntryCreate(Strict):
    """A pain rating (0–10 numeric rating scale), where it hurts and a note; ``at`` defaults
    to the time the service is given."""

    score: PainScore
    areas: list[Area] = []
    note: str | None = Field(default=None, max_length=NOTE_MAX_CHARS)
    at: AwareDatetime | None = None


class PainEntryPublic(BaseModel):
    id: int
    score: int
    areas: list[Area]
    note: str | None
    at: datetime


class SessionItem(Strict):
    """One plan item in a session: done or skipped, and how many sets were done."""

    id: str = Field(min_length=1, max_length=100)
    status: ItemStatus
    sets_done: int = Field(default=0, ge=0, le=100)


class SessionRecordCreate(Strict):
    plan_day: int = Field(ge=1, le=7)
    week: int = Field(ge=1, le=520)
    started_at: AwareDatetime
    ended_at: AwareDatetime
    items: list[SessionItem] = []
    pain_before: PainScore | None = None
    pain_after: PainScore | None = None

    @model_validator(mode="after")
    def _ends_after_start(self) -> SessionRecordCreate:
        if self.ended_at < self.started_at:
            raise ValueError("ended_at is before started_at")
        return self


class SessionRecordPublic(SessionRecordCreate):
    id: int


class BreakEventPublic(BaseModel):
    id: int
    at: datetime
    outcome: BreakOutcome
    moved: bool | None = None
    minutes: float | None = None
    sat_minutes: float | None = None


class BreakStats(BaseModel):
    """How break reminders went over a period: counts and the share taken."""

    taken: int = 0
    skipped: int = 0
    postponed: int = 0

    @property
    def total(self) -> int:
        return self.taken + self.skipped + self.postponed

    @property
    def taken_share(self) -> float | None:
        return self.taken / self.total if self.total else None


class HabitTickPublic(BaseModel):
    id: int
    habit_id: str
    day: date


class ProfileVersionPublic(Strict):
    """One saved version of the profile (SPEC §2 fields, as JSON)."""

    version: int = Field(ge=1)
    saved_at: AwareDatetime
    profile: dict[str, Any]

    @field_validator("profile")
    @classmethod
    def _is_a_profile(cls, value: dict[str, Any]) -> dict[str, Any]:
        """An imported profile must be one the check and plan can read back."""
        try:
            Profile.model_validate(value)
        except ValidationError as error:
            first = error.errors()[0]
            raise ValueError(f"{'.'.join(map(str, first['loc']))}: {first['msg']}") from None
        return value


class AlertShownPublic(Strict):
    kind: str = Field(min_length=1, max_length=40)
    message: str
    shown_at: AwareDatetime


class ExportBundle(Strict):
    """Everything stored for one person (``backcare export``); ``import_all`` reads it back."""

    format: Literal["backcare-export"] = "backcare-export"
    version: Literal[1] = 1
    exported_at: AwareDatetime
    profiles: list[ProfileVersionPublic] = []
    pain: list[PainEntryIn] = []
    sessions: list[SessionRecordCreate] = []
    habits: list[HabitTickIn] = []
    breaks: list[BreakEventIn] = []
    alerts: list[AlertShownPublic] = []
    break_settings: BreakSettingsIn | None = None


class PainEntryIn(PainEntryCreate):
    """A pain entry in an export: its time is known."""

    at: AwareDatetime


class HabitTickIn(Strict):
    habit_id: str = Field(min_length=1, max_length=100)
    day: date


BreakMinutes = Annotated[float, Field(ge=0, le=24 * 60, allow_inf_nan=False)]
SKIP_LIMIT_MAX = 20


class BreakEventIn(Strict):
    at: AwareDatetime
    outcome: BreakOutcome
    moved: bool | None = None
    """The answer to "did you move?" (taken breaks)."""
    minutes: BreakMinutes | None = None
    """How long a taken break lasted."""
    sat_minutes: BreakMinutes | None = None
    """Minutes sat or stood still since the last movement, when this happened."""


class BreakSettingsIn(Strict):
    """Daily quiet windows (``"12:00-13:00,15:30-16:00"``, local time) and the optional skip
    limit (after that many skips in a row a break can only be postponed once)."""

    quiet_hours: str = Field(default="", max_length=400)
    skip_limit: int | None = Field(default=None, ge=1, le=SKIP_LIMIT_MAX)

    @field_validator("quiet_hours", mode="after")
    @classmethod
    def _windows(cls, value: str) -> str:
        from backcare.errors import InputError
        from backcare.session.quiet import format_quiet_hours, parse_quiet_hours

        try:
            return format_quiet_hours(parse_quiet_hours(value))
        except InputError as error:
            raise ValueError(str(error).removeprefix("quiet hours: ")) from None


ExportBundle.model_rebuild()
