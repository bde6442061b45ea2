"""Ask's figures part by part, judged by leaving one part out (issue 20).

Not part of ``make bench`` (the leading underscore keeps it out): a tool for choosing ranking and
"not covered" settings so that they generalise to questions nobody has seen.

``python -m benchmarks._ask_lopo`` prints, for every collected part of the real questions:
recall@1, recall@5, MRR and not-covered precision / recall as shipped; the ``covered`` threshold
chosen (best not-covered F1) on the other parts and the not-covered figures it gives on this one;
and how many answerable questions whose labels hold no warning sign got a warning sign first.

``python -m benchmarks._ask_lopo NAME V1,V2,…`` sweeps one numeric setting of
``backcare.search.index`` (``EXPANSION_WEIGHT``, ``KIND_BOOST`` …) over the values given, and for
each part reports the figures of the value that scored best (recall@1 + recall@5 + MRR, weighted
by answerable questions) on the other parts. The setting is changed on the module for the sweep
only; nothing is written.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import backcare.search.index as ranking
from backcare.knowledge import load_knowledge_base
from backcare.search import AskIndex, ask, coverage
from backcare.search.evaluation import Figures, LabelledQuestion, choose_threshold, figures
from benchmarks.ask import TUNING, load_real, threshold_ranker

Answers = dict[str, tuple[list[str], bool, bool]]
"""Question → (entry ids best first, covered, first result is a warning sign)."""


def _answers(index: AskIndex, questions: list[LabelledQuestion]) -> Answers:
    found: Answers = {}
    for question in questions:
        result = ask(index, question.q, top=20)
        first_warns = bool(result.results) and result.results[0].warning_sign
        found[question.q] = ([hit.id for hit in result.results], result.covered, first_warns)
    return found


def _ranker(answers: Answers) -> Callable[[str], tuple[list[str], bool]]:
    return lambda q: (answers[q][0], answers[q][1])


def _share(value: float | None) -> str:
    return " n/a" if value is None else f"{value:.2f}"


def _warning_first(answers: Answers, part: list[LabelledQuestion]) -> int:
    """Answerable questions labelled with no warning sign whose first result is one."""
    return sum(
        1
        for q in part
        if q.covered and answers[q.q][2] and not any(a.startswith("red-flag-") for a in q.answers)
    )


def per_part(index: AskIndex, questions: list[LabelledQuestion]) -> None:
    answers = _answers(index, questions)
    values = {q.q: coverage(index, q.q) for q in questions}
    print("part          R@1  R@5  MRR  NC P / R   | threshold on others: NC P / R | warning first")
    for part in TUNING:
        chosen = [q for q in questions if q.part == part]
        shipped = figures(_ranker(answers), chosen)
        others = [(values[q.q], q.covered) for q in questions if q.part != part]
        threshold = choose_threshold(others)
        left_out = figures(threshold_ranker(values, threshold), chosen)
        print(
            f"{part:<12} {shipped.recall_at_1:.2f} {shipped.recall_at_5:.2f} {shipped.mrr:.2f} "
            f"{_share(shipped.not_covered_precision)} / {_share(shipped.not_covered_recall)} | "
            f"{threshold:.3f}: {_share(left_out.not_covered_precision)} / "
            f"{_share(left_out.not_covered_recall)} | {_warning_first(answers, chosen)}"
        )


def sweep(
    index: AskIndex, questions: list[LabelledQuestion], name: str, values: list[float]
) -> None:
    original = getattr(ranking, name)
    table: dict[float, dict[str, Figures]] = {}
    try:
        for value in values:
            setattr(ranking, name, value)
            ranker = _ranker(_answers(index, questions))
            table[value] = {
                p: figures(ranker, [q for q in questions if q.part == p]) for p in TUNING
            }
            row = "  ".join(
                f"{p} {f.recall_at_1:.2f}/{f.recall_at_5:.2f}/{f.mrr:.2f}"
                for p, f in table[value].items()
            )
            print(f"{name} = {value}: {row}")
    finally:
        setattr(ranking, name, original)
    for part in TUNING:
        best = max(values, key=lambda v: _score(table[v], exclude=part))
        f = table[best][part]
        print(
            f"leave out {part:<11} chosen {best}: "
            f"R@1 {f.recall_at_1:.2f} R@5 {f.recall_at_5:.2f} MRR {f.mrr:.2f}"
        )


def _score(by_part: dict[str, Figures], *, exclude: str) -> float:
    return sum(
        (f.recall_at_1 + f.recall_at_5 + f.mrr) * f.covered
        for p, f in by_part.items()
        if p != exclude
    )


def main() -> None:
    index = AskIndex(load_knowledge_base())
    questions = [q for q in load_real() if q.part in TUNING]
    if len(sys.argv) == 3:
        sweep(index, questions, sys.argv[1], [float(v) for v in sys.argv[2].split(",")])
    else:
        per_part(index, questions)


if __name__ == "__main__":
    main()
