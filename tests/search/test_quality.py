"""Ask answers realistic questions: recall@5 on the evaluation set, and no warning missed."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from backcare.knowledge import KnowledgeBase
from backcare.search import AskIndex
from backcare.search.evaluation import recall_and_mrr

EVAL_FILE = Path(__file__).with_name("eval_questions.yaml")
MIN_RECALL_AT_5 = 0.9


@pytest.fixture(scope="module")
def questions() -> list[tuple[str, set[str]]]:
    raw = yaml.safe_load(EVAL_FILE.read_text(encoding="utf-8"))
    return [(item["q"], set(item["answers"])) for item in raw["questions"]]


def test_evaluation_set_is_large_and_points_at_real_entries(
    questions: list[tuple[str, set[str]]], kb: KnowledgeBase
) -> None:
    assert len(questions) >= 60
    unknown = {entry_id for _, answers in questions for entry_id in answers if entry_id not in kb}
    assert unknown == set()


def test_recall_at_5(questions: list[tuple[str, set[str]]], kb: KnowledgeBase) -> None:
    index = AskIndex(kb)
    recall, mrr = recall_and_mrr(lambda q: [h.entry.id for h in index.search(q, top=5)], questions)
    assert recall >= MIN_RECALL_AT_5, (recall, mrr)


@pytest.mark.parametrize(
    ("question", "group"),
    [
        ("I'm 30 weeks pregnant, which exercises lying down can I do", "pregnancy"),
        ("exercises after my c-section", "postpartum"),
        ("I have a herniated disc, what moves", "disc_herniation"),
        ("exercise with osteoporosis", "osteoporosis"),
    ],
)
def test_first_answer_is_never_an_entry_that_group_must_avoid(
    question: str, group: str, kb: KnowledgeBase
) -> None:
    first = AskIndex(kb).search(question, top=1)[0].entry
    assert all(rule.group != group for rule in first.not_for), first.id
