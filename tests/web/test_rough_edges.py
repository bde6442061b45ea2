"""Rough edges a newcomer meets (issue 22): the web diary form and the check's "not asked"."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.cli.test_data_commands import Backcare


@pytest.mark.parametrize("score", ["abc", "", "1e400", "11", "-1"])
def test_the_diary_form_answers_a_bad_score_with_the_page_not_raw_json(
    client: TestClient, score: str
) -> None:
    response = client.post("/diary", data={"score": score})
    assert response.status_code == 200
    assert "text/html" in response.headers["content-type"]
    assert "Choose a score from 0 to 10 first" in response.text
    assert client.get("/api/diary/pain").json()["pain"] == []


def test_a_check_with_no_symptom_answered_says_which_signs_were_not_asked(
    tmp_path: Path,
) -> None:
    profile = tmp_path / "me.yaml"
    profile.write_text("age: 40\npain: {score: 3}\n")
    backcare = Backcare(tmp_path / "home")
    backcare.env["COLUMNS"] = "300"
    shown = backcare.ok("check", "--profile", str(profile))
    assert "No warning sign in what you answered" in shown
    assert "Not asked, so not checked" in shown
    assert "numbness between your legs" in shown
    answered = tmp_path / "all.yaml"
    answered.write_text(
        "age: 40\nsex: male\npain: {score: 3, duration_days: 10}\nsymptoms:\n"
        + "".join(
            f"  {field}: false\n"
            for field in (
                "saddle_numbness bladder_or_bowel_change leg_weakness leg_numbness_or_pain "
                "chest_pain_or_breathlessness sweating_nausea_or_faintness abdominal_pain "
                "fever_or_chills recent_trauma cancer_history unexplained_weight_loss "
                "lump_or_swelling_in_back immunosuppressed_or_steroids urinary_pain_or_frequency "
                "flank_pain_or_colic "
                "walking_leg_pain_eased_by_sitting night_sweats height_loss_or_new_stoop "
                "blood_in_urine"
            ).split()
        )
    )
    assert "Not asked" not in backcare.ok("check", "--profile", str(answered))
