"""Accounts: what register and login take, argon2 password hashes, and the login flow with
its rate limits (no hint whether a name exists)."""

from __future__ import annotations

import asyncio
import re
import secrets
import time
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, ParamSpec, TypeVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import HTTPException, status
from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool

from backcare.store import Database
from backcare.store.models import LOCAL_USERNAME, User
from backcare.web.security.hashing import HASHING, Hashing, HashingBusyError
from backcare.web.security.limits import (
    ADDRESS_FAILURES,
    ADDRESS_WINDOW_S,
    IN_FLIGHT_PATIENCE_S,
    RETRY_STEP_S,
    SIGN_UP_WINDOW_S,
    Budget,
    GrowingDelay,
    SharedLimits,
    Taken,
)
from backcare.web.security.login_sessions import LoginSessions, NewSession, now_utc

MIN_PASSWORD_CHARS = 10
MAX_PASSWORD_CHARS = 256
"""A bound so a megabyte "password" cannot make hashing a denial of service."""
USERNAME_PATTERN = r"^[a-z0-9][a-z0-9._-]{2,31}$"
P = ParamSpec("P")
T = TypeVar("T")

PASSWORD_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
"""OWASP's argon2id baseline (19 MiB, 2 passes): about 20-40 ms a hash on these machines,
always run by ``security.hashing``."""


def _username(value: str) -> str:
    """Usernames compare case-insensitively; ``local`` is the local-mode user, never an
    account."""
    value = value.strip().lower()
    if not re.fullmatch(USERNAME_PATTERN, value):
        raise ValueError(
            "3-32 characters: letters, digits, '.', '_' or '-', starting with a letter or digit"
        )
    if value == LOCAL_USERNAME:
        raise ValueError("this name is reserved")
    return value


class Credentials(BaseModel):
    """What register and login take; a bad field is a 422 naming it."""

    model_config = ConfigDict(extra="forbid")

    username: Annotated[str, Field(max_length=64), AfterValidator(_username)]
    password: Annotated[str, Field(min_length=MIN_PASSWORD_CHARS, max_length=MAX_PASSWORD_CHARS)]


def _verify(stored: str, password: str) -> bool:
    try:
        return PASSWORD_HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


DUMMY_HASH = PASSWORD_HASHER.hash(secrets.token_urlsafe(16))
"""Verified against when the username is unknown, so both failures take the same time."""


class Accounts:
    """Register and log in; ``sessions`` resolves and revokes what login starts. One per
    server-mode app; everything it counts or keeps is in the database, shared by every app
    server in front of it."""

    def __init__(
        self,
        database: Database,
        secret_key: str,
        *,
        sign_ups_per_hour: int,
        hashing: Hashing = HASHING,
        clock: Callable[[], datetime] = now_utc,
    ) -> None:
        self.database, self.hashing, self.clock = database, hashing, clock
        self.sessions = LoginSessions(database, secret_key, clock)
        self.limits = SharedLimits(database, clock)
        self.pair_delay = GrowingDelay()
        self.address_budget = Budget(ADDRESS_FAILURES, ADDRESS_WINDOW_S)
        self.sign_up_budget = Budget(sign_ups_per_hour, SIGN_UP_WINDOW_S)

    def admit_sign_up(self, client: str) -> None:
        """Count a sign-up attempt from this address; past the budget, 429 with Retry-After
        before any password is hashed."""
        taken = self.limits.take([(f"sign-up:{client}", self.sign_up_budget)])
        if taken.retry_after is not None:
            raise _too_many("too many sign-ups from this address: try again later", taken)

    async def register(self, credentials: Credentials) -> None:
        """A new account; 409 when the name is taken (register cannot hide that); 429 when
        too many passwords are already waiting to be hashed."""
        password_hash = await self._hashed(PASSWORD_HASHER.hash, credentials.password)
        await run_in_threadpool(self._add_user, credentials.username, password_hash)

    def _add_user(self, username: str, password_hash: str) -> None:
        user = User(username=username, password_hash=password_hash, created_at=self.clock())
        try:
            with self.database.session() as session:
                session.add(user)
        except IntegrityError:
            raise HTTPException(
                status.HTTP_409_CONFLICT, detail="username: already taken"
            ) from None

    async def login(self, credentials: Credentials, client: str) -> NewSession:
        """A session for the right password; one message for every wrong one (no hint whether
        the name exists). Failures slow down the same name from the same address (growing
        delays) and one address across names (a budget); never the name from elsewhere: 429
        with Retry-After. The attempt is counted when its turn to be hashed comes (not while
        it waits behind other logins), before the password is checked, and given back when
        it is right."""
        deadline = time.monotonic() + IN_FLIGHT_PATIENCE_S
        checked = await self._hashed(self._check, credentials, client)
        while isinstance(checked, Taken):
            if not checked.may_come_back or time.monotonic() >= deadline:
                raise _too_many(
                    f"too many failed logins: try again in {checked.retry_after} s", checked
                )
            await asyncio.sleep(RETRY_STEP_S)  # waits here, holding no hashing thread
            checked = await self._hashed(self._check, credentials, client)
        return await run_in_threadpool(self.sessions.start, checked)

    async def _hashed(self, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """``function`` run by the hashing queue; a full queue is a 429 with Retry-After."""
        try:
            return await self.hashing.run(function, *args, **kwargs)
        except HashingBusyError as busy:
            raise HTTPException(
                status.HTTP_429_TOO_MANY_REQUESTS,
                detail=str(busy),
                headers={"Retry-After": str(busy.retry_after)},
            ) from None

    def _check(self, credentials: Credentials, client: str) -> int | Taken:
        """The user id for the right password, or the limits' refusal; 401 for a wrong one
        (on a hashing thread: see ``login``)."""
        pair = f"pair:{credentials.username}|{client}"
        taken = self.limits.take_once(
            [(pair, self.pair_delay), (f"login:{client}", self.address_budget)]
        )
        if taken.retry_after is not None:
            return taken
        with self.database.session() as session:
            user = session.scalar(select(User).where(User.username == credentials.username))
            stored = user.password_hash if user is not None else None
            user_id = user.id if user is not None else None
        if not _verify(stored or DUMMY_HASH, credentials.password) or user_id is None:
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail="wrong username or password")
        self.limits.give_back(taken, forget=[pair])
        return user_id


def _too_many(detail: str, taken: Taken) -> HTTPException:
    return HTTPException(
        status.HTTP_429_TOO_MANY_REQUESTS,
        detail=detail,
        headers={"Retry-After": str(taken.retry_after)},
    )
