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


SECOND_BATCH = "held_out_2"
THIRD_BATCH = "held_out_3"
FOURTH_BATCH = "held_out_4"
FIFTH_BATCH = "held_out_5"
SIXTH_BATCH = "held_out_6"
SEVENTH_BATCH = "held_out_7"
EIGHTH_BATCH = "held_out_8"
NINTH_BATCH = "held_out_9"
TENTH_BATCH = "held_out_10"
ELEVENTH_BATCH = "held_out_11"
TWELFTH_BATCH = "held_out_12"
THIRTEENTH_BATCH = "held_out_13"
FOURTEENTH_BATCH = "held_out_14"
FIFTEENTH_BATCH = "held_out_15"
SIXTEENTH_BATCH = "held_out_16"
SEVENTEENTH_BATCH = "held_out_17"
EIGHTEENTH_BATCH = "held_out_18"
NINETEENTH_BATCH = "held_out_19"
TWENTIETH_BATCH = "held_out_20"
TWENTY_FIRST_BATCH = "held_out_21"
LATER_BATCHES = (
    SECOND_BATCH,
    THIRD_BATCH,
    FOURTH_BATCH,
    FIFTH_BATCH,
    SIXTH_BATCH,
    SEVENTH_BATCH,
    EIGHTH_BATCH,
    NINTH_BATCH,
    TENTH_BATCH,
    ELEVENTH_BATCH,
    TWELFTH_BATCH,
    THIRTEENTH_BATCH,
    FOURTEENTH_BATCH,
    FIFTEENTH_BATCH,
    SIXTEENTH_BATCH,
    SEVENTEENTH_BATCH,
    EIGHTEENTH_BATCH,
    NINETEENTH_BATCH,
    TWENTIETH_BATCH,
    TWENTY_FIRST_BATCH,
)
"""Collected later and held out whole, so all are outside the hash split (see the header)."""


def test_split_follows_the_recorded_rule(items: list[dict[str, Any]]) -> None:
    first = [i for i in items if i["part"] not in LATER_BATCHES]
    assert [i["q"] for i in first if i["part"] != expected_part(i["q"])] == []
    dev = sum(i["part"] == "dev" for i in first)
    assert 0.25 <= dev / len(first) <= 0.45


def test_second_held_out_batch_is_big_enough_and_of_both_kinds(
    items: list[dict[str, Any]],
) -> None:
    second = [i for i in items if i["part"] == SECOND_BATCH]
    assert len(second) >= 40
    assert sum(i["covered"] for i in second) >= 30
    assert sum(not i["covered"] for i in second) >= 8


def test_third_held_out_batch_is_big_enough_and_of_both_kinds(
    items: list[dict[str, Any]],
) -> None:
    third = [i for i in items if i["part"] == THIRD_BATCH]
    assert len(third) >= 60
    assert sum(i["covered"] for i in third) >= 40
    assert sum(not i["covered"] for i in third) >= 12


def test_eighth_held_out_batch_is_big_enough_and_of_both_kinds(
    items: list[dict[str, Any]],
) -> None:
    eighth = [i for i in items if i["part"] == EIGHTH_BATCH]
    assert len(eighth) >= 60
    assert sum(i["covered"] for i in eighth) >= 40
    assert sum(not i["covered"] for i in eighth) >= 15


def test_ninth_held_out_batch_is_big_enough_and_of_both_kinds(
    items: list[dict[str, Any]],
) -> None:
    ninth = [i for i in items if i["part"] == NINTH_BATCH]
    assert len(ninth) >= 60
    assert sum(i["covered"] for i in ninth) >= 40
    assert sum(not i["covered"] for i in ninth) >= 15


def test_tenth_held_out_batch_is_big_enough_and_of_both_kinds(
    items: list[dict[str, Any]],
) -> None:
    tenth = [i for i in items if i["part"] == TENTH_BATCH]
    assert len(tenth) >= 60
    assert sum(i["covered"] for i in tenth) >= 40
    assert sum(not i["covered"] for i in tenth) >= 15


def test_eleventh_held_out_batch_is_big_enough_and_of_both_kinds(
    items: list[dict[str, Any]],
) -> None:
    eleventh = [i for i in items if i["part"] == ELEVENTH_BATCH]
    assert len(eleventh) >= 60
    assert sum(i["covered"] for i in eleventh) >= 40
    assert sum(not i["covered"] for i in eleventh) >= 15


def test_twelfth_held_out_batch_is_big_enough_and_of_both_kinds(
    items: list[dict[str, Any]],
) -> None:
    twelfth = [i for i in items if i["part"] == TWELFTH_BATCH]
    assert len(twelfth) >= 60
    assert sum(i["covered"] for i in twelfth) >= 40
    assert sum(not i["covered"] for i in twelfth) >= 15


