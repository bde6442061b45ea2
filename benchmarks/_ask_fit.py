"""Fit ask's numeric ranking settings jointly, judged by leaving one part out (issue 20).

Not part of ``make bench`` (the leading underscore keeps it out): a tool for asking whether the
numbers in ``backcare.search.index`` (boosts, dampings, field weights…) can be chosen so that
ranking improves on questions nobody has seen, rather than on the parts they were chosen on.

A fit is coordinate ascent from the shipped values: pass after pass over ``SETTINGS``, each
setting is stepped along its ladder of values (one place down or up, and on in the direction that
gained) while the score of the fitting parts rises by at least ``MIN_GAIN``; the fit stops after
a pass that moves nothing. The score is recall@1 + recall@5 + MRR over the answerable questions
of the fitting parts pooled, plus the not-covered F1 with the ``covered`` threshold chosen on those
parts (``choose_threshold``). A step that puts a warning sign first for more answerable questions
labelled with none than the shipped values do is never taken.

``python -m benchmarks._ask_fit`` fits once on every part with leave-one-part-out: for each part,
the settings fitted on all the others are measured on it, beside the shipped settings (the
threshold also chosen on the others for both). It prints the per-part and pooled figures, the
values each fold chose, and the values fitted on all parts. Every set of values is measured once
on every question (the index rebuilt, since some settings are read when it is built) and kept, so
folds that walk the same way share their work; ``--cache FILE`` keeps those measurements between
runs. Nothing is written to the settings. A fit knows nothing of the ranking tests in
``tests/search``: run them before adopting what it finds.

``--min-gain`` sets ``MIN_GAIN``. At 0.0025 (over dev to held_out_20) every fold and the fit on
all parts chose the same two steps, ``FIELD_WEIGHTS`` summary 4 -> 3 and body 2 -> 1.5; at 0.001
most folds added OTHER_STAGE_DAMPING 0.7 and aliases 10, and one (without held_out_6) moved nine
settings: a sign of fitting single questions.

The parts are ``TUNING`` of ``benchmarks.ask``; the held-out part is never read.
"""

from __future__ import annotations

import argparse
import pickle
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import backcare.search.index as ranking
from backcare.knowledge import KnowledgeBase, load_knowledge_base
from backcare.search import AskIndex, ask, coverage
from backcare.search.evaluation import RECALL_AT, LabelledQuestion, choose_threshold
from benchmarks.ask import TUNING, load_real

PARTS = tuple(TUNING)
"""The parts fitted on and left out in turn."""
SETTINGS: dict[str, tuple[float, ...]] = {
    "EXPANSION_WEIGHT": (0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8),
    "PHRASE_BOOST": (1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0),
    "GROUP_BOOST": (1.0, 1.1, 1.2, 1.35, 1.5, 1.75, 2.0),
    "GROUP_PENALTY": (0.05, 0.1, 0.15, 0.25, 0.4),
    "GROUP_ADVICE_BOOST": (1.0, 1.05, 1.15, 1.25, 1.4),
    "OTHER_STAGE_DAMPING": (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0),
    "KIND_BOOST": (1.0, 1.2, 1.4, 1.6, 1.8, 2.0, 2.5),
    "INTENT_BOOST": (1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0),
    "INTENT_DAMPING": (0.2, 0.3, 0.4, 0.5, 0.7, 1.0),
    "INTENT_ORDER": (0.85, 0.9, 0.95, 0.97, 0.99, 1.0),
    "INTENT_FLOOR": (0.2, 0.3, 0.4, 0.5, 0.6, 0.7),
    "NAME_WORD_DAMPING": (0.1, 0.2, 0.3, 0.4, 0.5, 0.7),
    "WARNING_DAMPING": (0.1, 0.2, 0.3, 0.4, 0.5, 0.7),
    "CAUSE_FOR_ACTION": (0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.7),
    "HISTORY_WEIGHT": (0.0, 0.1, 0.25, 0.4, 0.5),
    "FIELD_WEIGHTS.aliases": (4.0, 6.0, 8.0, 10.0, 12.0),
    "FIELD_WEIGHTS.summary": (2.0, 3.0, 4.0, 5.0, 6.0),
    "FIELD_WEIGHTS.body": (1.0, 1.5, 2.0, 3.0, 4.0),
    "FIELD_WEIGHTS.quotes": (0.5, 1.0, 1.5, 2.0),
}
"""Each setting's ladder of values. ``FIELD_WEIGHTS.name`` stays 10: BM25 scores scale with the
weights, so only their ratios rank. ``CANDIDATES`` is left out: it trades speed, and
``raw_bm25`` binds it as a default when the module is loaded."""
MIN_GAIN = 0.0025
"""The least rise in score a step must bring: about two answerable questions of the pooled
parts moving up, so that a setting is not moved for one question."""
PASSES = 4

