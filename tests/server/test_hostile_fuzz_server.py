"""Server mode, on SQLite and PostgreSQL: the hostile-JSON fuzz of every JSON operation, signed
in (issue 22). PostgreSQL refuses some things SQLite takes (NUL in text), so both are fuzzed."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.web.test_api_hostile_fuzz import VALID_BODIES, fuzz_operation

EXAMPLES = 60


@pytest.mark.parametrize(("method", "path"), sorted(VALID_BODIES), ids=lambda v: str(v))
def test_hostile_json_signed_in(alice: TestClient, method: str, path: str) -> None:
    fuzz_operation(alice, method, path, examples=EXAMPLES)
