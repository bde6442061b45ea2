"""Seven days of exercise sessions that fit the daily minutes and vary across the week.

Each family of exercises (warm-up stretches, strength and core, mobility, relaxation and
breathing) is a short queue of the person's best-matching entries. A day takes from the queues
in a fixed order and sends what it took to the back, so the next day starts elsewhere: the week
varies without any randomness, and the same profile always gets the same plan.
"""

from __future__ import annotations

import heapq
from collections import Counter, deque
from collections.abc import Hashable, Sequence
from functools import cached_property

from backcare.content.schema import Area, Dose, DoseVariant, Exercise, Group
from backcare.plan.dose import grown, item_minutes
from backcare.plan.index import RuleTable, remembered
from backcare.plan.models import Day, PlanItem, Session, Slot
from backcare.plan.reasons import exercise_why
from backcare.plan.screen import SEX_GROUPS, Person
from backcare.rules import capped, variant_for, variant_range

DAYS_PER_WEEK = 7

POOL_SIZE = 8
"""Best-matching entries per family that the week rotates through."""

MAX_MORNING_ITEMS = 6
"""A session longer than this many movements is hard to follow; extra time stays unused."""

MAX_EVENING_ITEMS = 2
"""The evening session is a short wind-down of relaxation and breathing."""

FAMILIES: dict[str, frozenset[str]] = {
    "warm_up": frozenset({"stretch"}),
    "strength": frozenset({"core", "strength", "pelvic_floor"}),
    "mobility": frozenset({"mobility", "yoga", "aerobic"}),
    "calm": frozenset({"relaxation", "breathing"}),
}
"""Exercise categories grouped into the families a day balances."""

INTENSITIES: dict[str | None, frozenset[str]] = {
    "low": frozenset({"gentle", "moderate"}),
    "moderate": frozenset({"gentle", "moderate"}),
    "high": frozenset({"gentle", "moderate", "hard"}),
    None: frozenset({"gentle", "moderate"}),
}
"""Intensities offered for each fitness level; hard work only to people who say they are fit."""

PREFERRED_INTENSITY: dict[str | None, str] = {
    "low": "gentle",
    "moderate": "moderate",
    "high": "hard",
    None: "gentle",
}

LIFE_STAGES: frozenset[Group] = frozenset({"pregnancy", "postpartum", "rectus_diastasis"})
"""Movements written only for these stages (ignoring men/women) are offered only to people in
one of them: a postpartum recovery move is not a 70-year-old's exercise."""

AWAY_FROM_HOME = frozenset({"in_water"})
"""Positions a home session cannot offer (swimming belongs to the person's week, not a session)."""

EVIDENCE_BONUS = {"research": 2, "clinical": 1, "traditional": 0, "anecdotal": 0}


class Candidate:
    """An exercise with this week's dose and its minutes, and the plan item it becomes (made
    once, shared by every day it appears on). Never changed once made.

    A plain class, not a frozen dataclass: a dataclass's generated methods cost every plan's
    start about a millisecond to compile."""

    def __init__(self, exercise: Exercise, dose: Dose, minutes: float, who: Person) -> None:
        self.exercise = exercise
        self.dose = dose
        self.minutes = minutes
        self.who = who
        self.daily = minutes * max(1, dose.per_day or 1)
        """Minutes in the whole day: a dose done twice a day (``per_day: 2``) counts twice
        against the budget, though the session shows one round."""
        self.areas: frozenset[Area] = frozenset(exercise.body_areas)
        """The body areas it works (asked of every candidate on every pick)."""
        self.id = exercise.id
        self.per_week = exercise.dose.per_week
        """The exercise's own weekly limit (its sources' ``per_week``), whatever this week's
        dose."""

    @cached_property
    def item(self) -> PlanItem:
        return self._item(warm_up=False)

    @cached_property
    def warm_up_item(self) -> PlanItem:
        return self._item(warm_up=True)

    def _item(self, *, warm_up: bool) -> PlanItem:
        exercise, who = self.exercise, self.who
        why = exercise_why(
            exercise,
            who.profile,
            groups=who.groups,
            pain_areas=who.pain_areas,
            recommended_by=who.recommended_by.get(exercise.id, []),
            warm_up=warm_up,
        )
        return PlanItem.from_content(
            id=exercise.id,
            name=exercise.name,
            dose=self.dose,
            minutes=self.minutes,
            why=why,
            sources=exercise.sources,
        )


