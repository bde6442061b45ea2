"""``backcare programme``: this week's adapted plan from the saved profile and answers."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

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
