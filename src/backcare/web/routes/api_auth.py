"""``/api/auth``: register, log in (session cookie + CSRF token), log out. Server mode only.

Login answers ``{"csrf_token": …}``; every later POST, PUT, PATCH and DELETE must echo it in
the ``X-CSRF-Token`` header (the guard in ``web.security.guard`` checks it).
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from backcare.web.deps import BAD_BODY, SettingsDep, problem
from backcare.web.security.accounts import Credentials
from backcare.web.security.guard import accounts_of, client_address, session_of
from backcare.web.security.login_sessions import clear_session_cookies, set_session_cookies

router = APIRouter(prefix="/auth", tags=["accounts"])


class Registered(BaseModel):
    username: str


class LoggedIn(BaseModel):
    """Echo ``csrf_token`` in ``X-CSRF-Token`` on every state-changing request."""

    username: str
    csrf_token: str


class LoggedOut(BaseModel):
    logged_out: bool


@router.post(
    "/register",
    status_code=status.HTTP_201_CREATED,
    responses=BAD_BODY
    | problem(status.HTTP_409_CONFLICT, "The username is taken.")
    | problem(
        status.HTTP_429_TOO_MANY_REQUESTS,
        "Too many sign-ups from here, or too many logins at once; see Retry-After.",
    ),
)
async def register(credentials: Credentials, request: Request) -> Registered:
    """Create an account (then log in). Passwords: at least 10 characters."""
    await accounts_of(request).register(credentials)
    return Registered(username=credentials.username)


@router.post(
    "/login",
    responses=BAD_BODY
    | problem(status.HTTP_401_UNAUTHORIZED, "Wrong username or password.")
    | problem(
        status.HTTP_429_TOO_MANY_REQUESTS,
        "Too many failed logins, or too many logins at once; see Retry-After.",
    ),
)
async def login(
    credentials: Credentials, request: Request, response: Response, settings: SettingsDep
) -> LoggedIn:
    """Start a session: sets the session cookie and returns the CSRF token."""
    new = await accounts_of(request).login(credentials, client_address(request))
    set_session_cookies(response, new, secure=settings.cookie_secure)
    return LoggedIn(username=credentials.username, csrf_token=new.csrf_token)


@router.post("/logout")
async def logout(request: Request, response: Response, settings: SettingsDep) -> LoggedOut:
    """End this session on the server: the cookie stops working even if someone kept it."""
    await run_in_threadpool(accounts_of(request).sessions.revoke, session_of(request))
    clear_session_cookies(response, secure=settings.cookie_secure)
    return LoggedOut(logged_out=True)
