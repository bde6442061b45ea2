"""Schemathesis over the app's own OpenAPI schema, shared by the local and server-mode suites."""

from __future__ import annotations

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
