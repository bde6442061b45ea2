"""The data both front ends exchange with ``services``: role-suffixed pydantic models.

``…Create`` is what a person sends (validated, one error naming the field), ``…Public`` is what
they get back. Times are aware; a naive time is read as the machine's local time, since that is
what a person typing ``--at 2026-11-20T08:00`` means. Everything is stored in UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    Field,
    SerializerFunctionWrapHandler,
    ValidationError,
    field_validator,
    model_serializer,
    model_validator,
)

from backcare.diary.alerts import Alert as AlertPublic
from backcare.pain_schemas import (
    CLIENT_ID_PATTERN,
    EARLIEST,
    FUTURE_TOLERANCE,
    NOTE_MAX_CHARS,
    AlertShownPublic,
    AwareDatetime,
    ClientId,
    PainEntryCreate,
    PainEntryPost,
    PainEntryPublic,
    PainEntryUpdate,
    PainScore,
    Strict,
)
from backcare.profile import Profile
from backcare.programme.doses import Answer
from backcare.programme.questionnaires import (
    AnswerError,
    Change,
    InstrumentId,
    Risk,
    StartingAdvice,
    clean_activities,
    score,
)
from backcare.programme.stop import StopReason

__all__ = [  # with the pain diary's models and rules, from pain_schemas
    "CLIENT_ID_PATTERN",
    "EARLIEST",
    "FUTURE_TOLERANCE",
    "NOTE_MAX_CHARS",
    "AlertPublic",
    "AlertShownPublic",
    "AwareDatetime",
    "BreakEventIn",
    "BreakEventPublic",
    "BreakMinutes",
    "BreakOutcome",
    "BreakSettingsIn",
    "BreakStats",
    "ClientId",
    "ExerciseFeedbackCreate",
    "ExerciseFeedbackIn",
    "ExerciseFeedbackPublic",
    "ExportBundle",
    "HabitTickIn",
    "HabitTickPublic",
    "ImportBundle",
    "PainEntryCreate",
    "PainEntryIn",
    "PainEntryPost",
    "PainEntryPublic",
    "PainEntryUpdate",
    "PainScore",
    "ProfileVersionPublic",
    "QuestionnaireCreate",
    "QuestionnaireIn",
    "QuestionnairePublic",
    "SessionItem",
    "SessionRecordCreate",
    "SessionRecordPublic",
    "StopCheck",
    "StopEventIn",
    "StopEventPublic",
    "Strict",
]

BreakOutcome = Literal["taken", "skipped", "postponed"]
ItemStatus = Literal["done", "skipped"]


class FormCheck(Strict):
    """What "Check my form" keeps of an exercise: the repetitions it counted and the ids of the
    cues it showed (in order). No picture, landmark or video is ever sent or stored."""

    reps: int = Field(ge=0, le=1000)
    cues: list[Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]] = Field(
        default=[], max_length=200
    )


class SessionItem(Strict):
    """One plan item in a session: done or skipped, how many sets were done, and what the
    camera counted when the person turned "Check my form" on."""

    id: str = Field(min_length=1, max_length=100)
    status: ItemStatus
    sets_done: int = Field(default=0, ge=0, le=100)
    form_check: FormCheck | None = None

    @model_serializer(mode="wrap")
    def _form_check_only_when_used(self, handler: SerializerFunctionWrapHandler) -> Any:
        """An item without a form check reads (and is stored) exactly as before it existed."""
        data = handler(self)
        if isinstance(data, dict) and data.get("form_check") is None:
            data.pop("form_check", None)
        return data


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


class SessionRecordPost(SessionRecordCreate):
    """``POST /api/sessions``: a finished session, with the client's id for safe retries."""

    client_id: ClientId | None = None


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


class QuestionnaireCreate(Strict):
    """Answers to one questionnaire, in item order (0-based positions in each item's answer
    list); the PSFS also takes one activity name per rating. ``at`` defaults to now."""

    answers: list[int] = Field(min_length=1, max_length=9)
    activities: list[str] = Field(default=[], max_length=3)
    at: AwareDatetime | None = None


class QuestionnaireIn(QuestionnaireCreate):
    """A completed questionnaire in an export; its answers are checked as on entry."""

    instrument: InstrumentId
    at: AwareDatetime

    @model_validator(mode="after")
    def _answers_fit(self) -> QuestionnaireIn:
        try:
            checked_activities(self.instrument, self.answers, self.activities)
        except AnswerError as error:
            raise ValueError(str(error)) from None
        return self


def checked_activities(instrument: str, answers: list[int], activities: list[str]) -> list[str]:
    """Score-check the answers; the PSFS names one activity per rating, the others none."""
    score(instrument, answers)
    if instrument == "psfs":
        return clean_activities(activities, answers)
    if activities:
        raise AnswerError("activities: only the PSFS takes activity names")
    return []


