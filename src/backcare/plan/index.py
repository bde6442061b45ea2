"""What a plan needs from a knowledge base, worked out once per knowledge base.

A server plans from one knowledge base all day, and people share most of what decides their
plan: the same few rule sets cover most of them. So the entries a plan may hand out, the
equipment each needs, the advice entries by kind and the movement-break timing are read once
per knowledge base; and for each distinct set of covering rules, which entry each rule leaves
out (with its ready-made reason) and each exercise's dose ceilings are read once too. A plan is
then dictionary look-ups, set operations and a sort.

Every table is filled by the reference functions (``Judgement.blocking``, ``Judgement.caps``,
``missing_equipment``'s own list of never-required equipment), so a table can only ever give
their answer; ``tests/plan/test_index.py`` checks the fast screen against ``screen``.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, TypeVar

from backcare.content.schema import (
    Dose,
    Entry,
    Exercise,
    Population,
    RedFlag,
    Rule,
    Source,
    Thermotherapy,
)
from backcare.knowledge import KnowledgeBase
from backcare.knowledge.contraindications import NEVER_REQUIRED
from backcare.plan.models import Breaks, Day, Excluded
from backcare.rules import Facts, Judgement, judge

if TYPE_CHECKING:
    from backcare.plan.advice import Advice
    from backcare.plan.sessions import Candidate

PLANNED_KINDS = frozenset({"exercise", "habit", "thermotherapy", "posture"})
"""Kinds of entry the plan hands out (each is screened for the person first)."""

MEMO_SIZE = 4096
"""Most remembered answers per table before it starts afresh: enough for every distinct person
a busy day brings, bounded so that a stream of unusual profiles cannot grow memory."""

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def _offered(entry: Entry) -> bool:
    """A kind the plan hands out, and not something the clinical guideline advises against."""
    not_advised = entry.guideline is not None and entry.guideline.stance == "not_recommended"
    return entry.kind in PLANNED_KINDS and not not_advised


def _needed(entry: Entry) -> tuple[str, ...]:
    """Equipment the person must have listed for this entry (as ``missing_equipment`` reads it)."""
    if isinstance(entry, Thermotherapy):
        return ()
    needed: list[str] = getattr(entry, "equipment", [])
    return tuple(item for item in needed if item not in NEVER_REQUIRED)


def remembered(memo: dict[K, V], key: K, make: Callable[[], V]) -> V:
    """``memo[key]``, made once; the memo starts afresh when it reaches ``MEMO_SIZE``."""
    found = memo.get(key)
    if found is None:
        if len(memo) >= MEMO_SIZE:
            memo.clear()
        found = memo[key] = make()
    return found


class RuleTable:
    """One set of covering rules, applied to every offered entry once.

    Plain classes here, not dataclasses: a dataclass's generated methods cost every plan's
    start about half a millisecond to compile."""

    def __init__(
        self,
        judgement: Judgement,
        blocked: dict[str, Excluded],
        caps: dict[str, dict[str, float]],
    ) -> None:
        self.judgement = judgement
        self.blocked = blocked
        """Entry id → why a rule leaves it out (entries no rule leaves out are absent)."""
        self.caps = caps
        """Exercise id → the lowest ceiling per dose field the rules set (uncapped: absent)."""
        self.doses: dict[Hashable, tuple[Dose, float]] = {}
        """(exercise, variant, week, improving) → this week's dose and its minutes, once made."""
        self.screens: dict[Hashable, tuple[tuple[Entry, ...], tuple[Excluded, ...]]] = {}
        """(equipment, relief only, relief sources) → the entries allowed and those left out."""
        self.rankings: dict[Hashable, dict[str, tuple[Exercise, ...]]] = {}
        """(exercises allowed, fitness, groups, painful areas) → each family's best exercises."""
        self.pools: dict[Hashable, dict[str, tuple[Candidate, ...]]] = {}
        """(ranking key, facts, reason key, week, improving) → each family's candidates,
        ranked."""
        self.candidates: dict[Hashable, Candidate] = {}
        """(dose key, groups, painful areas, reason key) → the ``sessions.Candidate``, its plan
        items made once."""
        self.weeks: dict[Hashable, tuple[Day, ...]] = {}
        """(pools key, daily minutes, daily exercise limit) → the seven days of sessions."""
        self.advice: dict[Hashable, Advice] = {}
        """(screen key, groups, reason key, kinds of work, phase) → habits, heat and ice,
        posture."""


class PlanIndex:
    """A knowledge base as the plan reads it; see the module docstring."""

    def __init__(
        self,
        *,
        offered: tuple[Entry, ...],
        needed: dict[str, tuple[str, ...]],
        populations: tuple[Population, ...],
        acute_sources: tuple[Source, ...],
        breaks: Breaks,
        rules: tuple[Rule, ...],
    ) -> None:
        self.offered = offered
        self.needed = needed
        self.populations = populations
        self.acute_sources = acute_sources
        self.breaks = breaks
        self.rules = rules
        self.judgements: dict[Facts, RuleTable] = {}
        self.tables: dict[tuple[int, ...], RuleTable] = {}

    @classmethod
    def of(cls, kb: KnowledgeBase) -> PlanIndex:
        from backcare.plan import advice  # here: advice reads the plan's screen, which reads this

        offered = tuple(entry for entry in kb if _offered(entry))
        acute = next((e.sources for e in kb.of_type(RedFlag) if e.flag == "acute_phase"), [])
        return cls(
            offered=offered,
            needed={entry.id: needed for entry in offered if (needed := _needed(entry))},
            populations=tuple(kb.of_type(Population)),
            acute_sources=tuple(acute),
            breaks=advice.breaks(kb.entries),
            rules=kb.rules,
        )

    def table(self, facts: Facts) -> RuleTable:
        """The rule table for these facts (the rules that cover them, applied once)."""
        return remembered(self.judgements, facts, lambda: self._table_of(judge(self.rules, facts)))

    def _table_of(self, judgement: Judgement) -> RuleTable:
        key = tuple(id(rule) for rule in judgement.rules)
        return remembered(self.tables, key, lambda: self._build_table(judgement))

    def _build_table(self, judgement: Judgement) -> RuleTable:
        blocked: dict[str, Excluded] = {}
        for entry in self.offered:
            rule = judgement.blocking(entry)
            if rule is not None:
                blocked[entry.id] = Excluded.from_content(
                    id=entry.id, reason=rule.reason, sources=rule.sources
                )
        caps = {
            entry.id: ceilings
            for entry in self.offered
            if isinstance(entry, Exercise) and (ceilings := judgement.caps(entry))
        }
        return RuleTable(judgement=judgement, blocked=blocked, caps=caps)


_INDEXES: dict[int, tuple[weakref.ref[KnowledgeBase], PlanIndex]] = {}
"""Knowledge base (by identity) → its index, dropped when the knowledge base is."""


def index_of(kb: KnowledgeBase) -> PlanIndex:
    """The plan index of this knowledge base, built on its first plan."""
    key = id(kb)
    found = _INDEXES.get(key)
    if found is not None and found[0]() is kb:
        return found[1]
    index = PlanIndex.of(kb)
    _INDEXES[key] = (weakref.ref(kb, lambda _: _INDEXES.pop(key, None)), index)
    return index
