"""Resolving a session runs outside a transaction on PostgreSQL (``Database.statements``): what
it reads and the one write it makes (``last_seen_at``, at most every few minutes) must still
be exactly what the database holds, on both databases."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from backcare.store.models import AuthSession
from backcare.web.security.login_sessions import LAST_SEEN_EVERY, now_utc


def _last_seen(app: FastAPI) -> list[object]:
    with app.state.backcare.database.session() as session:
        return list(session.scalars(select(AuthSession.last_seen_at)))


def test_a_session_seen_long_ago_is_marked_seen_now_and_kept(
    app: FastAPI, alice: TestClient
) -> None:
    long_ago = now_utc() - 2 * LAST_SEEN_EVERY
    with app.state.backcare.database.session() as session:
        session.execute(update(AuthSession).values(last_seen_at=long_ago))
    assert alice.get("/api/diary/pain").status_code == 200
    (seen,) = _last_seen(app)
    assert now_utc() - seen < LAST_SEEN_EVERY  # type: ignore[operator]


def test_a_session_seen_just_now_is_not_written_again(app: FastAPI, alice: TestClient) -> None:
    before = _last_seen(app)
    assert alice.get("/api/diary/pain").status_code == 200
    assert _last_seen(app) == before


def test_a_revoked_session_is_refused_at_once(app: FastAPI, alice: TestClient) -> None:
    with app.state.backcare.database.session() as session:
        session.execute(update(AuthSession).values(revoked_at=now_utc()))
    assert alice.get("/api/diary/pain").status_code == 401
