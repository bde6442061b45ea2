"""``backcare check``: the safety check, from a profile file or by asking the questions."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from backcare.cli.common import (
    DISCLAIMER,
    check_knowledge,
    guarded,
    print_json,
    read_profile,
    user_text,
)
from backcare.errors import InputError
from backcare.profile import Profile
from backcare.triage import (
    CheckResult,
    Question,
    evaluate,
    flag_entry_id,
    parse_answer,
    profile_from_answers,
    questions_for,
)

if TYPE_CHECKING:  # Rich is imported where a page is drawn: ``--json`` draws none
    from rich.console import Console
    from rich.panel import Panel

LEVEL_COLOUR = {
    "emergency": "red",
    "urgent": "dark_orange",
    "routine": "yellow",
    "self_care": "green",
}
INTRO = (
    "A few questions about you and your back, to spot warning signs before any exercise advice. "
    "Answer y or n; press Enter or type ? when you don't know."
)


@guarded
def check(
    profile: Annotated[
        str | None,
        typer.Option(
            "--profile", help="Profile file (JSON or YAML); - reads stdin. Without it: questions."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON (SPEC §3).")] = False,
    save: Annotated[
        Path | None, typer.Option("--save", help="Write the answers as a profile file.")
    ] = None,
) -> None:
    """Check for warning signs: whether your back pain needs a doctor, and how soon."""
    if profile is None:
        from rich.console import Console

        person = interview(Console(stderr=as_json))
    else:
        person = read_profile(profile)
    if save is not None:
        save_profile(person, save)
    result = evaluate(person, check_knowledge())
    if as_json:
        print_json(result)
    else:
        from rich.console import Console

        Console().print(render(result, not_asked=unanswered_signs(person)))


def interview(console: Console) -> Profile:
    """Ask the check-in questions one by one, only those that apply to the answers so far; stop
    as soon as an answer needs emergency care (the result comes first, as on the check-in page)."""
    console.print(INTRO)
    answers: dict[str, Any] = {}
    while remaining := questions_for(answers):
        question = remaining[0]
        answers[question.key] = ask(console, question, answers)
        if evaluate(profile_from_answers(answers), check_knowledge()).level == "emergency":
            break
    return profile_from_answers(answers)


def ask(console: Console, question: Question, answers: dict[str, Any] | None = None) -> Any:
    """One question, asked again until the answer makes sense."""
    from rich.prompt import Prompt

    while True:
        try:
            text = Prompt.ask(
                f"{question.text} [dim]{hint(question)}[/]",
                console=console,
                default="",
                show_default=False,
            )
        except EOFError:
            raise InputError(f"{question.key}: no answer (input ended)") from None
        try:
            return parse_answer(question, text, answers)
        except InputError as error:
            console.print(user_text(str(error), style="red"))


def hint(question: Question) -> str:
    """How to answer, in brackets after the question."""
    skip = "" if question.required else ", Enter to skip"
    if question.kind == "yes_no":
        return "(y/n/?)"
    if question.kind == "number":
        return f"({question.minimum}-{question.maximum}{skip})"
    options = ", ".join(
        f"{number} {choice.replace('_', ' ')}" for number, choice in enumerate(question.choices, 1)
    )
    several = "one or more, separated by commas: " if question.kind == "choices" else ""
    return f"({several}{options}{skip})"


def save_profile(person: Profile, path: Path) -> None:
    """Write the profile as JSON (``.json``) or YAML (anything else), only what was answered."""
    import yaml

    data = person.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    text = (
        json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        if path.suffix.lower() == ".json"
        else yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    )
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise InputError(f"--save: cannot write {path}: {error.strerror or error}") from None


def unanswered_signs(person: Profile) -> list[str]:
    """The warning-sign questions that apply to this person and were left unanswered."""
    from backcare.triage.questions import QUESTIONS

    data = person.model_dump(mode="json")
    answers: dict[str, Any] = {"pregnant": person.pregnancy is not None}
    for question in QUESTIONS:
        value: Any = data
        for part in question.key.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value not in (None, []):
            answers[question.key] = value
    return [
        question.text
        for question in QUESTIONS
        if question.key.startswith("symptoms.")
        and question.key not in answers
        and question.applies(answers)
    ]


def render(result: CheckResult, *, not_asked: Sequence[str] = ()) -> Panel:
    """Warning signs first, most urgent first, each coloured by level; then what to do (a sign's
    own action only where the advice does not already say it). With ``not_asked``, a "no warning
    sign" result says it covers only what was answered."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    kb = check_knowledge()
    parts: list[Text] = []
    for flag in result.flags:
        colour = LEVEL_COLOUR[flag.level]
        name = kb.get(flag_entry_id(flag.id)).name
        action = result.action_beyond_advice(flag)
        parts.append(
            Text.assemble(
                (f"● {name}", f"bold {colour}"),
                (f"  [{flag.level.replace('_', ' ')}]\n", colour),
                (flag.message + "\n", ""),
                ("→ " + action + "\n" if action else "", "bold"),
            )
        )
    if not_asked and result.level == "self_care":
        parts.append(
            Text.assemble(
                (f"Not asked, so not checked ({len(not_asked)}): ", "bold"),
                " · ".join(not_asked),
                " Run `backcare check` without --profile to answer them.\n",
            )
        )
    exercise = "yes, start gently" if result.exercise_allowed else "not yet"
    parts.append(Text.assemble(("What to do: ", "bold"), result.advice, "\n"))
    parts.append(Text.assemble(("Exercise: ", "bold"), exercise, "\n"))
    parts.append(Text(DISCLAIMER, style="dim"))
    colour = LEVEL_COLOUR[result.level]
    title = kb.check_title(result.level, result.advice)
    if not_asked and result.level == "self_care":
        title = "No warning sign in what you answered"
    return Panel(
        Group(*parts),
        title=Text(f"Safety check: {title}", style="bold"),
        border_style=colour,
        padding=(1, 2),
    )
