"""Adherence: sessions planned against done, kind streaks, and one thing to try next.

Kind means a missed day is never a failure: the streak counted is the days with a session in
the last week ("5 of the last 7 days"), and the longest run is shown as something done, never
as something lost. Pure: the planned and done dates come in as arguments.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from backcare.programme.doses import Answer

LOW_SHARE = 0.5
"""Below half the planned sessions done, the tip is about making sessions easier to fit."""


@dataclass(frozen=True)
class Adherence:
    """A week's summary in numbers and kind words."""

    planned: int
    done: int
    days_active_last_7: int
    longest_run: int
    message: str
    try_next: str


def summary(
    *,
    planned: Iterable[date],
    done: Iterable[date],
    today: date,
    answers: Iterable[Answer] = (),
    left_out: Iterable[str] = (),
) -> Adherence:
    """Sessions planned vs done in the 7 days up to ``today``, the active days, the longest run of
    days in a row, and one thing to try next (from the numbers and this week's answers)."""
    start = today - timedelta(days=6)
    week_planned = {day for day in planned if start <= day <= today}
    done_days = sorted({day for day in done if day <= today})
    week_done = [day for day in done_days if start <= day]
    longest = _longest_run(done_days)
    message = _kind_words(len(week_done), len(week_planned), longest)
    tip = try_next(
        share=len(week_done) / len(week_planned) if week_planned else 1.0,
        answers=list(answers),
        left_out=list(left_out),
    )
    return Adherence(
        planned=len(week_planned),
        done=len([day for day in week_done if day in week_planned]),
        days_active_last_7=len(week_done),
        longest_run=longest,
        message=message,
        try_next=tip,
    )


def _longest_run(days: list[date]) -> int:
    best = run = 0
    previous: date | None = None
    for day in days:
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        best, previous = max(best, run), day
    return best


def _kind_words(active: int, planned: int, longest: int) -> str:
    if active == 0:
        return "A fresh start is always open: one short session counts."
    said = f"You moved on {active} of the last 7 days"
    said += f" ({planned} sessions were planned)." if planned else "."
    if longest > 1:
        said += f" Your best run so far: {longest} days in a row."
    return said


def try_next(*, share: float, answers: list[Answer], left_out: list[str]) -> str:
    """One suggestion, the first that applies: an exercise that hurt, sessions hard to fit,
    everything too easy, or keep going."""
    if left_out or "it_hurt" in answers:
        return (
            "Something hurt this week: go gently, and try the gentler alternative offered "
            "in its place."
        )
    if share < LOW_SHARE:
        return (
            "Try tying a short session to something you do every day, like after brushing "
            "your teeth."
        )
    if answers and answers.count("too_easy") * 2 >= len(answers):
        return "Most moves felt easy: keep answering honestly, and doses will step up next time."
    return "Keep the same rhythm next week; it is working."
