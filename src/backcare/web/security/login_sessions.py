"""Login sessions: the cookie is a random token signed with the secret key; the database keeps
only the token's SHA-256 with its CSRF token, expiry and revocation, so every app server in
front of the same database knows every session."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fastapi import Response
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import delete, or_, select, update

from backcare.store import Database
from backcare.store.models import AuthSession
from backcare.web.security.csrf import CSRF_COOKIE

SESSION_COOKIE = "backcare_session"
SESSION_LIFETIME = timedelta(days=14)
LAST_SEEN_EVERY = timedelta(minutes=5)
"""``last_seen_at`` is written at most this often, not on every request (one write saved per
request under load)."""


_LIVE_COLUMNS = select(
    AuthSession.user_id,
    AuthSession.csrf_token,
    AuthSession.last_seen_at,
    AuthSession.expires_at,
    AuthSession.revoked_at,
)
"""What ``resolve`` reads of a session row."""


def now_utc() -> datetime:
    """The real time, aware and in UTC: every clock's default."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class ActiveSession:
    user_id: int
    token_hash: str
    csrf_token: str


@dataclass(frozen=True)
class NewSession:
    cookie: str
    csrf_token: str


class LoginSessions:
    """Start, resolve and revoke the sessions kept in ``database``; ``clock`` says when (the
    app's clock, so a test can move time past an expiry)."""

    def __init__(
        self, database: Database, secret_key: str, clock: Callable[[], datetime] = now_utc
    ) -> None:
        self.database, self.clock = database, clock
        self.signer = URLSafeSerializer(secret_key, salt="backcare-session")

    def start(self, user_id: int) -> NewSession:
        """A new session; the user's expired and revoked ones are deleted on the way."""
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        now = self.clock()
        with self.database.session() as session:
            session.execute(
                delete(AuthSession).where(
                    AuthSession.user_id == user_id,
                    or_(AuthSession.expires_at <= now, AuthSession.revoked_at.is_not(None)),
                )
            )
            session.add(
                AuthSession(
                    token_hash=_token_hash(token),
                    user_id=user_id,
                    csrf_token=csrf,
                    created_at=now,
                    last_seen_at=now,
                    expires_at=now + SESSION_LIFETIME,
                )
            )
        return NewSession(cookie=self.signer.dumps(token), csrf_token=csrf)

    def resolve(self, cookie: str | None) -> ActiveSession | None:
        """The live session a cookie names: signed by us, known, not revoked, not expired."""
        if not cookie:
            return None
        try:
            token = self.signer.loads(cookie)
        except BadSignature:
            return None
        if not isinstance(token, str):
            return None
        now = self.clock()
        token_hash = _token_hash(token)
        with self.database.reading() as connection:  # every request passes here: Core, no BEGIN
            row = connection.execute(_LIVE_COLUMNS.where(AuthSession.token_hash == token_hash))
            found = row.first()
        if found is None or found.revoked_at is not None or found.expires_at <= now:
            return None
        if now - found.last_seen_at >= LAST_SEEN_EVERY:
            with self.database.statements() as session:
                session.execute(
                    update(AuthSession)
                    .where(AuthSession.token_hash == token_hash)
                    .values(last_seen_at=now)
                )
        return ActiveSession(found.user_id, token_hash, found.csrf_token)

    def revoke(self, active: ActiveSession) -> None:
        with self.database.session() as session:
            session.execute(
                update(AuthSession)
                .where(AuthSession.token_hash == active.token_hash)
                .values(revoked_at=self.clock())
            )


def set_session_cookies(response: Response, new: NewSession, *, secure: bool) -> None:
    max_age = int(SESSION_LIFETIME.total_seconds())
    response.set_cookie(
        SESSION_COOKIE, new.cookie, max_age=max_age, httponly=True, samesite="lax", secure=secure
    )
    response.set_cookie(
        CSRF_COOKIE, new.csrf_token, max_age=max_age, samesite="strict", secure=secure
    )


def clear_session_cookies(response: Response, *, secure: bool) -> None:
    for name in (SESSION_COOKIE, CSRF_COOKIE):
        response.delete_cookie(name, secure=secure, httponly=name == SESSION_COOKIE)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
