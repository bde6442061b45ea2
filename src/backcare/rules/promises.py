"""Which conflict resolutions promise something no rule enforces.

A resolution that says "never", "not before", "only", "until", "avoid" or "left out" about
something the plan doses (an exercise, heat or ice) or about a class of moves (a tag: only
gentle movement, twists, lying face down …) must name, in ``enforces``, a rule that
covers it: one that leaves the entry out (by id or by one of its tags), allows only tags the
entry lacks, or caps its dose; or one of the entry's dose variants (``<exercise>#<variant>``).
``unenforced`` lists every sentence that breaks this.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from backcare.content.schema import Conflict, Entry, Exercise, Rule, Tag

RESTRICTIVE = re.compile(
    r"\b(never|not before|only|until|avoid|left out|leaves? out|not plan|puts no)\b",
    re.IGNORECASE,
)
"""Words that make a sentence a promise about what the plan leaves out or limits."""

PLANNED_KINDS = frozenset({"exercise", "thermotherapy"})
"""What the plan doses and times. Advice entries (posture tips, habits) are themselves the
promise ("avoid high heels"), and methods the guideline advises against are never planned."""

TAG_WORDS: dict[Tag, re.Pattern[str]] = {
    "gentle": re.compile(r"\bonly gentle\b", re.IGNORECASE),
    "vigorous": re.compile(r"\bvigorous", re.IGNORECASE),
    "prone": re.compile(r"\bface[- ]down\b", re.IGNORECASE),
    "supine_long": re.compile(r"\blong lying on the back\b|\bflat on (the|your) back\b", re.I),
    "twist": re.compile(r"\btwists\b", re.IGNORECASE),
    "abdominal_pressure": re.compile(r"\bpressure in the belly\b|\bbelly pressure\b", re.I),
    "loaded_flexion": re.compile(r"\bloaded (forward )?bending\b", re.IGNORECASE),
}
"""How a resolution names a class of moves rather than one entry."""

_SENTENCE = re.compile(r"(?<=[.;])\s+")


def unenforced(entries: Iterable[Entry], rules: Mapping[str, Rule]) -> list[str]:
    """``conflict-id: what`` for every restricted entry or tag no enforced rule covers."""
    entries = list(entries)
    planned = [e for e in entries if e.kind in PLANNED_KINDS]
    names = {entry.id: _name_pattern(entry) for entry in planned}
    problems: list[str] = []
    for conflict in entries:
        if not isinstance(conflict, Conflict):
            continue
        enforced = [rules[rule_id] for rule_id in conflict.enforces if rule_id in rules]
        varied = {name.split("#")[0] for name in conflict.enforces if "#" in name}
        for sentence in _SENTENCE.split(conflict.resolution):
            if not RESTRICTIVE.search(sentence):
                continue
            for entry in planned:
                covered = entry.id in varied or _covers(enforced, entry)
                if names[entry.id].search(sentence) and not covered:
                    problems.append(f"{conflict.id}: {entry.id} ({sentence.strip()})")
            for tag, words in TAG_WORDS.items():
                if words.search(sentence) and not any(_names_tag(r, tag) for r in enforced):
                    problems.append(f"{conflict.id}: tag {tag} ({sentence.strip()})")
    return problems


def _name_pattern(entry: Entry) -> re.Pattern[str]:
    names = {entry.name, entry.id.replace("-", " "), *entry.aliases}
    words = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b({words})s?\b", re.IGNORECASE)


def _covers(rules: list[Rule], entry: Entry) -> bool:
    tags = entry.tags if isinstance(entry, Exercise) else frozenset()
    return any(
        entry.id in rule.exclude
        or not tags.isdisjoint(rule.exclude_tags)
        or (rule.only_tags and tags and tags.isdisjoint(rule.only_tags))
        or any(cap.entry == entry.id for cap in rule.caps)
        for rule in rules
    )


def _names_tag(rule: Rule, tag: Tag) -> bool:
    return tag in rule.exclude_tags or tag in rule.only_tags
