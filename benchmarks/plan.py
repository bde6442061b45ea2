"""Plan speed: plans per CPU-second (fixed people), and how plan time grows with the content.

The fixed people are planned again and again, as a person reloading their plan is: the plan's
per-rule-table memos answer most of it. So the first plan of people never seen before is printed
beside it (no goal), to show what a new person costs.

The knowledge base is grown tenfold with synthetic copies of every entry (new ids, same
content); both sizes are timed in alternating rounds in one run, so machine noise hits both.
A ratio at or below 10 means plan time grows linearly (or better) with the content.
"""

from __future__ import annotations

import itertools
import time
from typing import Any

from backcare.knowledge import KnowledgeBase, load_knowledge_base
from backcare.knowledge.promises import not_for_rules
from backcare.plan import build_plan
from backcare.plan.index import index_of
from backcare.profile import Profile
from backcare.triage import CheckResult, evaluate
from benchmarks.measures import at_least, at_most

GROWTH = 10
ROUNDS = 5
PLANS_PER_ROUND = 40

PEOPLE: list[dict[str, Any]] = [
    {"age": 34, "sex": "female", "work": ["sitting"], "equipment": ["mat", "chair"],
     "pain": {"areas": ["lower_back", "neck_shoulder"], "score": 4, "duration_days": 30}},
    {"age": 31, "sex": "female", "pregnancy": {"weeks": 30}, "equipment": ["pillow", "wall"],
     "pain": {"areas": ["lower_back"], "score": 4}},
    {"age": 33, "sex": "female", "postpartum": {"weeks_since_birth": 3, "delivery": "caesarean"},
     "pain": {"score": 3}},
    {"age": 54, "sex": "female", "menopause": True, "pain": {"score": 4, "duration_days": 200}},
    {"age": 42, "sex": "male", "work": ["lifting"], "fitness": "high", "pain": {"score": 3}},
    {"age": 45, "sex": "male", "conditions": ["disc_herniation"],
     "pain": {"areas": ["lower_back", "leg_sciatica"], "score": 5}},
    {"age": 40, "sex": "male", "equipment": ["ice_pack", "hot_water_bottle"],
     "pain": {"score": 8, "duration_days": 2}},
    {"age": 72, "sex": "female", "conditions": ["osteoporosis"], "fitness": "low",
     "minutes_per_day": 30, "pain": {"areas": ["upper_back"], "score": 3}},
]  # fmt: skip


def grown(kb: KnowledgeBase, factor: int = GROWTH) -> KnowledgeBase:
    """The knowledge base plus ``factor - 1`` synthetic copies of every entry, under new ids."""
    copies = [
        entry.model_copy(update={"id": f"{entry.id}-copy-{n}"})
        for n in range(1, factor)
        for entry in kb.entries
    ]
    rules = (*kb.rules, *(rule for entry in copies for rule in not_for_rules(entry)))
    return KnowledgeBase(entries=(*kb.entries, *copies), not_carried=kb.not_carried, rules=rules)


def _seconds_per_plan(kb: KnowledgeBase, people: list[tuple[Profile, CheckResult]]) -> float:
    """CPU seconds per plan (this process's own time): the machine is shared, and wall time
    would count the time other processes held the cores."""
    start = time.process_time()
    for n in range(PLANS_PER_ROUND):
        profile, check = people[n % len(people)]
        build_plan(profile, check, kb, week=1 + n % 6)
    return (time.process_time() - start) / PLANS_PER_ROUND


def new_people(kb: KnowledgeBase) -> list[tuple[Profile, CheckResult]]:
    """Distinct everyday people (age, work, daily minutes, pain, fitness), each met once."""
    combos = itertools.product(
        (23, 38, 51, 67), (["sitting"], ["standing"], []), (10, 20, 35), (2, 5), ("low", "high")
    )
    people = [
        Profile.model_validate(
            {"age": age, "work": work, "minutes_per_day": minutes, "fitness": fitness,
             "pain": {"score": score, "duration_days": 40}}
        )
        for age, work, minutes, score, fitness in combos
    ]  # fmt: skip
    return [(p, evaluate(p, kb)) for p in people]


def _seconds_per_first_plan(kb: KnowledgeBase) -> float:
    """CPU seconds per plan for people the plan index has never met (a fresh copy of the
    content each round, so no memo is warm; the index itself is built before timing)."""
    fresh = KnowledgeBase(
        entries=kb.entries, not_carried=kb.not_carried, levels=kb.levels, rules=kb.rules
    )
    index_of(fresh)
    people = new_people(fresh)
    start = time.process_time()
    for profile, check in people:
        build_plan(profile, check, fresh)
    return (time.process_time() - start) / len(people)


def run() -> None:
    """Print plans per CPU-second on the shipped content and the 10x-content time ratio."""
    kb = load_knowledge_base()
    big = grown(kb)
    profiles = [Profile.model_validate(data) for data in PEOPLE]
    people = [(p, evaluate(p, kb)) for p in profiles]
    normal: list[float] = []
    large: list[float] = []
    _seconds_per_plan(kb, people)  # warm-up: imports, caches
    for _ in range(ROUNDS):
        normal.append(_seconds_per_plan(kb, people))
        large.append(_seconds_per_plan(big, people))
    best_normal, best_large = min(normal), min(large)
    print(f"plan: {1 / best_normal:,.0f} plans/CPU-s on {len(kb)} entries ({len(PEOPLE)} people)")
    print(f"plan: {1 / best_large:,.0f} plans/CPU-s on {len(big)} entries ({GROWTH}x content)")
    print(f"plan: time ratio {GROWTH}x content / normal = {best_large / best_normal:.2f} (<= 10)")
    first = min(_seconds_per_first_plan(kb) for _ in range(3))
    print(f"plan: {1 / first:,.0f} plans/CPU-s for people never planned before (no goal)")
    at_least("plans per CPU-second in process", 1 / best_normal, 2000)
    at_most(f"plan time, {GROWTH}x content / normal", best_large / best_normal, 10)