Values = tuple[float, ...]


@dataclass(frozen=True)
class Measured:
    """One question under one set of values."""

    rank: int | None
    """Place of its first answer in the first 20 results, if there."""
    coverage: float
    warning_first: bool
    """Answerable, labelled with no warning sign, yet a warning sign first."""


def shipped() -> Values:
    return tuple(_get(name) for name in SETTINGS)


def _get(name: str) -> float:
    if name.startswith("FIELD_WEIGHTS."):
        return float(ranking.FIELD_WEIGHTS[name.split(".", 1)[1]])
    return float(getattr(ranking, name))


@contextmanager
def applied(values: Values) -> Iterator[None]:
    """The settings set to ``values`` on the module for the block, put back after."""
    before = {name: getattr(ranking, name) for name in ("FIELD_WEIGHTS", *_scalars())}
    try:
        weights = dict(ranking.FIELD_WEIGHTS)
        for name, value in zip(SETTINGS, values, strict=True):
            if name.startswith("FIELD_WEIGHTS."):
                weights[name.split(".", 1)[1]] = value
            else:
                setattr(ranking, name, value)
        ranking.FIELD_WEIGHTS = weights
        yield
    finally:
        for name, value in before.items():
            setattr(ranking, name, value)


def _scalars() -> list[str]:
    return [name for name in SETTINGS if not name.startswith("FIELD_WEIGHTS.")]


class Measurer:
    """Measures every question under a set of values once, and keeps what it measured."""

    def __init__(
        self, kb: KnowledgeBase, questions: Sequence[LabelledQuestion], cache: Path | None
    ) -> None:
        self.kb = kb
        self.questions = list(questions)
        self.cache = cache
        self.kept: dict[Values, list[Measured]] = {}
        if cache and cache.exists():
            self.kept = pickle.loads(cache.read_bytes())

    def __call__(self, values: Values) -> list[Measured]:
        if values not in self.kept:
            with applied(values):
                index = AskIndex(self.kb)
                self.kept[values] = [self._one(index, q) for q in self.questions]
            if self.cache:
                self.cache.write_bytes(pickle.dumps(self.kept))
        return self.kept[values]

    @staticmethod
    def _one(index: AskIndex, question: LabelledQuestion) -> Measured:
        results = ask(index, question.q, top=20).results
        ids = [hit.id for hit in results]
        rank = next((i for i, e in enumerate(ids, 1) if e in question.answers), None)
        warning_first = (
            question.covered
            and bool(results)
            and results[0].warning_sign
            and not any(a.startswith("red-flag-") for a in question.answers)
        )
        return Measured(rank, coverage(index, question.q), warning_first)


@dataclass(frozen=True)
class Score:
    recall_at_1: float
    recall_at_5: float
    mrr: float
    precision: float | None
    recall: float | None
    f1: float
    warning_first: int
    answerable: int

    @property
    def total(self) -> float:
        return self.recall_at_1 + self.recall_at_5 + self.mrr + self.f1


Judged = tuple[Measured, LabelledQuestion, float]
"""A question measured, and the ``covered`` threshold it is judged by."""


def judged(
    measured: Sequence[Measured],
    questions: Sequence[LabelledQuestion],
    chosen: set[str],
    threshold: float | None = None,
) -> list[Judged]:
    """The questions of the parts ``chosen``, with the threshold given or else the one chosen on
    them."""
    pairs = [(m, q) for m, q in zip(measured, questions, strict=True) if q.part in chosen]
    if threshold is None:
        threshold = choose_threshold([(m.coverage, q.covered) for m, q in pairs])
    return [(m, q, threshold) for m, q in pairs]


