"""``backcare check`` through a real subprocess of the installed command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.triage.test_properties import assert_spec_shape

BACKCARE = Path(sys.executable).with_name("backcare")

# A careful 45-year-old man with an ordinary backache, answering every question the check asks
# him, in order: about him, his pain, then the warning signs (all "no").
ORDINARY_MAN = ["45", "male", "", "lower back", "4", "10", "sudden", "n", *["n"] * 17]


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One data directory for the module, so the knowledge-base cache is built once."""
    return tmp_path_factory.mktemp("home")


def run(*args: str, stdin: str = "", home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BACKCARE_HOME": str(home), "COLUMNS": "100"}
    return subprocess.run(
        [str(BACKCARE), "check", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_json_from_a_profile_file(tmp_path: Path, home: Path) -> None:
    profile = write(
        tmp_path,
        "p.yaml",
        "age: 42\npain: {areas: [lower_back], score: 6}\nsymptoms: {saddle_numbness: true}\n",
    )
    done = run("--profile", str(profile), "--json", home=home)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert_spec_shape(data)
    assert (data["level"], data["exercise_allowed"]) == ("emergency", False)
    assert [flag["id"] for flag in data["flags"]] == ["cauda_equina"]


def test_panel_shows_warning_signs_first_and_the_disclaimer(tmp_path: Path, home: Path) -> None:
    profile = write(tmp_path, "p.json", '{"age": 35, "symptoms": {"fever_or_chills": true}}')
    done = run("--profile", str(profile), home=home)
    assert done.returncode == 0, done.stderr
    text = " ".join(done.stdout.split())
    assert "See a doctor today or tomorrow" in text
    assert text.index("Back pain with fever or chills") < text.index("What to do:")
    assert "not a diagnosis" in text


def test_panel_says_a_booked_appointment_once(tmp_path: Path, home: Path) -> None:
    profile = write(tmp_path, "p.json", '{"age": 40, "pain": {"score": 4, "duration_days": 120}}')
    done = run("--profile", str(profile), home=home)
    assert done.returncode == 0, done.stderr
    text = " ".join(line.strip(" │") for line in done.stdout.splitlines())
    text = " ".join(text.split())
    assert text.count("Book an appointment with your doctor; it does not need to be today.") == 1
    assert "We noticed pain for 120 days." in text


def test_in_pregnancy_the_urgent_panel_is_titled_for_the_maternity_unit(
    tmp_path: Path, home: Path
) -> None:
    """Issue 14 class 10: the heading and the action both say the maternity unit, now."""
    profile = write(
        tmp_path,
        "p.json",
        '{"age": 30, "sex": "female", "pregnancy": {"weeks": 24},'
        ' "symptoms": {"fever_or_chills": true}}',
    )
    done = run("--profile", str(profile), home=home)
    assert done.returncode == 0, done.stderr
    text = " ".join(done.stdout.split())
    assert "Safety check: Contact your maternity unit or midwife now" in text
    assert "today or tomorrow" not in text


@pytest.mark.parametrize(
    ("text", "field"),
    [
        pytest.param('{"pain": {"score": 11}}', "pain.score", id="score-11"),
        pytest.param('{"age": "old"}', "age", id="wrong-type"),
        pytest.param('{"symptoms": {"fever": true}}', "symptoms.fever", id="unknown-field"),
        pytest.param('{"sex": "dog"}', "sex", id="unknown-value"),
        pytest.param('{"pain": {"score": 3}', "p.json", id="malformed-json"),
        pytest.param("age: [1\n", "p.json", id="malformed-yaml"),
        pytest.param("[1, 2]", "p.json", id="not-an-object"),
    ],
)
def test_bad_profile_is_one_line_naming_the_field(
    tmp_path: Path, text: str, field: str, home: Path
) -> None:
    done = run("--profile", str(write(tmp_path, "p.json", text)), "--json", home=home)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith(f"error: {field}")
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr


def test_missing_profile_file(tmp_path: Path, home: Path) -> None:
    done = run("--profile", str(tmp_path / "nowhere.yaml"), home=home)
    assert done.returncode == 2
    assert done.stderr.startswith("error: --profile: cannot read")
    assert done.stderr.count("\n") == 1


def test_questions_then_panel_and_saved_profile(tmp_path: Path, home: Path) -> None:
    saved = tmp_path / "me.yaml"
    done = run("--save", str(saved), stdin="\n".join(ORDINARY_MAN) + "\n", home=home)
    assert done.returncode == 0, done.stderr
    assert "No sign that needs a doctor now" in done.stdout
    assert "pregnant" not in done.stdout.lower()
    profile = yaml.safe_load(saved.read_text(encoding="utf-8"))
    assert profile["age"] == 45
    assert profile["pain"] == {
        "areas": ["lower_back"],
        "score": 4,
        "duration_days": 10,
        "onset": "sudden",
        "getting_worse": False,
        "worse_at_night": False,
    }
    again = run("--profile", str(saved), "--json", home=home)
    assert json.loads(again.stdout)["level"] == "self_care"


def test_questions_with_json_keep_stdout_clean(home: Path) -> None:
    answers = ["45", "male", "", "lower back", "4", "10", "sudden", "n", "n", "y", *["n"] * 13]
    done = run("--json", stdin="\n".join(answers) + "\n", home=home)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["level"] == "emergency"


def test_input_ending_early_is_a_one_line_error(home: Path) -> None:
    done = run(stdin="45\n", home=home)
    assert done.returncode == 2
    assert done.stderr == "error: sex: no answer (input ended)\n"
