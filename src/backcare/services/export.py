"""Everything a person has stored: export, import, delete, and the FHIR bundle."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select
from sqlalchemy.orm import Session

from backcare.errors import InputError
from backcare.knowledge import KnowledgeBase
from backcare.report.fhir import fhir_bundle
from backcare.schemas import (
    BUNDLE_LISTS,
    BreakSettingsIn,
    ExerciseFeedbackIn,
    ExportBundle,
    HabitTickIn,
    PainEntryIn,
    PainEntryPublic,
    QuestionnaireIn,
    SessionRecordCreate,
    StopEventIn,
)
from backcare.services._base import DB, _now, _unit
from backcare.services.breaks import break_settings, list_breaks
from backcare.services.diary import alerts_shown, list_pain
from backcare.services.habits import list_habits
from backcare.services.profile import current_profile, profile_history
from backcare.services.programme import list_feedback, list_stops, programme_plan
from backcare.services.questionnaires import list_questionnaires
from backcare.services.sessions import _session_fields, list_sessions
from backcare.store.models import (
    ALL_USER_TABLES,
    AlertShown,
    BreakEvent,
    BreakSettings,
    ExerciseFeedback,
    HabitTick,
    PainEntry,
    ProfileVersion,
    QuestionnaireAnswer,
    SessionRecord,
    StopEvent,
)


def export_all(db: DB, *, user_id: int, now: datetime | None = None) -> ExportBundle:
    """Everything stored for the user, in one consistent snapshot."""
    with _unit(db) as session:
        return ExportBundle(
            exported_at=_now(now),
            profiles=profile_history(session, user_id=user_id),
            pain=[_pain_in(p) for p in list_pain(session, user_id=user_id)],
            sessions=[
                SessionRecordCreate.model_validate(s.model_dump(exclude={"id"}))
                for s in list_sessions(session, user_id=user_id)
            ],
            habits=[
                HabitTickIn(habit_id=h.habit_id, day=h.day)
                for h in list_habits(session, user_id=user_id)
            ],
            breaks=list_breaks(session, user_id=user_id),
            alerts=alerts_shown(session, user_id=user_id),
            break_settings=_stored_break_settings(session, user_id),
            questionnaires=[
                QuestionnaireIn(
                    instrument=q.instrument, answers=q.answers, activities=q.activities, at=q.at
                )
                for q in list_questionnaires(session, user_id=user_id)
            ],
            feedback=[
                ExerciseFeedbackIn.model_validate(f.model_dump(exclude={"id"}))
                for f in list_feedback(session, user_id=user_id)
            ],
            stops=[
                StopEventIn.model_validate(e.model_dump(exclude={"id"}))
                for e in list_stops(session, user_id=user_id)
            ],
        )


def _stored_break_settings(session: Session, user_id: int) -> BreakSettingsIn | None:
    has = session.scalar(select(BreakSettings.id).where(BreakSettings.user_id == user_id))
    return None if has is None else break_settings(session, user_id=user_id)


def _pain_in(entry: PainEntryPublic) -> PainEntryIn:
    return PainEntryIn(score=entry.score, areas=entry.areas, note=entry.note, at=entry.at)


def import_all(
    db: DB, *, user_id: int, bundle: ExportBundle, replace: bool = False
) -> dict[str, int]:
    """Load an export into the user's (empty) diary in one transaction; counts per kind.

    Refuses to mix an export into existing data unless ``replace`` (which deletes it first).
    """
    with _unit(db) as session:
        if replace:
            delete_all(session, user_id=user_id)
        elif _has_data(session, user_id):
            raise InputError("import: the diary already has data (delete it first or --replace)")
        session.add_all(_bundle_rows(bundle, user_id))
        session.flush()
    return _bundle_counts(bundle)


def _bundle_rows(bundle: ExportBundle, user_id: int) -> list[Any]:
    rows: list[Any] = [
        ProfileVersion(user_id=user_id, version=p.version, data=p.profile, saved_at=p.saved_at)
        for p in bundle.profiles
    ]
    rows += [
        PainEntry(user_id=user_id, score=p.score, areas=list(p.areas), note=p.note, at=p.at)
        for p in bundle.pain
    ]
    rows += [SessionRecord(user_id=user_id, **_session_fields(s)) for s in bundle.sessions]
    rows += [HabitTick(user_id=user_id, habit_id=h.habit_id, day=h.day) for h in bundle.habits]
    rows += [BreakEvent(user_id=user_id, **b.model_dump()) for b in bundle.breaks]
    if bundle.break_settings is not None:
        rows.append(
            BreakSettings(
                user_id=user_id,
                quiet_hours=bundle.break_settings.quiet_hours,
                skip_limit=bundle.break_settings.skip_limit,
                updated_at=bundle.exported_at,
            )
        )
    rows += [
        AlertShown(user_id=user_id, kind=a.kind, message=a.message, shown_at=a.shown_at)
        for a in bundle.alerts
    ]
    rows += [
        QuestionnaireAnswer(
            user_id=user_id,
            instrument=q.instrument,
            answers=list(q.answers),
            activities=list(q.activities),
            taken_at=q.at,
        )
        for q in bundle.questionnaires
    ]
    rows += [ExerciseFeedback(user_id=user_id, **f.model_dump()) for f in bundle.feedback]
    rows += [StopEvent(user_id=user_id, **e.model_dump()) for e in bundle.stops]
    return rows


def _bundle_counts(bundle: ExportBundle) -> dict[str, int]:
    return {part: len(getattr(bundle, part)) for part in BUNDLE_LISTS}


def _has_data(session: Session, user_id: int) -> bool:
    return any(
        session.scalar(select(table.id).where(table.user_id == user_id).limit(1)) is not None
        for table in ALL_USER_TABLES
    )


def delete_all(db: DB, *, user_id: int) -> dict[str, int]:
    """Delete every row the user owns (the user itself stays); counts per table."""
    counts: dict[str, int] = {}
    with _unit(db) as session:
        for table in ALL_USER_TABLES:
            result = session.execute(delete(table).where(table.user_id == user_id))
            counts[table.__tablename__] = cast("CursorResult[Any]", result).rowcount
    return counts


def export_fhir(
    db: DB, *, user_id: int, kb: KnowledgeBase, now: datetime | None = None
) -> dict[str, Any]:
    """Pain scores, questionnaires and (once a profile is saved) this week's programme as a
    FHIR R4 ``Bundle`` (``report.fhir`` builds it)."""
    now = _now(now)
    with _unit(db) as session:
        profile = current_profile(session, user_id=user_id)
        shown = (
            None
            if profile is None
            else programme_plan(session, user_id=user_id, profile=profile, kb=kb, now=now)
        )
        return fhir_bundle(
            user_id=user_id,
            pain=list_pain(session, user_id=user_id),
            questionnaires=list_questionnaires(session, user_id=user_id),
            now=now,
            programme=None if shown is None else (shown.plan, shown.phase),
        )
