"""``/api/programme``: the one-tap answers, the stop rule and the adapted plan, over HTTP."""

from __future__ import annotations

from fastapi.testclient import TestClient

from backcare.knowledge import KnowledgeBase
from backcare.plan import build_plan
from backcare.profile import Profile
from backcare.triage import evaluate
from backcare.web.routes.pages_common import dose_text
from tests.web.test_api import OFFICE_WORKER, error_fields


def test_without_a_profile_there_is_no_programme(client: TestClient) -> None:
    response = client.get("/api/programme")
    assert response.status_code == 404
    assert response.json()["detail"] == "no profile saved yet"


def test_two_easy_answers_raise_the_dose_and_say_why(client: TestClient) -> None:
    assert client.put("/api/profile", json=OFFICE_WORKER | {"minutes_per_day": 60}).is_success
    first = client.get("/api/programme").json()
    assert first["phase"]["phase"] == "relief"
    assert first["week_summary"]["try_next"]
    items = [i for d in first["plan"]["days"] for s in d["sessions"] for i in s["items"]]
    item = next(i for i in items if "reps" in i["dose"])
    for _ in range(2):
        response = client.post(
            "/api/programme/feedback", json={"exercise_id": item["id"], "answer": "too_easy"}
        )
        assert response.status_code == 201
        assert response.json()["week"] == 1
    after = client.get("/api/programme").json()
    again = next(
        i
        for d in after["plan"]["days"]
        for s in d["sessions"]
        for i in s["items"]
        if i["id"] == item["id"]
    )
    assert "relief phase" in again["why"]  # raises wait for the first improvement
    assert [f["answer"] for f in client.get("/api/programme/feedback").json()] == ["too_easy"] * 2


def test_a_bad_answer_is_a_422_naming_the_field(client: TestClient) -> None:
    response = client.post(
        "/api/programme/feedback", json={"exercise_id": "cat-cow", "answer": "brilliant"}
    )
    assert response.status_code == 422
    assert error_fields(response) == [("body", "answer")]
    assert client.get("/api/programme/feedback").json() == []


def test_the_stop_rule_stops_and_records_or_lets_the_session_go_on(client: TestClient) -> None:
    calm = client.post("/api/programme/stop", json={"pain_before": 3, "pain_now": 4})
    assert calm.json() == {"stop": False, "message": None, "event": None, "sources": []}
    stop = client.post(
        "/api/programme/stop", json={"pain_before": 3, "pain_now": 5, "exercise_id": "cat-cow"}
    ).json()
    assert stop["stop"] is True
    assert stop["message"].startswith("Your pain rose from 3 to 5.")
    assert stop["sources"]
    [event] = client.get("/api/programme/stops").json()
    assert (event["reason"], event["exercise_id"]) == ("pain_rose", "cat-cow")
    bad = client.post("/api/programme/stop", json={"pain_before": 3, "pain_now": 11})
    assert bad.status_code == 422
    assert error_fields(bad) == [("body", "pain_now")]


def test_a_high_risk_startback_sets_the_start_over_http(client: TestClient) -> None:
    assert client.put("/api/profile", json=OFFICE_WORKER).is_success
    assert client.get("/api/programme").json()["start"]["pace"] == 1
    answers = {"answers": [1, 1, 1, 1, 1, 1, 1, 1, 4]}
    assert client.post("/api/questionnaires/startback", json=answers).status_code == 201
    start = client.get("/api/programme").json()["start"]
    assert (start["pace"], start["advice"]["risk"]) == (2, "high")
    assert [lesson["id"] for lesson in start["lessons"]][:2] == [
        "reassurance",
        "pain-and-fear-of-movement",
    ]
    assert "see a physiotherapist" in start["suggestion"]


def test_the_fhir_export_has_the_careplan_once_a_profile_is_saved(client: TestClient) -> None:
    from fhir.resources.R4B.bundle import Bundle

    assert client.put("/api/profile", json=OFFICE_WORKER).is_success
    client.post("/api/diary/pain", json={"score": 5})
    document = client.get("/api/export", params={"format": "fhir"}).json()
    bundle = Bundle.model_validate(document)
    kinds = [entry.resource.get_resource_type() for entry in bundle.entry]
    assert kinds == ["Observation", "Goal", "CarePlan", "Patient"]
    care_plan = bundle.entry[2].resource
    assert care_plan.goal[0].reference == bundle.entry[1].fullUrl
    assert care_plan.activity


def test_another_weeks_plan_page_builds_up_at_the_startback_pace(
    client: TestClient, kb: KnowledgeBase
) -> None:
    """Looking ahead to week 3 shows the doses of the person's own pace: after a high-risk
    STarT Back they build up at half the speed there too, not only in this week's plan."""
    person = OFFICE_WORKER | {"minutes_per_day": 60}
    assert client.put("/api/profile", json=person).is_success
    profile = Profile.model_validate(person)
    usual, gentle = (
        {
            i.id: dose_text(i.dose)
            for i in build_plan(profile, evaluate(profile, kb), kb, week=3, pace=p).items()
        }
        for p in (1, 2)
    )
    slower = {usual[k] for k in usual if gentle.get(k) not in (None, usual[k])}
    assert slower, "week 3 at half pace must hold some dose lower"
    before = client.get("/plan", params={"week": 3}).text
    high = client.post("/api/questionnaires/startback", json={"answers": [1] * 8 + [4]})
    assert high.json()["risk"] == "high"
    after = client.get("/plan", params={"week": 3}).text
    for text in slower:
        assert after.count(text) < before.count(text)
