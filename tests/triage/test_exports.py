"""The public surface of ``backcare.triage`` is pinned: the CLI, the plan and the web use it."""

from __future__ import annotations

import backcare.triage


def test_public_names() -> None:
    assert set(backcare.triage.__all__) == {
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
    }
    assert all(hasattr(backcare.triage, name) for name in backcare.triage.__all__)
