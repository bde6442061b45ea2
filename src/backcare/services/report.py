"""The clinician's report: what the person's diary says, gathered once for the PDF and the
Report page (safety check, questionnaires over time, pain, sessions, exercises stopped for
pain, sources)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from backcare.knowledge import KnowledgeBase
from backcare.programme.questionnaires import INSTRUMENTS, instrument
from backcare.schemas import (
    PainEntryPublic,
    QuestionnairePublic,
    SessionRecordPublic,
    StopEventPublic,
)
from backcare.services._base import DB, _now, _unit
from backcare.services.diary import list_pain
from backcare.services.profile import current_profile
from backcare.services.programme import list_stops
from backcare.services.questionnaires import list_questionnaires
from backcare.services.sessions import list_sessions
from backcare.triage import CheckResult, evaluate

REPORT_WEEKS = 12
"""The period the report covers: long enough for a programme, short enough for one page."""


@dataclass(frozen=True)
class ClinicianReport:
    """Everything the one-page report shows, for one person, at one time."""

    made_at: datetime
    since: datetime
    check: CheckResult | None
    questionnaires: list[QuestionnairePublic]
    pain: list[PainEntryPublic]
    sessions: list[SessionRecordPublic]
    skipped: dict[str, int]
    """Exercises skipped in sessions, by id (the reason is not recorded)."""
    stops: list[str]
    """Sessions the stop rule ended (pain up 2 or more, new leg symptoms), oldest first, in
    words: when, which exercise, and why."""
    sources: list[str]


def clinician_report(
    db: DB, *, user_id: int, kb: KnowledgeBase, now: datetime | None = None
) -> ClinicianReport:
    """The report's data: the safety check on the saved profile, every questionnaire, and the
    pain ratings and sessions of the last ``REPORT_WEEKS`` weeks."""
    made_at = _now(now)
    since = made_at - timedelta(weeks=REPORT_WEEKS)
    with _unit(db) as session:
        profile = current_profile(session, user_id=user_id)
        questionnaires = list_questionnaires(session, user_id=user_id)
        pain = list_pain(session, user_id=user_id, since=since)
        sessions = list_sessions(session, user_id=user_id, since=since)
        stops = [e for e in list_stops(session, user_id=user_id) if e.at >= since]
    check = evaluate(profile, kb) if profile is not None else None
    skipped = Counter(i.id for s in sessions for i in s.items if i.status == "skipped")
    return ClinicianReport(
        made_at=made_at,
        since=since,
        check=check,
        questionnaires=questionnaires,
        pain=pain,
        sessions=sessions,
        skipped=dict(skipped.most_common()),
        stops=[stop_line(event, kb) for event in stops],
        sources=_sources(check, questionnaires),
    )


def stop_line(event: StopEventPublic, kb: KnowledgeBase) -> str:
    """One stop in words: "5 Nov 2026, Bridge: pain rose from 3 to 6"."""
    known = event.exercise_id is not None and event.exercise_id in kb
    what = kb.get(event.exercise_id).name if known and event.exercise_id else "an exercise"
    if event.reason == "new_leg_symptoms":
        why = "new leg symptoms"
    else:
        why = f"pain rose from {event.pain_before} to {event.pain_now}"
    return f"{event.at:%-d %b %Y}, {what}: {why}"


def _sources(check: CheckResult | None, questionnaires: list[QuestionnairePublic]) -> list[str]:
    """The instruments' own sources, then the safety check's, each once."""
    used = [i for i in INSTRUMENTS if any(q.instrument == i for q in questionnaires)]
    found = [f"{instrument(i).short_name}: {s.url}" for i in used for s in instrument(i).sources]
    if check is not None:
        found += [s.ref or f"Source article {s.seed}" for f in check.flags for s in f.sources]
    return list(dict.fromkeys(found))
