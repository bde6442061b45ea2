"""The person's data through the API: export (JSON, FHIR, iCalendar), delete, import, and that
what the API writes is in the database after it is reopened. Also server mode's refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from backcare import services
from backcare.config import Settings, load_settings
from backcare.errors import InputError
from backcare.store import open_database
from backcare.web import create_app
from tests.web.conftest import LOCAL_URL
from tests.web.test_api import OFFICE_WORKER
from tests.web.test_api_diary import SESSION


def fill_diary(client: TestClient) -> None:
    """One of everything the API can store."""
    client.put("/api/profile", json=OFFICE_WORKER)
    client.post("/api/diary/pain", json={"score": 4, "areas": ["lower_back"], "note": "stiff"})
    client.post("/api/sessions", json=SESSION)
    client.post("/api/breaks", json={"outcome": "taken"})


def test_what_the_api_writes_is_there_after_reopening(settings: Settings) -> None:
    with TestClient(create_app(settings), base_url=LOCAL_URL) as client:
        fill_diary(client)
    database = open_database(settings)
    try:
        user_id = services.local_user_id(database)
        bundle = services.export_all(database, user_id=user_id)
    finally:
        database.close()
    # the session's pain before (5) and after (3) is in the diary with the 4 logged
    assert sorted(p.score for p in bundle.pain) == [3, 4, 5]
    assert [s.plan_day for s in bundle.sessions] == [SESSION["plan_day"]]
    assert [b.outcome for b in bundle.breaks] == ["taken"]
    assert bundle.profiles[0].profile["work"] == ["sitting"]


def test_export_json_holds_everything(client: TestClient) -> None:
    fill_diary(client)
    response = client.get("/api/export")
    assert response.headers["content-type"] == "application/json"
    bundle = response.json()
    assert bundle["format"] == "backcare-export"
    parts = ("profiles", "pain", "sessions", "breaks")
    assert [len(bundle[part]) for part in parts] == [1, 3, 1, 1]  # pain: logged, session's two


def test_export_fhir_is_a_bundle_of_pain_observations(client: TestClient) -> None:
    client.post("/api/diary/pain", json={"score": 7})
    bundle = client.get("/api/export", params={"format": "fhir"}).json()
    assert (bundle["resourceType"], bundle["type"]) == ("Bundle", "collection")
    observation = bundle["entry"][0]["resource"]
    assert (observation["resourceType"], observation["valueInteger"]) == ("Observation", 7)


def test_export_ics_is_the_saved_profiles_plan(client: TestClient) -> None:
    client.put("/api/profile", json=OFFICE_WORKER)
    response = client.get("/api/export", params={"format": "ics", "start": "2026-11-23"})
    assert response.headers["content-type"].startswith("text/calendar")
    assert response.text.startswith("BEGIN:VCALENDAR")
    assert "DTSTART:20261123T073000" in response.text


def test_export_ics_needs_a_saved_profile(client: TestClient) -> None:
    response = client.get("/api/export", params={"format": "ics"})
    assert response.status_code == 404
    assert "no profile saved yet" in response.json()["detail"]


@pytest.mark.parametrize(
    ("params", "field"),
    [({"format": "xml"}, "format"), ({"week": 0}, "week"), ({"start": "monday"}, "start")],
)
def test_export_names_the_bad_parameter(
    client: TestClient, params: dict[str, str | int], field: str
) -> None:
    response = client.get("/api/export", params=params)
    assert response.status_code == 422
    assert ["query", field] in [error["loc"] for error in response.json()["detail"]]


def test_export_delete_import_round_trip(client: TestClient) -> None:
    fill_diary(client)
    exported = client.get("/api/export").json()
    deleted = client.delete("/api/me/data").json()["deleted"]
    assert sum(deleted.values()) >= 4
    assert client.get("/api/diary/pain").json()["pain"] == []
    assert client.get("/api/profile").status_code == 404
    imported = client.post("/api/import", json=exported)
    assert imported.status_code == 201
    assert imported.json()["imported"]["pain"] == 3  # no duplicate of the session's two
    again = client.get("/api/export").json()
    assert again | {"exported_at": None} == exported | {"exported_at": None}


def test_import_refuses_to_mix_into_existing_data_unless_replacing(client: TestClient) -> None:
    fill_diary(client)
    exported = client.get("/api/export").json()
    refused = client.post("/api/import", json=exported)
    assert refused.status_code == 409
    assert "already has data" in refused.json()["detail"]
    replaced = client.post("/api/import", params={"replace": True}, json=exported)
    assert replaced.status_code == 201
    assert len(client.get("/api/diary/pain").json()["pain"]) == 3  # logged, session's two


def test_import_names_the_bad_field(client: TestClient) -> None:
    response = client.post(
        "/api/import",
        json={"format": "backcare-export", "exported_at": "2026-11-20T08:00:00Z", "pain": [{}]},
    )
    assert response.status_code == 422
    assert ["body", "pain", 0, "score"] in [error["loc"] for error in response.json()["detail"]]


def test_delete_on_an_empty_diary_deletes_nothing(client: TestClient) -> None:
    response = client.delete("/api/me/data")
    assert response.status_code == 200
    assert sum(response.json()["deleted"].values()) == 0


def server_settings(tmp_path: Path, kb_cache: Path, key: str) -> Settings:
    environ = {
        "BACKCARE_HOME": str(tmp_path),
        "BACKCARE_MODE": "server",
        "BACKCARE_SECRET_KEY": key,
    }
    return load_settings(environ).model_copy(update={"cache_dir": kb_cache})


def test_server_mode_refuses_to_start_with_a_weak_key(tmp_path: Path, kb_cache: Path) -> None:
    with pytest.raises(InputError, match="BACKCARE_SECRET_KEY"):
        create_app(server_settings(tmp_path, kb_cache, "secret"))


def test_server_mode_keeps_personal_routes_closed_without_a_session(
    tmp_path: Path, kb_cache: Path
) -> None:
    app = create_app(server_settings(tmp_path, kb_cache, "k" * 40))
    with TestClient(app, base_url=LOCAL_URL) as client:
        assert client.get("/api/health").status_code == 200
        assert client.get("/api/kb/bridge").status_code == 200
        assert client.get("/api/diary/pain").status_code == 401
        assert client.post("/api/diary/pain", json={"score": 3}).status_code == 401
        assert client.delete("/api/me/data").status_code == 401


STORED = {"version": 1, "saved_at": "2026-11-20T08:00:00Z", "profile": {"age": 40}}


@pytest.mark.parametrize(
    ("part", "field"),
    [
        ({"profiles": [STORED | {"profile": {"hobby": "golf"}}]}, ["profiles", 0, "profile"]),
        ({"profiles": [STORED, STORED | {"profile": {}}]}, ["profiles", 1, "version"]),
        ({"habits": [{"habit_id": "water", "day": "2026-11-20"}] * 2}, ["habits", 1]),
    ],
)
def test_import_refuses_what_the_diary_could_not_read_back(
    client: TestClient, part: dict[str, object], field: list[str | int]
) -> None:
    bundle = {"format": "backcare-export", "exported_at": "2026-11-20T09:00:00Z"} | part
    response = client.post("/api/import", json=bundle)
    assert response.status_code == 422
    locs = [error["loc"] for error in response.json()["detail"]]
    assert any(loc[1 : len(field) + 1] == field for loc in locs), locs
    assert client.get("/api/profile").status_code == 404


def test_export_ics_starting_at_the_end_of_time_is_bad_input(client: TestClient) -> None:
    client.put("/api/profile", json=OFFICE_WORKER)
    response = client.get("/api/export", params={"format": "ics", "start": "9999-12-31"})
    assert response.status_code == 422
    assert "out of range" in response.json()["detail"][0]["msg"]
