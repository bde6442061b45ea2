"""The vignette sets are well-formed data: every case has its source page and disposition, a
level, a split, and a profile the model accepts. How the check does on them is measured by
``make bench`` (benchmarks/triage.py), not asserted here: a held-out set is for measuring."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from backcare.content.schema import LEVELS
from backcare.profile import Profile

HERE = Path(__file__).parent
SETS = {
    "vignettes.yaml": {"dev", "held_out"},
    "vignettes_fresh.yaml": {"held_out"},
    "vignettes_third.yaml": {"held_out"},
    "vignettes_fourth.yaml": {"held_out"},
    "vignettes_fifth.yaml": {"held_out"},
    "vignettes_sixth.yaml": {"held_out"},
    "vignettes_seventh.yaml": {"held_out"},
    "vignettes_eighth.yaml": {"held_out"},
    "vignettes_ninth.yaml": {"held_out"},
    "vignettes_tenth.yaml": {"held_out"},
    "vignettes_eleventh.yaml": {"held_out"},
    "vignettes_twelfth.yaml": {"held_out"},
    "vignettes_thirteenth.yaml": {"held_out"},
    "vignettes_fourteenth.yaml": {"held_out"},
    "vignettes_fifteenth.yaml": {"held_out"},
    "vignettes_sixteenth.yaml": {"held_out"},
    "vignettes_seventeenth.yaml": {"held_out"},
    "vignettes_eighteenth.yaml": {"held_out"},
    "vignettes_nineteenth.yaml": {"held_out"},
    "vignettes_twentieth.yaml": {"held_out"},
    "vignettes_twenty_first.yaml": {"held_out"},
}


def cases(name: str) -> list[dict[str, Any]]:
    loaded: list[dict[str, Any]] = yaml.safe_load((HERE / name).read_text(encoding="utf-8"))[
        "cases"
    ]
    return loaded


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_case_is_sourced_levelled_split_and_valid(name: str) -> None:
    found = cases(name)
    assert len(found) >= 70
    assert len({case["id"] for case in found}) == len(found)
    for case in found:
        assert case["source"]["url"].startswith("http"), case["id"]
        assert case["source"]["disposition"], case["id"]
        assert case["expected"] in LEVELS, case["id"]
        assert case["split"] in SETS[name], case["id"]
        Profile.model_validate(case["profile"])


def test_the_first_set_was_split_a_third_for_development() -> None:
    splits = [case["split"] for case in cases("vignettes.yaml")]
    assert splits.count("dev") * 3 == pytest.approx(len(splits), abs=3)
