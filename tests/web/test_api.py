"""The read-only API: health, OpenAPI, check, plan, ask and the knowledge base."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from backcare.cli import app as cli_app
from backcare.knowledge import KnowledgeBase

SPEC_ROUTES = {
    ("get", "/api/health"),
    ("post", "/api/check"),
    ("post", "/api/plan"),
    ("get", "/api/ask"),
    ("get", "/api/kb"),
    ("get", "/api/kb/{entry_id}"),
    ("get", "/api/kb/{entry_id}/picture.svg"),
    ("post", "/api/diary/pain"),
    ("get", "/api/diary/pain"),
    ("patch", "/api/diary/pain/{entry_id}"),
    ("delete", "/api/diary/pain/{entry_id}"),
    ("post", "/api/sessions"),
    ("get", "/api/sessions"),
    ("delete", "/api/sessions/{record_id}"),
    ("get", "/api/export"),
    ("delete", "/api/me/data"),
    ("put", "/api/profile"),
    ("get", "/api/profile"),
    ("post", "/api/breaks"),
    ("get", "/api/breaks/stats"),
    ("patch", "/api/breaks/{event_id}"),
    ("get", "/api/breaks/settings"),
    ("put", "/api/breaks/settings"),
    ("post", "/api/check/questions"),
    ("get", "/api/check/levels"),
    ("post", "/api/questionnaires/{instrument}"),
    ("get", "/api/questionnaires"),
    ("get", "/api/programme"),
    ("post", "/api/programme/feedback"),
    ("get", "/api/programme/feedback"),
    ("post", "/api/programme/stop"),
    ("get", "/api/programme/stops"),
}
OFFICE_WORKER = {"age": 34, "sex": "female", "work": ["sitting"], "pain": {"score": 4}}
CAUDA_EQUINA = {"symptoms": {"saddle_numbness": True, "bladder_or_bowel_change": True}}


def error_fields(response: Any) -> list[tuple[str | int, ...]]:
    """The ``loc`` of every validation error in a 422 answer."""
    assert response.status_code == 422, response.text
    return [tuple(error["loc"]) for error in response.json()["detail"]]


def test_health_answers_ok_with_the_knowledge_base_size(
    client: TestClient, kb: KnowledgeBase
) -> None:
    body = client.get("/api/health").json()
    assert body == {"status": "ok", "version": body["version"], "mode": "local", "entries": len(kb)}


def test_openapi_lists_every_spec_route_and_says_it_is_not_medical_advice(
    client: TestClient,
) -> None:
    schema = client.get("/api/openapi.json").json()
    routes = {(method, path) for path, item in schema["paths"].items() for method in item}
    assert routes >= SPEC_ROUTES
    assert "not a diagnosis" in schema["info"]["description"]


def test_docs_page_is_served_with_local_assets_only(client: TestClient) -> None:
    page = client.get("/api/docs").text
    assert "/api/openapi.json" in page
    assert '"validatorUrl": null' in page
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert assets
    assert all(asset.startswith("/api/docs-assets/") for asset in assets), assets
    assert all(client.get(asset).status_code == 200 for asset in assets)


def test_check_finds_no_warning_sign_for_an_office_worker(client: TestClient) -> None:
    body = client.post("/api/check", json=OFFICE_WORKER).json()
    assert (body["level"], body["exercise_allowed"], body["flags"]) == ("self_care", True, [])


def test_check_sends_saddle_numbness_to_the_emergency_department(client: TestClient) -> None:
    body = client.post("/api/check", json=CAUDA_EQUINA).json()
    assert body["level"] == "emergency"
    assert "cauda_equina" in [flag["id"] for flag in body["flags"]]


@pytest.mark.parametrize(
    ("profile", "field"),
    [
        ({"age": 34, "hobby": "golf"}, ("body", "hobby")),
        ({"pain": {"score": 11}}, ("body", "pain", "score")),
        ({"work": ["flying"]}, ("body", "work", 0)),
    ],
)
def test_check_names_the_bad_field(
    client: TestClient, profile: dict[str, Any], field: tuple[str | int, ...]
) -> None:
    assert field in error_fields(client.post("/api/check", json=profile))


def test_plan_is_the_same_json_as_the_cli_prints(client: TestClient, tmp_path: Path) -> None:
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(OFFICE_WORKER))
    printed = CliRunner().invoke(cli_app, ["plan", "--profile", str(path), "--json", "--week", "3"])
    assert printed.exit_code == 0, printed.output
    answered = client.post("/api/plan", json={"profile": OFFICE_WORKER, "week": 3})
    assert answered.status_code == 200
    assert answered.json() == json.loads(printed.stdout)


def test_plan_defaults_to_week_one(client: TestClient) -> None:
    assert client.post("/api/plan", json={"profile": OFFICE_WORKER}).json()["week"] == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"week": 1}, ("body", "profile")),
        ({"profile": OFFICE_WORKER, "week": 0}, ("body", "week")),
        ({"profile": OFFICE_WORKER, "week": 53}, ("body", "week")),
        ({"profile": {"fitness": "superb"}}, ("body", "profile", "fitness")),
    ],
)
def test_plan_names_the_bad_field(
    client: TestClient, body: dict[str, Any], field: tuple[str | int, ...]
) -> None:
    assert field in error_fields(client.post("/api/plan", json=body))


def test_ask_maps_the_seeds_words_to_the_entry(client: TestClient) -> None:
    body = client.get("/api/ask", params={"q": "can I use a foam shaft on my back?", "top": 3})
    results = body.json()["results"]
    assert len(results) <= 3
    assert results[0]["id"] == "foam-roller"
    assert results[0]["sources"]


def test_ask_puts_a_described_warning_sign_first(client: TestClient) -> None:
    body = client.get("/api/ask", params={"q": "I feel numb between my legs"}).json()
    assert body["warning"]["id"] == "cauda_equina"


def test_ask_says_whether_the_sources_cover_the_question(client: TestClient) -> None:
    covered = client.get("/api/ask", params={"q": "can I use a foam shaft on my back?"}).json()
    assert covered["covered"] is True
    assert covered["not_covered"] is None
    dose = client.get("/api/ask", params={"q": "how many mg of naproxen a day?"}).json()
    assert dose["covered"] is False
    assert "pharmacist" in dose["not_covered"]["message"]


def test_each_ask_result_answers_with_quotes_and_says_if_it_is_a_warning_sign(
    client: TestClient,
) -> None:
    body = client.get("/api/ask", params={"q": "back pain with a fever and chills"}).json()
    for result in body["results"]:
        assert isinstance(result["warning_sign"], bool)
        assert result["warning_sign"] == (result["kind"] == "red_flag")
        quotes = {source.get("quote") for source in result["sources"]}
        assert set(result["answer"]["quotes"]) <= quotes
        assert result["answer"]["text"] == result["snippet"]
    assert any(result["warning_sign"] for result in body["results"])


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, ("query", "q")),
        ({"q": "   "}, ("query", "q")),
        ({"q": "x" * 501}, ("query", "q")),
        ({"q": "heat", "top": 0}, ("query", "top")),
        ({"q": "heat", "top": 51}, ("query", "top")),
    ],
)
def test_ask_names_the_bad_parameter(
    client: TestClient, params: dict[str, Any], field: tuple[str, ...]
) -> None:
    assert field in error_fields(client.get("/api/ask", params=params))


def test_kb_lists_every_entry(client: TestClient, kb: KnowledgeBase) -> None:
    listed = client.get("/api/kb").json()
    assert [item["id"] for item in listed] == [entry.id for entry in kb]


def test_kb_filters_by_kind_and_group(client: TestClient, kb: KnowledgeBase) -> None:
    listed = client.get("/api/kb", params={"kind": "exercise", "group": "pregnancy"}).json()
    expected = [e.id for e in kb.for_group("pregnancy") if e.kind == "exercise"]
    assert expected
    assert [item["id"] for item in listed] == expected


@pytest.mark.parametrize("param", ["kind", "group"])
def test_kb_names_an_unknown_filter(client: TestClient, param: str) -> None:
    assert ("query", param) in error_fields(client.get("/api/kb", params={param: "astronaut"}))


def test_kb_entry_is_the_full_entry_as_the_cli_shows_it(
    client: TestClient, kb: KnowledgeBase
) -> None:
    body = client.get("/api/kb/bridge").json()
    assert body == kb.get("bridge").model_dump(mode="json", exclude_none=True)
    assert body["steps"]
    assert body["sources"]


def test_kb_unknown_entry_is_404_with_a_message(client: TestClient) -> None:
    response = client.get("/api/kb/no-such-move")
    assert response.status_code == 404
    assert response.json() == {"detail": "no knowledge-base entry with id 'no-such-move'"}


def test_an_exercise_picture_is_an_svg_that_cannot_run_scripts(client: TestClient) -> None:
    response = client.get("/api/kb/bridge/picture.svg")
    assert response.headers["content-type"] == "image/svg+xml"
    assert response.headers["content-security-policy"].startswith("default-src 'none'")
    assert response.text.startswith("<svg")
    assert "<animate" in response.text


def test_every_exercise_has_a_picture(client: TestClient, kb: KnowledgeBase) -> None:
    exercises = [entry.id for entry in kb if entry.kind == "exercise"]
    answers = {e: client.get(f"/api/kb/{e}/picture.svg").status_code for e in exercises}
    assert set(answers.values()) == {200}, answers


def test_a_still_picture_is_not_animated(client: TestClient) -> None:
    still = client.get("/api/kb/bridge/picture.svg", params={"still": True}).text
    assert still.startswith("<svg")
    assert "<animate" not in still


@pytest.mark.parametrize(
    ("entry_id", "message"),
    [
        ("no-such-move", "no knowledge-base entry"),
        ("red-flag-cauda-equina", "only exercises have pictures"),
    ],
)
def test_picture_is_404_for_an_unknown_id_or_not_an_exercise(
    client: TestClient, entry_id: str, message: str
) -> None:
    response = client.get(f"/api/kb/{entry_id}/picture.svg")
    assert response.status_code == 404
    assert message in response.json()["detail"]


@pytest.mark.parametrize(("host", "status"), [("localhost:8000", 200), ("evil.example", 400)])
def test_only_loopback_host_names_are_answered(client: TestClient, host: str, status: int) -> None:
    """A rebinding attacker's page sends its own host name and is refused."""
    assert client.get("/api/health", headers={"host": host}).status_code == status


def test_knowledge_page_shows_the_answer_and_says_when_it_is_not_covered(
    client: TestClient,
) -> None:
    covered = client.get("/kb", params={"q": "can I use a foam roller on my lower back"}).text
    assert 'class="answer"' in covered
    assert "seed-quote" in covered
    assert "Not covered" not in covered
    dose = client.get("/kb", params={"q": "how much naproxen can I take"}).text
    assert "Not covered by backcare" in dose
    assert "related entries" in dose
