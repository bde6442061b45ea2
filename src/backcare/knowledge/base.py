"""The frozen, indexed knowledge base every other part reads from."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from backcare.content.schema import (
    Entry,
    Level,
    LevelWording,
    NotCarried,
    RedFlag,
    Rule,
    Source,
)
from backcare.errors import UnknownEntryError
from backcare.knowledge.promises import all_rules

E = TypeVar("E")


@dataclass(frozen=True)
class KnowledgeBase:
    """All entries, looked up by id or kind. Immutable: build a new one to change content."""

    entries: tuple[Entry, ...]
    not_carried: tuple[NotCarried, ...] = ()
    levels: tuple[LevelWording, ...] = ()
    rules: tuple[Rule, ...] = ()
    """Every safety promise in one shape: each exercise's ``not_for`` and each population's
    ``avoid`` list read as rules, then the content's own ``rules`` (see ``knowledge.promises``)."""
    _by_id: dict[str, Entry] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {entry.id: entry for entry in self.entries})
        if not self.rules:  # built by hand (tests, tools): the entries' own promises still hold
            object.__setattr__(self, "rules", all_rules(self.entries, ()))

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._by_id

    def get(self, entry_id: str) -> Entry:
        """The entry with this id, or ``UnknownEntryError``."""
        try:
            return self._by_id[entry_id]
        except KeyError:
            raise UnknownEntryError(entry_id) from None

    def level(self, level: Level) -> LevelWording:
        """How a level of the safety check is worded (defined once, in red-flags.yaml)."""
        for wording in self.levels:
            if wording.level == level:
                return wording
        raise UnknownEntryError(f"level {level}")

    def check_title(self, level: Level, advice: str) -> str:
        """The heading of a check result: the level's title, or its maternity title when the
        advice opens with the maternity unit's wording (pregnancy and six weeks after birth)."""
        wording = self.level(level)
        maternity = wording.maternity_action and advice.startswith(wording.maternity_action)
        return (maternity and wording.maternity_title) or wording.title

    def flag_action(
        self, entry: RedFlag, level: Level | None = None, *, maternity: bool = False
    ) -> str:
        """What to do for a warning sign at a level (its usual one by default): the level's one
        wording (the maternity unit's when asked for), then what this sign adds."""
        level = level or entry.level
        wording = self.level(level)
        action = (maternity and wording.maternity_action) or wording.action
        note = entry.also_at.get(level, entry.also)
        return f"{action} {note}".strip()

    def rule(self, rule_id: str) -> Rule:
        """The rule with this id, or ``UnknownEntryError``."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise UnknownEntryError(rule_id)

    def of_kind(self, kind: str) -> list[Entry]:
        """Entries of one kind, in content order."""
        return [entry for entry in self.entries if entry.kind == kind]

    def of_type(self, cls: type[E]) -> list[E]:
        """Entries that are instances of one schema class (typed access for the core)."""
        return [entry for entry in self.entries if isinstance(entry, cls)]

    def for_group(self, group: str) -> list[Entry]:
        """Entries that name this population group as suitable or are its advice set."""
        return [
            entry
            for entry in self.entries
            if group in entry.suitable_for or getattr(entry, "group", None) == group
        ]

    def seed_sources(self) -> Iterator[tuple[Entry, Source]]:
        """Every (entry, source) pair that quotes a seed, including not_for and conflict sides."""
        for entry in self.entries:
            for source in _all_sources(entry):
                if source.seed is not None:
                    yield entry, source

    def stats(self) -> dict[str, dict[str, int]]:
        """Counts per kind, per evidence label and per population group, each in the order the
        content first names it (an entry's groups in name order), the same on every run."""
        groups: Counter[str] = Counter()
        for entry in self.entries:
            named = set(entry.suitable_for)
            if entry.kind == "population":
                named.add(entry.group)
            groups.update(sorted(named))
        return {
            "kind": dict(Counter(entry.kind for entry in self.entries)),
            "evidence": dict(Counter(entry.evidence for entry in self.entries)),
            "group": dict(groups),
        }


def _all_sources(entry: Entry) -> Iterator[Source]:
    yield from entry.sources
    for rule in entry.not_for:
        yield from rule.sources
    for variant in getattr(entry, "dose_variants", []):
        yield from variant.sources
    for correction in entry.corrections:
        yield correction.source
    if entry.kind == "conflict":
        for side in entry.sides:
            yield from side.sources
