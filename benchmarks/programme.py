"""One simulated person's four weeks of the programme: answers in, doses and phases out.

A real SQLite file and the real use cases (``services.programme_plan``, ``record_feedback``,
``log_pain``, ``save_questionnaire``), the clock given as an argument, so the run is the same
every time. The person sits at work and answers STarT Back on day 1 with a high-risk result
(so the programme starts gently: doses build up at half the usual pace, reassurance first, a
physiotherapist suggested). They answer PEG and the PSFS on day 1 and at the end of each week,
rate pain 5 in week 1 and 3 in week 2 (an important improvement), have a flare-up on day 16
that settles on day 19, find strength work easy, and one exercise hurts twice in week 2. Each
day's line shows the questionnaires answered and their verdict against the first, the tracked
exercises' answers and the dose the plan gives next, the phase, and the flare-up; the ``why``
of each change follows (the start's own sentence, on every exercise, is printed once above).
"""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from backcare.knowledge import KnowledgeBase
    from backcare.plan import Plan, PlanItem
    from backcare.programme.doses import Answer
    from backcare.programme.start import ProgrammeStart
    from backcare.schemas import QuestionnairePublic
    from backcare.services import ProgrammePublic
    from backcare.store import Database

START = datetime(2026, 11, 2, 7, tzinfo=UTC)
"""A Monday: day 1 of week 1 is plan day 1."""
DAYS = 28
PERSON = {
    "age": 42,
    "work": ["sitting"],
    "pain": {"areas": ["lower_back"], "score": 5, "duration_days": 40},
    "fitness": "moderate",
    "equipment": ["mat", "chair", "wall"],
    "minutes_per_day": 40,
}
PAIN = [5, 5, 6, 5, 5, 4, 5, 4, 3, 3, 3, 3, 3, 3, 3, 7, 6, 5, 3, 3, 3, 2, 2, 3, 2, 2, 2, 2]
"""The pain rated each morning, day 1 to 28."""
STRENGTH = frozenset({"core", "strength", "pelvic_floor"})
HURTS = "bridge"
HURT_FROM_DAY = 8
HURT_TIMES = 2
"""The bridge hurts the first two times it is done from day 8 (week 2) on."""
TRACKED = frozenset({"bird-dog", "plank", "bridge", "cat-cow"})
"""The exercises whose answers and doses the table shows (every answer is stored)."""
STARTBACK = [1, 0, 1, 0, 1, 1, 1, 1, 4]
"""Day 1: total 7, psychosocial 5, high risk."""
ACTIVITIES = ["sitting through a work meeting", "lifting a shopping bag"]
QUESTIONNAIRES: dict[int, list[tuple[str, list[int]]]] = {
    1: [("startback", STARTBACK), ("peg", [6, 6, 5]), ("psfs", [4, 3])],
    7: [("peg", [4, 3, 4]), ("psfs", [5, 4])],
    14: [("peg", [4, 3, 3]), ("psfs", [6, 5])],
    21: [("peg", [6, 5, 5]), ("psfs", [6, 5])],
    28: [("peg", [3, 3, 3]), ("psfs", [7, 7])],
}
"""The questionnaires answered each evening, by day: PEG and PSFS weekly after the first."""


def _answer(category: str, flare: bool, hurts: bool) -> Answer:
    """The person's one-tap answer: strength work feels easy, except while flaring; the
    exercise that hurts hurts; the rest feels about right."""
    if hurts:
        return "it_hurt"
    if flare:
        return "too_hard"
    return "too_easy" if category in STRENGTH else "about_right"


def _simulate(database: Database, kb: KnowledgeBase) -> tuple[ProgrammeStart, list[list[str]]]:
    from backcare import services
    from backcare.profile import Profile
    from backcare.schemas import ExerciseFeedbackIn, PainEntryCreate, QuestionnaireCreate

    user = services.local_user_id(database)
    profile = Profile.model_validate(PERSON)
    services.save_profile(database, user_id=user, profile=profile, now=START)
    rows: list[list[str]] = []
    hurt = 0
    for day in range(1, DAYS + 1):
        morning = START + timedelta(days=day - 1)
        services.log_pain(
            database, user_id=user, entry=PainEntryCreate(score=PAIN[day - 1], at=morning)
        )
        shown = services.programme_plan(database, user_id=user, profile=profile, kb=kb, now=morning)
        items = _today(shown.plan, morning)
        said: list[tuple[str, str]] = []
        for item in items:
            hurts = item.id == HURTS and day >= HURT_FROM_DAY and hurt < HURT_TIMES
            answer = _answer(_category(kb, item.id), shown.flare is not None, hurts)
            hurt += answer == "it_hurt"
            at = morning + timedelta(hours=1)
            feedback = ExerciseFeedbackIn(
                exercise_id=item.id, answer=answer, week=shown.plan.week, at=at
            )
            services.record_feedback(database, user_id=user, feedback=feedback)
            if item.id in TRACKED:
                said.append((item.id, answer))
        answered = []
        for instrument, answers in QUESTIONNAIRES.get(day, []):
            entry = QuestionnaireCreate(
                answers=answers,
                activities=ACTIVITIES if instrument == "psfs" else [],
                at=morning + timedelta(hours=12),
            )
            answered.append(
                services.save_questionnaire(
                    database, user_id=user, instrument=instrument, entry=entry
                )
            )
        after = services.programme_plan(
            database, user_id=user, profile=profile, kb=kb, now=morning + timedelta(hours=2)
        )
        rows.append([*_row(day, shown, after, said), _taken(answered)])
    return after.start, rows


