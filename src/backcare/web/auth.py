"""Server mode: accounts, login sessions, CSRF, login rate limiting and security headers.

``install(app, state)`` is the one call ``create_app`` makes. In local mode it only adds the
security headers (harmless there). In server mode it also adds the auth routes and pages and a
guard in front of every route: ``/api/…`` answers 401 without a session (except health, kb, the
API docs and register/login) and 403 when a state-changing request lacks the session's CSRF
token; pages redirect to the login screen. ``current_user`` then reads the user the guard found.

Passwords are argon2 hashes; the session cookie is a random token signed with the secret key,
and the database keeps only the token's SHA-256 with its expiry and revocation.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
import re
import secrets
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Annotated, Any
from urllib.parse import urlsplit

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import FastAPI, HTTPException, Request, status
from fastapi.responses import JSONResponse, RedirectResponse, Response
from itsdangerous import BadSignature, URLSafeSerializer
from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from sqlalchemy import delete, or_, select, update
from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware

from backcare.store import Database
from backcare.store.models import LOCAL_USERNAME, AuthSession, User

if TYPE_CHECKING:
    from backcare.web.deps import AppState

SESSION_COOKIE = "backcare_session"
CSRF_COOKIE = "backcare_csrf"
"""The CSRF token again, readable by the pages' own scripts (double submit); useless to
another site, which can neither read it nor set the header."""
CSRF_HEADER = "X-CSRF-Token"
SESSION_LIFETIME = timedelta(days=14)
LAST_SEEN_EVERY = timedelta(minutes=5)
"""``last_seen_at`` is written at most this often, not on every request (one write saved per
request under load)."""
MIN_PASSWORD_CHARS = 10
MAX_PASSWORD_CHARS = 256
"""A bound so a megabyte "password" cannot make hashing a denial of service."""
USERNAME_PATTERN = r"^[a-z0-9][a-z0-9._-]{2,31}$"
MAX_TRACKED_KEYS = 10_000
SIGN_UP_WINDOW_S = 60 * 60
"""Sign-ups one client address may try an hour: each costs an argon2 hash, so a loop of them
burns CPU. Enough for a household or an office behind one address (and the 40-person load
test); per process, like the login limiter."""
REGISTER_API = "/api/auth/register"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

PUBLIC_API = ("/api/health", "/api/kb", "/api/openapi.json", "/api/docs", "/api/auth/login")
"""Prefixes anyone may call: SPEC §7 names health and kb; the schema and its docs hold no data;
register and login are how a session starts."""
PUBLIC_PAGES = ("/login", "/register", "/static/", "/sw.js")

PASSWORD_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
"""OWASP's argon2id baseline (19 MiB, 2 passes): about 20 ms a hash on these machines."""
HASHING_SLOTS = threading.BoundedSemaphore(4)
"""At most four hashes at once, so a burst of logins cannot take 19 MiB per worker thread."""

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
"""No inline scripts or styles anywhere (the templates' looks live in ``app.css``; scripts set
styles through the DOM, which the policy allows)."""
WASM_PATHS = frozenset({"/session"})
"""Pages that may compile WebAssembly: the guided session runs the pose model ("Check my form",
served from ``/static/pose/``) in the browser. Still no inline or foreign script."""
WASM_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'")
SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
DOCS_PATH = "/api/docs"
INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.DOTALL)


# Input -----------------------------------------------------------------------------------


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


# Rate limiting -----------------------------------------------------------------------------


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


# Accounts and sessions ---------------------------------------------------------------------


@dataclass(frozen=True)
class ActiveSession:
    user_id: int
    token_hash: str
    csrf_token: str


@dataclass(frozen=True)
class NewSession:
    cookie: str
    csrf_token: str


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _hash(password: str) -> str:
    with HASHING_SLOTS:
        return PASSWORD_HASHER.hash(password)


def _verify(stored: str, password: str) -> bool:
    with HASHING_SLOTS:
        try:
            return PASSWORD_HASHER.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return False


DUMMY_HASH = PASSWORD_HASHER.hash(secrets.token_urlsafe(16))
"""Verified against when the username is unknown, so both failures take the same time."""


