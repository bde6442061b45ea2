"""Break reminders for people who sit or stand all day: the schedule and the stretch to show.

Pure like the session machine: the clock comes in as seconds. A reminder waits ``every`` minutes,
then says a break is due; the person starts it (a ``move``-minute countdown with one short
stretch), postpones it once, or skips it. Each break ends as taken or skipped, and each
postponement is logged, so the diary can count all three.
"""

from __future__ import annotations

from typing import Literal

from backcare.content.schema import Exercise, Group
from backcare.content.schema import Phase as PainPhase
from backcare.knowledge import KnowledgeBase
from backcare.profile import Profile
from backcare.rules import facts_of, judge
from backcare.session.timeline import Model

POSTPONE_MIN = 10.0
"""How far ``postpone`` moves a due break (once per break)."""

BREAK_CATEGORIES = ("stretch", "mobility")
BREAK_POSITIONS = ("standing", "sitting", "against_wall")
"""Positions one can take beside a desk or a workbench (no lying on the floor at work)."""

WORKPLACE_EQUIPMENT = frozenset({"chair", "wall"})
"""What every workplace has, whatever the profile lists."""

WORK_GROUPS: frozenset[Group] = frozenset({"office_worker", "standing_worker"})

Phase = Literal["waiting", "due", "break", "stopped"]
Outcome = Literal["taken", "skipped", "postponed"]


class BreakEvent(Model):
    """One thing that happened to a break, at a clock time."""

    at: float
    outcome: Outcome
    number: int
    """Which break (0-based) this was: the same number for a postponement and its ending."""


class BreakState(Model):
    """Where the reminder is: waiting for the next break, break due, or a break running."""

    every_s: float
    move_s: float
    postpone_s: float = POSTPONE_MIN * 60
    phase: Phase = "waiting"
    due_at: float
    """Waiting: when the break falls due. Break: when it ends."""
    postponed: bool = False
    number: int = 0
    log: tuple[BreakEvent, ...] = ()

    def count(self, outcome: Outcome) -> int:
        return sum(1 for event in self.log if event.outcome == outcome)

    @property
    def breaks_done(self) -> int:
        """Breaks that have ended, taken or skipped."""
        return self.count("taken") + self.count("skipped")


def break_stretches(kb: KnowledgeBase, profile: Profile) -> list[Exercise]:
    """Gentle stretches one can do beside a desk, never one any safety rule excludes for this
    person (``not_for``, bone-fragility risk, pregnancy weeks …).

    Those the content marks as suiting office or standing workers come first.
    """
    have = WORKPLACE_EQUIPMENT | set(profile.equipment)
    pain_phase: PainPhase = "acute" if profile.is_acute else "subacute"
    judgement = judge(kb.rules, facts_of(profile, phase=pain_phase))
    fitting = [
        entry
        for entry in kb.of_type(Exercise)
        if entry.intensity == "gentle"
        and entry.category in BREAK_CATEGORIES
        and entry.position in BREAK_POSITIONS
        and set(entry.equipment) <= have
        and judgement.blocking(entry) is None
    ]
    return sorted(fitting, key=lambda entry: not WORK_GROUPS & set(entry.suitable_for))


def stretch_for(stretches: list[Exercise], number: int) -> Exercise | None:
    """The stretch for break ``number``: each in turn, so consecutive breaks always differ."""
    return stretches[number % len(stretches)] if stretches else None


def start_breaks(*, every_min: float, move_min: float, now: float) -> BreakState:
    """A reminder whose first break falls due ``every_min`` minutes from now."""
    return BreakState(every_s=every_min * 60, move_s=move_min * 60, due_at=now + every_min * 60)


def advance(state: BreakState, now: float) -> BreakState:
    """Waiting turns into due at the deadline; a running break ends as taken at its deadline."""
    if state.phase == "waiting" and now >= state.due_at:
        return state.model_copy(update={"phase": "due"})
    if state.phase == "break" and now >= state.due_at:
        return _next_wait(state, state.due_at, "taken")
    return state


def take_now(state: BreakState, now: float) -> BreakState:
    """Start the break now, whether it is due yet or not."""
    state = advance(state, now)
    if state.phase not in ("waiting", "due"):
        return state
    return state.model_copy(update={"phase": "break", "due_at": now + state.move_s})


def postpone(state: BreakState, now: float) -> BreakState:
    """Put the coming break off once by ``postpone_s``; a second request does nothing."""
    state = advance(state, now)
    if state.phase not in ("waiting", "due") or state.postponed:
        return state
    base = max(now, state.due_at)
    event = BreakEvent(at=now, outcome="postponed", number=state.number)
    return state.model_copy(
        update={
            "phase": "waiting",
            "due_at": base + state.postpone_s,
            "postponed": True,
            "log": (*state.log, event),
        }
    )


def skip(state: BreakState, now: float) -> BreakState:
    """Skip the coming or running break (counted) and wait for the next one."""
    state = advance(state, now)
    if state.phase == "stopped":
        return state
    return _next_wait(state, now, "skipped")


def stop(state: BreakState) -> BreakState:
    """Stop reminding (quit); breaks already logged stay logged."""
    return state.model_copy(update={"phase": "stopped"})


def remaining(state: BreakState, now: float) -> float:
    """Seconds until the break falls due (waiting) or ends (break); zero otherwise."""
    if state.phase in ("waiting", "break"):
        return max(0.0, state.due_at - now)
    return 0.0


def _next_wait(state: BreakState, at: float, outcome: Outcome) -> BreakState:
    event = BreakEvent(at=at, outcome=outcome, number=state.number)
    return state.model_copy(
        update={
            "phase": "waiting",
            "due_at": at + state.every_s,
            "postponed": False,
            "number": state.number + 1,
            "log": (*state.log, event),
        }
    )
