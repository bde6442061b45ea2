"""The dose rule: the one-tap answer after each exercise decides the next session's dose.

The rule (the "why" of every change names it):

- two "too easy" in a row → the next step of the progression, never beyond the sourced maximum;
- "about right" → stay;
- "too hard" → stay;
- "it hurt" → one step back (never up) and the exercise is marked;
- a second "it hurt" → the exercise is left out, with the reason, and a gentler alternative from
  the content is offered instead (``gentler_alternative``);
- when the safety check says urgent or emergency, or exercise is not allowed, no dose at all.

The steps are the plan's own progression (``backcare.plan.dose.grown``): the starting dose, then
the dose of each following programme week up to the sources' maximum, each held under the caps
the safety rules set for the person, repeats dropped. So the adapted dose always stays inside the
range the plan itself may give.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal, get_args

from backcare.content.schema import Dose, Exercise, Level
from backcare.plan.dose import PROGRESSION_WEEKS, grown
from backcare.rules import capped

Answer = Literal["too_easy", "about_right", "too_hard", "it_hurt"]
ANSWERS: tuple[Answer, ...] = get_args(Answer)
ANSWER_WORDS: dict[Answer, str] = {
    "too_easy": "too easy",
    "about_right": "about right",
    "too_hard": "too hard",
    "it_hurt": "it hurt",
}
"""The one-tap question's four answers, as the person sees them."""

EASY_RUN_TO_RAISE = 2
"""'Too easy' answers in a row before the dose goes up one step."""

HURTS_TO_LEAVE_OUT = 2
"""'It hurt' answers after which the exercise is left out."""

NO_EXERCISE_LEVELS: frozenset[Level] = frozenset({"emergency", "urgent"})
"""Check levels at which there is no exercise at all (the plan's own stop levels)."""

_NUMBERS = ("reps", "hold_s", "sets", "duration_s", "breaths")
"""Dose numbers a step may change, in the order a person notices them."""

_INTENSITY_RANK = {"gentle": 0, "moderate": 1, "hard": 2}


def ladder(start: Dose, top: Dose | None, caps: Mapping[str, float]) -> tuple[Dose, ...]:
    """The steps of the progression: the plan's dose for week 1, 2, … up to the sourced
    maximum, each under the person's caps, repeats dropped (a step always changes something)."""
    steps: list[Dose] = []
    for week in range(1, PROGRESSION_WEEKS + 2):
        dose = capped(grown(start, top, week), dict(caps))
        if not steps or dose != steps[-1]:
            steps.append(dose)
    return tuple(steps)


def step_of(steps: Sequence[Dose], dose: Dose) -> int:
    """Which step a dose is (the highest step it does not exceed), so feedback that starts in
    week 3 starts from week 3's dose."""
    found = [i for i, step in enumerate(steps) if step == dose]
    return found[-1] if found else 0


@dataclass(frozen=True)
class Tap:
    """One answer, and why raises were held when it was given (the relief or maintenance
    phase), or None when the dose could go up."""

    answer: Answer
    hold: str | None = None


@dataclass(frozen=True)
class StepDown:
    """Not an answer: the flare-up settled here, so the dose goes one step lower."""

    why: str = "one step lower after your flare-up"


@dataclass(frozen=True)
class Adapted:
    """The next session's dose for one exercise, and why.

    ``dose`` is None when the exercise is left out (or no exercise is allowed at all); ``marked``
    says it hurt at least once; ``why`` names the rule and the answer that set it.
    """

    step: int
    dose: Dose | None
    marked: bool
    left_out: bool
    why: str
    easy_run: int = 0
    hurts: int = 0


def adapt(
    steps: Sequence[Dose],
    answers: Iterable[Answer | Tap | StepDown],
    *,
    start: int = 0,
    level: Level = "self_care",
    exercise_allowed: bool = True,
) -> Adapted:
    """Replay one exercise's answers, oldest first, from step ``start``: the dose for next time."""
    if not steps:
        raise ValueError("steps: a progression needs at least its starting dose")
    first = min(max(start, 0), len(steps) - 1)
    state = Adapted(step=first, dose=steps[first], marked=False, left_out=False, why="")
    for given in answers:
        if state.left_out:
            break
        if isinstance(given, StepDown):
            lower = max(state.step - 1, 0)
            state = replace(state, step=lower, dose=steps[lower], easy_run=0, why=given.why)
        else:
            state = _after(state, given if isinstance(given, Tap) else Tap(given), steps)
    if level in NO_EXERCISE_LEVELS or not exercise_allowed:
        why = "no exercise for now: the safety check says to see a doctor first"
        return replace(state, dose=None, why=why)
    return state


