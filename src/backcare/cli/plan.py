"""``backcare plan``: the safety check, then a seven-day plan for the person in the profile."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from backcare.cli.common import (
    DISCLAIMER,
    console,
    guarded,
    plan_knowledge,
    print_json,
    read_profile,
)
from backcare.content.schema import RedFlag
from backcare.errors import InputError
from backcare.knowledge.contraindications import missing_equipment
from backcare.plan import AdviceItem, Plan, Session, build_plan
from backcare.plan.dose import dose_text
from backcare.plan.schedule import MAX_WEEK
from backcare.plan.screen import equipment_reason
from backcare.profile import Profile

if TYPE_CHECKING:  # Rich is imported where a page is drawn: ``--json`` draws none
    from rich.table import Table

LEVEL_STYLE = {"emergency": "bold white on red", "urgent": "bold red", "routine": "bold yellow"}


@guarded
def plan(
    profile: Annotated[
        str, typer.Option("--profile", help="Profile file (JSON or YAML); - reads stdin.")
    ],
    week: Annotated[int, typer.Option(help=f"Week of the programme (1-{MAX_WEEK}).")] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON (SPEC §4).")] = False,
) -> None:
    """A seven-day plan of exercises, habits, heat/ice, posture and breaks, chosen for you."""
    from backcare.triage import evaluate

    if not 1 <= week <= MAX_WEEK:
        raise InputError(f"--week: must be between 1 and {MAX_WEEK}")
    person = read_profile(profile)
    kb = plan_knowledge()
    result = build_plan(person, evaluate(person, kb), kb, week=week)
    if as_json:
        print_json(result)
        return
    render(result, person)


def render(result: Plan, person: Profile) -> None:
    """The readable view: the check first when it found something, then the week and advice."""
    from rich.panel import Panel

    check = result.check
    if check.level != "self_care":
        lines = [check.advice, *(f"• {flag.message}" for flag in check.flags)]
        console().print(
            Panel("\n".join(lines), title=f"Check: {check.level}", style=LEVEL_STYLE[check.level])
        )
    if not result.days:
        console().print("No exercise plan until a doctor has seen you. Follow the advice above.")
        console().print(f"[dim]{DISCLAIMER}[/]")
        return
    console().print(f"[bold]Week {result.week}[/] · phase: {result.phase}")
    if result.phase == "acute" or not check.exercise_allowed:
        console().print(
            "Only gentle relief for now: rest positions, ice then heat, easy movement as "
            "tolerated. Stronger exercise once the worst pain has settled."
        )
        _seek_help()
    console().print(_week_table(result))
    for title, items in (
        ("Habits and advice", result.habits),
        ("Heat and ice", result.thermotherapy),
        ("Posture for your day", result.posture),
    ):
        _advice(title, items)
    console().print(
        f"[bold]Breaks:[/] every {result.breaks.every_min} minutes of sitting or standing, "
        f"move for {result.breaks.move_min} minutes."
    )
    _left_out(result, person)
    console().print(f"[dim]{DISCLAIMER}[/]")


def _left_out(result: Plan, person: Profile) -> None:
    """Safety exclusions with their reasons; entries that only need missing equipment, briefly."""
    from rich.table import Table

    kb = plan_knowledge()
    needs: dict[str, list[str]] = {}
    table = Table(title="Left out for your safety", show_header=False)
    for item in result.excluded:
        missing = missing_equipment(kb.get(item.id), person)
        if missing and item.reason == equipment_reason(missing):
            needs.setdefault(", ".join(missing).replace("_", " "), []).append(item.id)
        else:
            table.add_row(item.id, item.reason)
    if table.row_count:
        console().print(table)
    for equipment, ids in needs.items():
        console().print(f"[dim]Needs {equipment}, which you did not list: {', '.join(ids)}[/]")


def _seek_help() -> None:
    signs = [
        e.name for e in plan_knowledge().of_type(RedFlag) if e.level in ("emergency", "urgent")
    ]
    if signs:
        console().print(
            "[bold]Get medical help straight away if you notice:[/] " + "; ".join(signs)
        )


def _week_table(result: Plan) -> Table:
    from rich.table import Table

    table = Table(title="Your week", show_lines=True)
    table.add_column("Day", justify="right")
    table.add_column("Morning")
    table.add_column("Evening")
    for day in result.days:
        by_slot = {session.slot: session for session in day.sessions}
        table.add_row(str(day.day), _cell(by_slot.get("morning")), _cell(by_slot.get("evening")))
    return table


def _cell(session: Session | None) -> str:
    if session is None:
        return "—"
    lines = [
        f"{item.name}: {dose_text(item.dose)} ({item.minutes:g} min)" for item in session.items
    ]
    return "\n".join([*lines, f"[dim]{session.minutes:g} min[/]"])


def _advice(title: str, items: list[AdviceItem]) -> None:
    if not items:
        return
    console().print(f"[bold]{title}[/]")
    for item in items:
        console().print(f"• [bold]{item.name}[/] — {item.why}")
        for line in item.advice:
            console().print(f"    {line}")
