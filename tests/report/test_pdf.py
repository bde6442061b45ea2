"""The clinician's PDF, read back with pypdf: one page of the right paper size, with the safety
check and its reasons, the questionnaires and their verdicts, the chart, sessions and sources."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from backcare import services
from backcare.knowledge import KnowledgeBase
from backcare.profile import Profile
from backcare.report.pdf import render_pdf
from backcare.schemas import (
    PainEntryCreate,
    QuestionnaireCreate,
    SessionRecordCreate,
    StopEventIn,
)
from backcare.store import Database, open_url

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
POINTS_PER_MM = 72 / 25.4
SHOTS = Path("test-artifacts")


@pytest.fixture
def db(tmp_path: Path) -> Database:
    return open_url(f"sqlite:///{tmp_path / 'backcare.db'}", home=tmp_path)


@pytest.fixture(autouse=True)
def _artefacts() -> None:
    SHOTS.mkdir(exist_ok=True)


def _fill(db: Database, *, profile: Profile) -> int:
    user = services.local_user_id(db)
    services.save_profile(db, user_id=user, profile=profile, now=NOW - timedelta(days=30))
    for day, score in ((28, 7), (21, 6), (14, 5), (7, 4), (1, 3)):
        entry = PainEntryCreate(score=score, at=NOW - timedelta(days=day))
        services.log_pain(db, user_id=user, entry=entry)
    for days, answers in ((28, [8, 7, 7]), (1, [3, 3, 4])):
        entry = QuestionnaireCreate(answers=answers, at=NOW - timedelta(days=days))
        services.save_questionnaire(db, user_id=user, instrument="peg", entry=entry)
    entry = QuestionnaireCreate(answers=[1, 0, 1, 0, 1, 1, 1, 1, 4], at=NOW - timedelta(days=28))
    services.save_questionnaire(db, user_id=user, instrument="startback", entry=entry)
    started = NOW - timedelta(days=3)
    record = SessionRecordCreate(
        plan_day=1,
        week=1,
        started_at=started,
        ended_at=started + timedelta(minutes=15),
        items=[{"id": "bridge", "status": "done"}, {"id": "dead-bug", "status": "skipped"}],
    )
    services.record_session(db, user_id=user, record=record)
    for days, stop in (
        (200, {"reason": "pain_rose", "pain_before": 2, "pain_now": 5}),
        (3, {"reason": "pain_rose", "pain_before": 3, "pain_now": 6, "exercise_id": "bridge"}),
        (2, {"reason": "new_leg_symptoms", "exercise_id": "dead-bug"}),
    ):
        event = StopEventIn.model_validate({"at": NOW - timedelta(days=days), **stop})
        services.record_stop(db, user_id=user, stop=event)
    return user


def _read(pdf: bytes) -> tuple[int, str, tuple[float, float]]:
    reader = PdfReader(io.BytesIO(pdf))
    page = reader.pages[0]
    text = " ".join(page.extract_text().split())
    return len(reader.pages), text, (float(page.mediabox.width), float(page.mediabox.height))


def test_the_report_is_one_a4_page_with_every_section(db: Database, kb: KnowledgeBase) -> None:
    user = _fill(db, profile=Profile(age=40, work=["sitting"]))
    report = services.clinician_report(db, user_id=user, kb=kb, now=NOW)
    pages, text, size = _read(render_pdf(report, paper="a4"))
    assert pages == 1
    assert size == pytest.approx((210 * POINTS_PER_MM, 297 * POINTS_PER_MM), abs=1)
    for words in (
        "Safety check",
        "Questionnaires over time",
        "high risk, total 7/9, psychosocial 5/5",
        "Your PEG score went from 7.3 to 3.3: better by at least the smallest change",
        "Pain (0-10)",
        "1 guided session on 1 day; 1 exercise done",
        "Skipped (reason not recorded): dead bug ×1",
        "Stopped for pain: 28 Nov 2026, Bridge: pain rose from 3 to 6; "
        "29 Nov 2026, Dead bug: new leg symptoms.",
        "https://loinc.org/91349-1",
    ):
        assert words in text, words
    assert len(PdfReader(io.BytesIO(render_pdf(report))).pages[0].images) == 1  # the chart


def test_warning_signs_and_their_reasons_are_on_the_page(db: Database, kb: KnowledgeBase) -> None:
    profile = Profile(age=50, symptoms={"saddle_numbness": True, "bladder_or_bowel_change": True})
    user = _fill(db, profile=profile)
    report = services.clinician_report(db, user_id=user, kb=kb, now=NOW)
    assert report.check is not None
    pdf = render_pdf(report, paper="letter")
    (SHOTS / "report-letter.pdf").write_bytes(pdf)
    pages, text, size = _read(pdf)
    assert pages == 1
    assert size == pytest.approx((612, 792), abs=1)
    assert f"Result: {report.check.level}" in text
    for flag in report.check.flags:
        assert " ".join(flag.message.split())[:60] in text


def test_an_empty_diary_still_makes_a_page(db: Database, kb: KnowledgeBase) -> None:
    report = services.clinician_report(db, user_id=services.local_user_id(db), kb=kb, now=NOW)
    pages, text, _size = _read(render_pdf(report))
    assert pages == 1
    assert "No check-in saved yet" in text
    assert "None answered yet." in text
    assert "Stopped for pain: none." in text


def test_only_the_latest_stops_fit_and_older_ones_are_counted(
    db: Database, kb: KnowledgeBase
) -> None:
    user = services.local_user_id(db)
    for day in range(1, 8):
        event = StopEventIn(at=NOW - timedelta(days=day), reason="new_leg_symptoms")
        services.record_stop(db, user_id=user, stop=event)
    report = services.clinician_report(db, user_id=user, kb=kb, now=NOW)
    assert len(report.stops) == 7
    pages, text, _size = _read(render_pdf(report))
    assert pages == 1
    assert "30 Nov 2026, an exercise: new leg symptoms; and 3 earlier." in text
    assert "24 Nov 2026" not in text


WARNINGS = (
    "fever_or_chills",
    "saddle_numbness",
    "bladder_or_bowel_change",
    "leg_weakness",
    "unexplained_weight_loss",
    "chest_pain_or_breathlessness",
    "recent_trauma",
    "cancer_history",
    "known_aortic_aneurysm",
    "tearing_or_sudden_severe_pain",
    "night_sweats",
    "height_loss_or_new_stoop",
)
EVERY_WARNING = Profile(age=70, symptoms=dict.fromkeys(WARNINGS, True))


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_every_reason_is_printed_even_when_they_do_not_fit_one_page(
    db: Database, kb: KnowledgeBase, paper: str
) -> None:
    """Compacted first; a second page rather than a reason cut off the bottom."""
    user = _fill(db, profile=EVERY_WARNING)
    report = services.clinician_report(db, user_id=user, kb=kb, now=NOW)
    assert report.check is not None
    assert len(report.check.flags) >= 5
    reader = PdfReader(io.BytesIO(render_pdf(report, paper="a4" if paper == "a4" else "letter")))
    assert len(reader.pages) <= 2
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for flag in report.check.flags:
        assert " ".join(flag.message.split())[:60] in text
    assert "Sources" in text
