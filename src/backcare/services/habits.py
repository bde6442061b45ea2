"""Daily habits ticked off."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from backcare.schemas import (
    HabitTickIn,
    HabitTickPublic,
)
from backcare.services._base import DB, _unit
from backcare.store.models import (
    HabitTick,
)


def tick_habit(db: DB, *, user_id: int, habit_id: str, day: date) -> HabitTickPublic:
    """Mark a habit done on a day; ticking it again the same day changes nothing."""
    tick = HabitTickIn(habit_id=habit_id, day=day)
    with _unit(db) as session:
        row = session.scalar(
            select(HabitTick).where(
                HabitTick.user_id == user_id,
                HabitTick.habit_id == tick.habit_id,
                HabitTick.day == tick.day,
            )
        )
        if row is None:
            row = HabitTick(user_id=user_id, habit_id=tick.habit_id, day=tick.day)
            session.add(row)
            session.flush()
        return HabitTickPublic(id=row.id, habit_id=row.habit_id, day=row.day)


def list_habits(db: DB, *, user_id: int, since: date | None = None) -> list[HabitTickPublic]:
    """Habit ticks by day."""
    query = select(HabitTick).where(HabitTick.user_id == user_id)
    if since is not None:
        query = query.where(HabitTick.day >= since)
    with _unit(db) as session:
        rows = session.scalars(query.order_by(HabitTick.day, HabitTick.habit_id))
        return [HabitTickPublic(id=r.id, habit_id=r.habit_id, day=r.day) for r in rows]
