"""Logins wait for their password hash in a bounded queue, on threads of lower CPU priority:
a waiting login holds no slot of the per-address budget, a full queue is a 429 with
Retry-After, and the hashing threads yield the CPU to other requests."""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from backcare.store.models import RateLimitHit
from backcare.web.security.hashing import NICENESS, Hashing
from backcare.web.security.limits import ADDRESS_FAILURES
from tests.server.conftest import PASSWORD

WAIT_S = 20.0
"""Only a bound on how long a stuck test hangs; nothing here is timed."""


def _thread_niceness() -> int:
    return os.getpriority(os.PRIO_PROCESS, 0)  # on Linux: the calling thread's own


def test_hashing_threads_run_at_a_lower_priority_than_the_rest() -> None:
    before = _thread_niceness()
    hashing_niceness = asyncio.run(Hashing(threads=1).run(_thread_niceness))
    assert hashing_niceness == min(19, before + NICENESS)
    assert _thread_niceness() == before  # the caller's thread is left as it was


@contextmanager
def _blocked(hashing: Hashing) -> Iterator[None]:
    """Every hashing thread busy until the block ends (the queue then fills up)."""
    running, release = threading.Barrier(hashing.threads + 1), threading.Event()

    def hold() -> None:
        running.wait(WAIT_S)
        release.wait(WAIT_S)

    holders = [
        threading.Thread(target=asyncio.run, args=(hashing.run(hold),))
        for _ in range(hashing.threads)
    ]
    for holder in holders:
        holder.start()
    running.wait(WAIT_S)
    try:
        yield
    finally:
        release.set()
        for holder in holders:
            holder.join(WAIT_S)


def _until(condition: Callable[[], bool]) -> None:
    event, waited = threading.Event(), 0.0
    while not condition():
        assert waited < WAIT_S, "the condition never came true"
        event.wait(0.01)
        waited += 0.01


def _register(client: TestClient, names: list[str]) -> None:
    for name in names:
        answer = client.post("/api/auth/register", json={"username": name, "password": PASSWORD})
        assert answer.status_code == 201


def _log_in(client: TestClient, name: str) -> Future[int]:
    pool = ThreadPoolExecutor(1)
    credentials = {"username": name, "password": PASSWORD}
    future = pool.submit(lambda: client.post("/api/auth/login", json=credentials).status_code)
    pool.shutdown(wait=False)
    return future


def test_logins_waiting_for_their_hash_hold_no_slot_of_the_address_budget(
    app: FastAPI, new_client: Callable[[], TestClient]
) -> None:
    """More people than the address budget log in at once from one office address while the
    hashing is busy: none of the waiting logins is counted yet, and every one gets in."""
    names = [f"worker{n:02d}" for n in range(ADDRESS_FAILURES + 2)]
    _register(new_client(), names)
    hashing = app.state.accounts.hashing = Hashing(threads=1)
    with _blocked(hashing):
        logins = [_log_in(new_client(), name) for name in names]
        _until(lambda: hashing.queued == len(names))
        with app.state.backcare.database.session() as session:
            keys = list(session.scalars(select(RateLimitHit.key)))
        assert [key for key in keys if key.startswith(("login:", "pair:"))] == []
    assert [login.result(WAIT_S) for login in logins] == [200] * len(names)


def test_a_full_hashing_queue_is_a_429_with_retry_after_and_counts_nothing(
    app: FastAPI, new_client: Callable[[], TestClient]
) -> None:
    _register(new_client(), ["queued", "refused"])
    hashing = app.state.accounts.hashing = Hashing(threads=1, waiting_at_most=1)
    client = new_client()
    with _blocked(hashing):
        queued = _log_in(new_client(), "queued")
        _until(lambda: hashing.queued == 1)
        login = client.post("/api/auth/login", json={"username": "refused", "password": PASSWORD})
        sign_up = client.post(
            "/api/auth/register", json={"username": "another", "password": PASSWORD}
        )
        for refused in (login, sign_up):
            assert refused.status_code == 429
            assert int(refused.headers["Retry-After"]) >= 1
            assert "too many logins at once" in refused.json()["detail"]
        with app.state.backcare.database.session() as session:
            keys = list(session.scalars(select(RateLimitHit.key)))
        assert [key for key in keys if key.startswith(("login:", "pair:"))] == []
    assert queued.result(WAIT_S) == 200
    again = client.post("/api/auth/login", json={"username": "refused", "password": PASSWORD})
    assert again.status_code == 200
