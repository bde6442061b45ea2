"""Two app servers (separate processes, different ports) on one real PostgreSQL: nothing lives
in a process. A session made on one works on the other, a diary entry written on one is read
on the other at once, and failed logins and sign-ups spread over both hit one shared limit,
counted exactly even when they arrive together."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from backcare.web.security.limits import ADDRESS_FAILURES
from tests.server.app_servers import AppServer, app_servers, person, sign_up
from tests.server.conftest import PASSWORD

SIGN_UPS_PER_HOUR = 6
PAIR_FREE_FAILURES = 4
"""``GrowingDelay``'s three free failures and the fourth, after which the wait starts."""


@pytest.fixture(scope="module")
def servers(
    tmp_path_factory: pytest.TempPathFactory, postgres_database: Callable[[], str]
) -> Iterator[list[AppServer]]:
    base = tmp_path_factory.mktemp("scale-out")
    with app_servers(
        2, base, postgres_database(), BACKCARE_SIGN_UPS_PER_HOUR=str(SIGN_UPS_PER_HOUR)
    ) as started:
        yield started


def test_a_session_and_a_diary_entry_made_on_one_server_are_seen_on_the_other(
    servers: list[AppServer],
) -> None:
    first, second = servers
    with person("192.0.2.1") as client:
        sign_up(client, first, "ada")
        written = client.post(f"{second.url}/api/diary/pain", json={"score": 4, "note": "B"})
        assert written.status_code == 201, "the session made on the first works on the second"
        diary = client.get(f"{first.url}/api/diary/pain").json()["pain"]
        assert [(entry["score"], entry["note"]) for entry in diary] == [(4, "B")]
        assert client.post(f"{first.url}/api/auth/logout").status_code == 200
        assert client.get(f"{second.url}/api/diary/pain").status_code == 401


def _wrong_logins(servers: list[AppServer], address: str, names: list[str]) -> list[int]:
    """All at once, alternating between the servers; the status of each."""

    def attempt(number: int) -> int:
        server = servers[number % len(servers)]
        with person(address) as client:
            guess = {"username": names[number], "password": "not the password"}
            return client.post(f"{server.url}/api/auth/login", json=guess).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        return list(pool.map(attempt, range(len(names))))


def test_failed_logins_from_one_address_share_one_budget_across_servers(
    servers: list[AppServer],
) -> None:
    tries = ADDRESS_FAILURES + 10
    statuses = _wrong_logins(servers, "192.0.2.2", [f"guess{n}" for n in range(tries)])
    print(f"address budget: {statuses.count(401)} of {tries} allowed, limit {ADDRESS_FAILURES}")
    assert statuses.count(401) == ADDRESS_FAILURES
    assert statuses.count(429) == tries - ADDRESS_FAILURES


def test_failed_logins_for_one_account_share_one_delay_across_servers(
    servers: list[AppServer],
) -> None:
    """Wrong passwords for one name from one address, alternating between the servers: the
    growing delay starts after the same four failures as on one server."""
    first, second = servers
    with person("192.0.2.3") as owner:
        sign_up(owner, first, "bea")
    statuses = []
    with person("192.0.2.4") as guesser:
        while 429 not in statuses:
            server = servers[len(statuses) % 2]
            wrong = {"username": "bea", "password": "not the password"}
            statuses.append(guesser.post(f"{server.url}/api/auth/login", json=wrong).status_code)
    print(f"one account: {statuses.count(401)} failures allowed, then 429")
    assert statuses == [401] * PAIR_FREE_FAILURES + [429]
    with person("192.0.2.3") as owner:  # the owner, from their own address, is not slowed
        right = {"username": "bea", "password": PASSWORD}
        assert owner.post(f"{second.url}/api/auth/login", json=right).status_code == 200


def test_sign_ups_from_one_address_share_one_budget_across_servers(
    servers: list[AppServer],
) -> None:
    def attempt(number: int) -> int:
        server = servers[number % 2]
        with person("192.0.2.5") as client:
            body = {"username": f"x{number}", "password": "short"}  # counted, then refused
            return client.post(f"{server.url}/api/auth/register", json=body).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(attempt, range(SIGN_UPS_PER_HOUR + 6)))
    assert statuses.count(422) == SIGN_UPS_PER_HOUR
    assert statuses.count(429) == 6
