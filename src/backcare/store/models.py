"""The stored tables (SQLAlchemy 2 declarative). Every row belongs to a user.

In local mode there is one user, created on first open; server mode adds accounts to the same
``users`` table, so per-user isolation needs no schema change. Lists (pain areas, session items)
are JSON columns, which SQLite and PostgreSQL both support.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from backcare.store.lean import LOCAL_USERNAME as LOCAL_USERNAME
from backcare.store.types import UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
"""Named constraints, so later migrations can alter them on both databases."""


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON,
        list[Any]: JSON,
    }


class Owned:
    """A row that belongs to one user; each table's (user_id, …) index or unique constraint
    serves the per-user lookups."""

    __tablename__: str
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]
    password_hash: Mapped[str | None] = mapped_column(String(255))
    """An argon2 hash (server-mode accounts); the local user has none and cannot log in."""


class ProfileVersion(Owned, Base):
    """One saved profile; saving a changed profile adds a version, so history is kept."""

    __tablename__ = "profile_versions"
    __table_args__ = (UniqueConstraint("user_id", "version"),)

    version: Mapped[int]
    data: Mapped[dict[str, Any]]
    saved_at: Mapped[datetime]


class PainEntry(Owned, Base):
    __tablename__ = "pain_entries"
    __table_args__ = (
        CheckConstraint("score >= 0 AND score <= 10", name="score_range"),
        Index("ix_pain_entries_user_at", "user_id", "at"),
        UniqueConstraint("user_id", "client_id"),
    )

    score: Mapped[int]
    areas: Mapped[list[Any]]
    note: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime]
    client_id: Mapped[str | None] = mapped_column(String(36))
    """The id the client made for this write (a UUID), so a retried POST finds it."""


class SessionRecord(Owned, Base):
    """A finished (or abandoned) guided session: which items were done or skipped."""

    __tablename__ = "session_records"
    __table_args__ = (
        Index("ix_session_records_user_started", "user_id", "started_at"),
        UniqueConstraint("user_id", "client_id"),
    )

    plan_day: Mapped[int]
    week: Mapped[int]
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime]
    items: Mapped[list[Any]]
    pain_before: Mapped[int | None]
    pain_after: Mapped[int | None]
    client_id: Mapped[str | None] = mapped_column(String(36))
    """The id the client made for this write (a UUID), so a retried POST finds it."""


class HabitTick(Owned, Base):
    """A habit done on a day; ticking twice on the same day is one tick."""

    __tablename__ = "habit_ticks"
    __table_args__ = (UniqueConstraint("user_id", "habit_id", "day"),)

    habit_id: Mapped[str] = mapped_column(String(100))
    day: Mapped[date] = mapped_column(Date)


class BreakEvent(Owned, Base):
    __tablename__ = "break_events"
    __table_args__ = (
        CheckConstraint("outcome IN ('taken', 'skipped', 'postponed')", name="outcome"),
        Index("ix_break_events_user_at", "user_id", "at"),
    )

    at: Mapped[datetime]
    outcome: Mapped[str] = mapped_column(String(16))
    moved: Mapped[bool | None]
    """The answer to "did you move?" after a taken break (``None``: not answered)."""
    minutes: Mapped[float | None] = mapped_column(Float)
    """How long a taken break lasted."""
    sat_minutes: Mapped[float | None] = mapped_column(Float)
    """Minutes sat or stood still since the last movement, when this happened."""


class BreakSettings(Owned, Base):
    """A person's break preferences: daily quiet windows and the optional skip limit."""

    __tablename__ = "break_settings"
    __table_args__ = (UniqueConstraint("user_id"),)

    quiet_hours: Mapped[str] = mapped_column(String(400), default="")
    """Daily quiet windows, ``"12:00-13:00,15:30-16:00"`` (local time)."""
    skip_limit: Mapped[int | None]
    updated_at: Mapped[datetime]


class AlertShown(Owned, Base):
    """An alert the person was shown, kept so the diary can tell what was said and when."""

    __tablename__ = "alerts_shown"
    __table_args__ = (Index("ix_alerts_shown_user_shown", "user_id", "shown_at"),)

    kind: Mapped[str] = mapped_column(String(40))
    message: Mapped[str] = mapped_column(Text)
    shown_at: Mapped[datetime]


class QuestionnaireAnswer(Owned, Base):
    """One completed questionnaire: the answers as given (scores are recomputed from them, so a
    scoring fix never leaves stale scores behind) and, for the PSFS, the activities named."""

    __tablename__ = "questionnaire_answers"
    __table_args__ = (Index("ix_questionnaire_answers_user_taken", "user_id", "taken_at"),)

    instrument: Mapped[str] = mapped_column(String(20))
    answers: Mapped[list[Any]]
    activities: Mapped[list[Any]]
    taken_at: Mapped[datetime]


class ExerciseFeedback(Owned, Base):
    """The one-tap answer after an exercise; the dose rule replays these, oldest first."""

    __tablename__ = "exercise_feedback"
    __table_args__ = (
        CheckConstraint(
            "answer IN ('too_easy', 'about_right', 'too_hard', 'it_hurt')", name="answer"
        ),
        Index("ix_exercise_feedback_user_at", "user_id", "at"),
    )

    exercise_id: Mapped[str] = mapped_column(String(100))
    answer: Mapped[str] = mapped_column(String(16))
    week: Mapped[int]
    at: Mapped[datetime]


class StopEvent(Owned, Base):
    """A session the stop rule ended (pain up 2 or more, or new leg symptoms)."""

    __tablename__ = "stop_events"
    __table_args__ = (
        CheckConstraint("reason IN ('pain_rose', 'new_leg_symptoms')", name="reason"),
        Index("ix_stop_events_user_at", "user_id", "at"),
    )

    at: Mapped[datetime]
    reason: Mapped[str] = mapped_column(String(20))
    pain_before: Mapped[int | None]
    pain_now: Mapped[int | None]
    exercise_id: Mapped[str | None] = mapped_column(String(100))


class AuthSession(Base):
    """A server-mode login. The cookie carries a random token (signed); only its SHA-256 is
    stored, so a copy of the database does not hand out live sessions. Logging out sets
    ``revoked_at``; a session past ``expires_at`` is refused."""

    __tablename__ = "auth_sessions"
    __table_args__ = (Index("ix_auth_sessions_user", "user_id"),)

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class RateLimitHit(Base):
    """One counted attempt (a failed login, a sign-up) under a key such as ``addr:…``. Kept
    in the database, so every app server in front of it counts the same attempts; rows older
    than the longest window are deleted as new ones come."""

    __tablename__ = "rate_limit_hits"
    __table_args__ = (Index("ix_rate_limit_hits_key_at", "key", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(400))
    at: Mapped[datetime] = mapped_column(index=True)


ALL_USER_TABLES: tuple[type[Owned], ...] = (
    ProfileVersion,
    PainEntry,
    SessionRecord,
    HabitTick,
    BreakEvent,
    BreakSettings,
    AlertShown,
    QuestionnaireAnswer,
    ExerciseFeedback,
    StopEvent,
)
"""Tables holding a user's own data, in an order that is safe to delete and restore."""
