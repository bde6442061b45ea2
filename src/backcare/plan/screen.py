"""Who this person is to the plan, and which entries are left out for them and why.

Every safety promise (each exercise's ``not_for``, each population's ``avoid`` list and the
content's own rules) is decided by ``backcare.rules``, the one matcher; this module adds the
two plan-level exclusions: missing equipment, and anything beyond gentle relief while exercise
is not allowed.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import NamedTuple

from backcare.content.schema import Area, Entry, Exercise, Group, Phase, Population, Source
from backcare.knowledge import KnowledgeBase
from backcare.knowledge.contraindications import missing_equipment
from backcare.plan.index import PlanIndex, RuleTable, index_of, remembered
from backcare.plan.models import Excluded
from backcare.plan.reasons import reason_key
from backcare.profile import Profile
from backcare.rules import Facts, Judgement, facts_of
from backcare.triage import CheckResult

DEFAULT_PAIN_AREAS: frozenset[Area] = frozenset({"lower_back"})
"""Areas assumed when the person named none: backcare is about back pain, mostly the lower back."""

RELIEF_CATEGORIES = frozenset({"stretch", "mobility", "breathing", "relaxation"})
"""Exercise categories that count as gentle relief while pain is severe: no strengthening, and no
yoga poses either (the seeds: "Do not start exercise until the acute pain subsides")."""

RELIEF_REASON = (
    "Left out while your pain is severe: start strengthening only once the acute pain settles; "
    "until then only gentle relief."
)


class Person(NamedTuple):
    """The profile plus what the plan derives from it once: groups, areas, advice that applies
    (a named tuple: a frozen dataclass's generated methods cost every plan's start about a
    millisecond to compile)."""

    profile: Profile
    groups: frozenset[Group]
    pain_areas: frozenset[Area]
    relief_only: bool
    populations: tuple[Population, ...]
    facts: Facts
    judgement: Judgement
    table: RuleTable
    """The covering rules applied to every entry the plan may hand out (see ``plan.index``)."""
    recommended_by: dict[str, list[str]]
    relief_sources: tuple[Source, ...] = ()
    reasons: tuple[object, ...] = ()
    """What decides the "why" of each exercise beyond groups and areas (``reason_key``)."""


def person(
    profile: Profile, check: CheckResult, kb: KnowledgeBase, *, phase: Phase, relief_only: bool
) -> Person:
    """Derive the person once: the rules that cover them (with the check's flags at any level),
    and the population advice sets matched on ``profile.groups()``."""
    index = index_of(kb)
    groups = profile.groups()
    facts = facts_of(profile, phase=phase, flags=(flag.id for flag in check.flags))
    table = index.table(facts)
    populations = tuple(p for p in index.populations if p.group in groups)
    recommended: dict[str, list[str]] = {}
    for population in populations:
        for entry_id in population.recommends:
            recommended.setdefault(entry_id, []).append(population.name.lower())
    return Person(
        profile=profile,
        groups=groups,
        pain_areas=frozenset(profile.pain.areas) or DEFAULT_PAIN_AREAS,
        relief_only=relief_only,
        populations=populations,
        facts=facts,
        judgement=table.judgement,
        table=table,
        recommended_by=recommended,
        relief_sources=_relief_sources(check, index),
        reasons=reason_key(profile, groups),
    )


def _relief_sources(check: CheckResult, index: PlanIndex) -> tuple[Source, ...]:
    """Sources for holding off exercise: the check's acute-phase flag, else the content's."""
    for flag in check.flags:
        if flag.id == "acute_phase":
            return tuple(flag.sources)
    return index.acute_sources


def screen(entries: Iterable[Entry], who: Person) -> tuple[list[Entry], list[Excluded]]:
    """Split entries into those the person may be given and those left out, with reasons."""
    allowed: list[Entry] = []
    excluded: list[Excluded] = []
    for entry in entries:
        reason = exclusion(entry, who)
        if reason is None:
            allowed.append(entry)
        else:
            excluded.append(reason)
    return allowed, excluded


def screen_offered(index: PlanIndex, who: Person) -> tuple[list[Entry], list[Excluded]]:
    """``screen`` over every entry the plan may hand out, from the person's rule table: the
    same split and reasons, with each rule's exclusions and each entry's equipment read once
    per knowledge base, and the split itself made once per rule table for each set of
    equipment (and, while only relief is allowed, each set of sources for holding off)."""
    allowed, excluded = remembered(who.table.screens, screen_key(who), lambda: _split(index, who))
    return list(allowed), list(excluded)


def screen_key(who: Person) -> Hashable:
    """All the split reads besides the rule table: equipment, whether only relief is allowed,
    and then the sources for holding off."""
    relief = who.relief_sources if who.relief_only else None
    return (frozenset(who.profile.equipment), who.relief_only, relief)


def _split(index: PlanIndex, who: Person) -> tuple[tuple[Entry, ...], tuple[Excluded, ...]]:
    blocked = who.table.blocked
    equipment = set(who.profile.equipment)
    allowed: list[Entry] = []
    excluded: list[Excluded] = []
    for entry in index.offered:
        reason = blocked.get(entry.id)
        if reason is None:
            missing = [item for item in index.needed.get(entry.id, ()) if item not in equipment]
            reason = (
                Excluded.from_content(
                    id=entry.id, reason=equipment_reason(missing), sources=entry.sources
                )
                if missing
                else _relief_exclusion(entry, who)
            )
        if reason is None:
            allowed.append(entry)
        else:
            excluded.append(reason)
    return tuple(allowed), tuple(excluded)


def exclusion(entry: Entry, who: Person) -> Excluded | None:
    """Why this entry is left out for this person, or None when it may be given."""
    rule = who.judgement.blocking(entry)
    if rule is not None:
        return Excluded.from_content(id=entry.id, reason=rule.reason, sources=rule.sources)
    missing = missing_equipment(entry, who.profile)
    if missing:
        return Excluded.from_content(
            id=entry.id, reason=equipment_reason(missing), sources=entry.sources
        )
    return _relief_exclusion(entry, who)


def _relief_exclusion(entry: Entry, who: Person) -> Excluded | None:
    """Anything beyond gentle relief, while exercise is not allowed."""
    if who.relief_only and isinstance(entry, Exercise) and not is_relief(entry):
        return Excluded.from_content(
            id=entry.id, reason=RELIEF_REASON, sources=list(who.relief_sources or entry.sources)
        )
    return None


def equipment_reason(missing: list[str]) -> str:
    """The exclusion reason for missing equipment (front ends group these lines)."""
    return f"Needs {', '.join(item.replace('_', ' ') for item in missing)}, which you did not list."


def is_relief(exercise: Exercise) -> bool:
    """Gentle, non-strengthening movement: what severe pain allows."""
    return exercise.intensity == "gentle" and exercise.category in RELIEF_CATEGORIES


SEX_GROUPS: frozenset[Group] = frozenset({"men", "women"})
"""Groups too broad to make advice personal on their own: ``[postpartum, women]`` advice is for
women after birth, not for every woman."""


def fits_group(entry: Entry, groups: frozenset[Group]) -> bool:
    """General advice (no ``suitable_for``), or advice written for one of the person's groups.

    When an entry names specific groups besides men or women, one of those must match.
    """
    if not entry.suitable_for:
        return True
    specific = [group for group in entry.suitable_for if group not in SEX_GROUPS]
    return any(group in groups for group in specific or entry.suitable_for)
