"""``backcare diary``: pain over time, the 7-day average, sessions, breaks, habits and alerts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from backcare.cli.common import DISCLAIMER, guarded, knowledge, print_json, user_text
from backcare.errors import InputError
from backcare.session.break_stats import summary_line

if TYPE_CHECKING:
    from backcare.schemas import (
        AlertPublic,
        BreakStats,
        HabitTickPublic,
        PainEntryPublic,
        SessionRecordPublic,
    )
    from backcare.session.break_stats import BreakWeek

DEFAULT_DAYS = 28
MAX_DAYS = 36_500
SPARK = "▁▂▃▄▅▆▇█"
ALERT_STYLES = {"see_doctor": "bold red", "warning": "yellow", "good_news": "green"}


@dataclass(frozen=True)
class DiaryReport:
    """What the diary shows for the period ``[since, now]``."""

    now: datetime
    since: datetime
    pain: list[PainEntryPublic]
    sessions: list[SessionRecordPublic]
    breaks: BreakStats
    break_week: BreakWeek
    """The last seven days of breaks (the weekly summary)."""
    habits: list[HabitTickPublic]
    alerts: list[AlertPublic]
    averages: list[tuple[datetime, float]]
    this_week: float | None
    previous_week: float | None


@guarded
def diary(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    plot: Annotated[
        Path | None, typer.Option(help="Also draw pain and sessions to this PNG file.")
    ] = None,
    days: Annotated[int, typer.Option(help="How many days back to show.")] = DEFAULT_DAYS,
) -> None:
    """Show your pain diary: scores, 7-day average, sessions, breaks, habits and alerts."""
    if not 1 <= days <= MAX_DAYS:
        raise InputError(f"--days: must be from 1 to {MAX_DAYS}, not {days}")
    if plot is not None and plot.suffix.lower() != ".png":
        raise InputError(f"--plot: {plot} must end in .png")
    report = _collect(datetime.now(UTC), days)
    if plot is not None:
        draw_plot(plot, report)
    if as_json:
        print_json(_as_json(report))
        return
    _render(report)
    if plot is not None:
        print(f"Plot written to {plot}.")


def _collect(now: datetime, days: int) -> DiaryReport:
    from backcare import services
    from backcare.cli.data import local_database
    from backcare.diary import PainPoint, rolling_average, seven_day_average
    from backcare.diary.trends import week_over_week

    since = now - timedelta(days=days)
    # the window, the week before it (its first 7-day average) and the last two weeks
    reach = min(since, now - timedelta(days=14)) - timedelta(days=7)
    with local_database(writes=False) as (database, user_id):
        pain = services.list_pain(database, user_id=user_id, since=reach)
        sessions = services.list_sessions(database, user_id=user_id, since=since)
        breaks = services.break_stats(database, user_id=user_id, since=since)
        break_week = services.break_week(database, user_id=user_id)
        habits = services.list_habits(database, user_id=user_id, since=since.date())
        alerts = services.diary_alerts(
            database, user_id=user_id, kb=knowledge(), now=now, record=not database.read_only
        )
    points = [PainPoint(p.at, p.score) for p in pain]
    weeks = week_over_week(points, now)
    return DiaryReport(
        now=now,
        since=since,
        pain=[p for p in pain if p.at >= since],
        sessions=sessions,
        breaks=breaks,
        break_week=break_week,
        habits=habits,
        alerts=alerts,
        averages=[(at, mean) for at, mean in rolling_average(points) if since <= at <= now],
        this_week=weeks[1] if weeks else seven_day_average(points, now),
        previous_week=weeks[0] if weeks else None,
    )


def daily_means(pain: list[PainEntryPublic]) -> dict[date, float]:
    """Mean score per local calendar day."""
    by_day: dict[date, list[int]] = {}
    for entry in pain:
        by_day.setdefault(entry.at.astimezone().date(), []).append(entry.score)
    return {day: sum(scores) / len(scores) for day, scores in by_day.items()}


def sparkline(means: dict[date, float], first: date, last: date) -> str:
    """One character per day from ``first`` to ``last``: bar height = pain, ``·`` = no entry."""
    cells = []
    for offset in range((last - first).days + 1):
        mean = means.get(first + timedelta(days=offset))
        cells.append("·" if mean is None else SPARK[round(mean / 10 * (len(SPARK) - 1))])
    return "".join(cells)


def _as_json(report: DiaryReport) -> dict[str, Any]:
    breaks = report.breaks
    return {
        "from": report.since.isoformat(),
        "to": report.now.isoformat(),
        "seven_day_average": report.this_week,
        "previous_seven_day_average": report.previous_week,
        "pain": [p.model_dump(mode="json") for p in report.pain],
        "sessions": [s.model_dump(mode="json") for s in report.sessions],
        "breaks": breaks.model_dump() | {"taken_share": breaks.taken_share},
        "breaks_week": report.break_week.week.model_dump(mode="json"),
        "habits": [h.model_dump(mode="json") for h in report.habits],
        "alerts": [a.model_dump(mode="json", exclude_none=True) for a in report.alerts],
    }


def _render(report: DiaryReport) -> None:
    console = Console()
    first, last = report.since.astimezone().date(), report.now.astimezone().date()
    console.print(f"[bold]Pain diary[/bold], {first:%d %b %Y} to {last:%d %b %Y}")
    console.print(f"  {sparkline(daily_means(report.pain), first, last)}  (one mark a day)")
    console.print(f"  7-day average: {_average_text(report)}")
    if report.pain:
        console.print(_pain_table(report.pain))
    else:
        console.print("  No pain logged in this period. Log some with `backcare log SCORE`.")
    console.print(_sessions_text(report.sessions))
    console.print(_breaks_text(report.breaks))
    console.print(summary_line(report.break_week.week))
    habits = Counter(h.habit_id for h in report.habits)
    if habits:
        listed = ", ".join(f"{h} ×{n}" for h, n in habits.most_common())
        console.print(Text("Habits: ").append_text(user_text(listed)))
    for alert in report.alerts:
        console.print(f"[{ALERT_STYLES[alert.level]}]! {alert.message}[/]")
    console.print(f"[dim]{DISCLAIMER}[/dim]")


def _average_text(report: DiaryReport) -> str:
    current, previous = report.this_week, report.previous_week
    if current is None:
        return "no entries in the last 7 days"
    text = f"{current:.1f}/10"
    return text if previous is None else f"{text} (week before: {previous:.1f})"


def _pain_table(pain: list[PainEntryPublic]) -> Table:
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("when", no_wrap=True)
    table.add_column("pain", justify="right")
    table.add_column("", no_wrap=True)
    table.add_column("where")
    table.add_column("note")
    for entry in pain:
        table.add_row(
            _when(entry.at),
            str(entry.score),
            "█" * entry.score,
            ", ".join(a.replace("_", " ") for a in entry.areas),
            user_text(entry.note or ""),
        )
    return table


def _when(at: datetime) -> str:
    """``Mon 01 Dec 08:30``; with the year when it is not this year."""
    local = at.astimezone()
    same_year = local.year == datetime.now().astimezone().year
    return f"{local:%a %d %b %H:%M}" if same_year else f"{local:%a %d %b %Y %H:%M}"


def _sessions_text(sessions: list[SessionRecordPublic]) -> str:
    if not sessions:
        return "Sessions: none in this period."
    done = sum(1 for s in sessions for item in s.items if item.status == "done")
    skipped = sum(1 for s in sessions for item in s.items if item.status == "skipped")
    text = f"Sessions: {len(sessions)} ({done} items done, {skipped} skipped)"
    pairs = [(s.pain_before, s.pain_after) for s in sessions]
    rated = [(b, a) for b, a in pairs if b is not None and a is not None]
    if rated:
        before = sum(b for b, _ in rated) / len(rated)
        after = sum(a for _, a in rated) / len(rated)
        text += f"; average pain {before:.1f} before, {after:.1f} after"
    return text + "."


def _breaks_text(breaks: BreakStats) -> str:
    if not breaks.total:
        return "Breaks: no reminders answered in this period."
    return (
        f"Breaks: {breaks.taken} taken, {breaks.skipped} skipped, {breaks.postponed} postponed "
        f"({breaks.taken_share:.0%} taken)."
    )


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0)).astimezone()


def draw_plot(path: Path, report: DiaryReport) -> None:
    """Pain with its 7-day average above, sessions per day below; dates along the bottom."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    pain = report.pain
    figure, (top, bottom) = plt.subplots(
        2, 1, figsize=(10, 6), sharex=True, gridspec_kw={"height_ratios": [3, 1]}
    )
    first, last = report.since.astimezone(), report.now.astimezone()
    top.set_title(f"Back pain diary, {first:%d %b %Y} to {last:%d %b %Y}")
    top.scatter(
        [p.at for p in pain],
        [p.score for p in pain],
        s=18,
        color="#9aa5b1",
        label="Pain score",
        zorder=2,
    )
    top.plot(
        [t for t, _ in report.averages],
        [m for _, m in report.averages],
        color="#c0392b",
        linewidth=2.2,
        label="7-day average",
        zorder=3,
    )
    top.set_ylim(-0.3, 10.3)
    top.set_yticks(range(0, 11, 2))
    top.set_ylabel("Pain (0 = none, 10 = worst)")
    top.grid(axis="y", alpha=0.3)
    top.legend(loc="upper right", frameon=False)
    per_day = Counter(s.started_at.astimezone().date() for s in report.sessions)
    middays = [_midnight(day) + timedelta(hours=12) for day in per_day]
    bottom.bar(middays, list(per_day.values()), width=0.8, color="#2e86c1")
    bottom.set_ylabel("Sessions")
    bottom.set_xlabel("Date")
    bottom.set_ylim(0, max([2, *per_day.values()]) + 0.5)
    bottom.yaxis.get_major_locator().set_params(integer=True)
    if not per_day:
        bottom.text(
            0.5,
            0.5,
            "No guided sessions in this period",
            ha="center",
            va="center",
            transform=bottom.transAxes,
            color="#6b7280",
        )
    bottom.set_xlim(_midnight(first.date()), _midnight(last.date() + timedelta(days=1)))
    bottom.xaxis.set_major_formatter(mdates.DateFormatter("%d %b"))  # type: ignore[no-untyped-call]
    figure.autofmt_xdate()
    figure.tight_layout()
    from backcare.files import write_atomically

    try:
        write_atomically(path, lambda handle: figure.savefig(handle, dpi=120, format="png"))
    except OSError as error:
        raise InputError(f"--plot: cannot write {path}: {error.strerror}") from None
    finally:
        plt.close(figure)
