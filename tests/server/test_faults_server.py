"""Faults with real processes on a real PostgreSQL: the database restarting under running app
servers, and one app server killed with SIGKILL under load. Requests during the outage get a
503 with ``Retry-After`` (never a 500); the servers recover by themselves; no write that was
acknowledged (201) is ever missing."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import httpx

from tests.server.app_servers import AppServer, app_servers, person, sign_up
from tests.store.postgres import Server

ACKNOWLEDGED_BEFORE_KILL = 40
WRITERS, WRITES_EACH = 6, 20


def _write(client: httpx.Client, server: AppServer, note: str) -> int:
    """POST one pain entry; the status, or 0 when the server did not answer at all."""
    try:
        return client.post(
            f"{server.url}/api/diary/pain", json={"score": 3, "note": note}
        ).status_code
    except httpx.TransportError:
        return 0


def _notes(client: httpx.Client, server: AppServer) -> set[str]:
    response = client.get(f"{server.url}/api/diary/pain")
    assert response.status_code == 200, response.text
    return {entry["note"] for entry in response.json()["pain"]}


def test_a_postgresql_restart_is_a_503_with_retry_after_then_recovers(
    own_postgres: Server, tmp_path: Path
) -> None:
    with app_servers(2, tmp_path, own_postgres.new_database()) as servers, person() as client:
        sign_up(client, servers[0], "cyd")
        acknowledged = {f"before-{n}" for n in range(6)}
        assert {_write(client, servers[n % 2], note) for n, note in enumerate(acknowledged)} == {
            201
        }
        own_postgres.stop()
        during = []
        for server in servers:
            during += [
                client.get(f"{server.url}/api/diary/pain"),
                client.post(f"{server.url}/api/diary/pain", json={"score": 1, "note": "lost?"}),
                client.get(f"{server.url}/"),
            ]
        own_postgres.launch()
        first_after = [client.get(f"{server.url}/api/diary/pain") for server in servers]
        found = _notes(client, servers[1])
    print(
        f"PostgreSQL restart: {len(during)} requests during the outage -> "
        f"{[r.status_code for r in during]}; first request after on each server -> "
        f"{[r.status_code for r in first_after]}; acknowledged {len(acknowledged)}, "
        f"found {len(acknowledged & found)}"
    )
    assert [r.status_code for r in during] == [503] * len(during)
    assert all(int(r.headers["retry-after"]) > 0 for r in during)
    assert all("cannot be reached" in r.text for r in during)
    assert [r.status_code for r in first_after] == [200, 200], "pre-ping replaced stale links"
    assert found == acknowledged, "every acknowledged write is there, the refused one is not"


def test_killing_one_app_server_under_load_loses_no_acknowledged_write(
    postgres_database: Callable[[], str], tmp_path: Path
) -> None:
    with app_servers(2, tmp_path, postgres_database()) as servers, person() as owner:
        sign_up(owner, servers[0], "dee")
        acknowledged: list[tuple[str, bool]] = []  # (note, written after the kill)
        killed, enough = threading.Event(), threading.Event()

        def writer(number: int) -> None:
            with httpx.Client(cookies=owner.cookies, headers=owner.headers, timeout=30) as client:
                for i in range(WRITES_EACH):
                    note = f"w{number}-{i}"
                    after = killed.is_set()
                    if _write(client, servers[i % 2], note) == 201:
                        acknowledged.append((note, after))
                        if len(acknowledged) >= ACKNOWLEDGED_BEFORE_KILL:
                            enough.set()

        threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
        for thread in threads:
            thread.start()
        enough.wait(timeout=300)
        before_kill = {note for note, _ in acknowledged}
        servers[0].kill()
        killed.set()
        for thread in threads:
            thread.join(timeout=300)
        found = _notes(owner, servers[1])
    written_after = sum(after for _, after in acknowledged)
    print(
        f"SIGKILL under load: acknowledged before the kill {len(before_kill)}, found "
        f"{len(before_kill & found)}; acknowledged in all {len(acknowledged)}, found "
        f"{len({n for n, _ in acknowledged} & found)}; written on the survivor after: "
        f"{written_after}"
    )
    assert len(before_kill) >= ACKNOWLEDGED_BEFORE_KILL
    assert {note for note, _ in acknowledged} <= found
    assert written_after > 0, "the other server served on"
