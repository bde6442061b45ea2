"""Safety check on case vignettes written outside the rules (tests/triage/vignettes.yaml).

Each case is adapted from a published page and carries that page's disposition as the expected
level. The set was split before any rule was written: ``dev`` (a third) for development,
``held_out`` for the figures that count. Prints a confusion matrix (expected × given) per part
and the goals of issue 14: no emergency or urgent case given a lower level, at most 10% of
self-care cases raised, at least 90% exactly right.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from backcare.knowledge import KnowledgeBase, load_knowledge_base
from backcare.profile import Profile
from backcare.triage import LEVELS, evaluate
from benchmarks.measures import at_least, at_most

TESTS = Path(__file__).resolve().parent.parent / "tests" / "triage"
VIGNETTES = TESTS / "vignettes.yaml"
FRESH = TESTS / "vignettes_fresh.yaml"
"""A second set, all held out, written after the first held-out run had been spent."""
THIRD = TESTS / "vignettes_third.yaml"
"""A third set, all held out, written without reading the rules after the second was spent."""
FOURTH = TESTS / "vignettes_fourth.yaml"
"""A fourth set, all held out, written without reading the rules after the third was spent."""
FIFTH = TESTS / "vignettes_fifth.yaml"
"""A fifth set, all held out, written without reading the rules after the fourth was spent."""
SIXTH = TESTS / "vignettes_sixth.yaml"
"""A sixth set, all held out, written without reading the rules after the fifth was spent."""
SEVENTH = TESTS / "vignettes_seventh.yaml"
"""A seventh set, all held out, written without reading the rules after the sixth was spent."""
EIGHTH = TESTS / "vignettes_eighth.yaml"
"""An eighth set, all held out, written without reading the rules after the seventh was spent."""
NINTH = TESTS / "vignettes_ninth.yaml"
"""A ninth set, all held out, written without reading the rules after the eighth was spent."""
TENTH = TESTS / "vignettes_tenth.yaml"
"""A tenth set, all held out, written without reading the rules after the ninth was spent."""
ELEVENTH = TESTS / "vignettes_eleventh.yaml"
"""An eleventh set, all held out, written from the issue's classes without reading the rules."""
TWELFTH = TESTS / "vignettes_twelfth.yaml"
"""A twelfth set, all held out, written from the issue's classes and guidance, rules unread."""
THIRTEENTH = TESTS / "vignettes_thirteenth.yaml"
"""A thirteenth set, all held out, from the issue's classes, hunting under-rated people."""
FOURTEENTH = TESTS / "vignettes_fourteenth.yaml"
"""A fourteenth set, all held out, from back-pain mimics in public guidance, rules unread."""
FIFTEENTH = TESTS / "vignettes_fifteenth.yaml"
"""A fifteenth set, all held out: a realistic mix of back-pain app users, rules unread."""
SIXTEENTH = TESTS / "vignettes_sixteenth.yaml"
"""A sixteenth set, all held out, from teaching cases and case studies, rules unread."""
SEVENTEENTH = TESTS / "vignettes_seventeenth.yaml"
"""A seventeenth set, all held out: symptom-checker style cases, NHS dispositions, rules unread."""
EIGHTEENTH = TESTS / "vignettes_eighteenth.yaml"
"""An eighteenth set, all held out: first-person app users, one NHS-page line each, rules unread."""
NINETEENTH = TESTS / "vignettes_nineteenth.yaml"
"""A nineteenth set, all held out: ordinary people beside the serious mimics, rules unread."""
TWENTIETH = TESTS / "vignettes_twentieth.yaml"
"""A twentieth set, all held out: the people and signs least covered before, rules unread."""
TWENTY_FIRST = TESTS / "vignettes_twenty_first.yaml"
"""A twenty-first set, all held out: a week of messages to a coach, rules unread."""
WHOLE_SETS = {
    "fresh": FRESH,
    "third": THIRD,
    "fourth": FOURTH,
    "fifth": FIFTH,
    "sixth": SIXTH,
    "seventh": SEVENTH,
    "eighth": EIGHTH,
    "ninth": NINTH,
    "tenth": TENTH,
    "eleventh": ELEVENTH,
    "twelfth": TWELFTH,
    "thirteenth": THIRTEENTH,
    "fourteenth": FOURTEENTH,
    "fifteenth": FIFTEENTH,
    "sixteenth": SIXTEENTH,
    "seventeenth": SEVENTEENTH,
    "eighteenth": EIGHTEENTH,
    "nineteenth": NINETEENTH,
    "twentieth": TWENTIETH,
    "twenty_first": TWENTY_FIRST,
}
"""Parts that are a whole file (every case held out), by name."""
PARTS = ("dev", "held_out", *WHOLE_SETS)


@dataclass(frozen=True)
class Outcome:
    """One case: what the source says, what the check said."""

    id: str
    expected: str
    given: str

    @property
    def under(self) -> bool:
        return LEVELS.index(self.given) > LEVELS.index(self.expected)


def load_cases(path: Path = VIGNETTES) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    return cases


def outcomes(kb: KnowledgeBase, part: str) -> list[Outcome]:
    """Run the check on every case of one part (a whole-set part: every case of that set)."""
    whole = part in WHOLE_SETS
    cases = load_cases(WHOLE_SETS[part]) if whole else load_cases()
    return [
        Outcome(case["id"], case["expected"], given(kb, case["profile"]))
        for case in cases
        if whole or case["split"] == part
    ]


def given(kb: KnowledgeBase, profile: dict[str, Any]) -> str:
    return evaluate(Profile.model_validate(profile), kb).level


def report(part: str, results: list[Outcome]) -> None:
    counts = Counter((o.expected, o.given) for o in results)
    width = max(len(level) for level in LEVELS) + 2
    print(f"-- {part}: {len(results)} cases (rows: expected, columns: given)")
    print(" " * width + "".join(f"{level:>{width}}" for level in LEVELS))
    for expected in LEVELS:
        row = "".join(f"{counts[(expected, given)]:>{width}}" for given in LEVELS)
        print(f"{expected:<{width}}{row}")
    serious = [o for o in results if o.expected in ("emergency", "urgent")]
    self_care = [o for o in results if o.expected == "self_care"]
    under = [o for o in serious if o.under]
    raised = [o for o in self_care if o.given != "self_care"]
    exact = sum(o.expected == o.given for o in results)
    print(f"emergency/urgent given a lower level: {len(under)} of {len(serious)} (goal 0)")
    print(f"self-care cases raised: {len(raised)} of {len(self_care)} (goal at most 10%)")
    print(
        f"exactly right: {exact} of {len(results)} = {exact / max(len(results), 1):.0%} (goal 90%)"
    )
    at_most(f"triage {part}: emergency or urgent given a lower level", len(under), 0)
    at_most(f"triage {part}: share of self-care raised", len(raised) / max(len(self_care), 1), 0.1)
    at_least(f"triage {part}: share exactly right", exact / max(len(results), 1), 0.9)
    for o in under:
        print(f"   under-triaged: {o.id} expected {o.expected}, given {o.given}")


def run(parts: tuple[str, ...] = PARTS) -> None:
    kb = load_knowledge_base()
    for part in parts:
        report(part, outcomes(kb, part))


if __name__ == "__main__":
    run(tuple(sys.argv[1:]) or PARTS)
