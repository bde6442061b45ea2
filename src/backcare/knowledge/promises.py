"""Every safety promise as a ``Rule``: the content's own ``rules``, plus each exercise's ``not_for``
and each population's ``avoid`` list read into the same shape, so one matcher
(``backcare.rules``) decides them all.

Read rules get stable ids a conflict can name in ``enforces``: ``<entry>/not-for/<group>``
(with ``-2``, ``-3`` … when an entry has several rules for one group; ``pain`` for a pain-score
rule) and ``<population>/avoid``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from backcare.content.schema import Entry, NotFor, Population, Rule, Who


def not_for_rules(entry: Entry) -> list[Rule]:
    """An entry's ``not_for`` list as rules that leave out this entry."""
    rules: list[Rule] = []
    counts: Counter[str] = Counter()
    for not_for in entry.not_for:
        name = not_for.group or "pain"
        counts[name] += 1
        suffix = f"-{counts[name]}" if counts[name] > 1 else ""
        rules.append(
            Rule(
                id=f"{entry.id}/not-for/{name}{suffix}",
                who=_who(not_for),
                exclude=[entry.id],
                reason=not_for.reason,
                sources=not_for.sources,
            )
        )
    return rules


def _who(not_for: NotFor) -> Who:
    return Who(
        groups=[not_for.group] if not_for.group else [],
        pregnancy_week_from=not_for.pregnancy_week_from,
        postpartum_weeks_before=not_for.postpartum_weeks_before,
        delivery=not_for.delivery,
        pain_at_least=not_for.pain_at_least,
    )


def avoid_rule(population: Population) -> Rule | None:
    """A population's ``avoid`` list as one rule for that group."""
    if not population.avoid:
        return None
    return Rule(
        id=f"{population.id}/avoid",
        who=Who(groups=[population.group]),
        exclude=list(population.avoid),
        reason=f"The advice for {population.name.lower()} says to avoid it.",
        sources=population.sources,
    )


def all_rules(entries: Iterable[Entry], content_rules: Iterable[Rule]) -> tuple[Rule, ...]:
    """``not_for`` rules first (their reasons are the most specific), then ``avoid`` lists,
    then the content's rules."""
    entries = list(entries)
    read: list[Rule] = [rule for entry in entries for rule in not_for_rules(entry)]
    for entry in entries:
        if isinstance(entry, Population) and (rule := avoid_rule(entry)) is not None:
            read.append(rule)
    return (*read, *content_rules)
