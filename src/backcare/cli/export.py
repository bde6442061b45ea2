"""``backcare export``: everything as JSON, pain scores as FHIR R4, or the plan as a calendar."""

from __future__ import annotations

import json
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated, Literal

import typer

from backcare.cli.common import guarded, knowledge, read_profile
from backcare.errors import InputError
from backcare.plan.schedule import MAX_WEEK
from backcare.profile import Profile

Format = Literal["json", "fhir", "ics"]
FORMATS: tuple[Format, ...] = ("json", "fhir", "ics")
"""Work that keeps a person in one position: their calendar gets break reminders."""


@guarded
def export(
    fmt: Annotated[str, typer.Option("--format", help="json | fhir | ics")] = "json",
    out: Annotated[Path | None, typer.Option(help="Write here (mode 0600), not stdout.")] = None,
    profile: Annotated[
        str | None, typer.Option(help="ics: the profile file (default: the saved profile).")
    ] = None,
    week: Annotated[int, typer.Option(help="ics: which week of the plan.")] = 1,
    start: Annotated[
        str | None, typer.Option(help="ics: the date of day 1 (YYYY-MM-DD); default today.")
    ] = None,
) -> None:
    """Export your data: json (everything), fhir (FHIR R4) or ics (your plan's calendar).

    The FHIR bundle holds pain scores, questionnaires and the programme as a CarePlan with Goals.
    """
    if fmt not in FORMATS:
        raise InputError(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
    if not 1 <= week <= MAX_WEEK:
        raise InputError(f"--week: must be between 1 and {MAX_WEEK}, not {week}")
    if fmt == "ics":
        data = _calendar(profile, week, _parse_date(start) if start else date.today())
    else:
        data = _data(fmt)
    if out is None:
        sys.stdout.buffer.write(data)
        return
    write_private(out, data)
    print(f"Exported {fmt} to {out}.", file=sys.stderr)


def _data(fmt: Format) -> bytes:
    from backcare import services
    from backcare.cli.data import local_database

    now = datetime.now(UTC)
    with local_database(writes=False) as (database, user_id):
        if fmt == "fhir":
            document = services.export_fhir(database, user_id=user_id, kb=knowledge(), now=now)
        else:
            document = services.export_all(database, user_id=user_id, now=now).model_dump(
                mode="json"
            )
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()


def _calendar(profile_path: str | None, week: int, start: date) -> bytes:
    from backcare.plan import build_plan
    from backcare.plan.calendar import plan_calendar
    from backcare.plan.schedule import wants_breaks
    from backcare.triage import evaluate

    profile = read_profile(profile_path) if profile_path else _saved_profile()
    kb = knowledge()
    plan = build_plan(profile, evaluate(profile, kb), kb, week=week)
    return plan_calendar(plan, start=start, breaks=wants_breaks(profile.work))


def _saved_profile() -> Profile:
    from backcare import services
    from backcare.cli.data import local_database

    with local_database(writes=False) as (database, user_id):
        profile = services.current_profile(database, user_id=user_id)
    if profile is None:
        raise InputError("--profile: no saved profile yet; pass --profile FILE")
    return profile


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"--start: {text!r} is not a date like 2026-11-23") from None


def write_private(path: Path, data: bytes) -> None:
    """Health data: the file is readable by its owner only, even if it already existed; a
    failure (a full disk) leaves the old file as it was and no partial file behind."""
    from backcare.files import write_atomically

    try:
        if path.exists() and not path.is_file() and not path.is_dir():  # /dev/stdout, a pipe
            with path.open("wb") as device:
                device.write(data)
        else:
            write_atomically(path, lambda handle: handle.write(data))
    except OSError as error:
        raise InputError(f"--out: cannot write {path}: {error.strerror}") from None
