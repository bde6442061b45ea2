"""``backcare ask``: answer a question from the knowledge base, with sources."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from backcare.cli.common import DISCLAIMER, guarded, print_json, settings
from backcare.errors import InputError

console = Console()

LEVEL_STYLE = {"emergency": "bold white on red", "urgent": "bold red", "routine": "bold yellow"}


@guarded
def ask(
    question: Annotated[str, typer.Argument(help="Your question, in your own words.")],
    top: Annotated[int, typer.Option(help="How many entries to show (1-50).")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Answer a question with the knowledge-base entries that hold the answer, and their sources."""
    from backcare.search import ask as run_ask
    from backcare.search.stored import load_index

    if not question.strip():
        raise InputError("question: must not be empty")
    if not 1 <= top <= 50:
        raise InputError("--top: must be between 1 and 50")
    result = run_ask(load_index(settings().cache_dir), question, top=top)
    if as_json:
        print_json(result)
        return
    if result.warning is not None:
        warning = result.warning
        console.print(
            Panel(
                Text.assemble((warning.message + "\n\n", ""), (warning.action, "bold")),
                title=f"Warning sign: {warning.level}",
                style=LEVEL_STYLE.get(warning.level, ""),
            )
        )
    if result.not_covered is not None:
        title = "Not covered by backcare's sources"
        console.print(Panel(result.not_covered.message, title=title, style="bold"))
    if not result.results:
        console.print("Nothing in the knowledge base matches that question. Try other words.")
    label = "Related" if not result.covered else None
    for number, hit in enumerate(result.results, 1):
        body = Text(hit.answer.text, style="bold" if result.covered and number == 1 else "")
        for quote in hit.answer.quotes:
            body.append(f"\n\nSource: “{quote}”", style="dim")
        tags = [hit.kind, hit.id]
        if hit.warning_sign:
            tags.insert(0, "warning sign")
        if label:
            tags.insert(0, label.lower())
        # The entry's kind and id go on the bottom edge, so a long name does not push them off
        # an 80-column terminal.
        console.print(
            Panel(
                body,
                title=f"{number}. {hit.name}",
                subtitle=f"[dim]{' · '.join(tags)}[/]",
                subtitle_align="right",
            )
        )
    console.print(f"[dim]{DISCLAIMER}[/]")
