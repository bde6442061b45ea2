"""``backcare breaks --stats``: the last seven days of breaks as a Rich table with a text bar
chart, as JSON (the contract), or drawn to a PNG with ``--plot``."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from backcare.cli.common import print_json
from backcare.errors import InputError
from backcare.session.break_stats import BreakWeek, summary_line

BAR_WIDTH = 20
"""Characters for the day with the most breaks due in the text chart."""


def show_stats(*, as_json: bool, plot: Path | None) -> None:
    """Read the week's statistics from the store and print or draw them."""
    from backcare import services
    from backcare.cli.data import local_database

    if plot is not None and plot.suffix.lower() != ".png":
        raise InputError(f"--plot: {plot} must end in .png")
    with local_database() as (database, user_id):
        week = services.break_week(database, user_id=user_id)
    if plot is not None:
        draw_stats(plot, week)
    if as_json:
        print_json(week)
        return
    console = Console()
    console.print(stats_table(week))
    console.print(text_chart(week))
    console.print(summary_line(week.week))
    if plot is not None:
        console.print(f"Plot written to {plot}.")


def stats_table(week: BreakWeek) -> Table:
    table = Table(title="Breaks, last seven days", header_style="bold", title_justify="left")
    for name, justify in (
        ("day", "left"),
        ("due", "right"),
        ("taken", "right"),
        ("postponed", "right"),
        ("skipped", "right"),
        ("longest sitting", "right"),
        ("minutes moved", "right"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for day in week.days:
        table.add_row(
            f"{day.date:%a %d %b}",
            str(day.due),
            str(day.taken),
            str(day.postponed),
            str(day.skipped),
            f"{day.longest_sitting_minutes:g} min",
            f"{day.minutes_moved:g}",
        )
    total = week.week
    table.add_section()
    table.add_row(
        "[bold]week[/]",
        str(total.due),
        str(total.taken),
        str(total.postponed),
        str(total.skipped),
        f"{total.longest_sitting_minutes:g} min",
        f"{total.minutes_moved:g}",
    )
    return table


def text_chart(week: BreakWeek) -> str:
    """One line a day: ``█`` a break taken, ``░`` one skipped (scaled to ``BAR_WIDTH``)."""
    top = max([1, *(d.due for d in week.days)])
    scale = min(1.0, BAR_WIDTH / top)
    lines = ["Taken █  skipped ░"]
    for day in week.days:
        taken = round(day.taken * scale)
        skipped = round(day.skipped * scale)
        lines.append(f"{day.date:%a} {'█' * taken}{'░' * skipped} {day.taken}/{day.due}")
    return "\n".join(lines)


def draw_stats(path: Path, week: BreakWeek) -> None:
    """Stacked bars of breaks taken and skipped per day, minutes moved as a line."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    labels = [f"{d.date:%a %d}" for d in week.days]
    taken = [d.taken for d in week.days]
    skipped = [d.skipped for d in week.days]
    figure, axes = plt.subplots(figsize=(8, 4))
    axes.bar(labels, taken, color="#2e7d4f", label="Taken")
    axes.bar(labels, skipped, bottom=taken, color="#c0392b", label="Skipped")
    axes.set_ylabel("Breaks")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    moved = axes.twinx()
    moved.plot(labels, [d.minutes_moved for d in week.days], color="#2e86c1", marker="o")
    moved.set_ylabel("Minutes moved", color="#2e86c1")
    moved.set_ylim(bottom=0)
    axes.set_title("Breaks, last seven days")
    axes.legend(loc="upper left", frameon=False)
    figure.tight_layout()
    try:
        figure.savefig(path, dpi=120)
    except OSError as error:
        raise InputError(f"--plot: cannot write {path}: {error.strerror}") from None
    finally:
        plt.close(figure)
