"""The use cases both front ends share, one module per area: ``profile``, ``diary`` (pain
ratings and the alerts they raise), ``sessions``, ``programme`` (the one-tap answers, stop
events and the adapted plan), ``breaks``, ``habits``, ``questionnaires``, ``report`` (the
clinician's report data) and ``export`` (export, import, delete, FHIR).

Every function is keyword-only and takes a ``Database`` (one transaction per call) or an open
SQLAlchemy ``Session`` (the caller's transaction), and the ``user_id`` whose rows it touches.
Times come in as arguments; ``now`` defaults to the clock only for convenience. Callers use the
names re-exported here (``services.log_pain``), so a use case can move between modules freely.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from backcare.reexport import lazy_names

if TYPE_CHECKING:  # the names below, imported lazily at run time (see ``__getattr__``)
    from backcare.services._base import local_user_id
    from backcare.services.breaks import (
        answer_break,
        break_settings,
        break_stats,
        break_week,
        list_breaks,
        record_break,
        save_break_settings,
    )
    from backcare.services.diary import (
        alerts_shown,
        correct_pain,
        delete_pain,
        diary_alerts,
        list_pain,
        log_pain,
        recent_pain,
    )
    from backcare.services.export import (
        delete_all,
        export_all,
        export_fhir,
        import_all,
    )
    from backcare.services.habits import list_habits, tick_habit
    from backcare.services.profile import (
        current_profile,
        current_profile_since,
        profile_history,
        save_profile,
    )
    from backcare.services.programme import (
        ProgrammePublic,
        StopVerdict,
        answer_exercise,
        check_stop,
        list_feedback,
        list_stops,
        programme_pace,
        programme_plan,
        record_feedback,
        record_stop,
    )
    from backcare.services.questionnaires import list_questionnaires, save_questionnaire
    from backcare.services.quick_log import log_pain_quickly
    from backcare.services.report import ClinicianReport, clinician_report
    from backcare.services.sessions import delete_session, list_sessions, record_session

_HOME: dict[str, str] = {
    "ClinicianReport": "backcare.services.report",
    "ProgrammePublic": "backcare.services.programme",
    "StopVerdict": "backcare.services.programme",
    "alerts_shown": "backcare.services.diary",
    "answer_break": "backcare.services.breaks",
    "answer_exercise": "backcare.services.programme",
    "break_settings": "backcare.services.breaks",
    "break_stats": "backcare.services.breaks",
    "break_week": "backcare.services.breaks",
    "check_stop": "backcare.services.programme",
    "clinician_report": "backcare.services.report",
    "correct_pain": "backcare.services.diary",
    "current_profile": "backcare.services.profile",
    "current_profile_since": "backcare.services.profile",
    "delete_all": "backcare.services.export",
    "delete_pain": "backcare.services.diary",
    "delete_session": "backcare.services.sessions",
    "diary_alerts": "backcare.services.diary",
    "export_all": "backcare.services.export",
    "export_fhir": "backcare.services.export",
    "import_all": "backcare.services.export",
    "list_breaks": "backcare.services.breaks",
    "list_feedback": "backcare.services.programme",
    "list_habits": "backcare.services.habits",
    "list_pain": "backcare.services.diary",
    "list_questionnaires": "backcare.services.questionnaires",
    "list_sessions": "backcare.services.sessions",
    "list_stops": "backcare.services.programme",
    "local_user_id": "backcare.services._base",
    "log_pain": "backcare.services.diary",
    "log_pain_quickly": "backcare.services.quick_log",
    "profile_history": "backcare.services.profile",
    "programme_pace": "backcare.services.programme",
    "programme_plan": "backcare.services.programme",
    "recent_pain": "backcare.services.diary",
    "record_break": "backcare.services.breaks",
    "record_feedback": "backcare.services.programme",
    "record_session": "backcare.services.sessions",
    "record_stop": "backcare.services.programme",
    "save_break_settings": "backcare.services.breaks",
    "save_profile": "backcare.services.profile",
    "save_questionnaire": "backcare.services.questionnaires",
    "tick_habit": "backcare.services.habits",
}
"""Each re-exported name and the module that defines it."""

__all__ = [
    "ClinicianReport",
    "ProgrammePublic",
    "StopVerdict",
    "alerts_shown",
    "answer_break",
    "answer_exercise",
    "break_settings",
    "break_stats",
    "break_week",
    "check_stop",
    "clinician_report",
    "correct_pain",
    "current_profile",
    "current_profile_since",
    "delete_all",
    "delete_pain",
    "delete_session",
    "diary_alerts",
    "export_all",
    "export_fhir",
    "import_all",
    "list_breaks",
    "list_feedback",
    "list_habits",
    "list_pain",
    "list_questionnaires",
    "list_sessions",
    "list_stops",
    "local_user_id",
    "log_pain",
    "log_pain_quickly",
    "profile_history",
    "programme_pace",
    "programme_plan",
    "recent_pain",
    "record_break",
    "record_feedback",
    "record_session",
    "record_stop",
    "save_break_settings",
    "save_profile",
    "save_questionnaire",
    "tick_habit",
]

__getattr__ = lazy_names(__name__, _HOME)
