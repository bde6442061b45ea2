"""The figures a benchmark reports against its goal, kept for ``python -m benchmarks --json``.

SPEC §9: the JSON file is a list of ``{"measure", "value", "goal", "ok"}``. A module calls
``record`` for each figure that has a goal, beside what it prints for people.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Measure:
    """One figure: its name, its value, the goal in words, and whether the value meets it."""

    measure: str
    value: float
    goal: str
    ok: bool


RECORDED: list[Measure] = []
"""Every figure recorded in this run, in order (one process runs one ``make bench``)."""


def at_most(measure: str, value: float, limit: float) -> None:
    """A figure whose goal is to stay at or under ``limit``."""
    RECORDED.append(Measure(measure, round(value, 4), f"<= {limit:g}", value <= limit))


def at_least(measure: str, value: float, floor: float) -> None:
    """A figure whose goal is to reach ``floor``."""
    RECORDED.append(Measure(measure, round(value, 4), f">= {floor:g}", value >= floor))


def as_json() -> list[dict[str, Any]]:
    return [asdict(measure) for measure in RECORDED]


def table() -> str:
    """Every recorded figure as one plain-text table: measure, value, goal, ok."""
    rows = [("measure", "value", "goal", "ok")]
    rows += [(m.measure, f"{m.value:g}", m.goal, "yes" if m.ok else "NO") for m in RECORDED]
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    lines = [
        "  ".join(
            cell.rjust(width) if column == 1 else cell.ljust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)
