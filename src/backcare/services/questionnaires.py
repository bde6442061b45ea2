"""Completed questionnaires: save one (scored and checked first, so nothing wrong is stored),
list them with each one's change since the first of its kind."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from backcare.programme.questionnaires import (
    Result,
    StartBackResult,
    change_since_first,
    score,
    starting_intensity,
)
from backcare.schemas import QuestionnaireCreate, QuestionnairePublic, checked_activities
from backcare.services._base import DB, _now, _unit
from backcare.store.models import QuestionnaireAnswer


def save_questionnaire(
    db: DB,
    *,
    user_id: int,
    instrument: str,
    entry: QuestionnaireCreate,
    now: datetime | None = None,
) -> QuestionnairePublic:
    """Score and store one completed questionnaire; ``AnswerError`` (nothing stored) when an
    answer does not fit the instrument."""
    activities = checked_activities(instrument, entry.answers, entry.activities)
    row = QuestionnaireAnswer(
        user_id=user_id,
        instrument=instrument,
        answers=list(entry.answers),
        activities=activities,
        taken_at=entry.at or _now(now),
    )
    with _unit(db) as session:
        session.add(row)
        session.flush()
        first = _first(session, user_id, instrument)
        return _public(row, first)


def list_questionnaires(
    db: DB, *, user_id: int, instrument: str | None = None
) -> list[QuestionnairePublic]:
    """The user's questionnaires, oldest first, each compared with the first of its kind."""
    query = select(QuestionnaireAnswer).where(QuestionnaireAnswer.user_id == user_id)
    if instrument is not None:
        query = query.where(QuestionnaireAnswer.instrument == instrument)
    query = query.order_by(QuestionnaireAnswer.taken_at, QuestionnaireAnswer.id)
    with _unit(db) as session:
        rows = list(session.scalars(query))
    firsts: dict[str, QuestionnaireAnswer] = {}
    for row in rows:
        firsts.setdefault(row.instrument, row)
    return [_public(row, firsts[row.instrument]) for row in rows]


def _first(session: Session, user_id: int, instrument: str) -> QuestionnaireAnswer:
    query = (
        select(QuestionnaireAnswer)
        .where(QuestionnaireAnswer.user_id == user_id)
        .where(QuestionnaireAnswer.instrument == instrument)
        .order_by(QuestionnaireAnswer.taken_at, QuestionnaireAnswer.id)
        .limit(1)
    )
    first = session.scalar(query)
    assert first is not None  # called after one was stored
    return first


def _public(row: QuestionnaireAnswer, first: QuestionnaireAnswer) -> QuestionnairePublic:
    result = score(row.instrument, row.answers)
    change = None if first.id == row.id else change_since_first(_scored(first), result)
    advice = starting_intensity(result) if isinstance(result, StartBackResult) else None
    return QuestionnairePublic(
        id=row.id,
        at=row.taken_at,
        answers=row.answers,
        activities=row.activities,
        change=change,
        advice=advice,
        **result.model_dump(),
    )


def _scored(row: QuestionnaireAnswer) -> Result:
    return score(row.instrument, row.answers)
