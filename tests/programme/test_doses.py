"""The dose rule: properties over every exercise with a progression and random answers, and
readable examples of each rule."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from backcare.content.schema import LEVELS, Dose, Exercise
from backcare.knowledge import KnowledgeBase, load_knowledge_base
from backcare.programme.doses import (
    ANSWERS,
    Answer,
    StepDown,
    Tap,
    adapt,
    amount,
    gentler_alternative,
    ladder,
    step_of,
)

NUMBERS = ("reps", "hold_s", "sets", "duration_s", "breaths")
EXERCISES = sorted(
    (e for e in load_knowledge_base() if isinstance(e, Exercise)), key=lambda e: e.id
)
answers = st.lists(st.sampled_from(ANSWERS), max_size=30)


def steps_of(exercise: Exercise, caps: dict[str, float] | None = None) -> tuple[Dose, ...]:
    return ladder(exercise.dose, exercise.dose_max, caps or {})


def at_most(dose: Dose, ceiling: Dose) -> bool:
    return all(
        getattr(dose, n) is None
        or getattr(ceiling, n) is None
        or getattr(dose, n) <= getattr(ceiling, n)
        for n in NUMBERS
    )


@settings(max_examples=2000, deadline=None)
@given(exercise=st.sampled_from(EXERCISES), given_answers=answers, start=st.integers(0, 6))
def test_never_beyond_the_sourced_maximum(
    exercise: Exercise, given_answers: list[Answer], start: int
) -> None:
    result = adapt(steps_of(exercise), given_answers, start=start)
    top = exercise.dose_max or exercise.dose
    if result.dose is not None:
        assert at_most(result.dose, top), (exercise.id, result.dose, top)


@settings(max_examples=500, deadline=None)
@given(
    exercise=st.sampled_from(EXERCISES),
    given_answers=answers,
    cap=st.sampled_from(NUMBERS),
    ceiling=st.integers(0, 40),
)
def test_never_beyond_a_safety_cap(
    exercise: Exercise, given_answers: list[Answer], cap: str, ceiling: int
) -> None:
    result = adapt(steps_of(exercise, {cap: ceiling}), given_answers)
    value = None if result.dose is None else getattr(result.dose, cap)
    assert value is None or value <= ceiling


@settings(max_examples=1000, deadline=None)
@given(
    exercise=st.sampled_from(EXERCISES),
    given_answers=answers,
    level=st.sampled_from(["urgent", "emergency"]),
)
def test_never_any_exercise_when_the_check_is_urgent_or_emergency(
    exercise: Exercise, given_answers: list[Answer], level: str
) -> None:
    result = adapt(steps_of(exercise), given_answers, level=level)  # type: ignore[arg-type]
    assert result.dose is None
    assert "safety check" in result.why


@settings(max_examples=2000, deadline=None)
@given(exercise=st.sampled_from(EXERCISES), before=answers, start=st.integers(0, 6))
def test_it_hurt_never_raises_a_dose(exercise: Exercise, before: list[Answer], start: int) -> None:
    steps = steps_of(exercise)
    earlier = adapt(steps, before, start=start)
    later = adapt(steps, [*before, "it_hurt"], start=start)
    if earlier.left_out:
        assert later.left_out
        return
    assert later.step <= earlier.step
    assert later.marked
    if later.dose is not None:
        assert at_most(later.dose, steps[earlier.step])


@settings(max_examples=300, deadline=None)
@given(level=st.sampled_from(LEVELS), given_answers=answers)
def test_only_the_stop_levels_take_every_dose_away(level: str, given_answers: list[Answer]) -> None:
    result = adapt(steps_of(_exercise("bird-dog")), given_answers, level=level)  # type: ignore[arg-type]
    stopped = level in ("urgent", "emergency")
    assert (result.dose is None) == (stopped or result.left_out)


def _exercise(entry_id: str) -> Exercise:
    return next(e for e in EXERCISES if e.id == entry_id)


def test_the_progression_steps_are_the_plans_weeks_without_repeats() -> None:
    steps = steps_of(_exercise("cat-cow"))  # reps 5 → 10
    assert [s.reps for s in steps] == [5, 6, 7, 8, 10]
    assert step_of(steps, steps[2]) == 2


def test_two_too_easy_in_a_row_raise_one_step_and_say_why() -> None:
    steps = steps_of(_exercise("heel-slide"))  # reps 10 → 20
    once = adapt(steps, ["too_easy"])
    assert once.step == 0
    assert "easy once" in once.why
    twice = adapt(steps, ["too_easy", "too_easy"])
    assert twice.step == 1
    assert twice.why == "raised to 12 repetitions because you found 10 repetitions easy twice"


def test_easy_answers_must_be_in_a_row() -> None:
    steps = steps_of(_exercise("heel-slide"))
    assert adapt(steps, ["too_easy", "about_right", "too_easy"]).step == 0
    assert adapt(steps, ["too_easy", "too_hard", "too_easy"]).step == 0


def test_too_hard_stays() -> None:
    steps = steps_of(_exercise("heel-slide"))
    result = adapt(steps, ["too_easy", "too_easy", "too_hard"])
    assert result.step == 1
    assert result.why == "kept at 12 repetitions because you found it too hard"


def test_it_hurt_steps_back_and_marks_then_leaves_out() -> None:
    steps = steps_of(_exercise("heel-slide"))
    hurt = adapt(steps, ["too_easy", "too_easy", "it_hurt"])
    assert (hurt.step, hurt.marked, hurt.left_out) == (0, True, False)
    assert hurt.why.startswith("stepped back to 10 repetitions because it hurt")
    gone = adapt(steps, ["too_easy", "too_easy", "it_hurt", "about_right", "it_hurt"])
    assert gone.left_out
    assert gone.dose is None
    assert gone.why == "left out because it hurt twice"


def test_the_sourced_maximum_holds_and_says_so() -> None:
    steps = steps_of(_exercise("cat-cow"))
    result = adapt(steps, ["too_easy"] * 20)
    assert result.dose == steps[-1]
    assert result.dose.reps == 10
    assert "the most the sources give" in result.why


def test_a_phase_hold_keeps_the_dose_and_names_the_phase() -> None:
    steps = steps_of(_exercise("cat-cow"))
    result = adapt(steps, [Tap("too_easy", "relief phase"), Tap("too_easy", "relief phase")])
    assert result.step == 0
    assert result.why.endswith("relief phase")


def test_a_settled_flare_steps_down_once_and_answers_carry_on_from_there() -> None:
    steps = steps_of(_exercise("cat-cow"))
    raised = ["too_easy", "too_easy", "too_easy", "too_easy"]
    down = adapt(steps, [*raised, StepDown()])
    assert down.step == 1
    assert down.why == "one step lower after your flare-up"
    assert adapt(steps, [*raised, StepDown(), "too_easy", "too_easy"]).step == 2


def test_amount_names_the_number_that_changed() -> None:
    bird_dog = _exercise("bird-dog")
    assert amount(bird_dog.dose) == "8 repetitions"
    assert amount(bird_dog.dose.model_copy(update={"hold_s": 15.0}), bird_dog.dose) == "a 15 s hold"


def test_the_gentler_alternative_is_related_same_kind_and_no_harder(kb: KnowledgeBase) -> None:
    allowed = {e.id: e for e in EXERCISES}
    for exercise in EXERCISES:
        other = gentler_alternative(exercise, allowed)
        if other is None:
            continue
        assert other.id != exercise.id
        assert other.category == exercise.category
        order = ["gentle", "moderate", "hard"]
        assert order.index(other.intensity) <= order.index(exercise.intensity)
    gentler = gentler_alternative(_exercise("cat-cow"), allowed)
    assert gentler is not None
    assert gentler.id == "child-pose"


@settings(max_examples=1000, deadline=None)
@given(exercise=st.sampled_from(EXERCISES), given_answers=answers)
def test_a_dose_rises_one_step_only_after_two_easy_answers_in_a_row(
    exercise: Exercise, given_answers: list[Answer]
) -> None:
    steps = steps_of(exercise)
    for n in range(1, len(given_answers) + 1):
        before, after = adapt(steps, given_answers[: n - 1]), adapt(steps, given_answers[:n])
        if after.left_out or before.left_out:
            break
        assert after.step <= before.step + 1
        if after.step > before.step:
            assert given_answers[n - 2 : n] == ["too_easy", "too_easy"]
            assert after.why.startswith("raised to")
