"""``backcare kb``: browse, export and measure the knowledge base.

Rich's tables and Markdown and the seed coverage are imported by the commands that show them:
``kb stats --json`` needs none of them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from backcare.cli.common import console, guarded, knowledge, print_json, settings
from backcare.cli.picture import picture
from backcare.content.names import GROUPS, KINDS
from backcare.errors import InputError

if TYPE_CHECKING:
    from backcare.content.schema import Entry, Source

app = typer.Typer(help="Browse, export and measure the knowledge base.", no_args_is_help=True)

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _dump(entry: Entry) -> dict[str, Any]:
    return entry.model_dump(mode="json", exclude_none=True)


@app.command("export")
@guarded
def export(as_json: JsonFlag = True) -> None:
    """Every entry, in full, as one JSON list."""
    print_json([_dump(entry) for entry in knowledge()])


@app.command("list")
@guarded
def list_entries(
    kind: Annotated[str | None, typer.Option(help=f"One of: {', '.join(KINDS)}.")] = None,
    for_group: Annotated[str | None, typer.Option("--for", help="A population group id.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """List entries, optionally of one kind or for one population group."""
    if kind is not None and kind not in KINDS:
        raise InputError(f"--kind: unknown kind {kind!r} (one of {', '.join(KINDS)})")
    if for_group is not None and for_group not in GROUPS:
        raise InputError(f"--for: unknown group {for_group!r} (one of {', '.join(GROUPS)})")
    kb = knowledge()
    entries = kb.for_group(for_group) if for_group else list(kb)
    if kind:
        entries = [entry for entry in entries if entry.kind == kind]
    if as_json:
        print_json(
            [{"id": e.id, "kind": e.kind, "name": e.name, "summary": e.summary} for e in entries]
        )
        return
    from rich.table import Table

    table = Table(title=f"{len(entries)} entries", show_lines=False)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("kind", style="magenta")
    table.add_column("name")
    table.add_column("evidence", style="green")
    for entry in entries:
        table.add_row(entry.id, entry.kind, entry.name, entry.evidence)
    console().print(table)


@app.command("show")
@guarded
def show(
    entry_id: Annotated[str, typer.Argument(help="The entry id.")], as_json: JsonFlag = False
) -> None:
    """One entry: a readable view, or the full entry as JSON."""
    entry = knowledge().get(entry_id)
    if as_json:
        print_json(_dump(entry))
        return
    from rich.markdown import Markdown
    from rich.panel import Panel

    console().print(
        Panel(Markdown(_entry_markdown(entry)), title=f"{entry.name}  [dim]{entry.id}[/]")
    )


def _entry_markdown(entry: Entry) -> str:
    lines = [f"*{entry.kind} · evidence: {entry.evidence}*", "", entry.summary, ""]
    if entry.aliases:
        lines += [f"Also called: {', '.join(entry.aliases)}", ""]
    steps = getattr(entry, "steps", None)
    if steps:
        lines += ["**Steps**", *[f"{n}. {step}" for n, step in enumerate(steps, 1)], ""]
    dose = getattr(entry, "dose", None)
    if dose is not None:
        parts = [
            f"{k.replace('_', ' ')}: {v}"
            for k, v in dose.model_dump(exclude_none=True).items()
            if v not in (False,)
        ]
        lines += ["**Dose** " + "; ".join(parts), ""]
    if entry.advice:
        lines += ["**Advice**", *[f"- {item}" for item in entry.advice], ""]
    if entry.cautions:
        lines += ["**Cautions**", *[f"- {item}" for item in entry.cautions], ""]
    if entry.not_for:
        lines += [
            "**Not for**",
            *[f"- {_rule_text(rule)}: {rule.reason}" for rule in entry.not_for],
            "",
        ]
    if entry.guideline:
        lines += [
            f"**{entry.guideline.ref}** ({entry.guideline.stance}): {entry.guideline.note}",
            "",
        ]
    for correction in entry.corrections:
        lines += [
            f"**Seed corrected**: “{_cite(correction.source)}”",
            f"We say instead: {correction.instead} *Why:* {correction.why}",
            "",
        ]
    if entry.kind == "conflict":
        for number, side in enumerate(entry.sides, 1):
            cited = "; ".join(f"“{_cite(source)}”" for source in side.sources)
            lines += [f"**Side {number}**: {side.position}", "", f"> {cited}", ""]
        lines += [f"**We follow**: {entry.resolution} *Why:* {entry.resolution_reason}", ""]
    lines += ["**Sources**", *[f"- {_cite(source)}" for source in entry.sources]]
    return "\n".join(lines)


def _cite(source: Source) -> str:
    return f"{source.seed}: {source.quote}" if source.seed else str(source.ref)


def _rule_text(rule: Any) -> str:
    bounds = []
    if rule.pregnancy_week_from is not None:
        bounds.append(f"from week {rule.pregnancy_week_from}")
    if rule.postpartum_weeks_before is not None:
        bounds.append(f"before week {rule.postpartum_weeks_before}")
    if rule.delivery:
        bounds.append(f"after a {rule.delivery} birth")
    if rule.pain_at_least is not None:
        bounds.append(f"pain {rule.pain_at_least}/10 or more")
    return " ".join([rule.group or "anyone", *bounds])


@app.command("stats")
@guarded
def stats(as_json: JsonFlag = False) -> None:
    """Counts of entries per kind, per evidence label and per population group."""
    from backcare.knowledge.counts import knowledge_counts

    facets = knowledge_counts(cache_dir=settings().cache_dir)
    if as_json:
        print_json(facets)
        return
    from rich.table import Table

    console().print(f"[bold]{facets['entries']}[/] knowledge-base entries")
    for facet in ("kind", "evidence", "group"):
        table = Table(title=f"per {facet}")
        table.add_column(facet)
        table.add_column("entries", justify="right")
        for name, count in sorted(facets[facet].items(), key=lambda item: -item[1]):
            table.add_row(name, str(count))
        console().print(table)


@app.command("coverage")
@guarded
def coverage_report(as_json: JsonFlag = False) -> None:
    """Share of non-noise seed paragraphs that at least one entry cites, and the uncited ones."""
    from backcare.content import SEEDS_DIR
    from backcare.knowledge.coverage import coverage, read_seeds

    report = coverage(knowledge(), read_seeds(SEEDS_DIR))
    if as_json:
        print_json(
            {
                "paragraphs": report.total,
                "cited": report.cited,
                "share": round(report.share, 4),
                "noise": report.noise,
                "uncited": [{"seed": u.seed, "paragraph": u.paragraph} for u in report.uncited],
            }
        )
        return
    console().print(
        f"[bold]{report.share:.1%}[/] of {report.total} seed paragraphs cited "
        f"({report.noise} noise paragraphs listed as not carried)"
    )
    for item in report.uncited:
        console().print(f"[yellow]{item.seed}[/]: {item.paragraph[:160]}")


app.command("picture")(picture)
