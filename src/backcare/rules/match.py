"""Match rules against a person's facts, then judge entries and doses against what matched."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from backcare.content.schema import Dose, DoseVariant, Entry, Exercise, Rule, Tag, Who
from backcare.rules.facts import Facts


def applies(who: Who, facts: Facts) -> bool:
    """True when every criterion of ``who`` holds for the person (bounds included).

    An unknown delivery type counts as either (the stricter bound applies); an unknown pregnancy
    week or pain duration does not meet a week or day bound.
    """
    if who.groups and not facts.groups.intersection(who.groups):
        return False
    if who.phases and facts.phase not in who.phases:
        return False
    if who.flags and not facts.flags.intersection(who.flags):
        return False
    if who.bone_fragility and not facts.bone_fragility:
        return False
    if who.diastasis and not facts.diastasis:
        return False
    if who.pain_at_least is not None and (
        facts.pain_score is None or facts.pain_score < who.pain_at_least
    ):
        return False
    if who.pain_days_from is not None and (
        facts.pain_days is None or facts.pain_days < who.pain_days_from
    ):
        return False
    return _pregnancy_fits(who, facts) and _postpartum_fits(who, facts)


def _pregnancy_fits(who: Who, facts: Facts) -> bool:
    if who.pregnancy_week_from is None and who.pregnancy_week_before is None:
        return True
    week = facts.pregnancy_week
    if week is None:
        return False
    low = who.pregnancy_week_from or 0
    high = who.pregnancy_week_before if who.pregnancy_week_before is not None else math.inf
    return low <= week < high


def _postpartum_fits(who: Who, facts: Facts) -> bool:
    if who.postpartum_weeks_before is None and who.delivery is None:
        return True
    if facts.postpartum_weeks is None:
        return False
    if who.delivery is not None and facts.delivery not in (who.delivery, None):
        return False
    before = who.postpartum_weeks_before
    return before is None or facts.postpartum_weeks < before


@dataclass(frozen=True)
class Judgement:
    """The rules that cover one person, indexed for quick questions about entries."""

    rules: tuple[Rule, ...]
    by_id: dict[str, Rule] = field(default_factory=dict)
    by_tag: dict[Tag, Rule] = field(default_factory=dict)

    def blocking(self, entry: Entry) -> Rule | None:
        """The first rule that leaves this entry out for the person, or None."""
        rule = self.by_id.get(entry.id)
        if rule is not None or not isinstance(entry, Exercise):
            return rule
        tags = entry.tags
        for tag in sorted(tags):
            if tag in self.by_tag:
                return self.by_tag[tag]
        for rule in self.rules:
            if rule.only_tags and tags.isdisjoint(rule.only_tags):
                return rule
        return None

    @property
    def max_exercises_per_day(self) -> int | None:
        """The strictest daily limit of any rule that covers the person."""
        limits = [r.max_exercises_per_day for r in self.rules if r.max_exercises_per_day]
        return min(limits, default=None)

    def caps(self, exercise: Exercise) -> dict[str, float]:
        """The lowest ceiling per dose field that any rule sets for this exercise."""
        ceilings: dict[str, float] = {}
        for rule in self.rules:
            for cap in rule.caps:
                if cap.entry == exercise.id:
                    ceilings[cap.field] = min(cap.at_most, ceilings.get(cap.field, math.inf))
        return ceilings


def judge(rules: Iterable[Rule], facts: Facts) -> Judgement:
    """The rules that cover this person, in order; the first to leave an entry out names it."""
    covering = tuple(rule for rule in rules if applies(rule.who, facts))
    by_id: dict[str, Rule] = {}
    by_tag: dict[Tag, Rule] = {}
    for rule in covering:
        for entry_id in rule.exclude:
            by_id.setdefault(entry_id, rule)
        for tag in rule.exclude_tags:
            by_tag.setdefault(tag, rule)
    return Judgement(rules=covering, by_id=by_id, by_tag=by_tag)


def variant_for(exercise: Exercise, facts: Facts) -> DoseVariant | None:
    """The first dose variant of the exercise written for this person, if any."""
    return next((v for v in exercise.dose_variants if applies(v.who, facts)), None)


def dose_range(exercise: Exercise, facts: Facts) -> tuple[Dose, Dose | None]:
    """Starting dose and the most it may grow to, for this person (a variant replaces both)."""
    return variant_range(exercise, variant_for(exercise, facts))


def variant_range(exercise: Exercise, variant: DoseVariant | None) -> tuple[Dose, Dose | None]:
    """Starting dose and the most it may grow to under this variant (None: the exercise's own)."""
    if variant is not None:
        return variant.dose, variant.dose_max
    return exercise.dose, exercise.dose_max


def capped(dose: Dose, ceilings: dict[str, float]) -> Dose:
    """The dose with every capped number brought down to its ceiling."""
    changes: dict[str, float | int] = {}
    for name, ceiling in ceilings.items():
        value = getattr(dose, name)
        if value is not None and value > ceiling:
            changes[name] = type(value)(ceiling)
    return dose.model_copy(update=changes) if changes else dose
