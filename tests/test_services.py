"""The shared use cases, on a real SQLite file."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError

from backcare import services
from backcare.errors import InputError
from backcare.knowledge import KnowledgeBase
from backcare.plan.dose import dose_text
from backcare.profile import Profile
from backcare.programme.questionnaires import AnswerError
from backcare.schemas import (
    ExerciseFeedbackIn,
    ExportBundle,
    PainEntryCreate,
    QuestionnaireCreate,
    QuestionnairePublic,
    SessionRecordCreate,
    StopEventIn,
)
from backcare.store import Database, open_url
from tests.store.postgres import postgres_database  # noqa: F401 (a fixture)

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """Every use case runs on both databases: a real SQLite file and a real PostgreSQL server."""
    if request.param == "postgres":
        url = request.getfixturevalue("postgres_database")()
    else:
        url = f"sqlite:///{tmp_path / 'backcare.db'}"
    database = open_url(url, home=tmp_path)
    yield database
    database.close()


@pytest.fixture
def user(db: Database) -> int:
    return services.local_user_id(db)


def _session(day: int, started: datetime) -> SessionRecordCreate:
    return SessionRecordCreate(
        plan_day=day,
        week=1,
        started_at=started,
        ended_at=started + timedelta(minutes=12),
        items=[
            {"id": "bridge", "status": "done", "sets_done": 3},
            {"id": "plank", "status": "skipped"},
        ],
        pain_before=5,
        pain_after=3,
    )


FILLED_PAIN = 12
"""Ten pain entries logged, and the session's pain before and after."""


def _fill(db: Database, user: int) -> None:
    services.save_profile(db, user_id=user, profile=Profile(age=40, work=["sitting"]), now=NOW)
    for day in range(10):
        at = NOW - timedelta(days=day)
        entry = PainEntryCreate(
            score=7 if day >= 7 else 2, areas=["lower_back"], note=f"day {day}", at=at
        )
        services.log_pain(db, user_id=user, entry=entry)
    services.record_session(db, user_id=user, record=_session(1, NOW - timedelta(days=2)))
    services.record_break(db, user_id=user, at=NOW, outcome="taken")
    services.record_break(db, user_id=user, at=NOW, outcome="postponed")
    services.tick_habit(db, user_id=user, habit_id="drink-water", day=date(2026, 11, 20))
    services.diary_alerts(db, user_id=user, kb=None, now=NOW)
    for instrument, answers, activities in (
        ("startback", [1, 0, 1, 0, 1, 1, 0, 0, 3], []),
        ("peg", [6, 5, 4], []),
        ("psfs", [3, 5], ["walking", "putting socks on"]),
    ):
        entry = QuestionnaireCreate(answers=answers, activities=activities, at=NOW)
        services.save_questionnaire(db, user_id=user, instrument=instrument, entry=entry)
    feedback = ExerciseFeedbackIn(exercise_id="cat-cow", answer="too_easy", week=1, at=NOW)
    services.record_feedback(db, user_id=user, feedback=feedback)
    stop = StopEventIn(at=NOW, reason="pain_rose", pain_before=3, pain_now=6, exercise_id="cat-cow")
    services.record_stop(db, user_id=user, stop=stop)


def test_log_pain_uses_now_when_no_time_is_given(db: Database, user: int) -> None:
    saved = services.log_pain(db, user_id=user, entry=PainEntryCreate(score=4), now=NOW)
    assert saved.at == NOW
    assert services.list_pain(db, user_id=user) == [saved]


def test_list_pain_is_in_time_order_and_filters_by_period(db: Database, user: int) -> None:
    for days_ago in (3, 1, 2):
        entry = PainEntryCreate(score=days_ago, at=NOW - timedelta(days=days_ago))
        services.log_pain(db, user_id=user, entry=entry)
    assert [p.score for p in services.list_pain(db, user_id=user)] == [3, 2, 1]
    since = NOW - timedelta(days=2, hours=1)
    assert [p.score for p in services.list_pain(db, user_id=user, since=since)] == [2, 1]


