"""``Plans``: the plans one app has built lately, kept by (profile, week, pace).

A plan is a pure function of the profile, the week, the dose pace and the knowledge base (no
clock, no database), and an app serves one knowledge base for its whole life, so a person who opens
their plan again, or a page that asks for it on every visit, need not have it rebuilt (about
10 ms) and written as JSON again (about 3 ms, some 100 kB). The key is the whole validated
profile as JSON, so two profiles that differ in anything never share a plan.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from backcare.knowledge import KnowledgeBase
from backcare.plan import Plan, build_plan
from backcare.profile import Profile
from backcare.triage import evaluate

PLANS_KEPT = 64
"""About 170 kB each (the plan and its JSON), so at most some 11 MB a worker."""


@dataclass(frozen=True)
class Built:
    """A plan (immutable) and the JSON the API answers with."""

    plan: Plan
    json: bytes


class Plans:
    """The least recently asked plans beyond ``PLANS_KEPT`` are dropped; safe to share by the
    threads sync routes run in (two that miss at once both build, and the plans are equal)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._kept: OrderedDict[tuple[str, int, int], Built] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._kept)

    def plan(self, profile: Profile, week: int, pace: int = 1) -> Plan:
        return self._built(profile, week, pace).plan

    def plan_json(self, profile: Profile, week: int) -> bytes:
        """The plan as ``POST /api/plan`` answers it (FastAPI's own encoding: by alias)."""
        return self._built(profile, week).json

    def kept_json(self, profile: Profile, week: int) -> bytes | None:
        """``plan_json`` if this plan is kept, else ``None`` at once (never builds one): cheap
        enough to ask on the event loop."""
        built = self._kept_built(_key(profile, week))
        return built.json if built is not None else None

    def _kept_built(self, key: tuple[str, int, int]) -> Built | None:
        with self._lock:
            built = self._kept.get(key)
            if built is not None:
                self._kept.move_to_end(key)
            return built

    def _built(self, profile: Profile, week: int, pace: int = 1) -> Built:
        key = _key(profile, week, pace)
        built = self._kept_built(key)
        if built is not None:
            return built
        plan = build_plan(profile, evaluate(profile, self.kb), self.kb, week=week, pace=pace)
        built = Built(plan, plan.model_dump_json(by_alias=True).encode())
        with self._lock:
            self._kept[key] = built
            while len(self._kept) > PLANS_KEPT:
                self._kept.popitem(last=False)
        return built


def _key(profile: Profile, week: int, pace: int = 1) -> tuple[str, int, int]:
    """The whole validated profile as JSON, the week and the pace: plans differ in any of them."""
    return (profile.model_dump_json(), week, pace)
