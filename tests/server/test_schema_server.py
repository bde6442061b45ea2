"""Schemathesis over the server-mode API on PostgreSQL, as a logged-in person sending the CSRF
header: whatever is sent, no route answers 5xx, and answers match the schema.

One test per operation (a failure names its route), each on a fresh app and database, at most
``MAX_EXAMPLES`` requests per generation mode. Logout is left out (it ends the session the
fuzzing uses); its own tests are in test_accounts.py.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from backcare.web.security.csrf import CSRF_HEADER
from backcare.web.security.login_sessions import SESSION_COOKIE
from tests.schema_fuzz import fuzzed_statuses, load_schema, operations_in
from tests.server.conftest import BASE_URL
from tests.web.test_api import SPEC_ROUTES

MAX_EXAMPLES = 25
LOGGED_OUT_EXAMPLES = 5
AUTH_ROUTES = {("post", "/api/auth/register"), ("post", "/api/auth/login")}
OPERATIONS = sorted(SPEC_ROUTES | {("post", "/api/import")} | AUTH_ROUTES)
HOST = {"host": BASE_URL.removeprefix("http://")}


@pytest.fixture
def database_url(postgres_database: Callable[[], str]) -> str:
    """Server mode's database: PostgreSQL only here (the isolation tests run both)."""
    return postgres_database()


def test_the_schema_lists_the_auth_routes(app: FastAPI) -> None:
    found = operations_in(load_schema(app, BASE_URL))
    assert found == set(OPERATIONS) | {("post", "/api/auth/logout")}


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_no_server_error_when_logged_in(
    app: FastAPI, alice: TestClient, method: str, path: str
) -> None:
    operation = load_schema(app, BASE_URL)[path][method.upper()]
    statuses = fuzzed_statuses(
        operation,
        examples=MAX_EXAMPLES,
        base_url=BASE_URL + "/",
        headers={CSRF_HEADER: alice.headers[CSRF_HEADER]} | HOST,
        cookies={SESSION_COOKIE: alice.cookies[SESSION_COOKIE]},
    )
    assert statuses - {400, 401, 403}, "every request was refused before reaching the route"


SPEC = sorted(SPEC_ROUTES | {("post", "/api/import")})


@pytest.mark.parametrize(("method", "path"), SPEC, ids=[f"{m} {p}" for m, p in SPEC])
def test_logged_out_answers_match_the_schema(app: FastAPI, method: str, path: str) -> None:
    """Without a session: the documented 401 on personal routes, the rest unchanged."""
    operation = load_schema(app, BASE_URL)[path][method.upper()]
    statuses = fuzzed_statuses(
        operation,
        examples=LOGGED_OUT_EXAMPLES,
        negative=False,
        base_url=BASE_URL + "/",
        headers=HOST,
    )
    personal = not path.startswith(("/api/health", "/api/kb"))
    assert (statuses == {401}) is personal, statuses
