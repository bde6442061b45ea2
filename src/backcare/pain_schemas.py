"""The pain diary's exchange models, and the rules every input model shares (``Strict``, aware
times), apart from ``schemas`` so that ``backcare log`` builds these few pydantic models and not
the hundred ``schemas`` defines (that alone cost it a third of its start). ``schemas``
re-exports every name here: import them from either.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from backcare.content.names import Area
from backcare.validation import strict_field

NOTE_MAX_CHARS = 2000
PainScore = Annotated[int, Field(ge=0, le=10)]


EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
"""No diary entry is older than this; year 1 cannot even be moved between time zones."""


def aware_utc(value: datetime) -> datetime:
    """A naive time is local time; every time is kept in UTC, and none is before 1900."""
    try:
        value = (value.astimezone() if value.tzinfo is None else value).astimezone(UTC)
    except (OverflowError, ValueError):
        raise ValueError("out of range") from None
    if value < EARLIEST:
        raise ValueError(f"before {EARLIEST:%Y}")
    return value


AwareDatetime = Annotated[datetime, AfterValidator(aware_utc)]


class Strict(BaseModel):
    """Input models: unknown fields are errors, no text may hold a NUL character, no number
    may be given as true/false, and lists of plain values are short and hold each value once."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _strict(cls, value: object, info: ValidationInfo) -> object:
        assert info.field_name is not None
        return strict_field(cls.model_fields[info.field_name].annotation, value)

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


CLIENT_ID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
ClientId = Annotated[
    str,
    Field(
        pattern=CLIENT_ID_PATTERN,
        description="A UUID the client made for this write. Posting the same id again (a retry, "
        "an offline queue replayed) returns the record saved the first time and adds nothing.",
    ),
    AfterValidator(str.lower),
]


class PainEntryPost(PainEntryCreate):
    """``POST /api/diary/pain``: a pain rating, with the client's id for safe retries."""

    client_id: ClientId | None = None


class PainEntryUpdate(Strict):
    """A correction to a pain entry: only the fields given change (``note: null`` clears the
    note; score, areas and time cannot be null)."""

    score: PainScore | None = None
    areas: list[Area] | None = None
    note: str | None = Field(default=None, max_length=NOTE_MAX_CHARS)
    at: AwareDatetime | None = None

    @model_validator(mode="after")
    def _no_null_except_note(self) -> PainEntryUpdate:
        for name in ("score", "areas", "at"):
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"{name} may be left out but not null")
        return self

    def changes(self) -> dict[str, Any]:
        """The fields given, by name."""
        return {name: getattr(self, name) for name in self.model_fields_set}


class PainEntryPublic(BaseModel):
    id: int
    score: int
    areas: list[Area]
    note: str | None
    at: datetime


FUTURE_TOLERANCE = timedelta(minutes=5)
"""Clock skew allowed for a time a person gives (``log --at``, the API's ``at``, imports)."""


class AlertShownPublic(Strict):
    kind: str = Field(min_length=1, max_length=40)
    message: str
    shown_at: AwareDatetime
