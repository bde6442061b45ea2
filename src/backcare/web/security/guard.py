"""Server mode's gate in front of every route, and what it leaves on the request.

``/api/…`` answers 401 without a session (except health, kb, the API docs and register/login)
and 403 when a state-changing request lacks the session's CSRF token; pages redirect to the
login screen; page forms from another site are refused. Sign-up attempts are counted here,
before the body is read. ``session_user`` then reads the user the guard found.
"""

from __future__ import annotations

from fastapi import HTTPException, Request, status
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from backcare.store import StoreError
from backcare.web.security import csrf
from backcare.web.security.accounts import Accounts
from backcare.web.security.login_sessions import SESSION_COOKIE, ActiveSession
from backcare.web.unavailable import store_unavailable

REGISTER_API = "/api/auth/register"
PUBLIC_API = ("/api/health", "/api/kb", "/api/openapi.json", "/api/docs", "/api/auth/login")
"""Prefixes anyone may call: SPEC §7 names health and kb; the schema and its docs hold no data;
register and login are how a session starts."""
PUBLIC_PAGES = ("/login", "/register", "/static/", "/sw.js")


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


def is_public(path: str) -> bool:
    if path.startswith("/api/"):
        return path == REGISTER_API or any(
            path == p or path.startswith((p + "/", p + "-")) for p in PUBLIC_API
        )
    return any(path == p or path.startswith(p) for p in PUBLIC_PAGES)


class Guard:
    """Server mode's gate as plain ASGI middleware (see the module docstring). Plain, not
    ``BaseHTTPMiddleware``: that one runs every request through an extra task and a pair of
    memory streams, which cost more than the session check itself. It runs outside the app's
    error handlers, so storage trouble in the check is answered here: 503, not 500."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        try:
            refusal = await _refusal(request)
        except StoreError as error:
            refusal = store_unavailable(request, error)
        if refusal is None:
            await self.app(scope, receive, send)
        else:
            await refusal(scope, receive, send)


async def _refusal(request: Request) -> Response | None:
    """The answer for a request the gate stops, or ``None`` to let it through (then with the
    session the route will read)."""
    path, is_api = request.url.path, request.url.path.startswith("/api/")
    unsafe = request.method not in csrf.SAFE_METHODS
    if unsafe and not is_api and not csrf.same_origin(request):
        return JSONResponse({"detail": "cross-site form post refused"}, status_code=403)
    if request.method == "POST" and path == REGISTER_API:
        try:
            await run_in_threadpool(accounts_of(request).admit_sign_up, client_address(request))
        except HTTPException as refused:
            return JSONResponse(
                {"detail": refused.detail}, refused.status_code, headers=refused.headers
            )
    if is_public(path):
        return None
    sessions = accounts_of(request).sessions
    active = await run_in_threadpool(sessions.resolve, request.cookies.get(SESSION_COOKIE))
    if active is None:
        if is_api:
            return JSONResponse({"detail": "sign in first"}, status_code=401)
        return RedirectResponse("/login", status_code=status.HTTP_303_SEE_OTHER)
    if unsafe and is_api and not csrf.token_matches(request, active.csrf_token):
        return JSONResponse(
            {"detail": f"missing or wrong {csrf.CSRF_HEADER} header"}, status_code=403
        )
    request.state.auth_session = active
    return None
