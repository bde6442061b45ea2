"""Topics the seeds do not cover (drug doses, surgery, scans, other body parts), and who to ask."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from backcare.search.patterns import PatternSet
from backcare.search.phrases import any_of

SCOPE_FILE = Path(__file__).with_name("scope.yaml")


@dataclass(frozen=True)
class OutOfScope:
    """A class of question the sources don't answer, and who can."""

    topic: str
    ask: str
    related: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ScopePatterns:
    by_topic: dict[str, tuple[str, tuple[re.Pattern[str], ...], frozenset[str]]]
    _set: PatternSet[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        pairs = ((topic, p) for topic, (_, patterns, _) in self.by_topic.items() for p in patterns)
        object.__setattr__(self, "_set", PatternSet.build(pairs))

    def topic_of(self, question: str) -> OutOfScope | None:
        """The first uncovered topic the question is about, if any."""
        for topic in self._set.matching(" ".join(question.lower().split()))[:1]:
            ask, _, related = self.by_topic[topic]
            return OutOfScope(topic=topic, ask=ask, related=related)
        return None


@cache
def load_scope(path: Path = SCOPE_FILE) -> ScopePatterns:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return ScopePatterns(
        by_topic={
            topic: (
                str(spec["ask"]),
                (any_of(spec["patterns"]),),
                frozenset(spec.get("related", ())),
            )
            for topic, spec in raw["topics"].items()
        }
    )
