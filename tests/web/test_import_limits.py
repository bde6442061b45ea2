"""Imports are capped (size and records) and held to the rules of live writes; the diary reads
only the window it needs (issue 22, class 7)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from backcare import services
from backcare.diary import PainPoint, pain_alerts
from backcare.schemas import MAX_IMPORT_BYTES, MAX_IMPORT_RECORDS, PainEntryCreate
from backcare.store import open_url
from tests.cli.test_data_commands import Backcare

NOW = datetime.now(UTC)


def bundle(**parts: Any) -> dict[str, Any]:
    return {"exported_at": "2026-01-01T00:00:00Z", **parts}


def pain(at: datetime, score: int = 4) -> dict[str, Any]:
    return {"score": score, "at": at.isoformat()}


def test_an_import_of_too_many_records_is_refused_before_they_are_read(client: TestClient) -> None:
    many = [pain(NOW - timedelta(hours=n)) for n in range(MAX_IMPORT_RECORDS + 1)]
    response = client.post("/api/import", json=bundle(pain=many))
    assert response.status_code == 422
    assert f"at most {MAX_IMPORT_RECORDS}" in response.text
    assert client.get("/api/diary/pain").json()["pain"] == []


def test_a_body_over_the_size_cap_is_refused(client: TestClient) -> None:
    text = json.dumps(bundle(alerts=[{"kind": "x", "message": "y" * MAX_IMPORT_BYTES}]))
    response = client.post(
        "/api/import", content=text, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert "16 MiB" in response.json()["detail"]


def test_future_dates_are_refused_on_import_as_on_live_writes(client: TestClient) -> None:
    future = NOW + timedelta(days=400)
    cases = [
        bundle(pain=[pain(NOW), pain(future)]),
        bundle(breaks=[{"at": future.isoformat(), "outcome": "taken"}]),
        bundle(habits=[{"habit_id": "water", "day": future.date().isoformat()}]),
    ]
    for case, named in zip(cases, ["pain.1.at", "breaks.0.at", "habits.0.day"], strict=True):
        response = client.post("/api/import", json=case)
        assert response.status_code == 422, response.text
        assert named in response.text
    live = client.post("/api/diary/pain", json=pain(future))
    assert live.status_code == 422
    assert client.get("/api/diary/pain").json()["pain"] == []


def test_the_cli_import_has_the_same_limits(tmp_path: Path) -> None:
    backcare = Backcare(tmp_path / "home")
    future = tmp_path / "future.json"
    future.write_text(json.dumps(bundle(pain=[pain(NOW + timedelta(days=30))])))
    refused = backcare("import", str(future))
    assert refused.returncode == 2
    assert "pain.0.at" in refused.stderr
    huge = tmp_path / "huge.json"
    with huge.open("wb") as file:
        file.truncate(MAX_IMPORT_BYTES + 1)
    refused = backcare("import", str(huge))
    assert refused.returncode == 2
    assert "16 MiB" in refused.stderr


def test_the_diary_shows_the_year_of_an_entry_from_another_year(tmp_path: Path) -> None:
    backcare = Backcare(tmp_path / "home")
    backcare.ok("log", "4", "--at", f"{NOW.year - 3}-06-01T08:00")
    assert f"{NOW.year - 3}" in backcare.ok("diary", "--days", "36500")


@settings(max_examples=40, deadline=None)
@given(
    days=st.lists(st.tuples(st.floats(0, 400), st.integers(0, 10)), min_size=0, max_size=60),
    plan_days_ago=st.none() | st.floats(0, 120),
)
def test_alerts_from_the_window_equal_alerts_from_the_whole_diary(
    tmp_path_factory: Any, days: list[tuple[float, int]], plan_days_ago: float | None
) -> None:
    """The alerts read only the entries they look at; the answer is the same as from all."""
    path = tmp_path_factory.mktemp("window") / "backcare.db"
    database = open_url(f"sqlite:///{path}", home=path.parent)
    user = services.local_user_id(database)
    for ago, score in days:
        entry = PainEntryCreate(score=score, at=NOW - timedelta(days=ago))
        services.log_pain(database, user_id=user, entry=entry, now=NOW)
    plan_started = None if plan_days_ago is None else NOW - timedelta(days=plan_days_ago)
    if plan_started is not None:
        from backcare.schemas import SessionRecordCreate

        record = SessionRecordCreate(
            plan_day=1, week=1, started_at=plan_started, ended_at=plan_started
        )
        services.record_session(database, user_id=user, record=record)
    every = [PainPoint(NOW - timedelta(days=ago), score) for ago, score in days]
    expected = pain_alerts(sorted(every), now=NOW, plan_started=plan_started)
    found = services.diary_alerts(database, user_id=user, kb=None, now=NOW, record=False)
    database.close()
    assert [a.message for a in found] == [a.message for a in expected]
