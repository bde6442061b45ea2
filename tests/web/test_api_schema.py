"""Property tests of the whole API from its own OpenAPI schema (schemathesis): whatever a client
sends, valid or not, no route answers 5xx and every answer matches the schema (documented
status, content type and body).

Bounded: at most ``MAX_EXAMPLES`` requests per operation and generation mode, each operation on
a fresh app and database. One test per operation, so a failure names its route.
"""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from backcare.knowledge import KnowledgeBase
from tests.schema_fuzz import CHECKS, fuzzed_statuses, load_schema, operations_in
from tests.web.conftest import LOCAL_URL
from tests.web.test_api import CAUDA_EQUINA, OFFICE_WORKER, SPEC_ROUTES

MAX_EXAMPLES = 30
PEOPLE = [
    OFFICE_WORKER,
    CAUDA_EQUINA,
    {"sex": "female", "pregnancy": {"weeks": 30}, "equipment": ["mat", "chair"]},
    {"postpartum": {"weeks_since_birth": 3, "delivery": "caesarean"}, "minutes_per_day": 10},
    {"sex": "male", "work": ["lifting"], "conditions": ["disc_herniation"], "pain": {"score": 8}},
    {"age": 70, "conditions": ["osteoporosis", "spinal_stenosis"], "fitness": "low"},
]
"""Profiles that reach each branch of the plan: office, emergency, pregnancy, after a caesarean,
acute pain with a disc, older with osteoporosis."""
OPERATIONS = sorted(SPEC_ROUTES | {("post", "/api/import")})


def test_every_operation_is_fuzzed(app: FastAPI) -> None:
    assert operations_in(load_schema(app, LOCAL_URL)) == set(OPERATIONS)


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_no_server_error_and_answers_match_the_schema(app: FastAPI, method: str, path: str) -> None:
    operation = load_schema(app, LOCAL_URL)[path][method.upper()]
    statuses = fuzzed_statuses(operation, examples=MAX_EXAMPLES, base_url=LOCAL_URL + "/")
    assert statuses - {400}, "every request was refused before reaching the route"


def test_every_entry_and_picture_matches_the_schema(app: FastAPI, kb: KnowledgeBase) -> None:
    """Random ids almost never hit a real entry; every real one, of every kind, is checked."""
    schema = load_schema(app, LOCAL_URL)
    entry, picture = schema["/api/kb/{entry_id}"]["GET"], schema["/api/kb/{entry_id}/picture.svg"]
    cases = [entry.Case(path_parameters={"entry_id": e.id}) for e in kb]
    cases += [
        picture["GET"].Case(path_parameters={"entry_id": e.id}) for e in kb if e.kind == "exercise"
    ]
    statuses = {
        case.call_and_validate(base_url=LOCAL_URL + "/", checks=CHECKS).status_code
        for case in cases
    }
    assert statuses == {200}


def test_plans_for_real_people_match_the_schema(app: FastAPI) -> None:
    operation = load_schema(app, LOCAL_URL)["/api/plan"]["POST"]
    for profile in PEOPLE:
        case = operation.Case(body={"profile": profile, "week": 2}, media_type="application/json")
        assert case.call_and_validate(base_url=LOCAL_URL + "/", checks=CHECKS).status_code == 200
