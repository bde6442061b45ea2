"""Retrieval quality measures for the ask evaluation set (used by tests and ``make bench``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

RECALL_AT = 5


def recall_and_mrr(
    rank: Callable[[str], Sequence[str]], questions: Sequence[tuple[str, set[str]]]
) -> tuple[float, float]:
    """Recall@5: share of questions answered in the top 5. MRR: mean of 1 / first-answer rank."""
    hits = 0
    reciprocal = 0.0
    for question, answers in questions:
        ranked = list(rank(question))
        if any(entry_id in answers for entry_id in ranked[:RECALL_AT]):
            hits += 1
        first = next((i for i, entry_id in enumerate(ranked, 1) if entry_id in answers), None)
        reciprocal += 1 / first if first else 0.0
    return hits / len(questions), reciprocal / len(questions)
