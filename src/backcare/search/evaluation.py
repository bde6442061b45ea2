"""Retrieval quality measures for the ask evaluation sets (used by tests and ``make bench``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

RECALL_AT = 5


@dataclass(frozen=True)
class LabelledQuestion:
    """A question with the entry ids that answer it; ``covered`` is false when none can."""

    q: str
    answers: frozenset[str]
    covered: bool
    part: str = "dev"


@dataclass(frozen=True)
class Figures:
    """Recall@1, recall@5 and MRR over covered questions; not-covered precision and recall."""

    questions: int
    covered: int
    recall_at_1: float
    recall_at_5: float
    mrr: float
    not_covered_precision: float | None
    not_covered_recall: float | None


Ranker = Callable[[str], tuple[Sequence[str], bool]]
"""Question → (entry ids best first, whether the ranker thinks the sources cover it)."""


def first_rank(ranked: Sequence[str], answers: Iterable[str]) -> int | None:
    wanted = set(answers)
    return next((i for i, entry_id in enumerate(ranked, 1) if entry_id in wanted), None)


def figures(rank: Ranker, questions: Sequence[LabelledQuestion]) -> Figures:
    """Every measure at once; a ranker is called once per question."""
    at_1 = at_k = 0
    reciprocal = 0.0
    flagged = flagged_right = not_covered = 0
    covered_questions = [q for q in questions if q.covered]
    for question in questions:
        ranked, says_covered = rank(question.q)
        if not says_covered:
            flagged += 1
            flagged_right += not question.covered
        if not question.covered:
            not_covered += 1
            continue
        first = first_rank(ranked, question.answers)
        if first is not None:
            at_1 += first == 1
            at_k += first <= RECALL_AT
            reciprocal += 1 / first
    n = len(covered_questions) or 1
    return Figures(
        questions=len(questions),
        covered=len(covered_questions),
        recall_at_1=at_1 / n,
        recall_at_5=at_k / n,
        mrr=reciprocal / n,
        not_covered_precision=flagged_right / flagged if flagged else None,
        not_covered_recall=flagged_right / not_covered if not_covered else None,
    )


def recall_and_mrr(
    rank: Callable[[str], Sequence[str]], questions: Sequence[tuple[str, set[str]]]
) -> tuple[float, float]:
    """Recall@5: share of questions answered in the top 5. MRR: mean of 1 / first-answer rank."""
    result = figures(
        lambda q: (rank(q), True),
        [LabelledQuestion(q, frozenset(answers), True) for q, answers in questions],
    )
    return result.recall_at_5, result.mrr


def choose_threshold(values: Sequence[tuple[float, bool]]) -> float:
    """The threshold t (covered iff value >= t) with the best not-covered F1 on labelled values
    (value, truly covered): a value is a share (at least 0), or minus infinity for a question
    known to be uncovered. Every threshold between two neighbouring values is equally good on
    the labelled ones, so it is put halfway between them: as far from the flagged side as from
    the unflagged one, where unseen questions are likeliest to fall (the largest such threshold,
    used before, over-flagged unseen covered questions)."""
    finite = sorted({value for value, _ in values if value != float("-inf")})
    actual = sum(not covered for _, covered in values)

    def f1(threshold: float) -> float:
        flagged = [covered for value, covered in values if value < threshold]
        right = sum(not covered for covered in flagged)
        if not right:
            return 0.0
        precision, recall = right / len(flagged), right / actual
        return 2 * precision * recall / (precision + recall)

    uppers = [*finite, float("inf")]
    best = max(range(len(uppers)), key=lambda i: (f1(uppers[i]), -i))
    if uppers[best] == float("inf"):
        return uppers[best]
    lower = finite[best - 1] if best else min(0.0, finite[0])
    halfway = (lower + uppers[best]) / 2
    # Two neighbours too close for a float between them (0 and 5e-324): the upper one separates.
    return halfway if halfway > lower else uppers[best]
