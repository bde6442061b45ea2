"""Spot a warning sign described in a question, so the answer can show it first."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from backcare.content.schema import FlagId, RedFlag
from backcare.knowledge.base import KnowledgeBase
from backcare.search.patterns import PatternSet, plain_apostrophes

WARNINGS_FILE = Path(__file__).with_name("warnings.yaml")
URGENCY = {"emergency": 0, "urgent": 1, "routine": 2, "self_care": 3}


@dataclass(frozen=True)
class WarningPatterns:
    """Regular expressions per flag id, matched against a lower-cased question."""

    by_flag: dict[FlagId, tuple[re.Pattern[str], ...]]
    _set: PatternSet[FlagId] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        pairs = ((flag, p) for flag, patterns in self.by_flag.items() for p in patterns)
        object.__setattr__(self, "_set", PatternSet.build(pairs))

    def flags_in(self, question: str) -> list[FlagId]:
        """The flags whose patterns match the question, in the file's order."""
        return self._set.matching(" ".join(plain_apostrophes(question.lower()).split()))


@cache
def load_warning_patterns(path: Path = WARNINGS_FILE) -> WarningPatterns:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return WarningPatterns(
        by_flag={flag: tuple(map(re.compile, patterns)) for flag, patterns in raw["flags"].items()}
    )


def detect_warning(
    question: str, kb: KnowledgeBase, red_flags: Sequence[RedFlag] | None = None
) -> RedFlag | None:
    """The most urgent red-flag entry whose warning sign the question describes, if any
    (``red_flags``: the knowledge base's red flags, when the caller has them at hand)."""
    flags = set(load_warning_patterns().flags_in(question))
    if not flags:
        return None
    return most_urgent(flags, kb.of_type(RedFlag) if red_flags is None else red_flags)


def most_urgent(flags: Iterable[str], red_flags: Iterable[RedFlag]) -> RedFlag | None:
    """The most urgent of the red-flag entries for these flags (ties: the first id)."""
    wanted = set(flags)
    matches = [entry for entry in red_flags if entry.flag in wanted]
    if not matches:
        return None
    return min(matches, key=lambda entry: (URGENCY[entry.level], entry.id))
