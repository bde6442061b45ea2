"""``backcare breaks``: movement-break reminders for a day of sitting or standing.

The schedule comes from the plan (every ``every_min`` minutes, move for ``move_min``), the
stretch shown at each break from the knowledge base (a different one each time, never one
excluded for this person). The pure reminder lives in ``backcare.session.breaks``; this module
feeds it the clock and keys, draws it, notifies the desktop and stores each outcome.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Annotated

import typer
from rich.align import Align
from rich.console import Group, RenderableType
from rich.live import Live
from rich.panel import Panel
from rich.text import Text

from backcare.cli.common import DISCLAIMER, guarded, knowledge
from backcare.cli.session import (
    TICK_S,
    ScaledClock,
    big,
    check_speed,
    clock_text,
    console,
    raw_keys,
)
from backcare.content.schema import Exercise
from backcare.errors import InputError
from backcare.session.breaks import (
    POSTPONE_MIN,
    BreakState,
    advance,
    break_stretches,
    postpone,
    remaining,
    skip,
    start_breaks,
    stop,
    stretch_for,
    take_now,
)

if TYPE_CHECKING:
    from backcare.plan import Breaks
    from backcare.profile import Profile
    from backcare.store import Database

MAX_EVERY_MIN = 24 * 60
"""``--every`` and ``--move`` are minutes within one day."""
MAX_COUNT = 1000

NOTIFY_TIMEOUT_S = 2.0
"""Longest wait for ``notify-send`` (it can hang without a desktop session bus)."""

KEYS_HELP = (
    f"[bold]Enter[/] break now · [bold]p[/] postpone {POSTPONE_MIN:g} min (once) · "
    "[bold]s[/] skip · [bold]q[/] quit"
)


@guarded
def breaks(
    every: Annotated[
        float | None, typer.Option(help="Minutes between breaks; default: your plan's.")
    ] = None,
    move: Annotated[
        float | None, typer.Option(help="Minutes to move at each break; default: your plan's.")
    ] = None,
    speed: Annotated[float, typer.Option(help="Run the clock this many times faster.")] = 1.0,
    count: Annotated[int | None, typer.Option(help="Stop after this many breaks.")] = None,
    no_sound: Annotated[
        bool, typer.Option("--no-sound", help="No bell when a break is due.")
    ] = False,
) -> None:
    """Remind you to get up and move, with one short stretch each time."""
    from backcare import services
    from backcare.cli.data import local_database
    from backcare.profile import Profile

    check_speed(speed)
    for name, value, most in (
        ("--every", every, MAX_EVERY_MIN),
        ("--move", move, MAX_EVERY_MIN),
        ("--count", count, MAX_COUNT),
    ):
        if value is not None and not 0 < value <= most:  # also refuses nan
            raise InputError(f"{name}: must be above 0 and at most {most:g}")
    if not sys.stdin.isatty():
        raise InputError(
            "breaks: needs a terminal to answer each reminder (standard input is not one); "
            "run it in a terminal window"
        )
    with local_database() as (database, user_id):
        person = services.current_profile(database, user_id=user_id) or Profile()
        schedule = plan_breaks(person)
        every_min = every or schedule.every_min
        move_min = move or schedule.move_min
        if move_min >= every_min:
            raise InputError("--move: must be shorter than --every")
        stretches = break_stretches(knowledge(), person)
        console.print(
            f"Breaks every {every_min:g} min, {move_min:g} min each. {DISCLAIMER}",
        )
        reminder = Reminder(database, user_id, stretches, speed=speed, sound=not no_sound)
        state = reminder.run(start_breaks(every_min=every_min, move_min=move_min, now=0.0), count)
    console.print(
        f"Breaks taken {state.count('taken')}, skipped {state.count('skipped')}, "
        f"postponed {state.count('postponed')}."
    )


def plan_breaks(person: Profile) -> Breaks:
    """The plan's break schedule for this person (pregnancy has its own)."""
    from backcare.plan import build_plan
    from backcare.triage import evaluate

    kb = knowledge()
    return build_plan(person, evaluate(person, kb), kb).breaks


