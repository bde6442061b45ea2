"""The dependencies routes declare, each named once (``DbDep``, ``KbDep`` …).

Everything comes from ``app.state``, built once by ``create_app``; nothing is global. Each
dependency is ``async`` because it only reads what is already in memory: FastAPI runs a plain
``def`` dependency on its thread pool, one hand-over per dependency per request, which under
load costs more than the work itself. The current
user is the single local user in local mode; server mode (accounts, session cookies, CSRF) slots
in behind ``current_user`` without any route changing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, Request
from pydantic import BaseModel

from backcare.config import Settings
from backcare.knowledge import KnowledgeBase
from backcare.search import AskIndex, AskResult, ask
from backcare.store import Database
from backcare.web.plans import Plans
from backcare.web.security.guard import session_user
from backcare.web.security.login_sessions import now_utc


class SharedIndex:
    """The ask index behind a lock: its in-memory SQLite connection is shared by the threads
    FastAPI runs sync routes in, and one query at a time keeps their cursors apart.

    Loaded on first use, not at start-up: a worker that never answers a question (and every
    test app) skips the cost, and start-up stays quick. ``load`` reads the index stored beside
    the compiled knowledge base (``backcare.search.stored``), building it only when none is
    current."""

    def __init__(self, load: Callable[[], AskIndex]) -> None:
        self._load = load
        self._index: AskIndex | None = None
        self.lock = threading.Lock()

    @property
    def index(self) -> AskIndex:
        with self.lock:
            return self._built()

    def _built(self) -> AskIndex:
        """The index, loaded now if it is not yet (the caller holds the lock)."""
        if self._index is None:
            self._index = self._load()
        return self._index

    def ask(self, question: str, *, top: int) -> AskResult:
        with self.lock:
            return ask(self._built(), question, top=top)


@dataclass(frozen=True)
class AppState:
    """What the app builds at start-up and every request shares (read-only after start)."""

    settings: Settings
    database: Database
    kb: KnowledgeBase
    index: SharedIndex
    local_user_id: int
    plans: Plans
    clock: Callable[[], datetime] = now_utc
    """What time it is (aware, UTC): routes take "now" from here, so a test can set it."""


async def app_state(request: Request) -> AppState:
    state: AppState = request.app.state.backcare
    return state


StateDep = Annotated[AppState, Depends(app_state)]


async def get_settings(state: StateDep) -> Settings:
    return state.settings


async def get_database(state: StateDep) -> Database:
    return state.database


async def get_kb(state: StateDep) -> KnowledgeBase:
    return state.kb


async def get_index(state: StateDep) -> SharedIndex:
    return state.index


async def get_plans(state: StateDep) -> Plans:
    return state.plans


async def current_time(state: StateDep) -> datetime:
    """Now, from the app's clock (``create_app(clock=…)``), aware and in UTC."""
    return state.clock()


async def current_user(request: Request, state: StateDep) -> int:
    """The id whose rows a request may touch.

    Local mode: the one local user. Server mode: the account whose session the guard in
    ``web.security.guard`` checked (cookie, expiry, revocation, CSRF); without one, 401.
    """
    if state.settings.mode == "local":
        return state.local_user_id
    return session_user(request)


SettingsDep = Annotated[Settings, Depends(get_settings)]
DbDep = Annotated[Database, Depends(get_database)]
KbDep = Annotated[KnowledgeBase, Depends(get_kb)]
IndexDep = Annotated[SharedIndex, Depends(get_index)]
PlansDep = Annotated[Plans, Depends(get_plans)]
UserDep = Annotated[int, Depends(current_user)]
NowDep = Annotated[datetime, Depends(current_time)]


class Problem(BaseModel):
    """An error the API answers on purpose: one message that says what is wrong."""

    detail: str


def problem(code: int, description: str) -> dict[int | str, dict[str, Any]]:
    """An OpenAPI ``responses`` entry for an error a route answers with a ``Problem``."""
    return {code: {"model": Problem, "description": description}}


BAD_BODY = problem(400, "The body cannot be read at all (not UTF-8 text, for example).")
"""What FastAPI answers before validation when a body is not text; every body route has it."""
