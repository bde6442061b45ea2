"""Server mode's pages: log in, register, the account page with log out.

Forms post to the same origin (the guard refuses cross-site posts); the page flow reuses the
API's rules (``Credentials``, ``Accounts``) so a field error reads the same in both.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from backcare.store.models import User
from backcare.web.routes.pages_common import render, state_of
from backcare.web.security.accounts import Credentials
from backcare.web.security.guard import accounts_of, client_address, session_of, session_user
from backcare.web.security.login_sessions import clear_session_cookies, set_session_cookies

router = APIRouter(include_in_schema=False)


def _form_page(request: Request, mode: str, status_code: int = 200, **context: Any) -> Response:
    return render(request, f"auth/{mode}.html", status_code=status_code, **context)


async def _credentials(request: Request) -> tuple[Credentials | None, dict[str, str], str]:
    """The form's credentials, or the message for each bad field (and the name typed)."""
    form = await request.form()
    username, password = str(form.get("username", "")), str(form.get("password", ""))
    try:
        return Credentials(username=username, password=password), {}, username
    except ValidationError as error:
        errors = {str(e["loc"][0]): f"{e['loc'][0]}: {_plain(e['msg'])}" for e in error.errors()}
        return None, errors, username


def _plain(message: str) -> str:
    """Pydantic's wording without its "Value error, " prefix (a person reads this)."""
    return message.removeprefix("Value error, ")


@router.get("/login")
def login_page(request: Request) -> Response:
    return _form_page(request, "login", username="", errors={})


@router.post("/login")
async def login(request: Request) -> Response:
    credentials, errors, username = await _credentials(request)
    if credentials is None:  # one message: a rule hint here would tell which names exist
        errors = {"form": "Wrong username or password."}
        return _form_page(request, "login", 401, username=username, errors=errors)
    try:
        new = await accounts_of(request).login(credentials, client_address(request))
    except HTTPException as refused:
        errors = {"form": str(refused.detail).capitalize() + "."}
        page = _form_page(request, "login", refused.status_code, username=username, errors=errors)
        page.headers.update(refused.headers or {})
        return page
    response = RedirectResponse("/", status_code=status.HTTP_303_SEE_OTHER)
    set_session_cookies(response, new, secure=state_of(request).settings.cookie_secure)
    return response


@router.get("/register")
def register_page(request: Request) -> Response:
    return _form_page(request, "register", username="", errors={})


@router.post("/register")
async def register(request: Request) -> Response:
    credentials, errors, username = await _credentials(request)
    accounts = accounts_of(request)
    try:
        # counted like the API's sign-ups (a database write: off the event loop)
        await run_in_threadpool(accounts.admit_sign_up, client_address(request))
        if credentials is None:
            return _form_page(request, "register", 422, username=username, errors=errors)
        await accounts.register(credentials)
    except HTTPException as refused:
        field = "username" if refused.status_code == status.HTTP_409_CONFLICT else "form"
        errors = {field: str(refused.detail)}
        page = _form_page(
            request, "register", refused.status_code, username=username, errors=errors
        )
        page.headers.update(refused.headers or {})
        return page
    return _form_page(request, "login", username=credentials.username, errors={}, registered=True)


@router.get("/account")
def account(request: Request) -> Response:
    """Who is signed in (on a shared computer that is worth seeing) and the way out."""
    with state_of(request).database.session() as session:
        username = session.scalar(select(User.username).where(User.id == session_user(request)))
    return render(request, "auth/account.html", username=username)


@router.post("/logout")
async def logout(request: Request) -> Response:
    await run_in_threadpool(accounts_of(request).sessions.revoke, session_of(request))
    response = RedirectResponse("/login", status_code=status.HTTP_303_SEE_OTHER)
    clear_session_cookies(response, secure=state_of(request).settings.cookie_secure)
    return response