def score(questions: Sequence[Judged]) -> Score:
    answered = [m for m, q, _ in questions if q.covered]
    n = len(answered) or 1
    ranks = [m.rank for m in answered if m.rank is not None]
    flagged = [q.covered for m, q, threshold in questions if m.coverage < threshold]
    right = sum(not c for c in flagged)
    uncovered = sum(not q.covered for _, q, _ in questions)
    precision = right / len(flagged) if flagged else None
    recall = right / uncovered if uncovered else None
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else 0.0
    return Score(
        recall_at_1=sum(r == 1 for r in ranks) / n,
        recall_at_5=sum(r <= RECALL_AT for r in ranks) / n,
        mrr=sum(1 / r for r in ranks) / n,
        precision=precision,
        recall=recall,
        f1=f1,
        warning_first=sum(m.warning_first for m in answered),
        answerable=len(answered),
    )


def fit(measure: Measurer, chosen: set[str], *, label: str, min_gain: float = MIN_GAIN) -> Values:
    """Coordinate ascent from the shipped values on the parts ``chosen``."""
    questions = measure.questions
    start = shipped()
    allowed = score(judged(measure(start), questions, chosen)).warning_first

    def worth(values: Values) -> float:
        s = score(judged(measure(values), questions, chosen))
        return s.total if s.warning_first <= allowed else float("-inf")

    current, best = start, worth(start)
    for _ in range(PASSES):
        moved = False
        for i, name in enumerate(SETTINGS):
            ladder = SETTINGS[name]
            place = ladder.index(current[i])
            steps = []
            for direction in (-1, 1):
                if 0 <= place + direction < len(ladder):
                    trial = (*current[:i], ladder[place + direction], *current[i + 1 :])
                    steps.append((worth(trial), direction, trial))
            if not steps:
                continue
            gained, direction, trial = max(steps, key=lambda s: s[0])
            while gained >= best + min_gain:
                current, best, moved = trial, gained, True
                place += direction
                if not 0 <= place + direction < len(ladder):
                    break
                trial = (*current[:i], ladder[place + direction], *current[i + 1 :])
                gained = worth(trial)
        if not moved:
            break
    changed = {n: v for n, v, s in zip(SETTINGS, current, start, strict=True) if v != s}
    print(f"fitted {label}: {best:.4f} {changed}", flush=True)
    return current


def _share(value: float | None) -> str:
    return " n/a" if value is None else f"{value:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, help="keep the measurements in this file")
    parser.add_argument("--min-gain", type=float, default=MIN_GAIN, help="least rise a step brings")
    args = parser.parse_args()
    questions = [q for q in load_real() if q.part in PARTS]
    measure = Measurer(load_knowledge_base(), questions, args.cache)
    start = shipped()
    gain = args.min_gain
    everything = fit(measure, set(PARTS), label="on all parts", min_gain=gain)
    folds = {p: fit(measure, set(PARTS) - {p}, label=f"without {p}", min_gain=gain) for p in PARTS}

    print("\nleft out     shipped: R@1 R@5  MRR  NC P / R  warning first | fitted: the same")
    pooled: dict[str, list[Judged]] = {"shipped": [], "fitted": []}
    for part in PARTS:
        rest = set(PARTS) - {part}
        row = []
        for name, values in (("shipped", start), ("fitted", folds[part])):
            measured = measure(values)
            threshold = judged(measured, questions, rest)[0][2]
            left_out = judged(measured, questions, {part}, threshold)
            pooled[name] += left_out
            s = score(left_out)
            row.append(
                f"{s.recall_at_1:.2f} {s.recall_at_5:.2f} {s.mrr:.2f} "
                f"{_share(s.precision)} / {_share(s.recall)}  {s.warning_first}"
            )
        print(f"{part:<12} {row[0]}  |        {row[1]}")
    for name, left_out in pooled.items():
        s = score(left_out)
        print(
            f"pooled {name}: R@1 {s.recall_at_1:.3f} R@5 {s.recall_at_5:.3f} MRR {s.mrr:.3f} "
            f"NC P/R {_share(s.precision)} / {_share(s.recall)} warning first {s.warning_first}"
        )
    print("\nvalues chosen by the folds (shipped first, fitted on all parts last):")
    for i, name in enumerate(SETTINGS):
        chosen = [folds[p][i] for p in PARTS]
        print(
            f"  {name:<22} {start[i]:<5} {' '.join(f'{v:g}' for v in chosen)} | {everything[i]:g}"
        )


if __name__ == "__main__":
    main()
