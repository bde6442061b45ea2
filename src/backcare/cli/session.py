"""``backcare session``: a guided session of today's plan items in the terminal.

The pure machine (``backcare.session``) decides what happens when; this module only feeds it a
clock (``--speed`` times faster) and keys from a raw, non-blocking terminal, draws it with Rich
Live, rings the bell on each change and records the outcome through ``services``.
"""

from __future__ import annotations

import math
import os
import re
import select
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.align import Align
from rich.console import Console, Group, RenderableType
from rich.live import Live
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.text import Text

from backcare.cli.common import DISCLAIMER, guarded, knowledge, read_profile
from backcare.cli.session_feedback import Feedback, after_exercise
from backcare.errors import InputError
from backcare.plan.schedule import plan_day
from backcare.session import (
    Outcome,
    SessionItem,
    SessionState,
    View,
    advance,
    back,
    finish,
    outcome,
    pause,
    resume,
    skip,
    start,
    toggle_pause,
    view,
)

if TYPE_CHECKING:
    from backcare.plan import Plan
    from backcare.profile import Profile
    from backcare.schemas import SessionRecordPublic
    from backcare.store import Database

console = Console(highlight=False)

TICK_S = 0.05
"""Real seconds between screen updates (and the longest a key waits to be noticed)."""

MAX_SPEED = 10_000.0
EXIT_NOT_NOW = 1
"""Exit status when the check says not to exercise now: nothing was run."""

MAX_RELIEF_TIPS = 4
"""Heat/ice and posture tips shown when exercise is off for now: enough to act on, no wall."""

KEYS_HELP = "[bold]p[/] pause/resume · [bold]s[/] skip · [bold]b[/] back · [bold]q[/] finish"

BIG_DIGITS = {
    "0": ("███", "█ █", "█ █", "█ █", "███"),
    "1": (" █ ", "██ ", " █ ", " █ ", "███"),
    "2": ("███", "  █", "███", "█  ", "███"),
    "3": ("███", "  █", "███", "  █", "███"),
    "4": ("█ █", "█ █", "███", "  █", "  █"),
    "5": ("███", "█  ", "███", "  █", "███"),
    "6": ("███", "█  ", "███", "█ █", "███"),
    "7": ("███", "  █", "  █", "  █", "  █"),
    "8": ("███", "█ █", "███", "█ █", "███"),
    "9": ("███", "█ █", "███", "  █", "███"),
    ":": ("   ", " █ ", "   ", " █ ", "   "),
}


ESCAPE_SEQUENCE = re.compile(r"\x1b(\[[0-9;?]*[ -/]*[@-~]|O.|.)?")
"""CSI sequences (arrows, function keys), SS3 sequences and lone Alt-combinations."""


class ScaledClock:
    """Monotonic seconds, running ``speed`` times faster than real time (demos and tests)."""

    def __init__(self, speed: float = 1.0, source: Callable[[], float] = time.monotonic) -> None:
        self.speed = speed
        self.source = source
        self.origin = source()

    def __call__(self) -> float:
        return (self.source() - self.origin) * self.speed


class Keys:
    """Single key presses from a terminal in cbreak mode, read without blocking.

    Ctrl-C still raises ``KeyboardInterrupt``. When stdin is not a terminal there are no keys
    and ``wait`` just sleeps, so piped runs go through the session untouched.
    """

    def __init__(self) -> None:
        self.fd = sys.stdin.fileno() if sys.stdin.isatty() else None
        self.saved: list[Any] | None = None
        """The terminal's own settings, restored for typed answers (``cooked``)."""

    def wait(self, seconds: float) -> None:
        """Sleep up to ``seconds``, waking early when a key arrives."""
        if self.fd is None:
            time.sleep(seconds)
        else:
            select.select([self.fd], [], [], seconds)

    def read(self) -> str:
        """The keys pressed since the last read (possibly none)."""
        if self.fd is None or not select.select([self.fd], [], [], 0)[0]:
            return ""
        return key_presses(os.read(self.fd, 64).decode(errors="ignore"))

    @contextmanager
    def cooked(self) -> Iterator[None]:
        """The terminal's normal line mode (typed answers are echoed), cbreak again after."""
        if self.fd is None or self.saved is None:
            yield
            return
        import termios
        import tty

        termios.tcflush(self.fd, termios.TCIFLUSH)
        termios.tcsetattr(self.fd, termios.TCSADRAIN, self.saved)
        try:
            yield
        finally:
            tty.setcbreak(self.fd)


def key_presses(typed: str) -> str:
    """Typed characters without terminal escape sequences, so the down arrow (ESC [ B) is not b."""
    return ESCAPE_SEQUENCE.sub("", typed)


