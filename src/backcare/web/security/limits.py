"""Login and sign-up rate limits, shared by every app server through the database.

Each counted attempt is a row in ``rate_limit_hits`` under a key (``login:ADDRESS`` for failed
logins from a client address, ``pair:NAME|ADDRESS`` for one account from one address,
``sign-up:ADDRESS`` for sign-ups). ``SharedLimits.take`` decides
and records in one transaction that holds a lock on its keys (a PostgreSQL advisory lock on
each key; SQLite's ``BEGIN IMMEDIATE`` already lets one writer in at a time), so attempts
spread over any number of processes are counted exactly: no two can both see the last free
slot. A login takes its slot *before* the password is checked and gives it back when the
password is right, so a burst of parallel guesses cannot slip past the count either.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from backcare.store import Database
from backcare.store.models import RateLimitHit
from backcare.web.security.login_sessions import now_utc

SIGN_UP_WINDOW_S = 60 * 60
"""Sign-ups one client address may try an hour: each costs an argon2 hash, so a loop of them
burns CPU. Enough for a household or an office behind one address (and the 40-person load
test)."""
ADDRESS_FAILURES = 30
"""Failed logins one address may make across all accounts in ``ADDRESS_WINDOW_S``: enough for
a household or an office behind one address, too few to spray passwords."""
ADDRESS_WINDOW_S = 15 * 60
IN_FLIGHT_PATIENCE_S = 5.0
"""How long a login refused by an address budget waits for slots to come back before it is
refused. Logins being checked hold a slot until their password is checked, and a right password
gives it back, so a burst of people logging in at once behind one address (an office, a
clinic) across many app servers would otherwise be refused for attempts that never count as
failures. (A login waiting for its hash holds no slot: ``security.hashing``.)"""
RETRY_STEP_S = 0.25
KEPT_FOR = timedelta(hours=1)
"""Hits older than this are deleted; no rule looks further back."""


@dataclass(frozen=True)
class Budget:
    """At most ``limit`` hits in any ``seconds``: the next one waits for the oldest to age out."""

    limit: int
    seconds: float

    @property
    def window(self) -> timedelta:
        return timedelta(seconds=self.seconds)

    def wait(self, times: Sequence[datetime], now: datetime) -> float:
        """Seconds before one more hit is allowed, given the hits in the window (oldest first)."""
        if len(times) < self.limit:
            return 0.0
        return (times[-self.limit] + self.window - now).total_seconds()


@dataclass(frozen=True)
class GrowingDelay:
    """The first ``free`` failures cost nothing, then each further one doubles the wait
    before the next try (1 s, 2 s, 4 s … up to ``longest``); failures older than
    ``forget_after`` seconds no longer count.

    Keyed on (account, address), a stranger guessing from elsewhere slows only themselves
    down: the owner logging in from their own address is never locked out of their diary.
    """

    free: int = 3
    first: float = 1.0
    longest: float = 15 * 60
    forget_after: float = 60 * 60

    @property
    def window(self) -> timedelta:
        return timedelta(seconds=self.forget_after)

    def delay(self, failures: int) -> float:
        """Seconds before the next try after ``failures`` failures."""
        if failures <= self.free:
            return 0.0
        return float(min(self.first * 2 ** (failures - self.free - 1), self.longest))

    def wait(self, times: Sequence[datetime], now: datetime) -> float:
        if not times:
            return 0.0
        return (times[-1] + timedelta(seconds=self.delay(len(times))) - now).total_seconds()


Rule = Budget | GrowingDelay


@dataclass(frozen=True)
class Taken:
    """The answer of ``take``: ``retry_after`` seconds when refused, else the hits recorded;
    ``may_come_back`` when only budgets refused it (slots held by attempts in flight may come
    back sooner)."""

    retry_after: int | None
    hit_ids: tuple[int, ...] = ()
    may_come_back: bool = False


class SharedLimits:
    """Rate limits kept in ``database`` (see the module docstring)."""

    def __init__(self, database: Database, clock: Callable[[], datetime] = now_utc) -> None:
        self.database, self.clock = database, clock

    def take(self, rules: Sequence[tuple[str, Rule]], *, patience: float = 0.0) -> Taken:
        """If every key is within its rule, record one hit for each; else record nothing and
        say how long to wait (whole seconds, at least 1). A refusal by budgets alone is asked
        again for up to ``patience`` seconds (slots held by attempts in flight come back when
        they succeed); a growing delay refuses at once."""
        deadline = time.monotonic() + patience
        while True:
            taken = self.take_once(rules)
            if not taken.may_come_back or time.monotonic() >= deadline:
                return taken
            time.sleep(RETRY_STEP_S)

    def take_once(self, rules: Sequence[tuple[str, Rule]]) -> Taken:
        """One decision, no waiting (``take`` with no patience)."""
        now = self.clock()
        with self.database.session() as session:
            self._lock(session, sorted({key for key, _ in rules}))
            session.execute(delete(RateLimitHit).where(RateLimitHit.at <= now - KEPT_FOR))
            waits = [rule.wait(self._times(session, key, rule, now), now) for key, rule in rules]
            if max(waits, default=0.0) > 0:
                refusing = [rule for (_, rule), wait in zip(rules, waits, strict=True) if wait > 0]
                budgets_only = all(isinstance(rule, Budget) for rule in refusing)
                return Taken(max(1, math.ceil(max(waits))), may_come_back=budgets_only)
            hits = [RateLimitHit(key=key, at=now) for key, _ in rules]
            session.add_all(hits)
            session.flush()
            return Taken(retry_after=None, hit_ids=tuple(hit.id for hit in hits))

    def give_back(self, taken: Taken, *, forget: Sequence[str] = ()) -> None:
        """Delete the hits ``taken`` recorded and every hit of the keys in ``forget``."""
        with self.database.session() as session:
            session.execute(
                delete(RateLimitHit).where(
                    or_(RateLimitHit.id.in_(taken.hit_ids), RateLimitHit.key.in_(forget))
                )
            )

    def _lock(self, session: Session, keys: Sequence[str]) -> None:
        """Hold each key until the transaction ends (in one order everywhere: no deadlock)."""
        if self.database.is_sqlite:
            return  # BEGIN IMMEDIATE has already taken the database's write lock
        for key in keys:
            session.execute(select(func.pg_advisory_xact_lock(func.hashtextextended(key, 0))))

    @staticmethod
    def _times(session: Session, key: str, rule: Rule, now: datetime) -> list[datetime]:
        query = (
            select(RateLimitHit.at)
            .where(RateLimitHit.key == key, RateLimitHit.at > now - rule.window)
            .order_by(RateLimitHit.at, RateLimitHit.id)
        )
        return list(session.scalars(query))
