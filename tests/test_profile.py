"""The profile (SPEC §2): the one input model of check, plan, CLI, API and the app."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from backcare.errors import InputError
from backcare.profile import Profile, parse_profile

SPEC_EXAMPLE = """
{
  "age": 34, "sex": "female",
  "pregnancy": {"weeks": 30},
  "postpartum": {"weeks_since_birth": 3, "delivery": "vaginal"},
  "menopause": false,
  "work": ["sitting", "standing", "lifting", "driving"],
  "pain": {"areas": ["lower_back"], "score": 5, "duration_days": 20, "onset": "gradual",
           "worse_at_night": false, "morning_stiffness_minutes": 10,
           "better_with_exercise": true, "better_with_rest": true, "onset_age": 33},
  "symptoms": {"fever_or_chills": false, "night_sweats": false, "urinary_pain_or_frequency": false,
               "blood_in_urine": false, "flank_pain_or_colic": false,
               "saddle_numbness": false, "bladder_or_bowel_change": false, "leg_weakness": false,
               "leg_numbness_or_pain": false, "walking_leg_pain_eased_by_sitting": false,
               "unexplained_weight_loss": false, "chest_pain_or_breathlessness": false,
               "sweating_nausea_or_faintness": false, "abdominal_pain": false,
               "recent_trauma": false, "height_loss_or_new_stoop": false,
               "cancer_history": false, "immunosuppressed_or_steroids": false,
               "pelvic_pressure_or_discharge_change": false, "contractions_or_bleeding": false},
  "conditions": ["disc_herniation", "lumbar_strain", "ankylosing_spondylitis", "osteoporosis",
                 "spinal_stenosis", "knee_problems", "rectus_diastasis"],
  "fitness": "low", "equipment": ["mat", "chair", "wall"], "minutes_per_day": 15
}
"""


def test_the_spec_example_parses_and_round_trips_once_it_is_consistent() -> None:
    """The SPEC's example lists every field, so it is pregnant and after a birth at once:
    refused as it stands (SPEC §9), read and round-tripped with either one."""
    with pytest.raises(ValidationError, match="pregnancy, postpartum"):
        parse_profile(SPEC_EXAMPLE)
    for drop in ("postpartum", "pregnancy"):
        document = json.loads(SPEC_EXAMPLE)
        del document[drop]
        profile = parse_profile(json.dumps(document))
        assert profile.model_dump(mode="json", exclude_none=True) == document


def test_yaml_input() -> None:
    assert parse_profile("age: 40\npain: {score: 3}\n").pain.score == 3


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ('{"pain": {"score": 11}}', ("pain", "score")),
        ('{"age": -1}', ("age",)),
        ('{"pregnancy": {"weeks": 43}}', ("pregnancy", "weeks")),
        ('{"symptoms": {"fever": true}}', ("symptoms", "fever")),
        ('{"sex": "unknown"}', ("sex",)),
        ('{"equipment": ["treadmill"]}', ("equipment", 0)),
        ('{"postpartum": {"delivery": "vaginal"}}', ("postpartum", "weeks_since_birth")),
    ],
)
def test_bad_fields_are_named(text: str, field: tuple[object, ...]) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_profile(text)
    assert caught.value.errors()[0]["loc"] == field


@pytest.mark.parametrize("text", ['{"age": 3', "- a\n- b\n", "a: [1"])
def test_malformed_text_names_the_source(text: str) -> None:
    with pytest.raises(InputError, match=r"^me\.yaml: "):
        parse_profile(text, source="me.yaml")


def test_profiles_are_immutable() -> None:
    profile = Profile(age=30)
    with pytest.raises(ValidationError):
        profile.age = 31  # type: ignore[misc]


@pytest.mark.parametrize(
    ("pain", "acute"),
    [
        ({}, False),
        ({"score": 6}, False),
        ({"score": 7}, True),
        ({"excruciating": True}, True),
        ({"score": 2, "excruciating": False}, False),
    ],
)
def test_acute_phase_is_score_7_or_excruciating(pain: dict[str, object], acute: bool) -> None:
    profile = Profile.model_validate({"pain": pain})
    assert profile.is_acute is acute
    assert ("acute_phase" in profile.groups()) is acute


def test_groups() -> None:
    profile = Profile.model_validate(
        {
            "age": 66,
            "sex": "female",
            "menopause": True,
            "work": ["sitting", "driving"],
            "conditions": ["osteoporosis", "knee_problems"],
        }
    )
    assert profile.groups() == {
        "older_adult",
        "women",
        "menopause",
        "office_worker",
        "driver",
        "osteoporosis",
    }
    assert "older_adult" not in Profile(age=64).groups()
    pregnant = Profile.model_validate({"sex": "female", "pregnancy": {"weeks": 12}})
    assert {"pregnancy", "women"} <= pregnant.groups()
    assert "men" in Profile(sex="male").groups()
    assert Profile().groups() == frozenset()
