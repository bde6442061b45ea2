"""``install(app, state)``: the one call ``create_app`` makes for security. In local mode it
only adds the security headers (harmless there). In server mode it also builds the accounts,
puts the guard in front of every route and adds the auth routes, pages and schema notes."""

from __future__ import annotations

from fastapi import FastAPI
from starlette.middleware import Middleware

from backcare.web.deps import AppState
from backcare.web.routes import api_auth, pages_auth
from backcare.web.security.accounts import Accounts
from backcare.web.security.guard import Guard
from backcare.web.security.headers import SecurityHeaders
from backcare.web.security.openapi import document_server_mode


def install(app: FastAPI, state: AppState) -> None:
    """Security headers always; accounts, the guard, the auth routes and pages in server
    mode (``create_app`` has already refused a weak secret key)."""
    if state.settings.mode == "server":
        assert state.settings.secret_key is not None
        app.state.accounts = Accounts(
            state.database,
            state.settings.secret_key,
            sign_ups_per_hour=state.settings.sign_ups_per_hour,
            clock=state.clock,
        )
        # Appended, so it runs innermost: after the host check, before the routes.
        app.user_middleware.append(Middleware(Guard))
        app.include_router(api_auth.router, prefix="/api")
        app.include_router(pages_auth.router)
        document_server_mode(app)
    app.add_middleware(SecurityHeaders)  # last added runs first
