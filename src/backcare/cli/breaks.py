"""``backcare breaks``: movement-break reminders for a day of sitting or standing.

The schedule comes from the plan (every ``every_min`` minutes, move for ``move_min``), the
stretch shown at each break from the knowledge base (a different one each time, never one
excluded for this person). The pure reminder lives in ``backcare.session.breaks``; this module
feeds it the clock and keys, draws it, notifies the desktop and stores each outcome.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
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
    SIT_STAND_TEXT,
    BreakState,
    advance,
    answer_moved,
    break_stretches,
    can_skip,
    postpone,
    remaining,
    sit_stand,
    skip,
    start_breaks,
    stop,
    stretch_for,
    take_now,
)
from backcare.session.quiet import Busy, QuietWindow

if TYPE_CHECKING:
    from backcare.plan import Breaks
    from backcare.profile import Profile
    from backcare.store import Database

MAX_EVERY_MIN = 24 * 60
"""``--every`` and ``--move`` are minutes within one day."""
MAX_COUNT = 1000

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
    stats: Annotated[
        bool, typer.Option("--stats", help="Show the last seven days of breaks instead.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="With --stats: print JSON.")] = False,
    plot: Annotated[
        Path | None, typer.Option(help="With --stats: also draw the week to this PNG file.")
    ] = None,
    busy_calendar: Annotated[
        Path | None,
        typer.Option(help="An .ics calendar: no prompt during its events (recurring included)."),
    ] = None,
    skip_limit: Annotated[
        int | None,
        typer.Option(help="After this many skips in a row, a break can only be postponed once."),
    ] = None,
) -> None:
    """Remind you to get up and move, with one short stretch each time."""
    from backcare import services
    from backcare.cli.data import local_database
    from backcare.profile import Profile

    if stats or as_json or plot is not None:
        show_break_stats(stats=stats, as_json=as_json, plot=plot)
        return

    check_speed(speed)
    check_skip_limit(skip_limit)
    busy = read_busy_calendar(busy_calendar, datetime.now(UTC)) if busy_calendar else ()
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
        extras = break_extras(database, user_id, busy, skip_limit)
        reminder = Reminder(
            database,
            user_id,
            stretches,
            speed=speed,
            sound=not no_sound,
            quiet=extras.quiet,
            standing_desk=person.standing_desk,
        )
        first = start_breaks(
            every_min=every_min, move_min=move_min, now=0.0, skip_limit=extras.skip_limit
        )
        state = reminder.run(first, count)
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
    """The reminder loop: keys and clock in, screen, bell, notifications and records out.

    ``clock`` (scaled seconds) and ``wall_start`` (the real time at clock zero) can be given,
    so tests drive ``step`` with a clock of their own and never sleep.
    """

    def __init__(
        self,
        database: Database,
        user_id: int,
        stretches: list[Exercise],
        *,
        speed: float,
        sound: bool,
        quiet: QuietTimes | None = None,
        standing_desk: bool | None = None,
        clock: Callable[[], float] | None = None,
        wall_start: datetime | None = None,
        notifier: Callable[[str], None] | None = None,
    ) -> None:
        from backcare.cli.notify import Notifier

        self.database = database
        self.user_id = user_id
        self.stretches = stretches
        self.clock: Callable[[], float] = clock or ScaledClock(speed)
        self.speed = speed
        self.sound = sound
        self.quiet = quiet or QuietTimes()
        self.standing_desk = standing_desk
        self.wall_start = wall_start or datetime.now(UTC)
        self.notify = notifier or Notifier(bell=console.bell, sound=sound)
        self.stored: list[tuple[int, bool | None]] = []
        """Each stored event's row id and the "did you move?" answer stored with it."""

    def run(self, state: BreakState, count: int | None) -> BreakState:
        """Until ``count`` breaks have ended, q or Ctrl-C; every outcome is stored as it happens."""
        with raw_keys() as keys, Live(console=console, auto_refresh=False) as live:
            try:
                while count is None or state.breaks_done < count:
                    now = self.clock()
                    state = self.step(state, keys.read(), now)
                    if state.phase == "stopped":
                        break
                    live.update(self.render(state, now), refresh=True)
                    keys.wait(TICK_S)
            except KeyboardInterrupt:
                state = stop(state)
        self.store(state)
        return state

    def step(self, state: BreakState, pressed: str, now: float) -> BreakState:
        """One tick: keys, the clock (held while busy), announcements and records."""
        before = (state.phase, state.asking)
        state = advance(self.apply_keys(state, pressed, now), now, busy=self.busy(now) is not None)
        if state.phase != "stopped":
            self.announce(state, before)
            self.store(state)
        return state

    def wall(self, now: float) -> datetime:
        """The real time at clock reading ``now`` (local time zone)."""
        return (self.wall_start + timedelta(seconds=now / self.speed)).astimezone()

    def busy(self, now: float) -> datetime | None:
        """When the quiet time around ``now`` ends, or ``None``."""
        from backcare.session.quiet import busy_until

        if not self.quiet.windows and not self.quiet.events:
            return None
        return busy_until(self.wall(now), self.quiet.windows, self.quiet.events)

    def apply_keys(self, state: BreakState, pressed: str, now: float) -> BreakState:
        """Enter starts the break now, p postpones once, s skips, q quits; after a break
        m answers "I moved" and s "I skipped it"."""
        for key in pressed.lower():
            if key in "\r\n":
                state = take_now(state, now)
            elif key == "m":
                state = answer_moved(state, moved=True)
            elif key == "p":
                state = postpone(state, now)
            elif key == "s":
                state = skip(state, now)
            elif key == "q":
                state = stop(state)
        return state

    def announce(self, state: BreakState, before: tuple[str, bool]) -> None:
        """A desktop notification (or the bell) when a break falls due or ends; the bell at
        each other change of phase."""
        if (state.phase, state.asking) == before:
            return
        if state.phase == "due":
            stretch = stretch_for(self.stretches, state.number)
            self.notify("Time for a movement break" + (f": {stretch.name}" if stretch else ""))
        elif state.asking:
            self.notify("Break over. Did you move? (m moved · s skipped)")
        elif self.sound:
            console.bell()

    def store(self, state: BreakState) -> None:
        """Record the log's new events, at the real time each happened, and any answer to
        "did you move?" given since."""
        from backcare import services

        for index, (row_id, moved) in enumerate(self.stored):
            answer = state.log[index].moved
            if answer is not None and answer != moved:
                services.answer_break(
                    self.database, user_id=self.user_id, event_id=row_id, moved=answer
                )
                self.stored[index] = (row_id, answer)
        for event in state.log[len(self.stored) :]:
            at = self.wall_start + timedelta(seconds=event.at / self.speed)
            row = services.record_break(
                self.database,
                user_id=self.user_id,
                at=at,
                outcome=event.outcome,
                moved=event.moved,
                minutes=event.minutes,
                sat_minutes=event.sat_minutes,
            )
            self.stored.append((row.id, event.moved))

    def render(self, state: BreakState, now: float) -> RenderableType:
        """The countdown to the next break, or the break itself with its stretch."""
        stretch = stretch_for(self.stretches, state.number)
        lines: list[RenderableType] = []
        if state.phase == "waiting":
            title = "Next break in"
            lines.append(Align.center(big(clock_text(remaining(state, now)))))
            until = self.busy(now) if state.held else None
            if until is not None:
                lines.append(
                    Align.center(
                        Text(f"Quiet time until {until:%H:%M}: your break waits till then")
                    )
                )
            if stretch is not None:
                lines.append(Align.center(Text(f"Then: {stretch.name}")))
        elif state.phase == "due":
            title = "Time to get up and move"
            lines.append(Align.center(Text("Press Enter to start your break", style="bold")))
            if stretch is not None:
                lines.append(Align.center(Text(f"Stretch: {stretch.name}")))
            if not can_skip(state):
                lines.append(Align.center(Text(SKIP_LIMIT_TEXT, style="yellow")))
        else:
            title = f"Break · {stretch.name}" if stretch else "Break · walk around"
            lines.append(Align.center(big(clock_text(remaining(state, now)))))
            if stretch is not None:
                lines.extend(Text(f"{n}. {line}") for n, line in enumerate(stretch.steps, 1))
        posture = sit_stand(state.number, standing_desk=self.standing_desk)
        if posture is not None and state.phase in ("due", "break"):
            lines.append(Text(f"Then: {SIT_STAND_TEXT[posture]}", style="cyan"))
        counts = (
            f"taken {state.count('taken')} · skipped {state.count('skipped')} · "
            f"postponed {state.count('postponed')}"
        )
        keys_help = MOVED_HELP if state.asking else KEYS_HELP
        footer = Text.from_markup(f"{counts}\n{keys_help}")
        return Group(Panel(Group(*lines), title=f"[bold]{title}[/]", title_align="left"), footer)


