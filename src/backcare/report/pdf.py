"""The clinician's one-page PDF (A4 or US Letter), drawn with fpdf2: the safety check and its
reasons, the questionnaires over time with the minimal-change verdict, the pain chart
(matplotlib), the sessions done, exercises skipped or stopped for pain, and the sources."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from fpdf import FPDF

from backcare import DISCLAIMER
from backcare.programme.questionnaires import instrument
from backcare.schemas import PainEntryPublic, QuestionnairePublic
from backcare.services.report import ClinicianReport

Paper = Literal["a4", "letter"]
PAPERS: tuple[Paper, ...] = ("a4", "letter")
MARGIN_MM = 12
BODY_PT, SMALL_PT, HEADING_PT, TITLE_PT = 9, 7, 11, 15
MOST_STOPS = 4
"""Stops listed on the one page (the latest); older ones are counted."""


def _font_dir() -> Path:
    """DejaVu Sans as shipped inside matplotlib: every character the report uses, no system
    font needed."""
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


@dataclass(frozen=True)
class Layout:
    """How much goes on the page: the full layout first, a compact one if that overflows."""

    chart_mm: float = 52
    questionnaire_rows: int = 8
    """The newest rows shown; the full history is in the export."""
    sources: int = 8


FULL, COMPACT = Layout(), Layout(chart_mm=34, questionnaire_rows=4, sources=4)


def render_pdf(report: ClinicianReport, *, paper: Paper = "a4") -> bytes:
    """The report as PDF bytes: one page, compacted if need be; a second page only when even
    the compact page cannot hold the safety check's reasons (nothing is ever cut off)."""
    pdf = _draw(report, paper, FULL, overflow=False)
    for retry in (COMPACT, None):
        if pdf.get_y() <= pdf.h - MARGIN_MM:
            break
        _close_fonts(pdf)
        pdf = _draw(report, paper, retry or COMPACT, overflow=retry is None)
    try:
        return bytes(pdf.output())
    finally:
        _close_fonts(pdf)


def _close_fonts(pdf: FPDF) -> None:
    """fpdf2 keeps each font file open (fontTools reads it lazily) until told to close it."""
    for font in pdf.fonts.values():
        close = getattr(font, "close", None)
        if close is not None:
            close()