def test_thirteenth_held_out_batch_is_big_enough_and_of_both_kinds(
    items: list[dict[str, Any]],
) -> None:
    thirteenth = [i for i in items if i["part"] == THIRTEENTH_BATCH]
    assert len(thirteenth) >= 60
    assert sum(i["covered"] for i in thirteenth) >= 43
    assert sum(not i["covered"] for i in thirteenth) >= 17


def test_fourteenth_held_out_batch_is_big_enough_and_of_both_kinds(
    items: list[dict[str, Any]],
) -> None:
    fourteenth = [i for i in items if i["part"] == FOURTEENTH_BATCH]
    assert len(fourteenth) >= 54
    assert sum(i["covered"] for i in fourteenth) >= 40
    assert sum(not i["covered"] for i in fourteenth) >= 14
    long = [i for i in fourteenth if len(i["q"].split()) > 40]
    assert len(long) * 3 <= len(fourteenth)


def test_fifteenth_held_out_batch_is_big_enough_and_of_both_kinds(
    items: list[dict[str, Any]],
) -> None:
    fifteenth = [i for i in items if i["part"] == FIFTEENTH_BATCH]
    assert len(fifteenth) >= 47
    assert sum(i["covered"] for i in fifteenth) >= 34
    assert sum(not i["covered"] for i in fifteenth) >= 13
    long = [i for i in fifteenth if len(i["q"].split()) > 40]
    assert len(long) * 3 <= len(fifteenth)


def test_sixteenth_held_out_batch_is_big_enough_and_of_both_kinds(
    items: list[dict[str, Any]],
) -> None:
    sixteenth = [i for i in items if i["part"] == SIXTEENTH_BATCH]
    assert len(sixteenth) >= 50
    assert sum(i["covered"] for i in sixteenth) >= 38
    assert sum(not i["covered"] for i in sixteenth) >= 12
    long = [i for i in sixteenth if len(i["q"].split()) > 40]
    assert len(long) * 3 <= len(sixteenth)


def test_seventeenth_held_out_batch_is_big_enough_and_of_both_kinds(
    items: list[dict[str, Any]],
) -> None:
    seventeenth = [i for i in items if i["part"] == SEVENTEENTH_BATCH]
    assert len(seventeenth) >= 49
    assert sum(i["covered"] for i in seventeenth) >= 37
    assert sum(not i["covered"] for i in seventeenth) >= 12
    long = [i for i in seventeenth if len(i["q"].split()) > 40]
    assert len(long) * 3 <= len(seventeenth)


def test_eighteenth_held_out_batch_is_big_enough_and_of_both_kinds(
    items: list[dict[str, Any]],
) -> None:
    eighteenth = [i for i in items if i["part"] == EIGHTEENTH_BATCH]
    assert len(eighteenth) >= 46
    assert sum(i["covered"] for i in eighteenth) >= 35
    assert sum(not i["covered"] for i in eighteenth) >= 11
    long = [i for i in eighteenth if len(i["q"].split()) > 40]
    assert len(long) * 3 <= len(eighteenth)


def test_nineteenth_held_out_batch_is_big_enough_and_of_both_kinds(
    items: list[dict[str, Any]],
) -> None:
    nineteenth = [i for i in items if i["part"] == NINETEENTH_BATCH]
    assert len(nineteenth) >= 40
    assert sum(i["covered"] for i in nineteenth) >= 31
    assert sum(not i["covered"] for i in nineteenth) >= 9
    long = [i for i in nineteenth if len(i["q"].split()) > 40]
    assert len(long) * 3 <= len(nineteenth)


def test_twentieth_held_out_batch_is_big_enough_and_of_both_kinds(
    items: list[dict[str, Any]],
) -> None:
    twentieth = [i for i in items if i["part"] == TWENTIETH_BATCH]
    assert len(twentieth) >= 31
    assert sum(i["covered"] for i in twentieth) >= 23
    assert sum(not i["covered"] for i in twentieth) >= 8
    long = [i for i in twentieth if len(i["q"].split()) > 40]
    assert len(long) * 3 <= len(twentieth)


def test_twenty_first_held_out_batch_is_big_enough_and_of_both_kinds(
    items: list[dict[str, Any]],
) -> None:
    twenty_first = [i for i in items if i["part"] == TWENTY_FIRST_BATCH]
    assert len(twenty_first) >= 40
    assert sum(i["covered"] for i in twenty_first) >= 28
    assert sum(not i["covered"] for i in twenty_first) >= 10
    long = [i for i in twenty_first if len(i["q"].split()) > 40]
    assert len(long) * 3 <= len(twenty_first)
