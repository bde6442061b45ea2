"""The held-out promise cases (``promise_cases.yaml``): realistic people and what the content
promises their plan never contains, checked over weeks 1-12 against the shipped content and the
real safety check. The cases were written from the content before the plan was changed; the
figures before and after are in the file's header."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from backcare.content.schema import Exercise
from backcare.knowledge import KnowledgeBase
from backcare.plan import DEFAULT_MINUTES_PER_DAY, build_plan
from backcare.profile import Profile
from backcare.triage import evaluate

CASES_FILE = Path(__file__).with_name("promise_cases.yaml")
WEEKS = range(1, 13)


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
    return data


def cases() -> dict[str, Any]:
    return {case["id"]: case for case in _data()["cases"]}


def known_broken() -> set[str]:
    """Cases the plan still breaks: run as strict xfail, so fixing one forces its removal."""
    return set(_data().get("known_broken") or [])


def _flat(values: list[Any]) -> set[str]:
    """``never`` lists may hold YAML aliases of whole lists."""
    flat: set[str] = set()
    for value in values:
        flat.update(_flat(value) if isinstance(value, list) else {value})
    return flat


def broken_promises(case: dict[str, Any], kb: KnowledgeBase) -> list[str]:
    """Every way the plan breaks this case's promises, week by week (empty when it keeps them)."""
    profile = Profile.model_validate(case["profile"])
    check = evaluate(profile, kb)
    budget = profile.minutes_per_day or DEFAULT_MINUTES_PER_DAY
    never = _flat(case.get("never", []))
    broken: list[str] = []
    for week in WEEKS:
        plan = build_plan(profile, check, kb, week=week)
        given = {i.id for i in [*plan.items(), *plan.habits, *plan.thermotherapy, *plan.posture]}
        broken += [f"week {week}: {entry_id} given" for entry_id in sorted(given & never)]
        for day in plan.days:
            items = [item for session in day.sessions for item in session.items]
            spent = sum(item.minutes * max(1, item.dose.per_day or 1) for item in items)
            if spent > budget:
                broken.append(f"week {week} day {day.day}: {spent} min > {budget}")
            most = case.get("max_exercises_per_day")
            if most is not None and len(items) > most:
                broken.append(f"week {week} day {day.day}: {len(items)} exercises > {most}")
        for item in plan.items():
            entry = kb.get(item.id)
            gentle = not isinstance(entry, Exercise) or entry.intensity == "gentle"
            if case.get("gentle_only") and not gentle:
                broken.append(f"week {week}: {item.id} is not gentle")
            for field, ceiling in case.get("dose_at_most", {}).get(item.id, {}).items():
                value = getattr(item.dose, field)
                if value is not None and value > ceiling:
                    broken.append(f"week {week}: {item.id} {field} {value} > {ceiling}")
            hold_cap = case.get("hold_with_reps_at_most", {}).get(item.id)
            if hold_cap is not None and item.dose.reps and (item.dose.hold_s or 0) > hold_cap:
                broken.append(
                    f"week {week}: {item.id} holds {item.dose.hold_s} s on each of "
                    f"{item.dose.sets or 1} x {item.dose.reps} reps"
                )
    return sorted(set(broken))


@pytest.mark.parametrize(
    "case_id",
    [
        pytest.param(
            case_id,
            marks=[pytest.mark.xfail(strict=True, reason="known broken")]
            if case_id in known_broken()
            else [],
        )
        for case_id in sorted(cases())
    ],
)
def test_the_plan_keeps_the_promise(kb: KnowledgeBase, case_id: str) -> None:
    assert broken_promises(cases()[case_id], kb) == []


def test_there_are_at_least_thirty_cases() -> None:
    assert len(cases()) >= 30
