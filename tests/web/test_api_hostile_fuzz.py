"""The API fuzzed with hostile JSON (issue 22): starting from a valid body for every JSON
operation, hypothesis puts non-finite or huge numbers, booleans, duplicate and oversized lists,
deep nesting or a key given twice at any place in it. Whatever it sends: no 5xx, every 4xx
names the field (its ``loc`` reaches into the body, or its message names fields), and a
refused request changes nothing stored."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from tests.schema_fuzz import HOSTILE_LITERALS, hostile_cases, with_hostile
from tests.web.test_api import OFFICE_WORKER

MAX_EXAMPLES = 300  # each operation has at most 266 distinct cases: all are tried
NOW = "2026-12-01T08:00:00+00:00"
VALID_BODIES: dict[tuple[str, str], Any] = {
    ("post", "/api/check"): OFFICE_WORKER | {"pain": {"score": 4, "areas": ["lower_back"]}},
    ("post", "/api/plan"): {"profile": OFFICE_WORKER, "week": 2},
    ("post", "/api/check/questions"): {"answers": {"age": 40, "symptoms.fever_or_chills": False}},
    ("put", "/api/profile"): OFFICE_WORKER | {"symptoms": {"fever_or_chills": False}},
    ("post", "/api/diary/pain"): {"score": 4, "areas": ["lower_back"], "note": "ok", "at": NOW},
    ("post", "/api/sessions"): {
        "plan_day": 1,
        "week": 1,
        "started_at": NOW,
        "ended_at": "2026-12-01T08:20:00+00:00",
        "items": [{"id": "bridge", "status": "done", "sets_done": 2}],
        "pain_before": 4,
        "pain_after": 3,
    },
    ("post", "/api/breaks"): {"outcome": "taken", "at": NOW},
    ("patch", "/api/diary/pain/{entry_id}"): {"score": 3, "note": "corrected"},
    ("patch", "/api/breaks/{event_id}"): {"moved": True},
    ("put", "/api/breaks/settings"): {"quiet_hours": "12:00-13:00"},
    ("post", "/api/questionnaires/{instrument}"): {"answers": [1, 0, 0, 1, 0, 0, 0, 0, 2]},
    ("post", "/api/programme/feedback"): {
        "exercise_id": "cat-cow",
        "answer": "too_easy",
        "at": NOW,
    },
    ("post", "/api/programme/stop"): {
        "pain_before": 3,
        "pain_now": 6,
        "new_leg_symptoms": False,
        "exercise_id": "cat-cow",
    },
    ("post", "/api/import?replace=true"): {
        "exported_at": NOW,
        "profiles": [{"version": 1, "saved_at": NOW, "profile": {"age": 30}}],
        "pain": [{"score": 3, "areas": ["neck_shoulder"], "note": None, "at": NOW}],
        "habits": [{"habit_id": "water", "day": "2026-12-01"}],
        "questionnaires": [{"instrument": "peg", "answers": [5, 4, 6], "at": NOW}],
    },
}
FIELD_WORDS = ("pregnancy", "postpartum", "onset_age", "records", "body", "at most")


def stored(client: TestClient) -> dict[str, Any]:
    data: dict[str, Any] = client.get("/api/export").json()
    data.pop("exported_at")
    return data


def test_every_json_operation_has_a_valid_body(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    with_body = {
        (method, path)
        for path, item in schema["paths"].items()
        for method, operation in item.items()
        if "application/json" in operation.get("requestBody", {}).get("content", {})
    }
    assert with_body == {(m, p.split("?")[0]) for m, p in VALID_BODIES}
    for (method, path), body in VALID_BODIES.items():
        assert client.request(method, concrete(client, path), json=body).status_code < 300, path


def concrete(client: TestClient, path: str) -> str:
    """The path with its id filled in by a record made for it (a pain entry, a break), or
    STarT Back as the questionnaire."""
    if "{entry_id}" in path:
        made = client.post("/api/diary/pain", json={"score": 4, "at": NOW}).json()
        return path.replace("{entry_id}", str(made["entry"]["id"]))
    if "{event_id}" in path:
        made = client.post("/api/breaks", json={"outcome": "taken", "at": NOW}).json()
        return path.replace("{event_id}", str(made["id"]))
    return path.replace("{instrument}", "startback")


@pytest.mark.parametrize(("method", "path"), sorted(VALID_BODIES), ids=lambda v: str(v))
def test_hostile_json_never_gets_a_5xx_and_a_refusal_names_the_field(
    client: TestClient, method: str, path: str
) -> None:
    fuzz_operation(client, method, path, examples=MAX_EXAMPLES)


def fuzz_operation(client: TestClient, method: str, path: str, *, examples: int) -> None:
    """Hostile variants of the operation's valid body (see the module docstring)."""
    body = VALID_BODIES[(method, path)]
    client.post("/api/diary/pain", json={"score": 5, "note": "already there"})
    path = concrete(client, path)

    @given(case=hostile_cases(body))
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    def fuzz(case: tuple[tuple[str | int, ...], str]) -> None:
        where, literal_name = case
        text = with_hostile(body, where, HOSTILE_LITERALS[literal_name])
        before = stored(client)
        response = client.request(
            method, path, content=text, headers={"content-type": "application/json"}
        )
        assert response.status_code < 500, (where, literal_name, response.text[:500])
        if response.status_code >= 400:
            assert stored(client) == before, (where, literal_name)
        if response.status_code == 422:
            problem = response.json()["detail"][0]
            loc, msg = problem["loc"], problem["msg"]
            assert loc[0] == "body", problem
            assert len(loc) > 1 or any(word in msg for word in FIELD_WORDS), problem

    fuzz()
