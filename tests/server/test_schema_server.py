"""Schemathesis over the server-mode API on PostgreSQL, as a logged-in person sending the CSRF
header: whatever is sent, no route answers 5xx, and answers match the schema.

One test per operation (a failure names its route), each on a fresh app and database, at most
``MAX_EXAMPLES`` requests per generation mode. Logout is left out (it ends the session the
fuzzing uses); its own tests are in test_accounts.py.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from backcare.web.auth import CSRF_HEADER, SESSION_COOKIE
from tests.server.conftest import BASE_URL
from tests.web.test_api import SPEC_ROUTES

MAX_EXAMPLES = 25
LOGGED_OUT_EXAMPLES = 5
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
AUTH_ROUTES = {("post", "/api/auth/register"), ("post", "/api/auth/login")}
OPERATIONS = sorted(SPEC_ROUTES | {("post", "/api/import")} | AUTH_ROUTES)
HOST = {"host": BASE_URL.removeprefix("http://")}


@pytest.fixture
def database_url(postgres_database: Callable[[], str]) -> str:
    """Server mode's database: PostgreSQL only here (the isolation tests run both)."""
    return postgres_database()


def load_schema(app: FastAPI) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_asgi("/api/openapi.json", app, headers=HOST)


def test_the_schema_lists_the_auth_routes(app: FastAPI) -> None:
    schema = load_schema(app)
    found = {
        (operation.method.lower(), operation.path)
        for operation in (result.ok() for result in schema.get_all_operations())
    }
    assert found == set(OPERATIONS) | {("post", "/api/auth/logout")}


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_no_server_error_when_logged_in(
    app: FastAPI, alice: TestClient, method: str, path: str
) -> None:
    operation = load_schema(app)[path][method.upper()]
    cookies = {SESSION_COOKIE: alice.cookies[SESSION_COOKIE]}
    headers = {CSRF_HEADER: alice.headers[CSRF_HEADER]} | HOST
    cases = st.one_of(
        operation.as_strategy(GenerationMode.POSITIVE),
        operation.as_strategy(GenerationMode.NEGATIVE),
    )

    @given(case=cases)
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    def fuzz(case: schemathesis.Case) -> None:
        response = case.call_and_validate(
            base_url=BASE_URL + "/", headers=headers, cookies=cookies, checks=CHECKS
        )
        statuses.add(response.status_code)

    statuses: set[int] = set()
    fuzz()
    assert statuses - {400, 401, 403}, "every request was refused before reaching the route"


SPEC = sorted(SPEC_ROUTES | {("post", "/api/import")})


@pytest.mark.parametrize(("method", "path"), SPEC, ids=[f"{m} {p}" for m, p in SPEC])
def test_logged_out_answers_match_the_schema(app: FastAPI, method: str, path: str) -> None:
    """Without a session: the documented 401 on personal routes, the rest unchanged."""
    operation = load_schema(app)[path][method.upper()]

    @given(case=operation.as_strategy(GenerationMode.POSITIVE))
    @settings(
        max_examples=LOGGED_OUT_EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    def fuzz(case: schemathesis.Case) -> None:
        response = case.call_and_validate(base_url=BASE_URL + "/", headers=HOST, checks=CHECKS)
        statuses.add(response.status_code)

    statuses: set[int] = set()
    fuzz()
    personal = not path.startswith(("/api/health", "/api/kb"))
    assert (statuses == {401}) is personal, statuses