class Reminder:
    """The reminder loop: keys and clock in, screen, bell, notifications and records out."""

    def __init__(
        self,
        database: Database,
        user_id: int,
        stretches: list[Exercise],
        *,
        speed: float,
        sound: bool,
    ) -> None:
        self.database = database
        self.user_id = user_id
        self.stretches = stretches
        self.clock: Callable[[], float] = ScaledClock(speed)
        self.speed = speed
        self.sound = sound
        self.wall_start = datetime.now(UTC)
        self.stored = 0

    def run(self, state: BreakState, count: int | None) -> BreakState:
        """Until ``count`` breaks have ended, q or Ctrl-C; every outcome is stored as it happens."""
        with raw_keys() as keys, Live(console=console, auto_refresh=False) as live:
            try:
                while count is None or state.breaks_done < count:
                    now = self.clock()
                    before = state.phase
                    state = advance(self.apply_keys(state, keys.read(), now), now)
                    if state.phase == "stopped":
                        break
                    self.announce(state, before)
                    self.store(state)
                    live.update(self.render(state, now), refresh=True)
                    keys.wait(TICK_S)
            except KeyboardInterrupt:
                state = stop(state)
        self.store(state)
        return state

    def apply_keys(self, state: BreakState, pressed: str, now: float) -> BreakState:
        """Enter starts the break now, p postpones once, s skips, q quits."""
        for key in pressed.lower():
            if key in "\r\n":
                state = take_now(state, now)
            elif key == "p":
                state = postpone(state, now)
            elif key == "s":
                state = skip(state, now)
            elif key == "q":
                state = stop(state)
        return state

    def announce(self, state: BreakState, before: str) -> None:
        """Bell (and a desktop notification when a break falls due) at each change of phase."""
        if state.phase == before:
            return
        if self.sound:
            console.bell()
        if state.phase == "due":
            stretch = stretch_for(self.stretches, state.number)
            notify("Time for a movement break" + (f": {stretch.name}" if stretch else ""))

    def store(self, state: BreakState) -> None:
        """Record the log's new events, at the real time each happened."""
        from backcare import services

        for event in state.log[self.stored :]:
            at = self.wall_start + timedelta(seconds=event.at / self.speed)
            services.record_break(self.database, user_id=self.user_id, at=at, outcome=event.outcome)
        self.stored = len(state.log)

    def render(self, state: BreakState, now: float) -> RenderableType:
        """The countdown to the next break, or the break itself with its stretch."""
        stretch = stretch_for(self.stretches, state.number)
        lines: list[RenderableType] = []
        if state.phase == "waiting":
            title = "Next break in"
            lines.append(Align.center(big(clock_text(remaining(state, now)))))
            if stretch is not None:
                lines.append(Align.center(Text(f"Then: {stretch.name}")))
        elif state.phase == "due":
            title = "Time to get up and move"
            lines.append(Align.center(Text("Press Enter to start your break", style="bold")))
            if stretch is not None:
                lines.append(Align.center(Text(f"Stretch: {stretch.name}")))
        else:
            title = f"Break · {stretch.name}" if stretch else "Break · walk around"
            lines.append(Align.center(big(clock_text(remaining(state, now)))))
            if stretch is not None:
                lines.extend(Text(f"{n}. {line}") for n, line in enumerate(stretch.steps, 1))
        counts = (
            f"taken {state.count('taken')} · skipped {state.count('skipped')} · "
            f"postponed {state.count('postponed')}"
        )
        footer = Text.from_markup(f"{counts}\n{KEYS_HELP}")
        return Group(Panel(Group(*lines), title=f"[bold]{title}[/]", title_align="left"), footer)


def notify(message: str) -> None:
    """A desktop notification through ``notify-send`` when it is installed; silent otherwise."""
    command = shutil.which("notify-send")
    if command is None:
        return
    try:
        subprocess.run(
            [command, "backcare", message],
            check=False,
            timeout=NOTIFY_TIMEOUT_S,
            capture_output=True,
        )
    except (OSError, subprocess.TimeoutExpired):
        return
