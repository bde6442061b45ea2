"""The shared rate limits: the rules' waits (pure, with hypothesis) and ``SharedLimits`` on a
real database (SQLite file and PostgreSQL): windows that forget, old hits deleted, and exact
counting when many threads take at once."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

from fastapi import FastAPI
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from backcare.store import Database
from backcare.store.models import RateLimitHit
from backcare.web.security.limits import Budget, GrowingDelay, SharedLimits

START = datetime(2026, 1, 5, 9, tzinfo=UTC)


def _limits(app: FastAPI, now: list[datetime]) -> SharedLimits:
    database: Database = app.state.backcare.database
    return SharedLimits(database, clock=lambda: now[0])


def test_delays_double_after_the_free_failures() -> None:
    rule = GrowingDelay(free=3, first=1, longest=60)
    assert [rule.delay(n) for n in range(1, 11)] == [0, 0, 0, 1, 2, 4, 8, 16, 32, 60]


@given(
    limit=st.integers(1, 6),
    gaps=st.lists(st.integers(0, 400), min_size=1, max_size=40),
)
def test_a_budget_never_allows_more_than_its_limit_in_any_window(
    limit: int, gaps: list[int]
) -> None:
    """Safety: whatever the timing of the attempts, no window holds more than ``limit``."""
    rule, allowed, now = Budget(limit, 900), list[datetime](), START
    for gap in gaps:
        now += timedelta(seconds=gap)
        recent = [t for t in allowed if t > now - rule.window]
        if rule.wait(recent, now) <= 0:
            allowed.append(now)
    for t in allowed:
        assert sum(t - rule.window < other <= t for other in allowed) <= limit


def test_growing_delays_in_the_database_then_forgotten(app: FastAPI) -> None:
    now = [START]
    limits, key = _limits(app, now), "pair:h|x"
    rule = GrowingDelay(free=3, first=1, longest=60, forget_after=3600)
    for _ in range(4):
        assert limits.take([(key, rule)]).retry_after is None
    waits = []
    for _ in range(4):
        waits.append(limits.take([(key, rule)]).retry_after)
        now[0] += timedelta(seconds=waits[-1] or 0)
        assert limits.take([(key, rule)]).retry_after is None  # after the wait: counted
    assert waits == [1, 2, 4, 8]
    assert limits.take([("pair:h|y", rule)]).retry_after is None  # another address
    now[0] += timedelta(hours=1)
    assert limits.take([(key, rule)]).retry_after is None  # starts afresh


def test_the_budget_forgets_attempts_after_the_window(app: FastAPI) -> None:
    now = [START]
    limits, rule = _limits(app, now), Budget(5, 900)
    for _ in range(5):
        assert limits.take([("addr:h", rule)]).retry_after is None
    assert limits.take([("addr:h", rule)]).retry_after == 900
    now[0] += timedelta(seconds=600)
    assert limits.take([("addr:h", rule), ("addr:x", rule)]).retry_after == 300
    assert limits.take([("addr:x", rule)]).retry_after is None, "a refusal records nothing"
    now[0] += timedelta(seconds=300)
    assert limits.take([("addr:h", rule)]).retry_after is None


def test_giving_back_removes_the_attempt_and_forgets_the_key(app: FastAPI) -> None:
    now = [START]
    limits, rule = _limits(app, now), Budget(1, 900)
    taken = limits.take([("pair:a|h", rule), ("addr:h", rule)])
    limits.take([("pair:a|h", GrowingDelay())])
    limits.give_back(taken, forget=["pair:a|h"])
    assert limits.take([("pair:a|h", rule), ("addr:h", rule)]).retry_after is None


def test_old_hits_are_deleted_so_the_table_stays_small(app: FastAPI) -> None:
    now = [START]
    limits = _limits(app, now)
    limits.take([(key, Budget(5, 60)) for key in ("a", "b", "c")])
    now[0] += timedelta(hours=2)
    limits.take([("d", Budget(5, 60))])
    with app.state.backcare.database.session() as session:
        assert list(session.scalars(select(RateLimitHit.key))) == ["d"]


def test_parallel_attempts_are_counted_exactly(app: FastAPI) -> None:
    """Twenty threads race for a budget of seven on one key: exactly seven get through (the
    key's lock makes the count and the insert one step)."""
    limits, rule = SharedLimits(app.state.backcare.database), Budget(7, 900)
    with ThreadPoolExecutor(max_workers=10) as pool:
        answers = list(pool.map(lambda _: limits.take([("addr:race", rule)]), range(20)))
    assert sum(answer.retry_after is None for answer in answers) == 7


def test_a_patient_take_gets_the_slot_an_attempt_in_flight_gives_back(app: FastAPI) -> None:
    """An office logging in at once behind one address: a login refused only because the
    budget's slots are held by logins still being checked waits, and gets the slot the moment
    one of them succeeds and gives it back; without patience it is refused."""
    limits, rule = SharedLimits(app.state.backcare.database), Budget(2, 900)
    in_flight = [limits.take([("addr:office", rule)]) for _ in range(2)]
    assert all(taken.retry_after is None for taken in in_flight)
    assert limits.take([("addr:office", rule)]).retry_after is not None
    with ThreadPoolExecutor(max_workers=1) as pool:
        waiting = pool.submit(limits.take, [("addr:office", rule)], patience=10.0)
        limits.give_back(in_flight[0])
        assert waiting.result(timeout=30).retry_after is None


def test_patience_never_lets_a_growing_delay_through(app: FastAPI) -> None:
    """A refusal by the per-account delay is answered at once, patience or not: waiting it out
    server-side would turn the delay into a free retry."""
    limits, delay = SharedLimits(app.state.backcare.database), GrowingDelay(free=0, first=1)
    assert limits.take([("pair:x", delay)]).retry_after is None
    refused = limits.take([("pair:x", delay)], patience=30.0)
    assert refused.retry_after is not None  # waiting 1 s and trying again would have got in