class QuestionnairePublic(BaseModel):
    """A saved questionnaire with its scores (STarT Back: total, psychosocial, risk; PEG and
    PSFS: score), its change since the first of its kind and, for STarT Back, the advice."""

    id: int
    instrument: InstrumentId
    at: datetime
    answers: list[int]
    activities: list[str] = []
    total: int | None = None
    psychosocial: int | None = None
    risk: Risk | None = None
    score: float | None = None
    change: Change | None = None
    advice: StartingAdvice | None = None


ExerciseId = Annotated[
    str, Field(min_length=1, max_length=100, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
]


class ExerciseFeedbackIn(Strict):
    """The one-tap answer after an exercise: too easy, about right, too hard, it hurt."""

    exercise_id: ExerciseId
    answer: Answer
    week: int = Field(ge=1, le=520)
    """The programme week it was given in (the dose rule starts from that week's dose)."""
    at: AwareDatetime


class ExerciseFeedbackPublic(ExerciseFeedbackIn):
    id: int


class ExerciseFeedbackCreate(Strict):
    """The one-tap answer as a front end sends it; the week is the programme's week at ``at``
    (default: now)."""

    exercise_id: ExerciseId
    answer: Answer
    at: AwareDatetime | None = None


class StopCheck(Strict):
    """The stop rule's question during a session: the pain before, the pain now, new leg
    symptoms, and the exercise it happened in."""

    pain_before: PainScore | None = None
    pain_now: PainScore | None = None
    new_leg_symptoms: bool = False
    exercise_id: ExerciseId | None = None


class StopEventIn(Strict):
    """A session stopped by the stop rule: pain up 2 or more, or new leg symptoms."""

    at: AwareDatetime
    reason: StopReason
    pain_before: PainScore | None = None
    pain_now: PainScore | None = None
    exercise_id: ExerciseId | None = None


class StopEventPublic(StopEventIn):
    id: int


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
    questionnaires: list[QuestionnaireIn] = []
    feedback: list[ExerciseFeedbackIn] = []
    stops: list[StopEventIn] = []


MAX_IMPORT_BYTES = 16 * 1024 * 1024
"""Largest export file or ``/api/import`` body read (about 150,000 pain entries' worth)."""
MAX_IMPORT_RECORDS = 50_000
"""Most records one import holds, all kinds together: decades of daily use, and an import
that stays fast and small in memory."""
BUNDLE_LISTS = (
    "profiles",
    "pain",
    "sessions",
    "habits",
    "breaks",
    "alerts",
    "questionnaires",
    "feedback",
    "stops",
)


class ImportBundle(ExportBundle):
    """An export read back in (``backcare import``, ``POST /api/import``): at most
    ``MAX_IMPORT_RECORDS`` records, counted before any is read, and held to the rules of live
    writes: no time (or day) in the future."""

    @model_validator(mode="before")
    @classmethod
    def _not_too_many(cls, data: Any) -> Any:
        if isinstance(data, dict):
            counts = {
                k: len(v) for k, v in data.items() if k in BUNDLE_LISTS and isinstance(v, list)
            }
            if sum(counts.values()) > MAX_IMPORT_RECORDS:
                listed = ", ".join(f"{k} {n}" for k, n in counts.items() if n)
                raise ValueError(
                    f"{sum(counts.values())} records ({listed}); an import holds at most "
                    f"{MAX_IMPORT_RECORDS}"
                )
        return data

    @model_validator(mode="after")
    def _nothing_in_the_future(self) -> ImportBundle:
        latest = datetime.now(UTC) + FUTURE_TOLERANCE
        times: list[tuple[str, datetime]] = [("exported_at", self.exported_at)]
        times += [(f"profiles.{n}.saved_at", p.saved_at) for n, p in enumerate(self.profiles)]
        times += [(f"pain.{n}.at", p.at) for n, p in enumerate(self.pain)]
        times += [(f"sessions.{n}.ended_at", s.ended_at) for n, s in enumerate(self.sessions)]
        times += [(f"breaks.{n}.at", b.at) for n, b in enumerate(self.breaks)]
        times += [(f"alerts.{n}.shown_at", a.shown_at) for n, a in enumerate(self.alerts)]
        times += [(f"questionnaires.{n}.at", q.at) for n, q in enumerate(self.questionnaires)]
        times += [(f"feedback.{n}.at", f.at) for n, f in enumerate(self.feedback)]
        times += [(f"stops.{n}.at", e.at) for n, e in enumerate(self.stops)]
        for where, at in times:
            if at > latest:
                raise ValueError(f"{where}: {at.isoformat()} is in the future")
        tomorrow = (latest + timedelta(days=1)).date()  # a day ahead somewhere on Earth
        for n, tick in enumerate(self.habits):
            if tick.day > tomorrow:
                raise ValueError(f"habits.{n}.day: {tick.day.isoformat()} is in the future")
        return self


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
ImportBundle.model_rebuild()