def _draw(report: ClinicianReport, paper: Paper, layout: Layout, *, overflow: bool) -> FPDF:
    pdf = FPDF(format="A4" if paper == "a4" else "Letter")
    pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
    pdf.set_auto_page_break(auto=overflow, margin=MARGIN_MM)
    pdf.add_font("DejaVu", "", str(_font_dir() / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(_font_dir() / "DejaVuSans-Bold.ttf"))
    pdf.set_title("backcare: report for a clinician")
    pdf.add_page()
    _header(pdf, report)
    _safety(pdf, report)
    _questionnaires(pdf, report.questionnaires, layout.questionnaire_rows)
    _pain(pdf, report, layout.chart_mm)
    _sessions(pdf, report)
    _sources(pdf, report.sources, layout.sources)
    return pdf


def _text(
    pdf: FPDF, text: str, *, size: float = BODY_PT, bold: bool = False, h: float = 4.4
) -> None:
    pdf.set_font("DejaVu", "B" if bold else "", size)
    pdf.multi_cell(0, h, text, new_x="LMARGIN", new_y="NEXT", align="L")


def _heading(pdf: FPDF, text: str) -> None:
    pdf.ln(1.5)
    _text(pdf, text, size=HEADING_PT, bold=True, h=6)


def _header(pdf: FPDF, report: ClinicianReport) -> None:
    _text(pdf, "Back pain self-care: report for a clinician", size=TITLE_PT, bold=True, h=7)
    made = report.made_at.astimezone()
    _text(
        pdf,
        f"Made by backcare on {made:%d %B %Y} from the person's own diary "
        f"({report.since.astimezone():%d %b %Y} to {made:%d %b %Y}). {DISCLAIMER}",
        size=SMALL_PT,
        h=3.4,
    )


def _safety(pdf: FPDF, report: ClinicianReport) -> None:
    _heading(pdf, "Safety check")
    check = report.check
    if check is None:
        _text(pdf, "No check-in saved yet, so no safety check.")
        return
    exercise = "exercise allowed" if check.exercise_allowed else "no exercise until seen"
    _text(pdf, f"Result: {check.level.replace('_', ' ')} ({exercise}).", bold=True)
    for flag in check.flags:
        _text(pdf, f"• {flag.message} {flag.action}")
    if not check.flags:
        _text(pdf, "No warning sign reported.")


def _questionnaires(pdf: FPDF, saved: Sequence[QuestionnairePublic], most: int) -> None:
    _heading(pdf, "Questionnaires over time")
    if not saved:
        _text(pdf, "None answered yet.")
        return
    rows = [("Date", "Questionnaire", "Result", "Since the first")]
    rows += [_row(q) for q in list(saved)[-most:]]
    pdf.set_font("DejaVu", "", BODY_PT - 0.5)
    with pdf.table(
        col_widths=(22, 26, 46, 92),
        line_height=4.2,
        padding=0.8,
        text_align="LEFT",
        first_row_as_headings=True,
    ) as table:
        for row in rows:
            table.row(row)
    if len(saved) > most:
        _text(pdf, f"The newest {most} of {len(saved)}.", size=SMALL_PT, h=3.4)


def _row(q: QuestionnairePublic) -> tuple[str, str, str, str]:
    name = instrument(q.instrument).short_name
    if q.risk is not None:
        result = f"{q.risk} risk, total {q.total}/9, psychosocial {q.psychosocial}/5"
    else:
        result = f"{q.score:.1f} / 10"
    change = q.change.words if q.change is not None else "first answer"
    return (f"{q.at.astimezone():%d %b %Y}", name, result, change)


def _pain(pdf: FPDF, report: ClinicianReport, height_mm: float) -> None:
    _heading(pdf, "Pain (0-10) and questionnaire scores")
    if not report.pain and not any(q.score is not None for q in report.questionnaires):
        _text(pdf, "No pain ratings in this period.")
        return
    width = pdf.w - 2 * MARGIN_MM
    png = pain_chart_png(report.pain, report.questionnaires, report)
    pdf.image(io.BytesIO(png), x=MARGIN_MM, w=width, h=height_mm)


def pain_chart_png(
    pain: Sequence[PainEntryPublic],
    questionnaires: Sequence[QuestionnairePublic],
    report: ClinicianReport,
) -> bytes:
    """Pain ratings as dots with PEG and PSFS scores as their own marks, over the period."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(7.5, 2.2))
    try:
        days = mdates.date2num([p.at for p in pain])  # type: ignore[no-untyped-call]
        axes.scatter(days, [p.score for p in pain], s=10, color="#c0392b", label="Pain")
        for kind, marker, colour in (("peg", "D", "#7a4fb5"), ("psfs", "^", "#2f7d4f")):
            shown = [q for q in questionnaires if q.instrument == kind and q.at >= report.since]
            if shown:
                axes.scatter(
                    mdates.date2num([q.at for q in shown]),  # type: ignore[no-untyped-call]
                    [q.score or 0.0 for q in shown],
                    marker=marker,
                    s=26,
                    color=colour,
                    label=instrument(kind).short_name,
                )
        period = mdates.date2num([report.since, report.made_at])  # type: ignore[no-untyped-call]
        axes.set_xlim(float(period[0]), float(period[1]))
        axes.set_ylim(-0.3, 10.3)
        axes.set_yticks(range(0, 11, 2))
        axes.grid(axis="y", alpha=0.3)
        axes.xaxis.set_major_formatter(mdates.DateFormatter("%d %b"))  # type: ignore[no-untyped-call]
        axes.legend(loc="upper right", frameon=False, fontsize=7, ncols=3)
        axes.tick_params(labelsize=7)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=150)
        return buffer.getvalue()
    finally:
        plt.close(figure)


def _sessions(pdf: FPDF, report: ClinicianReport) -> None:
    pdf.set_y(pdf.get_y() + 1)
    _heading(pdf, "Sessions")
    days = len({s.started_at.astimezone().date() for s in report.sessions})
    done = sum(1 for s in report.sessions for i in s.items if i.status == "done")
    _text(
        pdf,
        f"{_count(len(report.sessions), 'guided session')} on {_count(days, 'day')}; "
        f"{_count(done, 'exercise')} done.",
    )
    shown = report.stops[-MOST_STOPS:]
    more = len(report.stops) - len(shown)
    stopped = "; ".join(shown) + (f"; and {more} earlier" if more else "")
    _text(pdf, f"Stopped for pain: {stopped or 'none'}.")
    if report.skipped:
        skipped = ", ".join(f"{k.replace('-', ' ')} ×{n}" for k, n in report.skipped.items())
        _text(pdf, f"Skipped (reason not recorded): {skipped}.")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _sources(pdf: FPDF, sources: Sequence[str], most: int) -> None:
    _heading(pdf, "Sources")
    shown = list(sources)[:most]
    for source in shown:
        _text(pdf, f"• {source}", size=SMALL_PT, h=3.3)
    if len(sources) > len(shown):
        _text(pdf, f"… and {len(sources) - len(shown)} more in the app.", size=SMALL_PT, h=3.3)
    if not shown:
        _text(pdf, "None.", size=SMALL_PT, h=3.3)
