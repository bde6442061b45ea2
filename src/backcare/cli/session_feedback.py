"""The one-tap question after each exercise in ``backcare session``, and the stop rule.

After an exercise that was done (not skipped), the session pauses and asks "How was it?":
1 too easy · 2 about right · 3 too hard · 4 it hurt (Enter skips). After "it hurt" it asks the
pain now and about new leg symptoms; the stop rule (``backcare.programme.stop``) may then end
the session with its safety advice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from rich.console import Console
from rich.panel import Panel

from backcare.programme.doses import ANSWER_WORDS, ANSWERS, Answer
from backcare.programme.stop import Stop, should_stop

CHOICES = " · ".join(f"{n} {ANSWER_WORDS[a]}" for n, a in enumerate(ANSWERS, 1))


@dataclass
class Feedback:
    """What the person answered during one session, and the stop, if the rule stopped it."""

    answers: list[tuple[str, Answer, datetime]] = field(default_factory=list)
    stop: Stop | None = None
    stopped_at: datetime | None = None
    stop_item: str | None = None


def ask_answer(console: Console, name: str) -> Answer | None:
    """The one-tap question: a digit 1–4, or Enter (or end of input) to skip it."""
    while True:
        try:
            text = console.input(f"How was [bold]{name}[/]? {CHOICES} (Enter to skip): ").strip()
        except EOFError:
            return None
        if not text:
            return None
        if text in {"1", "2", "3", "4"}:
            return ANSWERS[int(text) - 1]
        console.print("Please press 1, 2, 3 or 4 (or Enter to skip).")


def ask_leg(console: Console) -> bool:
    """New pain, numbness or tingling in a leg since the session started (y/N)."""
    try:
        text = console.input("New pain, numbness or tingling in a leg? y/N: ").strip().lower()
    except EOFError:
        return False
    return text in {"y", "yes"}


def after_exercise(
    console: Console,
    feedback: Feedback,
    *,
    item_id: str,
    name: str,
    pain_before: int | None,
    ask_pain: Callable[[str], int | None],
) -> bool:
    """Ask about one finished exercise; True when the stop rule ends the session."""
    answer = ask_answer(console, name)
    if answer is None:
        return False
    feedback.answers.append((item_id, answer, datetime.now(UTC)))
    if answer != "it_hurt":
        return False
    pain_now = ask_pain("Pain now")
    stop = should_stop(
        pain_before=pain_before, pain_now=pain_now, new_leg_symptoms=ask_leg(console)
    )
    if stop is None:
        console.print("Noted: next time it steps back, and it is marked to watch.")
        return False
    feedback.stop, feedback.stopped_at, feedback.stop_item = stop, datetime.now(UTC), item_id
    console.print(Panel(stop.message, title="[bold red]Session stopped[/]", title_align="left"))
    return True
