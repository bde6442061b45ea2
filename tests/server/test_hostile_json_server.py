"""Server mode: hostile JSON reaches no route, even without an account (issue 22, class 1)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from tests.web.test_hostile_json import HOSTILE_VALUES


@pytest.mark.parametrize("path", ["/api/auth/login", "/api/auth/register"])
@pytest.mark.parametrize("literal", list(HOSTILE_VALUES.values()), ids=list(HOSTILE_VALUES))
def test_sign_up_and_login_refuse_non_finite_numbers_naming_the_field(
    new_client: Callable[[], TestClient], path: str, literal: str
) -> None:
    client = new_client()
    response = client.post(
        path,
        content=f'{{"username": "alice", "password": {literal}}}',
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["body", "password"]