def _taken(answered: list[QuestionnairePublic]) -> str:
    """The questionnaires of the day and their verdict against the first (in)."""
    said = []
    for q in answered:
        if q.instrument == "startback":
            said.append(f"STarT Back {q.total}/9, {q.risk} risk")
            continue
        verdict = q.change.verdict.replace("_", " ") if q.change else "first"
        said.append(f"{q.instrument.upper()} {q.score:.1f} ({verdict})")
    return ", ".join(said) or "-"


def _category(kb: KnowledgeBase, entry_id: str) -> str:
    return str(getattr(kb.get(entry_id), "category", ""))


def _today(plan: Plan, when: datetime) -> list[PlanItem]:
    day = when.isoweekday()
    return [i for d in plan.days if d.day == day for s in d.sessions for i in s.items]


def _row(
    day: int, before: ProgrammePublic, after: ProgrammePublic, said: list[tuple[str, str]]
) -> list[str]:
    """One day: pain, phase, flare-up, the answers given (in), and for each exercise answered
    the dose the plan now gives and the first clause of its ``why`` (out)."""
    from backcare.plan.dose import dose_text

    now = {i.id: i for i in after.plan.items()}
    start = f"{after.start.why} " if after.start.why else ""
    hurt = "Left out because it hurt"
    left = [e.id for e in after.plan.excluded if e.reason.startswith(hurt)]
    out = [
        f"{key} → {dose_text(now[key].dose)}: {now[key].why.removeprefix(start).split('. ')[0]}"
        if key in now
        else f"{key} → left out"
        for key, _ in said
    ]
    return [
        str(day),
        str(PAIN[day - 1]),
        before.phase.phase if day % 7 != 1 else f"{before.phase.phase} ({before.phase.why})",
        "yes" if before.flare is not None else "",
        ", ".join(f"{key} {answer}" for key, answer in said) or "(none tracked today)",
        "; ".join(out) or "-",
        ", ".join(left) or "-",
    ]


def _gentle_week(kb: KnowledgeBase, week: int, pace: int) -> str:
    """What the gentle pace does to the plan of ``week`` before any answer: the exercises whose
    dose is held below the usual pace's, with both doses."""
    from backcare.plan import build_plan
    from backcare.plan.dose import dose_text
    from backcare.profile import Profile
    from backcare.triage import evaluate

    profile = Profile.model_validate(PERSON)
    check = evaluate(profile, kb)
    usual = {i.id: i.dose for i in build_plan(profile, check, kb, week=week).items()}
    gentle = {i.id: i.dose for i in build_plan(profile, check, kb, week=week, pace=pace).items()}
    lower = [
        f"{key} {dose_text(dose)} (usual {dose_text(usual[key])})"
        for key, dose in gentle.items()
        if key in usual and dose != usual[key]
    ]
    return (
        f"Week {week} planned at pace {pace}: {len(lower)} of {len(gentle)} exercises held "
        f"below the usual week-{week} dose: {'; '.join(lower) or 'none'}"
    )


def run() -> None:
    from backcare.config import load_settings
    from backcare.knowledge import load_knowledge_base
    from backcare.store import open_database

    kb = load_knowledge_base()
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(load_settings({"BACKCARE_HOME": str(Path(folder))}))
        try:
            start, rows = _simulate(database, kb)
        finally:
            database.close()
    print(f"Start: {start.why}")
    print(f"Suggested: {start.suggestion}")
    print(f"Lessons, in order: {', '.join(lesson.title for lesson in start.lessons)}")
    print(_gentle_week(kb, DAYS // 7, start.pace))
    header = [
        "day",
        "pain",
        "phase",
        "flare",
        "answers (in)",
        "next doses and why (out)",
        "left out",
        "questionnaires (in)",
    ]
    print(" | ".join(header))
    for row in rows:
        print(" | ".join(row))
