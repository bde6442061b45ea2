"""``backcare log SCORE``: record how much your back hurts now (0–10)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import typer

from backcare.cli.common import DISCLAIMER, guarded, print_json, settings
from backcare.content.names import AREAS
from backcare.errors import InputError
from backcare.pain_schemas import EARLIEST, FUTURE_TOLERANCE


@guarded
def log_pain(
    score: Annotated[str, typer.Argument(help="Pain now: 0 = none, 10 = worst imaginable.")],
    area: Annotated[
        list[str] | None, typer.Option("--area", help=f"Where: {', '.join(AREAS)}. Repeatable.")
    ] = None,
    note: Annotated[str | None, typer.Option(help="A few words: what helped, what hurt.")] = None,
    at: Annotated[
        str | None, typer.Option(help="When, ISO 8601 (e.g. 2026-11-20T08:30); default now.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Log a pain score; prints the entry and any alert the diary now calls for."""
    from backcare import services
    from backcare.cli.data import local_database
    from backcare.pain_schemas import PainEntryCreate

    now = datetime.now(UTC)
    entry = PainEntryCreate(
        score=parse_score(score),
        areas=[parse_area(a) for a in area or []],
        note=note,
        at=parse_time(at, now=now) if at else None,
    )
    quick = services.log_pain_quickly(settings().database_url, entry, now=now)
    if quick is not None:
        saved, alerts = quick
    else:  # a new, older, locked or damaged file, or a database server: the store decides
        with local_database() as (database, user_id):
            saved = services.log_pain(database, user_id=user_id, entry=entry, now=now)
            alerts = services.diary_alerts(database, user_id=user_id, kb=None, now=now)
    if as_json:
        print_json(
            {
                "entry": saved.model_dump(mode="json"),
                "alerts": [a.model_dump(mode="json", exclude_none=True) for a in alerts],
            }
        )
        return
    where = f" ({', '.join(saved.areas)})" if saved.areas else ""
    print(f"Logged pain {saved.score}/10{where} at {saved.at.astimezone():%Y-%m-%d %H:%M}.")
    for alert in alerts:
        print(f"! {alert.message}")
    if alerts:
        print(DISCLAIMER)


def parse_score(text: str) -> int:
    """A whole number 0–10, with a message that names SCORE."""
    try:
        score = int(text)
    except ValueError:
        raise InputError(f"SCORE: {text!r} is not a whole number from 0 to 10") from None
    if not 0 <= score <= 10:
        raise InputError(f"SCORE: {score} is outside 0–10 (0 = no pain, 10 = worst imaginable)")
    return score


def parse_area(text: str) -> str:
    if text not in AREAS:
        raise InputError(f"--area: unknown area {text!r} (one of {', '.join(AREAS)})")
    return text


def parse_time(text: str, *, now: datetime) -> datetime:
    """An ISO 8601 time; a naive one is local time; not in the future."""
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise InputError(
            f"--at: {text!r} is not an ISO 8601 time (e.g. 2026-11-20T08:30)"
        ) from None
    try:
        value = (value.astimezone() if value.tzinfo is None else value).astimezone(UTC)
    except (OverflowError, ValueError):
        raise InputError(f"--at: {text} is out of range") from None
    if value < EARLIEST:
        raise InputError(f"--at: {text} is before {EARLIEST:%Y}")
    if value > now + FUTURE_TOLERANCE:
        raise InputError(f"--at: {text} is in the future")
    return value