@contextmanager
def raw_keys() -> Iterator[Keys]:
    """``Keys`` with the terminal in cbreak mode (no echo, no line buffering), restored after."""
    keys = Keys()
    if keys.fd is None:
        yield keys
        return
    import termios
    import tty

    saved = termios.tcgetattr(keys.fd)
    keys.saved = saved
    try:
        tty.setcbreak(keys.fd)
        yield keys
    finally:
        termios.tcsetattr(keys.fd, termios.TCSADRAIN, saved)


@guarded
def session(
    profile: Annotated[
        str | None,
        typer.Option("--profile", help="Profile file (saved as current); default: the saved one."),
    ] = None,
    day: Annotated[
        int | None, typer.Option(help="Plan day 1-7 (Monday = 1); default: today.")
    ] = None,
    speed: Annotated[float, typer.Option(help="Run the clock this many times faster.")] = 1.0,
    no_sound: Annotated[bool, typer.Option("--no-sound", help="No bell at each change.")] = False,
) -> None:
    """A guided session of today's exercises: countdowns, reps, sets, a breathing pacer."""
    from backcare.cli.data import local_database
    from backcare.session.items import day_items

    check_speed(speed)
    if day is not None and not 1 <= day <= 7:
        raise InputError("--day: must be between 1 and 7")
    today = day or plan_day(datetime.now().date())
    with local_database() as (database, user_id):
        person = load_profile(database, user_id, profile)
        plan = adapted_plan(database, user_id, person)
        if not plan.check.exercise_allowed:
            refuse(plan)
        items = day_items(plan, today, knowledge())
        if not items:
            console.print(f"Nothing planned for day {today}: a rest day.")
            return
        saved = guide(items, plan_day=today, week=plan.week, speed=speed, sound=not no_sound)
        record(database, user_id, saved)


def check_speed(speed: float) -> None:
    """``--speed`` must be a positive number up to ``MAX_SPEED``."""
    if not 0 < speed <= MAX_SPEED:
        raise InputError(f"--speed: must be above 0 and at most {MAX_SPEED:g}")


def load_profile(database: Database, user_id: int, path: str | None) -> Profile:
    """The profile from ``--profile`` (saved as the current one) or the saved current one."""
    from backcare import services

    if path is not None:
        person = read_profile(path)
        services.save_profile(database, user_id=user_id, profile=person)
        return person
    saved = services.current_profile(database, user_id=user_id)
    if saved is None:
        raise InputError("--profile: no saved profile yet; pass --profile FILE once")
    return saved


def adapted_plan(database: Database, user_id: int, person: Profile) -> Plan:
    """This week's plan, its doses following the person's answers; during a flare-up, the
    flare-up card is shown first."""
    from backcare import services

    programme = services.programme_plan(database, user_id=user_id, profile=person, kb=knowledge())
    card = programme.flare
    if card is not None:
        console.print(f"[bold yellow]{card.title}[/]")
        for line in card.heat_and_ice:
            console.print(f"• {line}")
        console.print(card.see_a_doctor)
    return programme.plan


def refuse(plan: Plan) -> NoReturn:
    """Say plainly why there is no exercise now and what to do instead; exit without running."""
    check = plan.check
    console.print("[bold]Not today: the safety check says to hold off exercise for now.[/]")
    console.print(check.advice)
    for flag in check.flags:
        console.print(f"• {flag.message} {flag.action}")
    relief = [*plan.thermotherapy, *plan.posture][:MAX_RELIEF_TIPS]
    if relief:
        console.print("[bold]What to do instead:[/]")
        for item in relief:
            console.print(f"• [bold]{item.name}[/]: {item.summary}")
    console.print(f"[dim]{DISCLAIMER}[/]")
    raise SystemExit(EXIT_NOT_NOW)


@dataclass
class Finished:
    """What one run of the guided loop produced, with the real times for the diary."""

    result: Outcome
    plan_day: int
    week: int
    started: datetime
    ended: datetime
    pain_before: int | None = None
    pain_after: int | None = None
    feedback: Feedback = field(default_factory=Feedback)


def guide(
    items: list[SessionItem], *, plan_day: int, week: int, speed: float, sound: bool
) -> Finished:
    """Pain before, the guided loop, pain after (skipped after Ctrl-C, which saves at once)."""
    console.print(f"[bold]Day {plan_day}[/] · {len(items)} exercises · {DISCLAIMER}")
    pain_before = ask_pain("Pain now, before you start")
    started = datetime.now(UTC)
    feedback = Feedback()
    state, interrupted = run_loop(
        items, ScaledClock(speed), sound=sound, pain_before=pain_before, feedback=feedback
    )
    console.print()
    return Finished(
        outcome(state),
        plan_day=plan_day,
        week=week,
        started=started,
        ended=datetime.now(UTC),
        pain_before=pain_before,
        pain_after=None if interrupted or feedback.stop else pain_after(),
        feedback=feedback,
    )