def week_of_sessions(
    exercises: Sequence[Exercise], who: Person, *, budget: float, week: int, improving: bool
) -> list[Day]:
    """Seven days; each day's sessions together take at most ``budget`` minutes, every round of
    a dose done more than once a day counted."""
    ranking = _ranking_key(exercises, who)
    most = who.judgement.max_exercises_per_day
    # The days read nothing but the pools, the budget and the daily limit, and are immutable:
    # the week is made once per rule table for everyone equal in those.
    days = remembered(
        who.table.weeks,
        (_pools_key(ranking, who, week, improving), budget, most),
        lambda: _week(
            _pools(exercises, who, ranking, week=week, improving=improving),
            budget=budget,
            most=most,
        ),
    )
    return list(days)


def _week(
    pools: dict[str, deque[Candidate]], *, budget: float, most: int | None
) -> tuple[Day, ...]:
    """Days 1–7 from the same queues, so the week rotates through each family's exercises."""
    counts: Counter[str] = Counter()
    return tuple(
        _day(number, pools, budget=budget, counts=counts, most=most)
        for number in range(1, DAYS_PER_WEEK + 1)
    )


def _pools(
    exercises: Sequence[Exercise], who: Person, ranking: Hashable, *, week: int, improving: bool
) -> dict[str, deque[Candidate]]:
    """The best-matching ``POOL_SIZE`` exercises of each family, ranked, with this week's dose:
    made once per rule table for all that decides them (see ``_pools_key``), fresh queues each
    plan."""
    made = remembered(
        who.table.pools,
        _pools_key(ranking, who, week, improving),
        lambda: {
            family: tuple(_candidate(exercise, who, week, improving) for exercise in best)
            for family, best in _ranking(exercises, who, ranking).items()
        },
    )
    return {family: deque(candidates) for family, candidates in made.items()}


def _pools_key(ranking: Hashable, who: Person, week: int, improving: bool) -> Hashable:
    """All the pools read: the ranking's key, the facts that pick a dose variant, the reason
    key, the week and whether pain is improving."""
    return (ranking, who.facts, who.reasons, week, improving)


def _ranking_key(exercises: Sequence[Exercise], who: Person) -> Hashable:
    """All a ranking reads: the exercises allowed, fitness, groups and painful areas (the advice
    that recommends an exercise follows from the groups)."""
    return (
        tuple(exercise.id for exercise in exercises),
        who.profile.fitness,
        who.groups,
        who.pain_areas,
    )


def _ranking(
    exercises: Sequence[Exercise], who: Person, key: Hashable
) -> dict[str, tuple[Exercise, ...]]:
    """Each family's best ``POOL_SIZE`` exercises, ranked once per rule table for each
    ranking key."""
    return remembered(who.table.rankings, key, lambda: _rank(exercises, who))


def _rank(exercises: Sequence[Exercise], who: Person) -> dict[str, tuple[Exercise, ...]]:
    allowed = INTENSITIES[who.profile.fitness]
    ranked: dict[str, list[tuple[int, str, Exercise]]] = {family: [] for family in FAMILIES}
    for exercise in exercises:
        family = _family(exercise)
        if (
            family is None
            or exercise.intensity not in allowed
            or exercise.position in AWAY_FROM_HOME
            or not _for_this_stage(exercise, who)
        ):
            continue
        ranked[family].append((-_score(exercise, who), exercise.id, exercise))
    return {
        family: tuple(
            exercise
            for *_, exercise in heapq.nsmallest(POOL_SIZE, found, key=lambda rank: rank[:2])
        )
        for family, found in ranked.items()
    }


def _candidate(exercise: Exercise, who: Person, week: int, improving: bool) -> Candidate:
    """This week's dose: the person's dose variant (if one is written for them), grown toward
    its maximum, then held under any cap a rule sets (made once per rule table)."""
    variant = variant_for(exercise, who.facts)
    key = (exercise.id, variant and variant.id, week, improving)
    dose, minutes = remembered(
        who.table.doses, key, lambda: _dose(exercise, variant, who.table, week, improving)
    )
    # Its plan items (and their "why") read only the dose and the person's reason key, groups
    # and areas: made once per rule table for everyone equal in those.
    same = (key, who.groups, who.pain_areas, who.reasons)
    return remembered(who.table.candidates, same, lambda: Candidate(exercise, dose, minutes, who))


def _dose(
    exercise: Exercise, variant: DoseVariant | None, table: RuleTable, week: int, improving: bool
) -> tuple[Dose, float]:
    start, top = variant_range(exercise, variant)
    dose = capped(grown(start, top, week, improving=improving), table.caps.get(exercise.id, {}))
    return dose, item_minutes(exercise, dose)


