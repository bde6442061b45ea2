"""The "what we noticed" sentence: plain words, the person's own numbers, readable lists."""

from __future__ import annotations

import pytest

from backcare.profile import Profile
from backcare.triage.noticed import noticed

PERSON = Profile.model_validate({"age": 71, "pregnancy": {"weeks": 30}, "pain": {"score": 8}})


@pytest.mark.parametrize(
    ("keys", "sentence"),
    [
        ([], ""),
        (["symptoms.leg_weakness"], "We noticed weakness in a leg or foot."),
        (
            ["symptoms.leg_weakness", "age", "symptoms.leg_weakness"],
            "We noticed weakness in a leg or foot and your age (71).",
        ),
        (
            ["pain.sudden_onset", "pain.severe", "age"],
            "We noticed pain that came on suddenly, severe pain right now (8 out of 10), "
            "and your age (71).",
        ),
        (
            ["symptoms.pelvic_pressure_or_discharge_change", "pregnancy.weeks"],
            "We noticed a feeling that your pelvis is sagging, or a change in vaginal discharge; "
            "and your pregnancy (30 weeks).",
        ),
    ],
)
def test_sentence(keys: list[str], sentence: str) -> None:
    assert noticed(keys, PERSON) == sentence