def test_saving_a_changed_profile_keeps_the_history(db: Database, user: int) -> None:
    assert services.current_profile(db, user_id=user) is None
    first = services.save_profile(db, user_id=user, profile=Profile(age=30), now=NOW)
    same = services.save_profile(db, user_id=user, profile=Profile(age=30), now=NOW)
    changed = services.save_profile(db, user_id=user, profile=Profile(age=31), now=NOW)
    assert (first.version, same.version, changed.version) == (1, 1, 2)
    assert services.current_profile(db, user_id=user) == Profile(age=31)
    history = services.profile_history(db, user_id=user)
    assert [v.profile for v in history] == [{"age": 30}, {"age": 31}]


def test_sessions_round_trip(db: Database, user: int) -> None:
    record = _session(3, NOW)
    saved = services.record_session(db, user_id=user, record=record)
    assert saved.model_dump(exclude={"id"}) == record.model_dump()
    assert services.list_sessions(db, user_id=user) == [saved]


def test_the_pain_given_in_a_session_goes_into_the_diary(db: Database, user: int) -> None:
    record = _session(3, NOW)
    services.record_session(db, user_id=user, record=record)
    pain = services.list_pain(db, user_id=user)
    assert [(p.score, p.at, p.note) for p in pain] == [
        (5, record.started_at, "Before a session"),
        (3, record.ended_at, "After a session"),
    ]
    no_pain = record.model_copy(update={"pain_before": None, "pain_after": None})
    services.record_session(db, user_id=user, record=no_pain)
    assert len(services.list_pain(db, user_id=user)) == 2


def test_a_session_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValidationError, match="ended_at"):
        SessionRecordCreate(plan_day=1, week=1, started_at=NOW, ended_at=NOW - timedelta(1))


def test_break_stats_count_outcomes(db: Database, user: int) -> None:
    for outcome in ("taken", "taken", "skipped", "postponed", "taken"):
        services.record_break(db, user_id=user, at=NOW, outcome=outcome)
    stats = services.break_stats(db, user_id=user)
    assert (stats.taken, stats.skipped, stats.postponed) == (3, 1, 1)
    assert stats.taken_share == pytest.approx(0.6)
    assert services.break_stats(db, user_id=user, since=NOW + timedelta(1)).total == 0


def test_a_break_outcome_must_be_known(db: Database, user: int) -> None:
    with pytest.raises(ValidationError, match="outcome"):
        services.record_break(db, user_id=user, at=NOW, outcome="ignored")  # type: ignore[arg-type]


def test_ticking_a_habit_twice_a_day_is_one_tick(db: Database, user: int) -> None:
    first = services.tick_habit(db, user_id=user, habit_id="drink-water", day=date(2026, 11, 20))
    again = services.tick_habit(db, user_id=user, habit_id="drink-water", day=date(2026, 11, 20))
    services.tick_habit(db, user_id=user, habit_id="drink-water", day=date(2026, 11, 21))
    assert first == again
    assert len(services.list_habits(db, user_id=user)) == 2


def test_export_delete_import_restores_the_same_data(db: Database, user: int) -> None:
    _fill(db, user)
    exported = services.export_all(db, user_id=user, now=NOW)
    assert len(exported.pain) == FILLED_PAIN
    assert exported.alerts
    assert [f.answer for f in exported.feedback] == ["too_easy"]
    assert [e.reason for e in exported.stops] == ["pain_rose"]
    counts = services.delete_all(db, user_id=user)
    assert counts["pain_entries"] == FILLED_PAIN
    assert counts["exercise_feedback"] == counts["stop_events"] == 1
    assert services.export_all(db, user_id=user, now=NOW) == ExportBundle(exported_at=NOW)
    restored = ExportBundle.model_validate_json(exported.model_dump_json())
    services.import_all(db, user_id=user, bundle=restored)
    assert services.export_all(db, user_id=user, now=NOW) == exported


def test_import_refuses_to_mix_into_existing_data(db: Database, user: int) -> None:
    _fill(db, user)
    exported = services.export_all(db, user_id=user, now=NOW)
    with pytest.raises(InputError, match="already has data"):
        services.import_all(db, user_id=user, bundle=exported)
    services.import_all(db, user_id=user, bundle=exported, replace=True)
    assert services.export_all(db, user_id=user, now=NOW) == exported


