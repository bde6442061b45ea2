"""Break reminders for people who sit or stand all day: the schedule and the stretch to show.

Pure like the session machine: the clock comes in as seconds. A reminder waits ``every`` minutes,
then says a break is due; the person starts it (a ``move``-minute countdown with one short
stretch), postpones it once, or skips it. Each break ends as taken or skipped, and each
postponement is logged, so the diary can count all three.

After a taken break the reminder asks "did you move?" (moved · skipped); the answer goes on the
break's event. While the person is busy (a quiet window or a calendar event) a break that falls
due waits and is offered as soon as the busy time ends. An optional skip limit: after that many
skips in a row the next break cannot be skipped, only postponed (once). Every event carries the
minutes sat since the last movement, so the statistics can find the longest sitting stretch.
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
    moved: bool | None = None
    """The answer to "did you move?" after a taken break."""
    minutes: float | None = None
    """How long the break lasted, in minutes (taken breaks)."""
    sat_minutes: float = 0.0
    """Minutes sat (or stood still) since the last movement when this happened."""


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
    still_since: float = 0.0
    """When the person last stopped moving (the start, or the end of a break moved)."""
    asking: bool = False
    """A break just ended: "did you move?" waits for its answer."""
    held: bool = False
    """The break fell due while the person was busy; it is offered when the busy time ends."""
    skip_limit: int | None = None
    """After this many skips in a row a break can only be postponed (once); ``None``: no limit."""
    skips_in_row: int = 0

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


def start_breaks(
    *, every_min: float, move_min: float, now: float, skip_limit: int | None = None
) -> BreakState:
    """A reminder whose first break falls due ``every_min`` minutes from now."""
    return BreakState(
        every_s=every_min * 60,
        move_s=move_min * 60,
        due_at=now + every_min * 60,
        still_since=now,
        skip_limit=skip_limit,
    )


def advance(state: BreakState, now: float, *, busy: bool = False) -> BreakState:
    """Waiting turns into due at the deadline (held while ``busy``, offered right after);
    a running break ends as taken at its deadline."""
    if state.phase == "waiting" and now >= state.due_at:
        if busy:
            return state if state.held else state.model_copy(update={"held": True})
        return state.model_copy(update={"phase": "due", "held": False})
    if state.phase == "break" and now >= state.due_at:
        return _next_wait(state, state.due_at, "taken")
    return state


def take_now(state: BreakState, now: float) -> BreakState:
    """Start the break now, whether it is due yet or not."""
    state = advance(state, now)
    if state.phase not in ("waiting", "due"):
        return state
    return state.model_copy(
        update={"phase": "break", "due_at": now + state.move_s, "asking": False, "held": False}
    )


def postpone(state: BreakState, now: float) -> BreakState:
    """Put the coming break off once by ``postpone_s``; a second request does nothing."""
    state = advance(state, now)
    if state.phase not in ("waiting", "due") or state.postponed:
        return state
    base = max(now, state.due_at)
    event = BreakEvent(
        at=now, outcome="postponed", number=state.number, sat_minutes=_sat(state, now)
    )
    return state.model_copy(
        update={
            "phase": "waiting",
            "due_at": base + state.postpone_s,
            "postponed": True,
            "held": False,
            "asking": False,
            "log": (*state.log, event),
        }
    )


def can_skip(state: BreakState) -> bool:
    """False once the skip limit is reached: the break can then only be postponed (once)."""
    return state.skip_limit is None or state.skips_in_row < state.skip_limit


def skip(state: BreakState, now: float) -> BreakState:
    """Skip the coming or running break (counted) and wait for the next one.

    While "did you move?" is asked, ``skip`` answers it ("I skipped it") instead. Past the skip
    limit nothing happens: the break can only be postponed once, then taken.
    """
    state = advance(state, now)
    if state.asking:
        return answer_moved(state, moved=False)
    if state.phase == "stopped" or not can_skip(state):
        return state
    return _next_wait(state, now, "skipped")


def answer_moved(state: BreakState, *, moved: bool) -> BreakState:
    """Record the answer to "did you move?" on the break that just ended.

    "No" turns the break into a skip for the statistics and the skip limit, and the sitting
    stretch goes on from where it was before the break.
    """
    if not state.asking or not state.log or state.log[-1].outcome != "taken":
        return state.model_copy(update={"asking": False})
    last = state.log[-1]
    answered = last.model_copy(update={"moved": moved})
    update: dict[str, object] = {"asking": False, "log": (*state.log[:-1], answered)}
    if not moved:
        update["still_since"] = last.at - (last.minutes or 0.0) * 60 - last.sat_minutes * 60
        update["skips_in_row"] = state.skips_in_row + 1
    return state.model_copy(update=update)


def stop(state: BreakState) -> BreakState:
    """Stop reminding (quit); breaks already logged stay logged."""
    return state.model_copy(update={"phase": "stopped"})


def remaining(state: BreakState, now: float) -> float:
    """Seconds until the break falls due (waiting) or ends (break); zero otherwise."""
    if state.phase in ("waiting", "break"):
        return max(0.0, state.due_at - now)
    return 0.0


def _sat(state: BreakState, at: float) -> float:
    return round(max(0.0, at - state.still_since) / 60, 2)


def _next_wait(state: BreakState, at: float, outcome: Outcome) -> BreakState:
    update: dict[str, object] = {
        "phase": "waiting",
        "due_at": at + state.every_s,
        "postponed": False,
        "held": False,
        "asking": False,
        "number": state.number + 1,
    }
    if outcome == "taken":
        started = state.due_at - state.move_s
        event = BreakEvent(
            at=at,
            outcome=outcome,
            number=state.number,
            minutes=round(state.move_s / 60, 2),
            sat_minutes=_sat(state, started),
        )
        update |= {"still_since": at, "asking": True, "skips_in_row": 0}
    else:
        event = BreakEvent(at=at, outcome=outcome, number=state.number, sat_minutes=_sat(state, at))
        update["skips_in_row"] = state.skips_in_row + 1
    return state.model_copy(update=update | {"log": (*state.log, event)})


SitStand = Literal["stand", "sit"]

SIT_STAND_SOURCES = ("conflict-break-interval", "standing-posture")
"""The knowledge-base entries behind sit–stand prompts: how long to stay in one position (the
seeds disagree, 20–30 minutes to 1–2 hours; the plan's break interval follows the resolution)
and how to stand well (shift your weight every 10 minutes)."""

SIT_STAND_TEXT: dict[SitStand, str] = {
    "stand": "Raise your desk and work standing until the next break; shift your weight every "
    "10 minutes.",
    "sit": "Lower your desk and work sitting until the next break.",
}


def sit_stand(number: int, *, standing_desk: bool | None) -> SitStand | None:
    """For a standing desk: after break ``number`` work standing, after the next one sitting, in
    turn, so no stretch in one position is longer than the break interval. ``None`` without."""
    if not standing_desk:
        return None
    return "stand" if number % 2 == 0 else "sit"
