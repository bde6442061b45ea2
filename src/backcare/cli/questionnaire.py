"""``backcare questionnaire startback|peg|psfs``: answer a validated questionnaire, see its
scores and the change since your first, and keep it in your diary."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated

import typer

from backcare.cli.common import guarded, print_json
from backcare.errors import InputError

if TYPE_CHECKING:
    from backcare.content.questionnaires import Instrument
    from backcare.schemas import QuestionnairePublic


@guarded
def questionnaire(
    instrument_id: Annotated[
        str, typer.Argument(metavar="INSTRUMENT", help="startback | peg | psfs")
    ],
    answers: Annotated[
        str | None,
        typer.Option(
            help="All answers at once, comma-separated, e.g. 1,0,0,1,0,0,0,0,2 "
            "(STarT Back items 1-8: 0 disagree, 1 agree; item 9: 0 not at all … 4 extremely; "
            "PEG and PSFS: 0-10)."
        ),
    ] = None,
    activity: Annotated[
        list[str] | None,
        typer.Option("--activity", help="PSFS: an activity you find hard, one per rating."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Answer a questionnaire (interactively, or all at once with --answers); it is saved."""
    from backcare.programme.questionnaires import instrument

    spec = instrument(instrument_id)
    if answers is None:
        given, activities = _ask(spec)
    else:
        given, activities = parse_answers(answers), list(activity or [])
    saved = _save(instrument_id, given, activities)
    if as_json:
        print_json(saved, exclude_none=True)
    else:
        _show(spec, saved)


def parse_answers(text: str) -> list[int]:
    """``1,0,2`` as whole numbers, with a message that names ``--answers``."""
    parts = [part.strip() for part in text.split(",")]
    try:
        return [int(part) for part in parts]
    except ValueError:
        bad = next(p for p in parts if not p.lstrip("-").isdigit())
        raise InputError(f"--answers: {bad[:20]!r} is not a whole number") from None


def _save(instrument_id: str, answers: list[int], activities: list[str]) -> QuestionnairePublic:
    from backcare import services
    from backcare.cli.data import local_database
    from backcare.programme.questionnaires import AnswerError
    from backcare.schemas import QuestionnaireCreate, checked_activities

    try:
        checked_activities(instrument_id, answers, activities)  # refuse before opening the diary
        entry = QuestionnaireCreate(answers=answers, activities=activities)
    except AnswerError as error:
        raise InputError(_option_named(str(error))) from None
    with local_database() as (database, user_id):
        return services.save_questionnaire(
            database, user_id=user_id, instrument=instrument_id, entry=entry, now=datetime.now(UTC)
        )


def _option_named(message: str) -> str:
    if message.startswith("activities: "):
        return "--activity: " + message.removeprefix("activities: ")
    return f"--answers: {message}"


def _ask(spec: Instrument) -> tuple[list[int], list[str]]:
    """Ask each item in turn on stderr (stdout stays for the result); a bad answer is asked
    again, and input that ends early stops with nothing saved."""
    _say(f"{spec.name}\n{spec.instructions}\n")
    answers: list[int] = []
    activities: list[str] = []
    for number, item in enumerate(spec.items, start=1):
        if spec.id == "psfs":
            name = _activity(number, optional=item.optional)
            if name is None:
                break
            activities.append(name)
        else:
            _say(f"{number}. {item.text}")
        answers.append(_choose(spec.answer_sets[item.answers]))
    return answers, activities


def _activity(number: int, *, optional: bool) -> str | None:
    hint = " (Enter to finish)" if optional else ""
    while True:
        name = _line(f"Activity {number} you find hard because of your back{hint}: ")
        if name or optional:
            return name or None
        _say("   Please name an activity.")


def _choose(choices: tuple[str, ...]) -> int:
    shown = (
        f"{choices[0]} … {choices[-1]}"
        if len(choices) > 5
        else ", ".join(f"{n} = {label}" for n, label in enumerate(choices))
    )
    while True:
        text = _line(f"   {shown}: ")
        if text.isdigit() and int(text) < len(choices):
            return int(text)
        _say(f"   Please type a number from 0 to {len(choices) - 1}.")


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def _line(prompt: str) -> str:
    sys.stderr.write(prompt)
    sys.stderr.flush()
    line = sys.stdin.readline()
    if not line:
        raise InputError("questionnaire: input ended before the last answer; nothing saved")
    return line.strip()


def _show(spec: Instrument, saved: QuestionnairePublic) -> None:
    if saved.risk is not None:
        print(
            f"STarT Back: total {saved.total}/9, psychosocial {saved.psychosocial}/5 "
            f"→ {saved.risk} risk."
        )
    else:
        print(f"{spec.short_name} score: {saved.score:.1f} / 10.")
    if saved.change is not None:
        print(saved.change.words)
    if saved.advice is not None:
        print(f"What this means here: {saved.advice.education}")
        if saved.advice.physiotherapist:
            print("We suggest you see a physiotherapist.")
    print(f"\n{spec.copyright.strip()}")