def test_an_export_with_an_impossible_profile_is_refused() -> None:
    document = {
        "exported_at": "2026-11-20T12:00Z",
        "profiles": [{"version": 1, "saved_at": "2026-11-20T12:00Z", "profile": {"age": 300}}],
    }
    with pytest.raises(ValidationError, match="age: Input should be less than or equal to 120"):
        ExportBundle.model_validate(document)


def test_one_users_data_is_invisible_to_another(db: Database, user: int) -> None:
    from backcare.store.models import User

    with db.session() as session:
        other = User(username="other", created_at=NOW)
        session.add(other)
        session.flush()
        other_id = other.id
    _fill(db, user)
    assert services.list_pain(db, user_id=other_id) == []
    assert services.export_all(db, user_id=other_id, now=NOW) == ExportBundle(exported_at=NOW)
    services.delete_all(db, user_id=other_id)
    assert len(services.list_pain(db, user_id=user)) == FILLED_PAIN


def test_services_work_inside_the_callers_transaction(db: Database, user: int) -> None:
    with db.session() as session:
        services.log_pain(session, user_id=user, entry=PainEntryCreate(score=2), now=NOW)
        assert len(services.list_pain(session, user_id=user)) == 1
        session.rollback()
    assert services.list_pain(db, user_id=user) == []


def test_a_new_warning_sign_in_the_profile_raises_an_alert(
    db: Database, user: int, kb: KnowledgeBase
) -> None:
    first = Profile(age=40, pain={"score": 3, "worse_at_night": True})
    services.save_profile(db, user_id=user, profile=first, now=NOW)
    assert services.diary_alerts(db, user_id=user, kb=kb, now=NOW) == []  # shown at check-in
    calm = Profile(age=40, pain={"score": 3})
    services.save_profile(db, user_id=user, profile=calm, now=NOW)
    assert services.diary_alerts(db, user_id=user, kb=kb, now=NOW) == []
    worse = Profile(age=40, pain={"score": 3}, symptoms={"saddle_numbness": True})
    services.save_profile(db, user_id=user, profile=worse, now=NOW)
    alerts = services.diary_alerts(db, user_id=user, kb=kb, now=NOW)
    assert [(a.kind, a.flag_id) for a in alerts] == [("warning_sign", "cauda_equina")]
    assert services.alerts_shown(db, user_id=user)[-1].kind == "warning_sign"


def test_fhir_export_is_a_valid_r4_bundle_of_pain_questionnaires_and_the_programme(
    db: Database, user: int, kb: KnowledgeBase
) -> None:
    from fhir.resources.R4B.bundle import Bundle

    _fill(db, user)
    document = services.export_fhir(db, user_id=user, kb=kb, now=NOW)
    bundle = Bundle.model_validate(document)
    resources = [entry.resource for entry in bundle.entry]
    kinds = Counter(r.get_resource_type() for r in resources)
    assert kinds == {
        "Observation": FILLED_PAIN,
        "QuestionnaireResponse": 3,
        "Goal": 3,  # pain, and the two PSFS activities
        "CarePlan": 1,
        "Patient": 1,
    }
    patient = next(e.fullUrl for e in bundle.entry if e.resource.get_resource_type() == "Patient")
    assert all(
        r.subject.reference == patient for r in resources if r.get_resource_type() != "Patient"
    )
    responses = [
        r.questionnaire for r in resources if r.get_resource_type() == "QuestionnaireResponse"
    ]
    assert responses == [
        "http://loinc.org/q/91349-1",
        "urn:backcare:questionnaire:peg",
        "urn:backcare:questionnaire:psfs",
    ]
    for observation in (r for r in resources if r.get_resource_type() == "Observation"):
        assert observation.code.coding[0].code == "72514-3"
        assert observation.code.coding[0].system == "http://loinc.org"
        assert 0 <= observation.valueInteger <= 10
    assert document == services.export_fhir(db, user_id=user, kb=kb, now=NOW)


