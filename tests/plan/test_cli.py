"""`backcare plan` as a real process: SPEC §4 JSON, the readable view, one-line input errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from backcare.knowledge import KnowledgeBase
from backcare.plan import build_plan
from backcare.profile import Profile
from backcare.triage import evaluate

OFFICE = {
    "age": 34,
    "sex": "female",
    "work": ["sitting"],
    "equipment": ["mat", "chair"],
    "pain": {"areas": ["lower_back"], "score": 4, "duration_days": 30},
}


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


def backcare(*args: str, home: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BACKCARE_HOME": str(home), "COLUMNS": "120"}
    return subprocess.run(
        [sys.executable, "-m", "backcare", *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        check=False,
    )


def test_json_is_the_plan_the_core_builds(home: Path, kb: KnowledgeBase) -> None:
    profile_file = home / "office.json"
    profile_file.write_text(json.dumps(OFFICE), encoding="utf-8")
    result = backcare("plan", "--profile", str(profile_file), "--week", "3", "--json", home=home)
    assert result.returncode == 0, result.stderr
    profile = Profile.model_validate(OFFICE)
    expected = build_plan(profile, evaluate(profile, kb), kb, week=3)
    assert json.loads(result.stdout) == expected.model_dump(mode="json", exclude_none=True)


def test_readable_view_shows_the_week_advice_and_what_was_left_out(home: Path) -> None:
    result = backcare("plan", "--profile", "-", home=home, stdin=json.dumps(OFFICE))
    assert result.returncode == 0, result.stderr
    for heading in ("Your week", "Habits and advice", "Posture for your day", "Breaks:"):
        assert heading in result.stdout
    assert "Left out for your safety" in result.stdout
    assert "not a diagnosis" in result.stdout


def test_a_warning_sign_is_shown_first_and_stops_the_plan(home: Path) -> None:
    person = {"pain": {"score": 4}, "symptoms": {"saddle_numbness": True}}
    result = backcare("plan", "--profile", "-", home=home, stdin=json.dumps(person))
    assert result.returncode == 0, result.stderr
    assert result.stdout.index("emergency") < result.stdout.index("No exercise plan")
    assert "Your week" not in result.stdout


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["--week", "0"], "{}", "--week"),
        ([], '{"pain": {"score": 11}}', "pain.score"),
        ([], '{"colour": "red"}', "colour"),
        ([], "[1, 2", "not valid JSON or YAML"),
    ],
)
def test_bad_input_is_one_line_with_status_2(
    home: Path, args: list[str], stdin: str, message: str
) -> None:
    result = backcare("plan", "--profile", "-", *args, home=home, stdin=stdin)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