class Accounts:
    """Register, log in, resolve and revoke sessions; one per server-mode app."""

    def __init__(self, database: Database, secret_key: str, *, sign_ups_per_hour: int) -> None:
        self.database = database
        self.signer = URLSafeSerializer(secret_key, salt="backcare-session")
        self.delays = GrowingDelay()
        self.limiter = LoginLimiter(max_failures=ADDRESS_FAILURES)
        self.sign_ups = LoginLimiter(max_failures=sign_ups_per_hour, window=SIGN_UP_WINDOW_S)

    def admit_sign_up(self, client: str) -> None:
        """Count a sign-up attempt from this address; past the budget, 429 with Retry-After
        before any password is hashed."""
        keys = (f"addr:{client}",)
        wait = self.sign_ups.retry_after(keys)
        if wait is not None:
            raise HTTPException(
                status.HTTP_429_TOO_MANY_REQUESTS,
                detail="too many sign-ups from this address: try again later",
                headers={"Retry-After": str(wait)},
            )
        self.sign_ups.failed(keys)

    def register(self, credentials: Credentials) -> None:
        """A new account; 409 when the name is taken (register cannot hide that)."""
        password_hash = _hash(credentials.password)
        user = User(username=credentials.username, password_hash=password_hash, created_at=_now())
        try:
            with self.database.session() as session:
                session.add(user)
        except IntegrityError:
            raise HTTPException(
                status.HTTP_409_CONFLICT, detail="username: already taken"
            ) from None

    def login(self, credentials: Credentials, client: str) -> NewSession:
        """A session for the right password; one message for every wrong one (no hint whether
        the name exists). Failures slow down the same name from the same address (growing
        delays) and one address across names (a budget); never the name from elsewhere: 429
        with Retry-After."""
        pair, address = f"{credentials.username}|{client}", f"addr:{client}"
        wait = self.delays.retry_after(pair) or self.limiter.retry_after((address,))
        if wait is not None:
            raise HTTPException(
                status.HTTP_429_TOO_MANY_REQUESTS,
                detail=f"too many failed logins: try again in {wait} s",
                headers={"Retry-After": str(wait)},
            )
        with self.database.session() as session:
            user = session.scalar(select(User).where(User.username == credentials.username))
            stored = user.password_hash if user is not None else None
            user_id = user.id if user is not None else None
        if not _verify(stored or DUMMY_HASH, credentials.password) or user_id is None:
            self.delays.failed(pair)
            self.limiter.failed((address,))
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail="wrong username or password")
        self.delays.forget(pair)
        return self._start(user_id)

    def _start(self, user_id: int) -> NewSession:
        """A new session; the user's expired and revoked ones are deleted on the way."""
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        now = _now()
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
        now = _now()
        with self.database.session() as session:
            row = session.get(AuthSession, _token_hash(token))
            if row is None or row.revoked_at is not None or row.expires_at <= now:
                return None
            if now - row.last_seen_at >= LAST_SEEN_EVERY:
                row.last_seen_at = now
            return ActiveSession(row.user_id, row.token_hash, row.csrf_token)

    def revoke(self, active: ActiveSession) -> None:
        with self.database.session() as session:
            session.execute(
                update(AuthSession)
                .where(AuthSession.token_hash == active.token_hash)
                .values(revoked_at=_now())
            )


def _now() -> datetime:
    return datetime.now(UTC)


# Request side ------------------------------------------------------------------------------


def accounts_of(request: Request) -> Accounts:
    accounts: Accounts = request.app.state.accounts
    return accounts


def session_of(request: Request) -> ActiveSession:
    """The session the guard found; a route behind the guard always has one."""
    active: ActiveSession | None = getattr(request.state, "auth_session", None)
    if active is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail="sign in first")
    return active


def session_user(request: Request) -> int:
    """``current_user`` in server mode."""
    return session_of(request).user_id


def client_address(request: Request) -> str:
    """The peer address; behind a proxy, uvicorn's ``--proxy-headers`` makes it the client's."""
    return request.client.host if request.client else "unknown"


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


def _is_public(path: str) -> bool:
    if path.startswith("/api/"):
        return path == REGISTER_API or any(
            path == p or path.startswith((p + "/", p + "-")) for p in PUBLIC_API
        )
    return any(path == p or path.startswith(p) for p in PUBLIC_PAGES)


def _same_origin(request: Request) -> bool:
    """A page's form post names our own host in ``Origin`` (browsers send it on every POST;
    ``Referer`` stands in for old ones). Hosts, not schemes, are compared: behind a TLS proxy
    the app itself may see plain HTTP."""
    origin = request.headers.get("origin") or request.headers.get("referer")
    return bool(origin) and urlsplit(origin).netloc == request.headers.get("host")


async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    """Server mode's gate in front of every route (see the module docstring)."""
    path, is_api = request.url.path, request.url.path.startswith("/api/")
    unsafe = request.method not in SAFE_METHODS
    if unsafe and not is_api and not _same_origin(request):
        return JSONResponse({"detail": "cross-site form post refused"}, status_code=403)
    if request.method == "POST" and path == REGISTER_API:
        try:
            accounts_of(request).admit_sign_up(client_address(request))
        except HTTPException as refused:
            return JSONResponse(
                {"detail": refused.detail}, refused.status_code, headers=refused.headers
            )
    if _is_public(path):
        return await call_next(request)
    accounts = accounts_of(request)
    active = await run_in_threadpool(accounts.resolve, request.cookies.get(SESSION_COOKIE))
    if active is None:
        if is_api:
            return JSONResponse({"detail": "sign in first"}, status_code=401)
        return RedirectResponse("/login", status_code=status.HTTP_303_SEE_OTHER)
    if unsafe and is_api:
        sent = request.headers.get(CSRF_HEADER, "")
        if not hmac.compare_digest(sent.encode(), active.csrf_token.encode()):
            return JSONResponse(
                {"detail": f"missing or wrong {CSRF_HEADER} header"}, status_code=403
            )
    request.state.auth_session = active
    return await call_next(request)


