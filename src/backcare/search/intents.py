"""What a question asks for beyond its words ("should I rest?", "how long will it last?"), and the
entries that answer that kind of question."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from backcare.search.patterns import PatternSet, plain_apostrophes

INTENTS_FILE = Path(__file__).with_name("intents.yaml")


@dataclass(frozen=True)
class Intents:
    by_name: dict[str, tuple[tuple[re.Pattern[str], ...], tuple[str, ...]]]
    damps: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Per intent, the entries that do not answer that kind of question though they share its
    words: advice for before, when the question tells of after ("pain since lifting" and the
    safe-lifting advice)."""
    peers: frozenset[str] = frozenset()
    """Intents whose entries are peers, none answering before another (the common causes of
    back pain): all take the first place."""
    _set: PatternSet[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        pairs = ((name, p) for name, (patterns, _) in self.by_name.items() for p in patterns)
        object.__setattr__(self, "_set", PatternSet.build(pairs))

    def entries_for(self, question: str) -> frozenset[str]:
        """Ids of the entries that answer the kinds of question this one is."""
        return frozenset(self.read(question)[0])

    def read(self, question: str) -> tuple[dict[str, int], frozenset[str]]:
        """Ids of the entries that answer the kinds of question this one is, each with its
        place in its intent's list (the least, if several intents name it: the list says which
        answers first), and the ids of those its kinds damp (``damps``) and none names as an
        answer."""
        lowered = " ".join(plain_apostrophes(question.lower()).split())
        names = self._set.matching(lowered)
        if not names:
            return {}, frozenset()
        places: dict[str, int] = {}
        for name in names:
            peers = name in self.peers
            for place, entry in enumerate(self.by_name[name][1]):
                place = 0 if peers else place
                places[entry] = min(place, places.get(entry, place))
        damped = frozenset(e for name in names for e in self.damps.get(name, ())) - places.keys()
        return places, damped

    def all_entries(self) -> frozenset[str]:
        return frozenset(
            e
            for entries in (*(e for _, e in self.by_name.values()), *self.damps.values())
            for e in entries
        )


@cache
def load_intents(path: Path = INTENTS_FILE) -> Intents:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Intents(
        by_name={
            name: (
                tuple(map(re.compile, spec["patterns"])),
                tuple(str(e) for e in spec["entries"]),
            )
            for name, spec in raw["intents"].items()
        },
        peers=frozenset(name for name, spec in raw["intents"].items() if spec.get("peers")),
        damps={
            name: tuple(str(e) for e in spec["damps"])
            for name, spec in raw["intents"].items()
            if spec.get("damps")
        },
    )
