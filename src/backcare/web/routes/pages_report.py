"""The Report page: the clinician's one page on screen (printable), and the same as a PDF."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from backcare import services
from backcare.web.deps import UserDep
from backcare.web.routes.pages_common import render, state_of

router = APIRouter()


def _report(request: Request, user_id: int) -> services.ClinicianReport:
    state = state_of(request)
    return services.clinician_report(
        state.database, user_id=user_id, kb=state.kb, now=state.clock()
    )


@router.get("/report")
def report_page(request: Request, user_id: UserDep) -> Response:
    """Safety check, questionnaires with their verdicts, pain, sessions and sources."""
    report = _report(request, user_id)
    return render(request, "report.html", report=report, recent=list(reversed(report.pain[-10:])))


@router.get("/report.pdf")
def report_pdf(
    request: Request,
    user_id: UserDep,
    paper: Annotated[Literal["a4", "letter"], Query()] = "a4",
) -> Response:
    """The same report as a one-page PDF to print or send."""
    # Imported here: fpdf brings numpy, Pillow and fontTools, about 54 MiB in every server
    # worker from start-up, for a page few people open.
    from backcare.report.pdf import render_pdf

    pdf = render_pdf(_report(request, user_id), paper=paper)
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": 'attachment; filename="backcare-report.pdf"'},
    )