def pain_after() -> int | None:
    """The closing pain score; Ctrl-C here still saves the session, just without it."""
    try:
        return ask_pain("Pain now, after the session")
    except KeyboardInterrupt:
        console.print()
        return None


def ask_pain(question: str) -> int | None:
    """A 0–10 score typed by the person; Enter (or no input) skips the question."""
    while True:
        try:
            text = console.input(f"{question}, 0-10 (Enter to skip): ").strip()
        except EOFError:
            return None
        if not text:
            return None
        if text.isdigit() and 0 <= int(text) <= 10:
            return int(text)
        console.print("Please type a whole number from 0 (no pain) to 10 (worst imaginable).")


def run_loop(
    items: list[SessionItem],
    clock: ScaledClock,
    *,
    sound: bool,
    pain_before: int | None = None,
    feedback: Feedback | None = None,
) -> tuple[SessionState, bool]:
    """Drive the machine until it ends; returns the final state and whether Ctrl-C ended it.

    With ``feedback``, each exercise done (not skipped) is followed by the one-tap question,
    the session paused meanwhile; the stop rule may end it there.
    """
    state = start(items, clock())
    with raw_keys() as keys, Live(console=console, auto_refresh=False) as live:
        try:
            while not state.finished:
                now = clock()
                before, item = state.index, state.step.item
                state = advance(apply_keys(state, keys.read(), now), now)
                if sound and state.index != before:
                    console.bell()
                if feedback is not None and _item_done(state, item):
                    state = _ask(state, items[item], keys, live, clock, pain_before, feedback)
                live.update(render(state, clock()), refresh=True)
                keys.wait(until_next_change(state, clock))
            live.update(render(state, clock()), refresh=True)
        except KeyboardInterrupt:
            return finish(state, clock()), True
    return state, False


def _item_done(state: SessionState, item: int) -> bool:
    """The exercise ``item`` has just been finished by the timer (not skipped, not ended early)."""
    moved_on = state.step.item > item or (state.finished and not state.ended_early)
    return item >= 0 and moved_on and item not in state.skipped


def _ask(
    state: SessionState,
    item: SessionItem,
    keys: Keys,
    live: Live,
    clock: ScaledClock,
    pain_before: int | None,
    feedback: Feedback,
) -> SessionState:
    """Pause, ask the one-tap question (and the stop rule's questions after "it hurt"), resume
    or end the session."""
    state = pause(state, clock())
    live.stop()
    with keys.cooked():
        stopped = after_exercise(
            console,
            feedback,
            item_id=item.id,
            name=item.name,
            pain_before=pain_before,
            ask_pain=ask_pain,
        )
    live.start()
    return finish(state, clock()) if stopped else resume(state, clock())


def until_next_change(state: SessionState, clock: ScaledClock) -> float:
    """Real seconds to sleep: one screen tick, or less when a deadline comes sooner, so a step
    is shown ending on time even at high ``--speed``."""
    if state.paused_at is not None:
        return TICK_S
    return min(TICK_S, max(0.0, (state.due_at - clock()) / clock.speed))


def apply_keys(state: SessionState, pressed: str, now: float) -> SessionState:
    """p pause/resume, s skip, b back, q finish; other keys are ignored."""
    actions = {"p": toggle_pause, "s": skip, "b": back, "q": finish}
    for key in pressed.lower():
        if key in actions:
            state = actions[key](state, now)
    return state


def render(state: SessionState, now: float) -> RenderableType:
    """One frame: the step panel, the whole-session progress bar and the keys."""
    shown = view(state, now)
    position = f"exercise {shown.step.item + 1} of {len(state.items)}" if shown.item else "done"
    bar = ProgressBar(total=1.0, completed=shown.progress, width=40)
    footer = Text.from_markup(f"{shown.progress:4.0%} · {position}\n{KEYS_HELP}")
    return Group(step_panel(shown), bar, footer)


