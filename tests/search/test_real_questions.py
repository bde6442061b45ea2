"""The real-question set: addresses, labels that exist, and the recorded split rule."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
import yaml

from backcare.knowledge import KnowledgeBase

REAL_FILE = Path(__file__).with_name("real_questions.yaml")


def expected_part(question: str) -> str:
    """The split rule written at the top of the file."""
    digest = int(hashlib.sha256(question.encode("utf-8")).hexdigest(), 16)
    return "dev" if digest % 3 == 0 else "held_out"


@pytest.fixture(scope="module")
def items() -> list[dict[str, Any]]:
    raw = yaml.safe_load(REAL_FILE.read_text(encoding="utf-8"))
    questions: list[dict[str, Any]] = raw["questions"]
    return questions


def test_enough_real_questions_of_each_kind(items: list[dict[str, Any]]) -> None:
    covered = [i for i in items if i["covered"]]
    not_covered = [i for i in items if not i["covered"]]
    assert len(covered) >= 60
    assert len(not_covered) >= 15
    assert all(i["url"].startswith(("http://", "https://")) for i in items)
    assert len({i["q"] for i in items}) == len(items)


def test_labels_point_at_real_entries(items: list[dict[str, Any]], kb: KnowledgeBase) -> None:
    for item in items:
        if item["covered"]:
            assert item["answers"], item["q"]
            assert [a for a in item["answers"] if a not in kb] == [], item["q"]
        else:
            assert "answers" not in item, item["q"]


BATCH_SIZES: dict[str, tuple[int, int, int]] = {
    "held_out_2": (40, 30, 8),
    "held_out_3": (60, 40, 12),
    "held_out_4": (60, 40, 15),
    "held_out_5": (60, 40, 15),
    "held_out_6": (60, 40, 15),
    "held_out_7": (60, 40, 15),
    "held_out_8": (60, 40, 15),
    "held_out_9": (60, 40, 15),
    "held_out_10": (60, 40, 15),
    "held_out_11": (60, 40, 15),
    "held_out_12": (60, 40, 15),
    "held_out_13": (60, 43, 17),
    "held_out_14": (54, 40, 14),
    "held_out_15": (47, 34, 13),
    "held_out_16": (50, 38, 12),
    "held_out_17": (49, 37, 12),
    "held_out_18": (46, 35, 11),
    "held_out_19": (40, 31, 9),
    "held_out_20": (31, 23, 8),
    "held_out_21": (40, 28, 10),
    "held_out_22": (40, 29, 11),
    "held_out_23": (40, 28, 12),
    "held_out_24": (40, 28, 12),
    "held_out_25": (40, 28, 12),
    "held_out_26": (40, 26, 14),
}
"""Each later batch, collected apart and held out whole (so outside the hash split, see the
header), with the least number of questions, covered ones and not-covered ones it must hold."""

LONG_LETTERS_LIMITED_FROM = 14
"""From the fourteenth batch on, at most a third of a batch may be letters of more than 40 words."""


def test_split_follows_the_recorded_rule(items: list[dict[str, Any]]) -> None:
    first = [i for i in items if i["part"] not in BATCH_SIZES]
    assert [i["q"] for i in first if i["part"] != expected_part(i["q"])] == []
    dev = sum(i["part"] == "dev" for i in first)
    assert 0.25 <= dev / len(first) <= 0.45


@pytest.mark.parametrize("part", sorted(BATCH_SIZES))
def test_each_later_batch_is_big_enough_and_of_both_kinds(
    items: list[dict[str, Any]], part: str
) -> None:
    batch = [i for i in items if i["part"] == part]
    least, least_covered, least_not_covered = BATCH_SIZES[part]
    assert len(batch) >= least
    assert sum(i["covered"] for i in batch) >= least_covered
    assert sum(not i["covered"] for i in batch) >= least_not_covered
    if int(part.removeprefix("held_out_")) >= LONG_LETTERS_LIMITED_FROM:
        long = [i for i in batch if len(i["q"].split()) > 40]
        assert len(long) * 3 <= len(batch)