# Security headers --------------------------------------------------------------------------

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class SecurityHeaders:
    """Adds the CSP and the other headers to every HTTP response that does not set its own
    (the exercise pictures have a stricter CSP). The Swagger UI page starts with one inline
    script: its CSP allows exactly that script, by hash."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
        elif scope["path"] == DOCS_PATH:
            await self._docs(scope, receive, send)
        else:

            async def send_with_headers(message: Message) -> None:
                if message["type"] == "http.response.start":
                    policy = WASM_CSP if scope["path"] in WASM_PATHS else CSP
                    message["headers"] = _with_headers(message.get("headers", []), policy)
                await send(message)

            await self.app(scope, receive, send_with_headers)

    async def _docs(self, scope: Scope, receive: Receive, send: Send) -> None:
        start: Message = {}
        body = b""

        async def collect(message: Message) -> None:
            nonlocal start, body
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                body += message.get("body", b"")

        await self.app(scope, receive, collect)
        hashes = " ".join(
            "'sha256-" + base64.b64encode(hashlib.sha256(script).digest()).decode() + "'"
            for script in INLINE_SCRIPT.findall(body)
        )
        policy = CSP.replace("script-src 'self'", f"script-src 'self' {hashes}".rstrip())
        start["headers"] = _with_headers(start.get("headers", []), policy)
        await send(start)
        await send({"type": "http.response.body", "body": body})


def _with_headers(headers: list[tuple[bytes, bytes]], policy: str) -> list[tuple[bytes, bytes]]:
    present = {name.lower() for name, _ in headers}
    wanted = {"Content-Security-Policy": policy} | SECURITY_HEADERS
    return list(headers) + [
        (name.lower().encode(), value.encode())
        for name, value in wanted.items()
        if name.lower().encode() not in present
    ]


# OpenAPI -----------------------------------------------------------------------------------

PROBLEM_SCHEMA = {"$ref": "#/components/schemas/Problem"}
SECURITY_SCHEMES = {
    "session": {"type": "apiKey", "in": "cookie", "name": SESSION_COOKIE},
    "csrf": {"type": "apiKey", "in": "header", "name": CSRF_HEADER},
}


def document_server_mode(app: FastAPI) -> None:
    """The schema says which routes need the session cookie (and the CSRF header), with their
    401 and 403 answers, so clients and the schema fuzzing know the rules."""
    plain_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = plain_openapi()
        components = schema.setdefault("components", {})
        components["securitySchemes"] = SECURITY_SCHEMES
        components.setdefault("schemas", {}).setdefault("Problem", PROBLEM)
        for path, operations in schema["paths"].items():
            if not _is_public(path):
                for method, operation in operations.items():
                    _secure(operation, unsafe=method.upper() not in SAFE_METHODS)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


PROBLEM = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
    "title": "Problem",
}


def _secure(operation: dict[str, Any], *, unsafe: bool) -> None:
    content = {"application/json": {"schema": PROBLEM_SCHEMA}}
    responses = operation.setdefault("responses", {})
    responses["401"] = {"description": "Not logged in (no live session).", "content": content}
    if unsafe:
        responses["403"] = {
            "description": f"Missing or wrong {CSRF_HEADER} header.",
            "content": content,
        }
    operation["security"] = [{"session": [], "csrf": []} if unsafe else {"session": []}]


# Installing --------------------------------------------------------------------------------


def install(app: FastAPI, state: AppState) -> None:
    """Security headers always; accounts, the guard, the auth routes and pages in server
    mode (``create_app`` has already refused a weak secret key)."""
    if state.settings.mode == "server":
        from backcare.web.routes import api_auth, pages_auth

        assert state.settings.secret_key is not None
        app.state.accounts = Accounts(
            state.database,
            state.settings.secret_key,
            sign_ups_per_hour=state.settings.sign_ups_per_hour,
        )
        # Appended, so it runs innermost: after the host check, before the routes.
        app.user_middleware.append(Middleware(BaseHTTPMiddleware, dispatch=guard))
        app.include_router(api_auth.router, prefix="/api")
        app.include_router(pages_auth.router)
        document_server_mode(app)
    app.add_middleware(SecurityHeaders)  # last added runs first
