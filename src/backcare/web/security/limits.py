"""Login and sign-up rate limits: failed logins per address in a sliding window, growing
delays per (account, address), sign-up attempts per address."""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable

MAX_TRACKED_KEYS = 10_000
SIGN_UP_WINDOW_S = 60 * 60
"""Sign-ups one client address may try an hour: each costs an argon2 hash, so a loop of them
burns CPU. Enough for a household or an office behind one address (and the 40-person load
test); per process, like the login limiter."""


class LoginLimiter:
    """Failed logins per key (a username, a client address) in a sliding window; sign-up
    attempts per address use the same window (``failed`` records one attempt).

    In memory, per process: with N workers an attacker gets up to N times the budget, and a
    restart forgets. Good enough to stop password guessing at speed; a shared store (the
    database, Redis) would be the next step for many workers.
    """

    def __init__(
        self,
        max_failures: int = 5,
        window: float = 15 * 60,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = MAX_TRACKED_KEYS,
    ) -> None:
        self.max_failures, self.window, self.clock = max_failures, window, clock
        self.max_keys = max_keys
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def retry_after(self, keys: Iterable[str]) -> int | None:
        """Seconds until these keys may try again, or ``None`` when they may now."""
        now = self.clock()
        waits = []
        with self._lock:
            for key in keys:
                times = self._recent(key, now)
                if len(times) >= self.max_failures:
                    waits.append(times[0] + self.window - now)
        return max(1, int(max(waits)) + 1) if waits else None

    def failed(self, keys: Iterable[str]) -> None:
        now = self.clock()
        with self._lock:
            if len(self._failures) >= self.max_keys:
                self._prune(now)
            for key in keys:
                self._recent(key, now).append(now)

    def _prune(self, now: float) -> None:
        """Forget keys with no failure left in the window, so memory stays bounded."""
        for key in [k for k, times in self._failures.items() if not self._recent(k, now)]:
            del self._failures[key]

    def forget(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        return times


class GrowingDelay:
    """Failed logins per (account, address): the first ``free`` failures cost nothing, then
    each further one doubles the wait before the next try (1 s, 2 s, 4 s … up to
    ``longest``). A key with no failure for ``forget_after`` seconds starts afresh.

    Keyed on the pair, a stranger guessing from elsewhere slows only themselves down: the owner
    logging in from their own address is never locked out of their diary.
    """

    def __init__(
        self,
        *,
        free: int = 3,
        first: float = 1.0,
        longest: float = 15 * 60,
        forget_after: float = 60 * 60,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = MAX_TRACKED_KEYS,
    ) -> None:
        self.free, self.first, self.longest = free, first, longest
        self.forget_after, self.clock, self.max_keys = forget_after, clock, max_keys
        self._failures: dict[str, tuple[int, float]] = {}
        self._lock = threading.Lock()

    def wait(self, failures: int) -> float:
        """Seconds before the next try after ``failures`` failures in a row."""
        if failures <= self.free:
            return 0.0
        return float(min(self.first * 2 ** (failures - self.free - 1), self.longest))

    def retry_after(self, key: str) -> int | None:
        """Whole seconds until ``key`` may try again, or ``None`` when it may now."""
        now = self.clock()
        with self._lock:
            count, last = self._current(key, now)
        remaining = last + self.wait(count) - now
        return max(1, math.ceil(remaining)) if remaining > 0 else None

    def failed(self, key: str) -> None:
        now = self.clock()
        with self._lock:
            if len(self._failures) >= self.max_keys:
                for old in [k for k, (_, last) in self._failures.items() if self._stale(last, now)]:
                    del self._failures[old]
            count, _last = self._current(key, now)
            self._failures[key] = (count + 1, now)

    def forget(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)

    def _stale(self, last: float, now: float) -> bool:
        return now - last >= self.forget_after

    def _current(self, key: str, now: float) -> tuple[int, float]:
        count, last = self._failures.get(key, (0, now))
        return (0, now) if self._stale(last, now) else (count, last)


ADDRESS_FAILURES = 30
"""Failed logins one address may make across all accounts in ``LoginLimiter``'s window:
enough for a household or an office behind one address, too few to spray passwords."""