def _after(state: Adapted, tap: Tap, steps: Sequence[Dose]) -> Adapted:
    """One answer applied to the state (the rule in the module docstring)."""
    now, answer = steps[state.step], tap.answer
    if answer == "it_hurt":
        return _hurt(state, steps)
    if answer != "too_easy":
        why = f"kept at {amount(now)} because you found it {ANSWER_WORDS[answer]}"
        return replace(state, easy_run=0, why=why)
    run = state.easy_run + 1
    if run < EASY_RUN_TO_RAISE:
        why = f"kept at {amount(now)} for now: you found it easy once; twice in a row raises it"
        return replace(state, easy_run=run, why=why)
    if tap.hold is not None:
        why = f"kept at {amount(now)} though you found it easy twice: {tap.hold}"
        return replace(state, easy_run=0, why=why)
    if state.step + 1 >= len(steps):
        why = f"kept at {amount(now)}, the most the sources give, though you found it easy twice"
        return replace(state, easy_run=0, why=why)
    raised = steps[state.step + 1]
    why = f"raised to {amount(raised, now)} because you found {amount(now, raised)} easy twice"
    return replace(state, step=state.step + 1, dose=raised, easy_run=0, why=why)


def _hurt(state: Adapted, steps: Sequence[Dose]) -> Adapted:
    """'It hurt': one step back and marked; the second time, left out."""
    hurts = state.hurts + 1
    if hurts >= HURTS_TO_LEAVE_OUT:
        why = "left out because it hurt twice"
        return replace(state, dose=None, marked=True, left_out=True, hurts=hurts, why=why)
    lower = max(state.step - 1, 0)
    if lower == state.step:
        why = f"kept at the starting dose ({amount(steps[lower])}) because it hurt"
    else:
        why = f"stepped back to {amount(steps[lower], steps[state.step])} because it hurt"
    why += "; marked: if it hurts again it is left out"
    return replace(
        state, step=lower, dose=steps[lower], marked=True, easy_run=0, hurts=hurts, why=why
    )


def amount(dose: Dose, other: Dose | None = None) -> str:
    """The dose number a person notices, in words: the first one that differs from ``other``
    (``10 repetitions``, ``a 15 s hold``), or the dose's main number."""
    names = [n for n in _NUMBERS if getattr(dose, n) is not None]
    if other is not None:
        names = [n for n in names if getattr(dose, n) != getattr(other, n)] or names
    if not names:
        return "the dose you can manage"
    name = names[0]
    value = getattr(dose, name)
    words = {
        "reps": f"{value} repetitions",
        "hold_s": f"a {value:g} s hold",
        "sets": f"{value} sets",
        "duration_s": f"{value / 60:g} minutes",
        "breaths": f"{value} breaths",
    }
    return words[name]


def gentler_alternative(
    exercise: Exercise, allowed: Mapping[str, Exercise], *, avoid: Iterable[str] = ()
) -> Exercise | None:
    """The exercise to offer instead of one left out: of the same category (so a warm-up stays
    a warm-up), no harder, allowed for the person and not itself left out (``avoid``): first
    the entries the content relates to it (``related``, in the content's order), then those
    working one of its body areas, gentlest first."""
    skip = {exercise.id, *avoid}
    rank = _INTENSITY_RANK[exercise.intensity]
    related = [allowed[i] for i in exercise.related if i in allowed]
    similar = sorted(
        (other for other in allowed.values() if set(other.body_areas) & set(exercise.body_areas)),
        key=lambda other: (_INTENSITY_RANK[other.intensity], other.id),
    )
    for other in [*related, *similar]:
        if (
            other.id not in skip
            and other.category == exercise.category
            and _INTENSITY_RANK[other.intensity] <= rank
        ):
            return other
    return None