def test_the_careplan_lists_the_weeks_exercises_with_their_doses_and_goals(
    db: Database, user: int, kb: KnowledgeBase
) -> None:
    from fhir.resources.R4B.bundle import Bundle

    _fill(db, user)
    bundle = Bundle.model_validate(services.export_fhir(db, user_id=user, kb=kb, now=NOW))
    by_kind = {e.resource.get_resource_type(): e for e in reversed(bundle.entry)}
    care_plan = by_kind["CarePlan"].resource
    profile = services.current_profile(db, user_id=user)
    assert profile is not None
    programme = services.programme_plan(db, user_id=user, profile=profile, kb=kb, now=NOW)
    names = list(dict.fromkeys(item.name for item in programme.plan.items()))
    assert [a.detail.code.text for a in care_plan.activity] == names
    first = programme.plan.items()[0]
    assert care_plan.activity[0].detail.description.startswith(dose_text(first.dose))
    assert (care_plan.status, care_plan.intent) == ("active", "plan")
    goals = [e for e in bundle.entry if e.resource.get_resource_type() == "Goal"]
    assert {g.fullUrl for g in goals} == {ref.reference for ref in care_plan.goal}
    pain = services.list_pain(db, user_id=user)
    pain_goal = goals[0].resource
    assert pain_goal.target[0].measure.coding[0].code == "72514-3"
    assert pain_goal.target[0].detailRange.high.value == pain[0].score - 2  # 7 → 5: 2 points
    reached = pain[-1].score <= pain[0].score - 2
    assert pain_goal.achievementStatus.coding[0].code == ("achieved" if reached else "in-progress")
    walking = goals[1].resource
    assert walking.target[0].measure.text == "PSFS rating: walking"
    assert walking.target[0].detailInteger == 5  # 3 + the PSFS's 2-point change


# Questionnaires: scored on the way in, nothing stored when an answer is wrong ------------------


def _save(
    db: Database, user: int, instrument: str, answers: list[int], days: int = 0, **kw: list[str]
) -> QuestionnairePublic:
    entry = QuestionnaireCreate(answers=answers, at=NOW - timedelta(days=days), **kw)
    return services.save_questionnaire(db, user_id=user, instrument=instrument, entry=entry)


def test_a_saved_startback_comes_back_scored_with_its_advice(db: Database, user: int) -> None:
    saved = _save(db, user, "startback", [0, 0, 0, 0, 1, 1, 1, 1, 4])
    assert (saved.total, saved.psychosocial, saved.risk) == (5, 5, "high")
    assert saved.advice is not None
    assert saved.advice.physiotherapist
    assert saved.change is None  # the first has nothing to compare with
    assert services.list_questionnaires(db, user_id=user) == [saved]


def test_each_later_result_is_compared_with_the_first_of_its_kind(db: Database, user: int) -> None:
    _save(db, user, "peg", [7, 7, 7], days=21)
    _save(db, user, "psfs", [2], days=21, activities=["gardening"])
    _save(db, user, "peg", [6, 6, 6], days=14)
    latest = _save(db, user, "peg", [4, 4, 4], days=0)
    assert latest.change is not None
    assert (latest.change.first, latest.change.latest, latest.change.verdict) == (7, 4, "better")
    pegs = services.list_questionnaires(db, user_id=user, instrument="peg")
    assert [q.score for q in pegs] == [7, 6, 4]
    assert [q.change.verdict if q.change else None for q in pegs] == [
        None,
        "no_clear_change",  # 1 point and 14%: less than 2 points or 30%
        "better",
    ]


@pytest.mark.parametrize(
    ("instrument", "answers", "activities"),
    [
        ("startback", [0, 0, 0], []),
        ("peg", [1, 2, 11], []),
        ("psfs", [4], []),
        ("psfs", [4], ["   "]),
        ("peg", [1, 2, 3], ["walking"]),
    ],
)
def test_a_wrong_answer_stores_nothing(
    db: Database, user: int, instrument: str, answers: list[int], activities: list[str]
) -> None:
    with pytest.raises(AnswerError):
        _save(db, user, instrument, answers, activities=activities)
    assert services.list_questionnaires(db, user_id=user) == []


def test_questionnaires_are_per_user(db: Database, user: int) -> None:
    from backcare.store.models import User

    _save(db, user, "peg", [5, 5, 5])
    with db.session() as session:
        other = User(username="someone-else", created_at=NOW)
        session.add(other)
        session.flush()
        other_id = other.id
    assert services.list_questionnaires(db, user_id=other_id) == []