def step_panel(shown: View) -> Panel:
    """The current step: its title, a big countdown or breathing cue, counters and the steps."""
    from backcare.plan.dose import dose_text

    step, item = shown.step, shown.item
    if item is None:
        return Panel(Align.center(Text("Session complete. Well done.", style="bold green")))
    lines: list[RenderableType] = []
    if step.kind == "breathe" and shown.breath_phase:
        lines.append(Align.center(Text(shown.breath_phase.upper(), style="bold cyan")))
        lines.append(Align.center(big(str(math.ceil(shown.breath_remaining_s or 0)))))
        lines.append(Align.center(Text(f"{clock_text(shown.remaining_s)} left · 4-4-4 pace")))
    else:
        lines.append(Align.center(big(clock_text(shown.remaining_s))))
    if shown.rep is not None:
        lines.append(Align.center(Text(rep_text(shown), style="bold")))
    if step.kind == "get_ready":
        lines.append(Text(f"Dose: {dose_text(item.dose)}", style="bold"))
    if step.kind in ("get_ready", "work"):
        lines.extend(Text(f"{n}. {line}") for n, line in enumerate(item.steps, 1))
    if shown.paused:
        lines.append(Align.center(Text("PAUSED · press p to resume", style="bold yellow")))
    return Panel(Group(*lines), title=step_title(shown), title_align="left")


def rep_text(shown: View) -> str:
    """``Rep 3 of 15 · HOLD 4`` while holding, ``… · release`` between holds."""
    counter = f"Rep {shown.rep} of {shown.step.reps}"
    if shown.rep_phase == "hold":
        return f"{counter} · HOLD {math.ceil(shown.rep_phase_left_s or 0)}"
    if shown.rep_phase == "release":
        again = ", then go again" if shown.rep != shown.step.reps else ""
        return f"{counter} · release{again}"
    return counter


def step_title(shown: View) -> str:
    step, item = shown.step, shown.item
    name = item.name if item else ""
    side = f" · {step.side} side" if step.side else ""
    titles = {
        "get_ready": f"Get ready: {name}",
        "work": f"{name} · set {step.set_no} of {step.sets}{side}",
        "rest": f"Rest · {name}",
        "switch_sides": f"Switch sides · {name}",
        "breathe": f"{name} · breathe with the count",
        "end": "Finished",
    }
    return f"[bold]{titles[step.kind]}[/]"


def clock_text(seconds: float) -> str:
    """A countdown as ``m:ss`` from a minute up, else whole seconds (rounded up)."""
    whole = math.ceil(seconds)
    return f"{whole // 60}:{whole % 60:02d}" if whole >= 60 else str(whole)


def big(text: str) -> Text:
    """Digits five rows high, readable from across the room."""
    rows = [" ".join(BIG_DIGITS[char][row] for char in text) for row in range(5)]
    return Text("\n".join(rows), style="bold")


def record(database: Database, user_id: int, finished: Finished) -> SessionRecordPublic:
    """Store the session and say what was saved."""
    from backcare import services
    from backcare.schemas import SessionItem as RecordedItem
    from backcare.schemas import SessionRecordCreate

    result = finished.result
    saved = services.record_session(
        database,
        user_id=user_id,
        record=SessionRecordCreate(
            plan_day=finished.plan_day,
            week=finished.week,
            started_at=finished.started,
            ended_at=finished.ended,
            items=[
                RecordedItem(
                    id=item.id,
                    status="done" if item.status == "done" else "skipped",
                    sets_done=item.sets_done,
                )
                for item in result.items
            ],
            pain_before=finished.pain_before,
            pain_after=finished.pain_after,
        ),
    )
    record_feedback(database, user_id, finished)
    done = sum(1 for item in result.items if item.status == "done")
    console.print(
        f"Saved: {done} of {len(result.items)} exercises done, "
        f"{sum(item.sets_done for item in result.items)} sets"
        + (
            f", pain {saved.pain_before} → {saved.pain_after}"
            if saved.pain_after is not None
            else ""
        )
        + "."
    )
    return saved


def record_feedback(database: Database, user_id: int, finished: Finished) -> None:
    """Store the one-tap answers and the stop event, if the stop rule ended the session."""
    from backcare import services
    from backcare.schemas import ExerciseFeedbackIn, StopEventIn

    for item_id, answer, at in finished.feedback.answers:
        feedback = ExerciseFeedbackIn(exercise_id=item_id, answer=answer, week=finished.week, at=at)
        services.record_feedback(database, user_id=user_id, feedback=feedback)
    stop, stopped_at = finished.feedback.stop, finished.feedback.stopped_at
    if stop is not None and stopped_at is not None:
        event = StopEventIn(
            at=stopped_at,
            reason=stop.reason,
            pain_before=stop.pain_before,
            pain_now=stop.pain_now,
            exercise_id=finished.feedback.stop_item,
        )
        services.record_stop(database, user_id=user_id, stop=event)
