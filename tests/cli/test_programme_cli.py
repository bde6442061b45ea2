"""``backcare programme``: this week's adapted plan from the saved profile and answers."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from backcare import services
from backcare.config import load_settings
from backcare.schemas import ExerciseFeedbackIn
from backcare.store import open_database
from tests.cli.test_data_commands import Backcare
from tests.programme.test_adapt import OFFICE


def test_without_a_profile_it_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = Backcare(tmp_path / "home").process("programme")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "profile" in result.stderr


def test_it_shows_the_phase_the_doses_and_why(tmp_path: Path) -> None:
    home = tmp_path / "home"
    database = open_database(load_settings({"BACKCARE_HOME": str(home)}))
    user = services.local_user_id(database)
    services.save_profile(database, user_id=user, profile=OFFICE)
    now = datetime.now(UTC) - timedelta(minutes=1)
    for _ in range(2):
        feedback = ExerciseFeedbackIn(exercise_id="cat-cow", answer="it_hurt", week=1, at=now)
        services.record_feedback(database, user_id=user, feedback=feedback)
    database.close()
    backcare = Backcare(home)
    shown = json.loads(backcare.ok("programme", "--json"))
    assert shown["phase"]["phase"] == "relief"
    assert shown["week_summary"]["try_next"].startswith("Something hurt this week")
    ids = {i["id"] for d in shown["plan"]["days"] for s in d["sessions"] for i in s["items"]}
    assert "cat-cow" not in ids
    [left] = [e for e in shown["plan"]["excluded"] if e["id"] == "cat-cow"]
    assert left["reason"].startswith("Left out because it hurt twice")
    text = backcare.ok("programme")
    assert "Week 1 · relief" in text
    assert "Next:" in text


def _saved_office(home: Path) -> Backcare:
    database = open_database(load_settings({"BACKCARE_HOME": str(home)}))
    services.save_profile(database, user_id=services.local_user_id(database), profile=OFFICE)
    database.close()
    return Backcare(home)


def test_a_high_risk_startback_starts_gently_and_suggests_a_physiotherapist(
    tmp_path: Path,
) -> None:
    backcare = _saved_office(tmp_path / "home")
    backcare.ok("questionnaire", "startback", "--answers", "1,1,1,1,1,1,1,1,4")
    shown = json.loads(backcare.ok("programme", "--json"))
    start = shown["start"]
    assert (start["pace"], start["advice"]["risk"]) == (2, "high")
    assert [lesson["id"] for lesson in start["lessons"]][:2] == [
        "reassurance",
        "pain-and-fear-of-movement",
    ]
    items = [i for d in shown["plan"]["days"] for s in d["sessions"] for i in s["items"]]
    assert items
    assert all(i["why"].startswith(start["why"]) for i in items)
    text = backcare.ok("programme")
    assert "Starting gently because your STarT Back result was high risk" in text
    assert "see a physiotherapist" in text
    assert "Learn first: What your symptoms mean, Pain and worry about moving" in text


def test_the_fhir_export_carries_the_programme_as_a_careplan_with_goals(tmp_path: Path) -> None:
    from fhir.resources.R4B.bundle import Bundle

    backcare = _saved_office(tmp_path / "home")
    backcare.ok("log", "6")
    backcare.ok("questionnaire", "psfs", "--answers", "4", "--activity", "gardening")
    bundle = Bundle.model_validate_json(backcare.ok("export", "--format", "fhir"))
    by_kind: dict[str, list[Any]] = {}
    for entry in bundle.entry:
        by_kind.setdefault(entry.resource.get_resource_type(), []).append(entry)
    [care_plan] = [e.resource for e in by_kind["CarePlan"]]
    [patient] = by_kind["Patient"]
    assert care_plan.subject.reference == patient.fullUrl
    assert care_plan.activity
    assert all(a.detail.scheduledTiming.repeat.periodUnit == "wk" for a in care_plan.activity)
    goals = {g.resource.description.text for g in by_kind["Goal"]}
    assert goals == {
        "Pain down from 6 to 4 or less: the smallest change people notice",
        "gardening: rated 6 or more out of 10 (from 4)",
    }