def _for_this_stage(exercise: Exercise, who: Person) -> bool:
    specific = set(exercise.suitable_for) - SEX_GROUPS
    return not specific or not specific <= LIFE_STAGES or bool(specific & who.groups)


_FAMILY_OF: dict[str, str] = {}
for _name, _categories in FAMILIES.items():
    for _category in _categories:
        _FAMILY_OF.setdefault(_category, _name)
"""Each category's family (the first family that lists it), looked up once per exercise."""


def _family(exercise: Exercise) -> str | None:
    return _FAMILY_OF.get(exercise.category)


def _score(exercise: Exercise, who: Person) -> int:
    """Higher for the person's painful areas, their groups, advice that recommends it, evidence."""
    score = 3 * sum(area in who.pain_areas for area in exercise.body_areas)
    score += 2 * sum(group in who.groups for group in exercise.suitable_for)
    score += 3 * len(who.recommended_by.get(exercise.id, []))
    score += EVIDENCE_BONUS[exercise.evidence]
    score += exercise.intensity == PREFERRED_INTENSITY[who.profile.fitness]
    return score


def _day(
    number: int,
    pools: dict[str, deque[Candidate]],
    *,
    budget: float,
    counts: Counter[str],
    most: int | None = None,
) -> Day:
    """Morning: a warm-up stretch, then strength and mobility in turn; evening: wind down.

    When a rule limits the exercises a day (``most``), the evening's wind-down keeps its share.
    """
    picker = _Picker(pools, counts)
    morning_most, evening_most = MAX_MORNING_ITEMS, MAX_EVENING_ITEMS
    if most is not None:
        evening_most = min(MAX_EVENING_ITEMS, most // 2)
        morning_most = min(MAX_MORNING_ITEMS, most - evening_most)
    calm = [c.daily for c in pools["calm"]]
    reserve = min(calm) if calm and min(calm) < budget else 0.0
    morning: list[tuple[Candidate, bool]] = []
    warm = picker.pick("warm_up", budget - reserve)
    if warm is not None:
        morning.append((warm, True))
    main = ["strength", "mobility"] if number % 2 else ["mobility", "strength"]
    if warm is None:
        main = ["mobility"]  # no strengthening without a warm-up stretch first
    while len(morning) < morning_most:
        picked = [picker.pick(family, budget - reserve) for family in main]
        found = [(c, False) for c in picked if c is not None]
        if not found:
            break
        morning += found[: morning_most - len(morning)]
    evening: list[tuple[Candidate, bool]] = []
    while len(evening) < evening_most:
        wind_down = picker.pick("calm", budget)
        if wind_down is None:
            break
        evening.append((wind_down, False))
    slots: tuple[tuple[Slot, list[tuple[Candidate, bool]]], ...] = (
        ("morning", morning),
        ("evening", evening),
    )
    sessions = [_session(slot, chosen) for slot, chosen in slots if chosen]
    return Day.from_content(day=number, sessions=sessions)


class _Picker:
    """Takes from the family queues for one day: no repeats, weekly limits, new areas first."""

    def __init__(self, pools: dict[str, deque[Candidate]], counts: Counter[str]) -> None:
        self.pools = pools
        self.counts = counts
        self.used: set[str] = set()
        self.areas: set[Area] = set()
        self.spent = 0.0

    def pick(self, family: str, limit: float) -> Candidate | None:
        """The first candidate fitting under ``limit`` minutes for the day that works a new area,
        else the first that fits; none already done today or as often as its weekly limit."""
        pool = self.pools[family]
        room = limit - self.spent
        used, counts, areas = self.used, self.counts, self.areas
        first: Candidate | None = None
        for c in pool:  # one pass, no list: this runs about fifty times a plan
            if (
                c.daily <= room
                and c.id not in used
                and (c.per_week is None or counts.get(c.id, 0) < c.per_week)
            ):
                if not c.areas <= areas:
                    chosen = c
                    break
                first = first or c
        else:
            if first is None:
                return None
            chosen = first
        pool.remove(chosen)
        pool.append(chosen)
        used.add(chosen.id)
        self.areas.update(chosen.areas)
        counts[chosen.id] += 1
        self.spent += chosen.daily
        return chosen


def _session(slot: Slot, chosen: list[tuple[Candidate, bool]]) -> Session:
    items = [c.warm_up_item if warm_up else c.item for c, warm_up in chosen]
    return Session.from_content(slot=slot, minutes=sum(item.minutes for item in items), items=items)
