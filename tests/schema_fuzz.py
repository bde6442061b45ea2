"""Schemathesis over the app's own OpenAPI schema, shared by the local and server-mode suites."""

from __future__ import annotations

import json
from typing import Any

import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
"""No 5xx, and every answer is documented: status, content type and body."""


def load_schema(app: FastAPI, base_url: str) -> schemathesis.BaseSchema:
    host = {"host": base_url.removeprefix("http://")}
    return schemathesis.openapi.from_asgi("/api/openapi.json", app, headers=host)


def operations_in(schema: schemathesis.BaseSchema) -> set[tuple[str, str]]:
    """``(method, path)`` of every operation the schema describes."""
    return {
        (operation.method.lower(), operation.path)
        for operation in (result.ok() for result in schema.get_all_operations())
    }


def fuzzed_statuses(
    operation: Any, *, examples: int, negative: bool = True, **call: Any
) -> set[int]:
    """Send up to ``examples`` generated requests per mode (valid, and invalid when ``negative``),
    validating each answer against the schema; the status codes seen."""
    modes = [GenerationMode.POSITIVE, *([GenerationMode.NEGATIVE] if negative else [])]
    cases = st.one_of(*(operation.as_strategy(mode) for mode in modes))
    statuses: set[int] = set()

    @given(case=cases)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    def fuzz(case: schemathesis.Case) -> None:
        statuses.add(case.call_and_validate(checks=CHECKS, **call).status_code)

    fuzz()
    return statuses


# Hostile bodies (issue 22) ------------------------------------------------------------------

SENTINEL = "__hostile__"
HOSTILE_LITERALS = {
    "nan": "NaN",
    "infinity": "Infinity",
    "minus-infinity": "-Infinity",
    "overflow": "1e400",
    "huge-integer": "9" * 5000,
    "true": "true",
    "false": "false",
    "duplicates": json.dumps(["lower_back"] * 500),
    "oversized": json.dumps([f"item-{n}" for n in range(5000)]),
    "deep": "[" * 64 + "]" * 64,
    "very-deep": "[" * 100_000 + "]" * 100_000,
    "duplicate-key": '{"a": 1, "a": 2}',
    "nul-text": '"a\\u0000b"',
    "long-text": json.dumps("x" * 100_000),
}
"""JSON that Python reads but backcare must refuse (or, for true/false in a yes/no field,
accept): non-finite and huge numbers, booleans for numbers, duplicate and oversized lists,
deep nesting, a key given twice, text PostgreSQL cannot store (NUL) or far too long."""


def paths_in(value: Any, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every path to a value inside a JSON document (not the root)."""
    found: list[tuple[str | int, ...]] = []
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else []
    )
    for key, item in items:
        found.append((*prefix, key))
        found.extend(paths_in(item, (*prefix, key)))
    return found


def with_hostile(body: Any, path: tuple[str | int, ...], literal: str) -> str:
    """``body`` as JSON text with the value at ``path`` replaced by the raw ``literal``."""
    document = json.loads(json.dumps(body))
    target = document
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = SENTINEL
    return json.dumps(document).replace(f'"{SENTINEL}"', literal, 1)


def hostile_cases(body: Any) -> st.SearchStrategy[tuple[tuple[str | int, ...], str]]:
    """A path inside ``body`` (or a new key at its top) and a hostile literal to put there."""
    paths = [*paths_in(body), ("extra_field",)]
    return st.tuples(st.sampled_from(paths), st.sampled_from(sorted(HOSTILE_LITERALS)))