# Quiet times, skip limit and statistics (issue 21) -------------------------------------------

MOVED_HELP = "Did you move? [bold]m[/] moved · [bold]s[/] skipped · [bold]q[/] quit"
SKIP_LIMIT_TEXT = "Skipping is off after several skips in a row: postpone once (p) or take it."
CALENDAR_DAYS = 2
"""How far ahead the busy calendar is read (a reminder runs for a working day)."""


@dataclass(frozen=True)
class QuietTimes:
    """When not to prompt: daily windows (settings and the Breaks page) and calendar events."""

    windows: tuple[QuietWindow, ...] = ()
    events: tuple[Busy, ...] = ()


@dataclass(frozen=True)
class BreakExtras:
    quiet: QuietTimes
    skip_limit: int | None


def check_skip_limit(skip_limit: int | None) -> None:
    """``--skip-limit`` is off or within the range the settings allow."""
    from backcare.schemas import SKIP_LIMIT_MAX

    if skip_limit is not None and not 1 <= skip_limit <= SKIP_LIMIT_MAX:
        raise InputError(f"--skip-limit: must be from 1 to {SKIP_LIMIT_MAX}")


def break_extras(
    database: Database, user_id: int, events: tuple[Busy, ...], skip_limit: int | None
) -> BreakExtras:
    """Quiet windows (``BACKCARE_QUIET_HOURS`` and the stored ones), the calendar's busy times
    (read and checked before anything starts) and the skip limit (``--skip-limit`` or the stored
    one; off by default)."""
    from backcare import services
    from backcare.cli.common import settings
    from backcare.session.quiet import parse_quiet_hours

    stored = services.break_settings(database, user_id=user_id)
    windows = parse_quiet_hours(settings().quiet_hours) + parse_quiet_hours(stored.quiet_hours)
    return BreakExtras(
        quiet=QuietTimes(windows=windows, events=events),
        skip_limit=skip_limit if skip_limit is not None else stored.skip_limit,
    )


def read_busy_calendar(path: Path, now: datetime) -> tuple[Busy, ...]:
    """The calendar's busy times from ``now`` for ``CALENDAR_DAYS`` days."""
    from backcare.session.quiet import calendar_busy

    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"--busy-calendar: cannot read {path}: {error.strerror}") from None
    local = now.astimezone()
    tz = local.tzinfo or UTC
    return tuple(calendar_busy(data, start=now, end=now + timedelta(days=CALENDAR_DAYS), tz=tz))


def show_break_stats(*, stats: bool, as_json: bool, plot: Path | None) -> None:
    """``--stats`` with ``--json`` and/or ``--plot``; either alone without ``--stats`` is a
    mistake worth one line."""
    from backcare.cli.breaks_stats import show_stats

    if not stats:
        raise InputError("--json and --plot go with --stats")
    show_stats(as_json=as_json, plot=plot)
