"""``Hashing``: where argon2 runs, so that logins never starve the other requests.

A password hash is slow on purpose (OWASP's argon2id baseline, some 20-40 ms of one core).
On a small server a burst of logins would otherwise take every core from the requests that
answer people already signed in (each login's hash is worth dozens of diary reads). So:

- hashes run on a few dedicated threads, never on the request threads: at most ``threads``
  at once, and glibc keeps a freed 19 MiB arena block in every thread that ever hashed (on the
  forty request threads a worker peaked at some 800 MiB);
- those threads run at a lower CPU priority (``os.nice``; on Linux the nice value belongs to
  the thread): a hash gets whatever the other requests leave, and still all of an idle core;
- a request waits for its hash without holding a request thread (``await``), so queued logins
  cannot exhaust the thread pool the synchronous routes run on;
- the queue is bounded: past ``waiting_at_most`` queued jobs the request is refused with
  ``HashingBusyError`` (a 429 with ``Retry-After``) instead of waiting without end.

The work a login does before its hash (counting the attempt against the rate limits) runs in
the same job, so an attempt is counted when its hash starts, not when it arrives: logins
queued behind others hold no slot of the per-address budget (``security.limits``).
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import ParamSpec, TypeVar

HASHING_THREADS = 2
"""Hashes one process runs at once. Each thread that ever hashed keeps a 19 MiB arena block
(above), so every thread costs memory for good; two keep both cores of a small server busy
hashing in a burst of logins (with two workers: four). Four per worker took the load test's
peak worker memory from about 213 MiB to about 289 MiB, against a goal of 300."""
NICENESS = 10
"""Added to the hashing threads' nice value. At +10 a busy hash thread gets about a tenth of
the CPU a normal one gets (kernel weights 110 against 1024), so it yields to the requests
without stalling when the machine is busy with other work."""
WAITING_AT_MOST = 64
"""Queued hash jobs one process keeps before refusing more: a few seconds of hashing at most."""
BUSY_RETRY_AFTER_S = 2

P = ParamSpec("P")
T = TypeVar("T")


class HashingBusyError(Exception):
    """The hashing queue is full: try again in ``retry_after`` seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"too many logins at once: try again in {retry_after} s")
        self.retry_after = retry_after


def _lower_priority() -> None:
    """Run in each hashing thread as it starts: only that thread gets the higher nice value."""
    os.nice(NICENESS)


class Hashing:
    """A bounded queue in front of ``threads`` low-priority threads (see the module docstring).
    One per process is enough (``HASHING``); each forked child makes its own threads."""

    def __init__(
        self, threads: int = HASHING_THREADS, waiting_at_most: int = WAITING_AT_MOST
    ) -> None:
        self.threads, self.waiting_at_most = threads, waiting_at_most
        self._queued = 0
        self._count_lock = threading.Lock()
        self._pool = self._new_pool()

    def _new_pool(self) -> ThreadPoolExecutor:
        return ThreadPoolExecutor(
            self.threads, thread_name_prefix="argon2", initializer=_lower_priority
        )

    def after_fork(self) -> None:
        """A forked child has none of its parent's threads (nor queued jobs)."""
        self._queued = 0
        self._count_lock = threading.Lock()
        self._pool = self._new_pool()

    @property
    def queued(self) -> int:
        """Jobs submitted and not yet started."""
        return self._queued

    async def run(self, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run ``function`` on a hashing thread; the caller's event loop stays free meanwhile.
        Raises ``HashingBusyError`` at once when ``waiting_at_most`` jobs are already queued."""
        return await asyncio.wrap_future(self._submit(function, *args, **kwargs))

    def _submit(self, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        with self._count_lock:
            if self._queued >= self.waiting_at_most:
                raise HashingBusyError(BUSY_RETRY_AFTER_S)
            self._queued += 1

        def started() -> T:
            with self._count_lock:
                self._queued -= 1
            return function(*args, **kwargs)

        return self._pool.submit(started)


HASHING = Hashing()
os.register_at_fork(after_in_child=HASHING.after_fork)
