"""The programme use cases on a real SQLite file and a real PostgreSQL server: answers and stop
events stored per user, and this week's adapted plan built from them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from backcare import services
from backcare.knowledge import KnowledgeBase
from backcare.schemas import ExerciseFeedbackIn, PainEntryCreate, QuestionnaireCreate, StopEventIn
from backcare.store import Database
from tests.programme.test_adapt import OFFICE

START = datetime(2026, 11, 2, 8, tzinfo=UTC)
PERSON = OFFICE
"""A person at a desk with time for raises (60 minutes a day), as in the adapted-plan tests."""


def _answer(db: Database, user: int, exercise: str, answer: str, at: datetime) -> None:
    week = (at - START).days // 7 + 1
    feedback = ExerciseFeedbackIn.model_validate(
        {"exercise_id": exercise, "answer": answer, "week": week, "at": at}
    )
    services.record_feedback(db, user_id=user, feedback=feedback)


def _pain(db: Database, user: int, score: int, at: datetime) -> None:
    services.log_pain(db, user_id=user, entry=PainEntryCreate(score=score, at=at))


def test_answers_and_stops_are_kept_in_order(db: Database, user: int) -> None:
    _answer(db, user, "cat-cow", "too_hard", START + timedelta(hours=1))
    _answer(db, user, "cat-cow", "too_easy", START)
    assert [f.answer for f in services.list_feedback(db, user_id=user)] == ["too_easy", "too_hard"]
    stop = StopEventIn(at=START, reason="new_leg_symptoms")
    saved = services.record_stop(db, user_id=user, stop=stop)
    assert services.list_stops(db, user_id=user) == [saved]


def test_a_bad_answer_is_refused_naming_the_field() -> None:
    with pytest.raises(ValidationError, match="answer"):
        ExerciseFeedbackIn.model_validate(
            {"exercise_id": "cat-cow", "answer": "great", "week": 1, "at": START.isoformat()}
        )


def test_the_plan_follows_the_answers_and_the_phase(
    db: Database, user: int, kb: KnowledgeBase
) -> None:
    services.save_profile(db, user_id=user, profile=PERSON, now=START)
    first = services.programme_plan(db, user_id=user, profile=PERSON, kb=kb, now=START)
    assert first.phase.phase == "relief"
    item = next(i for i in first.plan.items() if i.dose.reps is not None)
    for day in range(7):
        _pain(db, user, 5, START + timedelta(days=day))
    _answer(db, user, item.id, "too_easy", START + timedelta(days=1))
    _answer(db, user, item.id, "too_easy", START + timedelta(days=2))
    held = services.programme_plan(
        db, user_id=user, profile=PERSON, kb=kb, now=START + timedelta(days=3)
    )
    again = next(i for i in held.plan.items() if i.id == item.id)
    assert again.dose == item.dose
    assert "relief phase" in again.why
    for day in range(7, 14):
        _pain(db, user, 2, START + timedelta(days=day))
    _answer(db, user, item.id, "too_easy", START + timedelta(days=15))
    _answer(db, user, item.id, "too_easy", START + timedelta(days=16))
    later = services.programme_plan(
        db, user_id=user, profile=PERSON, kb=kb, now=START + timedelta(days=17)
    )
    assert later.phase.phase == "strengthening"
    raised = next(i for i in later.plan.items() if i.id == item.id)
    assert raised.why.startswith("Raised to")
    assert later.flare is None
    assert later.week_summary.try_next


def test_a_flare_up_shows_the_card_and_keeps_only_gentle_relief(
    db: Database, user: int, kb: KnowledgeBase
) -> None:
    services.save_profile(db, user_id=user, profile=PERSON, now=START)
    for day in range(6):
        _pain(db, user, 2, START + timedelta(days=day))
    _pain(db, user, 6, START + timedelta(days=6))
    result = services.programme_plan(
        db, user_id=user, profile=PERSON, kb=kb, now=START + timedelta(days=6, hours=1)
    )
    assert result.flare is not None
    assert result.flare.heat_and_ice
    for item in result.plan.items():
        assert getattr(kb.get(item.id), "intensity", None) == "gentle"


def _questionnaire(
    db: Database, user: int, instrument: str, answers: list[int], at: datetime, **more: object
) -> None:
    entry = QuestionnaireCreate.model_validate({"answers": answers, "at": at, **more})
    services.save_questionnaire(db, user_id=user, instrument=instrument, entry=entry)


def test_a_high_risk_startback_sets_a_gentle_start_and_the_lessons_order(
    db: Database, user: int, kb: KnowledgeBase
) -> None:
    services.save_profile(db, user_id=user, profile=PERSON, now=START)
    later = START + timedelta(weeks=2, days=1)  # week 3: the usual plan has grown
    usual = services.programme_plan(db, user_id=user, profile=PERSON, kb=kb, now=later)
    assert usual.start.advice is None
    assert usual.start.pace == 1
    _questionnaire(db, user, "startback", [1, 1, 1, 1, 1, 1, 1, 1, 4], START)
    gentle = services.programme_plan(db, user_id=user, profile=PERSON, kb=kb, now=later)
    assert gentle.start.advice is not None
    assert gentle.start.advice.risk == "high"
    assert [lesson.id for lesson in gentle.start.lessons][:2] == [
        "reassurance",
        "pain-and-fear-of-movement",
    ]
    assert "physiotherapist" in str(gentle.start.suggestion)
    grown = {i.id: i.dose for i in usual.plan.items()}
    slower = [i for i in gentle.plan.items() if i.id in grown and i.dose != grown[i.id]]
    assert slower, "week 3 at half pace must hold some dose lower"
    assert all(
        i.why.startswith("Starting gently because your STarT Back result was high risk")
        for i in gentle.plan.items()
    )


def test_the_pace_for_every_week_follows_the_latest_startback(db: Database, user: int) -> None:
    """A plan for any week, not only this one, builds up at the person's pace."""
    assert services.programme_pace(db, user_id=user, now=START) == 1
    _questionnaire(db, user, "startback", [1, 1, 1, 1, 1, 1, 1, 1, 4], START)
    assert services.programme_pace(db, user_id=user, now=START) == 2
    assert services.programme_pace(db, user_id=user, now=START - timedelta(days=1)) == 1


def test_a_better_peg_moves_relief_to_strengthening_without_a_pain_diary(
    db: Database, user: int, kb: KnowledgeBase
) -> None:
    services.save_profile(db, user_id=user, profile=PERSON, now=START)
    _questionnaire(db, user, "peg", [7, 7, 7], START)
    _questionnaire(db, user, "peg", [4, 4, 4], START + timedelta(days=8))  # week 2
    week2 = services.programme_plan(
        db, user_id=user, profile=PERSON, kb=kb, now=START + timedelta(days=9)
    )
    assert week2.phase.phase == "relief"
    week3 = services.programme_plan(
        db, user_id=user, profile=PERSON, kb=kb, now=START + timedelta(days=15)
    )
    assert week3.phase.phase == "strengthening"
    assert week3.phase.why == "strengthening: your PEG score improved in week 2"
