"""The non-exercise part of the plan: habits, heat and ice, posture for the person's day, breaks.

Every number comes from an entry's structured fields (``targets``, ``protocol``), spelled out in
the advice text so the person sees it; only the break timing falls back to named constants.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from backcare.content.schema import (
    Entry,
    Habit,
    Phase,
    Population,
    Posture,
    Target,
    ThermoStep,
    Thermotherapy,
)
from backcare.plan.index import remembered
from backcare.plan.models import AdviceItem, Breaks
from backcare.plan.reasons import group_phrase, sentence
from backcare.plan.screen import Person, fits_group, screen_key

BREAKS_ENTRY = "movement-breaks"
"""The habit whose targets give the break timing: minutes before a break, minutes of movement."""

DEFAULT_BREAK_EVERY_MIN = 30
"""Fallback when the content lacks the numbers. Seed 001: "Every 20 to 30 minutes of sitting or
standing should be 3 to 5 minutes"; the conflict entry on break intervals settles on 30."""

DEFAULT_MOVE_MIN = 5
"""Fallback for the same passage: move for 3 to 5 minutes; the plan gives the upper figure."""

THERMO_WHY: dict[tuple[str, bool], str] = {
    ("ice", True): "Ice first: it calms a fresh, severe flare in its first days",
    ("ice", False): "Ice for the times the pain flares up again",
    ("heat", True): "Heat after the first days of ice, once the worst has settled",
    ("heat", False): "Heat relaxes tight, stiff muscles",
    ("contrast", True): "Alternating heat and cold, once the worst has settled",
    ("contrast", False): "Alternating heat and cold to ease stiff muscles",
}
"""Why heat or ice, by modality and by whether the pain is in its acute phase."""

MAX_HABITS = 10
"""Habits shown: the person's own groups first, then everyday ones."""

WORK_SITUATIONS: dict[str, tuple[str, ...]] = {
    "sitting": ("sitting", "computer", "phone"),
    "standing": ("standing", "shoes"),
    "lifting": ("lifting", "carrying", "bending"),
    "driving": ("driving",),
}
"""Posture situations that belong to each kind of working day."""

EVERYDAY_SITUATIONS = ("sleeping", "sofa", "lifting", "bending")
"""Situations everyone meets every day, whatever their work."""

REST_SITUATIONS = frozenset({"sleeping", "sofa"})
"""Where the rest positions for severe pain live."""

MAX_POSTURE_TIPS = 8
"""Enough tips to change a day, few enough to remember."""


class Advice(NamedTuple):
    """The plan's non-exercise lists, in the order the plan shows them (a named tuple: a frozen
    dataclass's generated methods cost every plan's start about a millisecond to compile)."""

    habits: tuple[AdviceItem, ...]
    thermotherapy: tuple[AdviceItem, ...]
    posture: tuple[AdviceItem, ...]


def for_person(allowed: Sequence[Entry], who: Person, phase: Phase) -> Advice:
    """Habits (population advice first), heat and ice, and posture for the entries the person
    may be given. The items are immutable and read only the split (``screen_key``), the groups,
    what the "why" quotes back (``who.reasons``), the kinds of work and the phase: made once per
    rule table for everyone equal in those."""
    key = (screen_key(who), who.groups, who.reasons, tuple(who.profile.work), phase)
    return remembered(
        who.table.advice,
        key,
        lambda: Advice(
            habits=(*population_advice(who), *habits(allowed, who)),
            thermotherapy=tuple(thermotherapy(allowed, who, phase)),
            posture=tuple(posture(allowed, who)),
        ),
    )


def population_advice(who: Person) -> list[AdviceItem]:
    """The advice sets written for the person's groups (pregnancy, office workers …)."""
    return [
        _item(
            population,
            why=sentence("Advice written for people like you", [_phrase(population, who)]),
        )
        for population in who.populations
    ]


def habits(entries: Sequence[Entry], who: Person) -> list[AdviceItem]:
    """Habits for the person's groups, then everyday ones; folk remedies are not prescribed."""
    chosen = [
        habit
        for habit in entries
        if isinstance(habit, Habit)
        and habit.evidence != "traditional"
        and (fits_group(habit, who.groups) or _recommended(habit, who))
    ]
    chosen.sort(key=lambda habit: (not _recommended(habit, who), not habit.suitable_for))
    return [
        _item(
            habit,
            extra=[_target_text(t) for t in habit.targets if _target_applies(t, who)],
            why=sentence(first_clause(habit.summary), [_phrase(habit, who)]),
        )
        for habit in chosen[:MAX_HABITS]
    ]


def thermotherapy(entries: Sequence[Entry], who: Person, phase: Phase) -> list[AdviceItem]:
    """Heat and ice: ice first while the pain is new and severe, heat first once it has settled."""
    chosen = [
        entry
        for entry in entries
        if isinstance(entry, Thermotherapy)
        and (fits_group(entry, who.groups) or _recommended(entry, who))
    ]
    first = "ice" if phase == "acute" else "heat"
    chosen.sort(key=lambda entry: (entry.modality != first, entry.modality == "contrast"))
    return [
        _item(
            entry,
            extra=[_step_text(step) for step in entry.protocol] + entry.safety,
            why=sentence(
                THERMO_WHY[entry.modality, phase == "acute"],
                [_phrase(entry, who)] if entry.suitable_for else [],
            ),
        )
        for entry in chosen
    ]


