"""The safety check (triage): warning signs, how urgently to see a doctor, and what to do now.

Pure rules over a ``Profile`` (see ``rules.py``), worded from the knowledge base's ``red_flag``
entries, plus the question flow the CLI and the app use to ask only what applies.
"""

from backcare.content.schema import LEVELS
from backcare.triage.check import evaluate, warning_answers
from backcare.triage.questions import Question, parse_answer, profile_from_answers, questions_for
from backcare.triage.result import CheckResult, FlagResult
from backcare.triage.rules import RULES, Rule, flag_entry_id
from backcare.triage.thresholds import DEFAULT_THRESHOLDS, Thresholds

__all__ = [
    "DEFAULT_THRESHOLDS",
    "LEVELS",
    "RULES",
    "CheckResult",
    "FlagResult",
    "Question",
    "Rule",
    "Thresholds",
    "evaluate",
    "flag_entry_id",
    "parse_answer",
    "profile_from_answers",
    "questions_for",
    "warning_answers",
]
