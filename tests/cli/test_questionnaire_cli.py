"""``backcare questionnaire`` as a person runs it: the SPEC contracts, interactive answers, and
bad answers that save nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_data_commands import Backcare


@pytest.fixture
def backcare(tmp_path: Path) -> Backcare:
    return Backcare(tmp_path / "home")


def test_startback_answers_at_once_print_the_contract_json_and_are_saved(
    backcare: Backcare,
) -> None:
    out = json.loads(
        backcare.ok("questionnaire", "startback", "--answers", "1,0,0,1,1,1,1,0,3", "--json")
    )
    assert {k: out[k] for k in ("instrument", "total", "psychosocial", "risk")} == {
        "instrument": "startback",
        "total": 6,
        "psychosocial": 4,
        "risk": "high",
    }
    assert [q["instrument"] for q in backcare.export()["questionnaires"]] == ["startback"]


def test_peg_prints_the_mean(backcare: Backcare) -> None:
    out = json.loads(backcare.ok("questionnaire", "peg", "--answers", "4,5,7", "--json"))
    assert out["instrument"] == "peg"
    assert out["score"] == pytest.approx(16 / 3)


def test_startback_asks_the_nine_items_and_shows_the_copyright(backcare: Backcare) -> None:
    # The second answer "7" is refused and asked again.
    result = backcare("questionnaire", "startback", stdin="1\n7\n0\n0\n0\n0\n0\n0\n0\n1\n")
    assert result.returncode == 0, result.stderr
    assert "It's not really safe for a person with a condition like mine" in result.stderr
    assert "Please type a number from 0 to 1." in result.stderr
    assert "total 1/9, psychosocial 0/5 → low risk" in result.stdout
    assert "©2007" in result.stdout
    assert "Keele University" in result.stdout


def test_psfs_names_activities_and_reports_change_in_words(backcare: Backcare) -> None:
    backcare.ok("questionnaire", "psfs", stdin="walking to work\n3\ngardening\n4\n\n")
    out = backcare.ok(
        "questionnaire",
        "psfs",
        "--answers",
        "6,6",
        "--activity",
        "walking to work",
        "--activity",
        "gardening",
    )
    assert "went from 3.5 to 6.0: better by at least the smallest change people notice" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("startback", "--answers", "1,0,1"), "--answers: STarT Back takes 9 answers, not 3"),
        (
            ("startback", "--answers", "1,0,1,0,1,0,1,0,5"),
            "--answers: 5 is not an answer to item 9",
        ),
        (("peg", "--answers", "4,five,6"), "--answers: 'five' is not a whole number"),
        (("psfs", "--answers", "4"), "--activity: name one activity per rating (1), not 0"),
        (("oswestry", "--answers", "1"), "instrument: 'oswestry' is not one of"),
    ],
)
def test_a_bad_answer_is_one_line_exit_2_and_nothing_saved(
    backcare: Backcare, args: tuple[str, ...], message: str
) -> None:
    result = backcare.process("questionnaire", *args)
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {message}")
    assert result.stderr.count("\n") == 1
    assert backcare.export()["questionnaires"] == []


def test_input_that_ends_early_saves_nothing(backcare: Backcare) -> None:
    result = backcare("questionnaire", "peg", stdin="3\n4\n")
    assert result.returncode == 2
    assert backcare.export()["questionnaires"] == []


def test_fhir_export_has_a_questionnaire_response_per_questionnaire(backcare: Backcare) -> None:
    """STarT Back under its LOINC panel (91349-1) with item, score and risk-level codes;
    validated as R4 resources."""
    from fhir.resources.R4B.bundle import Bundle

    backcare.ok("log", "5")
    backcare.ok("questionnaire", "startback", "--answers", "1,0,1,0,1,1,1,1,4")
    backcare.ok("questionnaire", "peg", "--answers", "6,5,4")
    backcare.ok("questionnaire", "psfs", "--answers", "3", "--activity", "gardening")
    bundle = Bundle.model_validate_json(backcare.ok("export", "--format", "fhir"))
    kinds = [entry.resource.get_resource_type() for entry in bundle.entry]
    assert kinds == ["Observation"] + ["QuestionnaireResponse"] * 3 + ["Patient"]
    startback, peg, psfs = (entry.resource for entry in bundle.entry[1:4])
    assert startback.questionnaire == "http://loinc.org/q/91349-1"
    answers = {item.linkId: item.answer[0] for item in startback.item}
    assert answers["91340-0"].valueCoding.display == "Agree"
    assert answers["91348-3"].valueCoding.display == "Extremely"
    assert (answers["91351-7"].valueInteger, answers["91350-9"].valueInteger) == (7, 5)
    assert answers["91352-5"].valueCoding.code == "LA9193-9"  # High
    assert float(peg.item[-1].answer[0].valueDecimal) == 5.0
    assert psfs.item[0].text == "gardening"


def test_report_writes_a_private_one_page_pdf(backcare: Backcare, tmp_path: Path) -> None:
    import stat

    from pypdf import PdfReader

    backcare.ok("log", "4")
    backcare.ok("questionnaire", "peg", "--answers", "6,5,4")
    out = tmp_path / "report.pdf"
    result = backcare("report", "--pdf", str(out), "--paper", "letter")
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    assert "PEG" in reader.pages[0].extract_text()
    assert backcare("report", "--pdf", str(out), "--paper", "a5").returncode == 2
    assert backcare("report", "--pdf", str(tmp_path / "report.txt")).returncode == 2
