"""``backcare report --pdf FILE``: the one-page report to hand a clinician."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from backcare.cli.common import guarded, knowledge
from backcare.errors import InputError


@guarded
def report(
    pdf: Annotated[Path, typer.Option("--pdf", help="Write the PDF here (mode 0600).")],
    paper: Annotated[str, typer.Option(help="a4 | letter")] = "a4",
) -> None:
    """Write the one-page report for a clinician: safety check, questionnaires over time with
    the smallest-change verdict, the pain chart, sessions and sources."""
    from backcare import services
    from backcare.cli.data import local_database
    from backcare.cli.export import write_private
    from backcare.report.pdf import PAPERS, render_pdf

    if paper not in PAPERS:
        raise InputError(f"--paper: {paper!r} is not one of {', '.join(PAPERS)}")
    if pdf.suffix.lower() != ".pdf":
        raise InputError(f"--pdf: {pdf} must end in .pdf")
    with local_database(writes=False) as (database, user_id):
        data = services.clinician_report(
            database, user_id=user_id, kb=knowledge(), now=datetime.now(UTC)
        )
    write_private(pdf, render_pdf(data, paper="a4" if paper == "a4" else "letter"))
    print(f"Report written to {pdf}.", file=sys.stderr)