def posture(entries: Sequence[Entry], who: Person) -> list[AdviceItem]:
    """Posture tips for the situations of the person's day, group-specific ones first; while
    pain is severe, rest positions (lying, sleeping) come first of all."""
    situations = set(EVERYDAY_SITUATIONS)
    for work in who.profile.work:
        situations.update(WORK_SITUATIONS[work])
    if "postpartum" in who.groups:
        situations.add("breastfeeding")
    chosen = [
        entry
        for entry in entries
        if isinstance(entry, Posture)
        and fits_group(entry, who.groups)
        and (entry.situation in situations or entry.suitable_for or _recommended(entry, who))
    ]
    chosen.sort(
        key=lambda entry: (
            not (who.relief_only and entry.situation in REST_SITUATIONS),
            not entry.suitable_for,
            not _recommended(entry, who),
        )
    )
    return [_item(entry, why=_posture_why(entry, who)) for entry in chosen[:MAX_POSTURE_TIPS]]


def breaks(entries: Sequence[Entry]) -> Breaks:
    """How often to get up and for how long: the upper figures of the content's break habit."""
    habit = next((e for e in entries if isinstance(e, Habit) and e.id == BREAKS_ENTRY), None)
    targets = habit.targets if habit is not None else []
    every = _upper(targets, "before a break") or DEFAULT_BREAK_EVERY_MIN
    move = _upper(targets, "movement break") or DEFAULT_MOVE_MIN
    return Breaks(every_min=every, move_min=move)


def _upper(targets: Sequence[Target], what: str) -> int | None:
    """The upper figure of the minutes target whose ``what`` mentions these words."""
    for target in targets:
        if what in target.what and target.unit == "minutes" and target.amount is not None:
            return int(target.amount_max or target.amount)
    return None


def _posture_why(entry: Posture, who: Person) -> str:
    situation = entry.situation.replace("_", " ")
    if entry.suitable_for:
        return sentence(f"For {situation}", [_phrase(entry, who)])
    work = [w for w in who.profile.work if entry.situation in WORK_SITUATIONS[w]]
    if work:
        return sentence(f"For {situation} during your working day", [f"you said you do {work[0]}"])
    return sentence(f"For {situation}, which everyone does every day", [])


def _item(entry: Entry, *, extra: Sequence[str] = (), why: str | None = None) -> AdviceItem:
    return AdviceItem.from_content(
        id=entry.id,
        name=entry.name,
        summary=entry.summary,
        advice=[*entry.advice, *extra],
        why=why or sentence(first_clause(entry.summary), []),
        sources=entry.sources,
    )


def first_clause(text: str) -> str:
    """The summary up to its first full stop or colon: what the entry is for, in brief."""
    for mark in (". ", ": "):
        text = text.split(mark, 1)[0]
    return text.rstrip(".")


def _phrase(entry: Entry, who: Person) -> str:
    """The first of the person's groups this entry was written for, in their terms."""
    groups = [entry.group] if isinstance(entry, Population) else entry.suitable_for
    for group in groups:
        if group in who.groups:
            return group_phrase(group, who.profile)
    return ""


def _recommended(entry: Entry, who: Person) -> bool:
    return entry.id in who.recommended_by


def _target_applies(target: Target, who: Person) -> bool:
    return target.group is None or target.group in who.groups


def _target_text(target: Target) -> str:
    """``water a day: 2250 ml (women)`` or ``sleep: 7–8 hours per night`` from a target."""
    text = target.what
    if target.amount is not None:
        amount = _number(target.amount)
        if target.amount_max is not None:
            amount += f"–{_number(target.amount_max)}"
        text += f": {amount} {target.unit or ''}".rstrip()
    per = target.per or ""
    if per and per not in target.what:
        text += f" {per}" if per.startswith("every") else f" per {per}"
    if target.group is not None:
        text += f" ({target.group.replace('_', ' ')})"
    return text + (f" — {target.note}" if target.note else "")


def _step_text(step: ThermoStep) -> str:
    """``first day: 10 min every 1 h`` from one protocol step."""
    parts = [f"{step.phase}:"]
    if step.minutes is not None:
        span = _number(step.minutes)
        if step.minutes_max is not None:
            span += f"–{_number(step.minutes_max)}"
        parts.append(f"{span} min")
    if step.times_per_day is not None:
        parts.append(f"{step.times_per_day} times a day")
    if step.every_hours is not None:
        parts.append(f"every {_number(step.every_hours)} h")
    if step.note:
        parts.append(f"({step.note})")
    return " ".join(parts)


def _number(value: float) -> str:
    return f"{value:g}"
