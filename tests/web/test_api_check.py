"""``POST /api/check/questions`` and ``GET /api/check/levels``: an API client asks the same
questions as the CLI and the check-in page, only where they matter, and shows the same words."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from backcare.knowledge import KnowledgeBase
from backcare.triage import questions_for


def next_keys(client: TestClient, answers: dict[str, Any]) -> list[str]:
    response = client.post("/api/check/questions", json={"answers": answers})
    assert response.status_code == 200, response.text
    return [question["key"] for question in response.json()["questions"]]


def test_the_questions_are_the_shared_list(client: TestClient) -> None:
    answers = {"age": 70, "sex": "male", "symptoms.recent_trauma": True}
    assert next_keys(client, answers) == [q.key for q in questions_for(answers)]


def test_follow_ups_come_only_where_they_matter(client: TestClient) -> None:
    calm = next_keys(client, {"age": 35, "sex": "male"})
    fell = next_keys(client, {"age": 35, "sex": "male", "symptoms.recent_trauma": True})
    pregnant = next_keys(
        client, {"age": 30, "sex": "female", "pregnant": True, "pregnancy.weeks": 30}
    )
    assert "symptoms.cannot_stand_or_walk" not in calm
    assert "symptoms.cannot_stand_or_walk" in fell
    assert "symptoms.reduced_baby_movements" not in calm
    assert "symptoms.reduced_baby_movements" in pregnant


def test_the_check_so_far_comes_with_the_questions(client: TestClient) -> None:
    response = client.post(
        "/api/check/questions",
        json={"answers": {"age": 80, "pain.score": 8, "symptoms.recent_trauma": True}},
    )
    check = response.json()["check"]
    assert check["level"] == "emergency"
    assert check["advice"].startswith("Call an ambulance")


def test_an_unknown_answer_key_is_a_422_naming_it(client: TestClient) -> None:
    response = client.post("/api/check/questions", json={"answers": {"symptoms.fever": True}})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "answers", "symptoms.fever"]


def test_a_bad_answer_value_is_a_422(client: TestClient) -> None:
    response = client.post("/api/check/questions", json={"answers": {"age": 500}})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "answers"]


def test_the_levels_are_worded_as_the_content_words_them(
    client: TestClient, kb: KnowledgeBase
) -> None:
    levels = client.get("/api/check/levels").json()
    assert [level["level"] for level in levels] == ["emergency", "urgent", "routine", "self_care"]
    assert levels[1]["action"] == kb.level("urgent").action
    assert levels[1]["maternity_action"] == "Contact your maternity unit or midwife now."
