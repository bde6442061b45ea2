"""``backcare programme``: this week's plan as it follows you — the phase and why, the flare-up
card while one lasts, each exercise's dose and the rule and answer that set it, and the weekly
summary with one thing to try next."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from backcare.cli.common import DISCLAIMER, guarded, knowledge, print_json

if TYPE_CHECKING:
    from backcare.programme.start import ProgrammeStart
    from backcare.services import ProgrammePublic

console = Console(highlight=False)


@guarded
def programme(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """This week's adapted plan: phase, flare-up card, doses and why, the weekly summary."""
    from backcare import services
    from backcare.cli.data import local_database
    from backcare.errors import InputError

    with local_database() as (database, user_id):
        profile = services.current_profile(database, user_id=user_id)
        if profile is None:
            raise InputError("profile: none saved yet; run `backcare check` or pass --profile once")
        shown = services.programme_plan(database, user_id=user_id, profile=profile, kb=knowledge())
    if as_json:
        print_json(shown)
        return
    show(shown)


def show(shown: ProgrammePublic) -> None:
    """The phase, the flare-up card, each exercise once with its dose and why, the summary."""
    from backcare.plan.dose import dose_text

    console.print(f"[bold]Week {shown.plan.week} · {shown.phase.phase}[/]: {shown.phase.why}")
    show_start(shown.start)
    if shown.flare is not None:
        console.print(f"[bold yellow]{shown.flare.title}[/]")
        for line in shown.flare.heat_and_ice:
            console.print(f"• {line}")
        console.print(shown.flare.see_a_doctor)
    items = {item.id: item for item in shown.plan.items()}
    for item in items.values():
        console.print(f"• [bold]{item.name}[/] {dose_text(item.dose)} — {item.why}")
    summary = shown.week_summary
    console.print(summary.message)
    console.print(f"[bold]Next:[/] {summary.try_next}")
    console.print(f"[dim]{DISCLAIMER}[/]")


def show_start(start: ProgrammeStart) -> None:
    """The start STarT Back set: the pace rule, the physiotherapist suggestion, the lessons in
    the order the risk group puts them."""
    if start.why is not None:
        console.print(start.why)
    if start.suggestion is not None:
        console.print(f"[bold]{start.suggestion}[/]")
    lessons = ", ".join(lesson.title for lesson in start.lessons)
    console.print(f"[bold]Learn first:[/] {lessons}")
