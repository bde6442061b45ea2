"""Hostile JSON on every JSON endpoint (issue 22, class 1): NaN, Infinity, 1e400, a key twice,
a number of thousands of digits and deep nesting each get a 422 naming the field, never a 500,
and nothing stored changes."""

from __future__ import annotations

import json
from collections.abc import Coroutine
from typing import Any, TypeVar

import pytest
from fastapi.testclient import TestClient

from backcare.web.json_body import safe_errors, validation_problem

T = TypeVar("T")
HOSTILE_VALUES = {
    "nan": "NaN",
    "infinity": "Infinity",
    "minus-infinity": "-Infinity",
    "overflow": "1e400",
    "huge-integer": "1" + "0" * 5000,
}
"""JSON number literals Python's json module reads (as nan, inf or a huge int) and we refuse."""


def body_operations(client: TestClient) -> list[tuple[str, str, str]]:
    """``(method, path, first field)`` of every operation with a JSON body, from the schema."""
    schema = client.get("/api/openapi.json").json()
    found = []
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if body is None:
                continue
            target = body["schema"]
            if "$ref" in target:
                target = schema["components"]["schemas"][target["$ref"].rsplit("/", 1)[1]]
            found.append((method, path, next(iter(target["properties"]))))
    return sorted(found)


def stored(client: TestClient) -> dict[str, Any]:
    data: dict[str, Any] = client.get("/api/export").json()
    data.pop("exported_at")
    return data


def send(client: TestClient, method: str, path: str, text: str) -> Any:
    return client.request(method, path, content=text, headers={"content-type": "application/json"})


def test_every_json_operation_refuses_non_finite_numbers_naming_the_field(
    client: TestClient,
) -> None:
    operations = body_operations(client)
    assert len(operations) >= 7  # check, plan, pain, sessions, profile, breaks, import
    client.post("/api/diary/pain", json={"score": 4, "note": "before"})
    before = stored(client)
    for method, path, field in operations:
        for literal in HOSTILE_VALUES.values():
            response = send(client, method, path, f'{{"{field}": {literal}}}')
            assert response.status_code == 422, (method, path, literal, response.text)
            assert response.json()["detail"][0]["loc"] == ["body", field], response.text
    assert stored(client) == before


@pytest.mark.parametrize(
    "text",
    [
        '{"score": 5, "score": 6}',
        '{"score": 5, "areas": ["neck_shoulder"], "areas": []}',
        '{"score": 5, "note": ' + "[" * 50 + "]" * 50 + "}",
        "[" * 200_000 + "]" * 200_000,
        '{"score": 4, "at": "2026-01-01T00:00:00", "extra": {"a": NaN}}',
    ],
    ids=["duplicate-key", "duplicate-list-key", "deep", "very-deep", "nested-nan"],
)
def test_duplicate_keys_and_deep_nesting_are_refused(client: TestClient, text: str) -> None:
    response = send(client, "post", "/api/diary/pain", text)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"][0] == "body"
    assert client.get("/api/diary/pain").json()["pain"] == []


def test_a_nested_field_is_named_by_its_whole_path(client: TestClient) -> None:
    response = send(client, "post", "/api/plan", '{"profile": {"pain": {"score": NaN}}}')
    assert response.json()["detail"][0]["loc"] == ["body", "profile", "pain", "score"]


def test_good_bodies_still_pass_through(client: TestClient) -> None:
    response = send(client, "post", "/api/diary/pain", json.dumps({"score": 3, "note": "ok"}))
    assert response.status_code == 201, response.text


def test_validation_errors_never_echo_what_json_cannot_carry() -> None:
    errors = [
        {"type": "x", "loc": ("query", "top", 1.5), "msg": "bad", "input": float("inf")},
        {"type": "y", "loc": ("body",), "msg": "bad", "input": object()},
        {"type": "z", "loc": ("body", "n"), "msg": "bad", "input": 3},
    ]
    safe = safe_errors(errors)
    assert [("input" in e) for e in safe] == [False, False, True]
    json.dumps(safe, allow_nan=False)


def finished(coroutine: Coroutine[Any, Any, T]) -> T:
    """The result of a coroutine that awaits nothing (no event loop needed, and none is
    started: the browser tests' loop may be running in this thread)."""
    try:
        coroutine.send(None)
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]
    raise AssertionError("the handler awaited something")


def test_the_validation_handler_answers_even_when_the_error_is_broken() -> None:
    class BrokenError(Exception):
        def errors(self) -> list[Any]:
            raise RuntimeError("cannot list errors")

    from fastapi.exceptions import RequestValidationError

    class BrokenValidationError(RequestValidationError):
        def errors(self) -> list[Any]:
            raise RuntimeError("cannot list errors")

    response = finished(validation_problem(None, BrokenValidationError([])))  # type: ignore[arg-type]
    assert response.status_code == 422
    assert json.loads(response.body)["detail"][0]["loc"] == ["body"]
    assert finished(validation_problem(None, BrokenError())).status_code == 422  # type: ignore[arg-type]
