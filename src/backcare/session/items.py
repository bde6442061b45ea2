"""What a session runs: a plan day's items, with the steps and flags the knowledge base holds."""

from __future__ import annotations

from backcare.content.schema import Exercise
from backcare.knowledge import KnowledgeBase
from backcare.plan import Plan, PlanItem
from backcare.plan.models import Slot
from backcare.session.timeline import SessionItem


def session_item(item: PlanItem, kb: KnowledgeBase) -> SessionItem:
    """One plan item as a session item: this week's dose, the entry's steps and sidedness."""
    entry = kb.get(item.id)
    exercise = entry if isinstance(entry, Exercise) else None
    return SessionItem(
        id=item.id,
        name=item.name,
        steps=list(getattr(entry, "steps", [])),
        dose=item.dose,
        one_sided=exercise is not None and exercise.one_sided,
        breathing=exercise is not None and exercise.category == "breathing",
        camera=exercise.camera if exercise is not None else None,
    )


def day_items(
    plan: Plan, day: int, kb: KnowledgeBase, slot: Slot | None = None
) -> list[SessionItem]:
    """The items of plan day ``day`` (1–7): one routine (``slot``), or every routine of the day,
    the morning one first, then the evening one."""
    days = {entry.day: entry for entry in plan.days}
    if day not in days:
        return []
    return [
        session_item(item, kb)
        for session in days[day].sessions
        if slot is None or session.slot == slot
        for item in session.items
    ]
