"""``create_app(settings)``: the FastAPI app behind ``backcare serve``, the pages and the API.

The database and the knowledge base are opened once here (the ask index on its first question),
not per request and not at import time, so tests and the CLI build exactly the app they need.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from datetime import datetime
from functools import partial
from pathlib import Path

from fastapi import FastAPI, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.trustedhost import TrustedHostMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import OperationalError
from swagger_ui_bundle import swagger_ui_path

from backcare import DISCLAIMER, __version__, services
from backcare.config import Settings, load_settings
from backcare.errors import InputError, UnknownEntryError
from backcare.knowledge import load_knowledge_base
from backcare.search.stored import load_index
from backcare.store import StoreError, open_database
from backcare.store.database import describe_store_problem, writable
from backcare.web import server_mode
from backcare.web.deps import AppState, SharedIndex
from backcare.web.json_body import StrictJsonBodies, validation_problem
from backcare.web.plans import Plans
from backcare.web.routes import (
    api_ask,
    api_breaks,
    api_check,
    api_data,
    api_diary,
    api_health,
    api_kb,
    api_plan,
    api_profile,
    api_programme,
    api_questionnaires,
    api_sessions,
    pages,
)
from backcare.web.security.login_sessions import now_utc
from backcare.web.unavailable import store_unavailable

STATIC_DIR = Path(__file__).parent / "static"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost")
"""The host names the app answers to by default. A web page whose own name an attacker points
at 127.0.0.1 (DNS rebinding) still sends that name, is refused, and cannot read the diary."""
ALLOWED_HOSTS_ENV = "BACKCARE_ALLOWED_HOSTS"
MIN_SECRET_KEY_CHARS = 32
"""Server mode signs session cookies with the secret key; shorter keys can be guessed."""

API_DESCRIPTION = f"""\
The REST API of backcare, a back-pain self-care coach: the safety check, the personal plan,
ask, the knowledge base and the person's diary. The same models as the `backcare` CLI.

**{DISCLAIMER}** It does not replace a doctor; the safety check says when to see one.
"""

API_ROUTERS = (
    api_health,
    api_check,
    api_plan,
    api_ask,
    api_kb,
    api_diary,
    api_breaks,
    api_sessions,
    api_programme,
    api_profile,
    api_data,
    api_questionnaires,
)


def create_app(
    settings: Settings,
    *,
    allowed_hosts: Sequence[str] = LOOPBACK_HOSTS,
    clock: Callable[[], datetime] = now_utc,
) -> FastAPI:
    """The app for these settings: database opened (and migrated), knowledge base loaded, the ask
    index ready to load on its first question, routers included, ``/static`` mounted;
    requests for other host names refused. ``clock`` tells the routes that ask (``NowDep``)
    what time it is."""
    _refuse_weak_server_key(settings)
    kb = load_knowledge_base(cache_dir=settings.cache_dir)
    database = open_database(settings, read_only=not writable(settings))
    state = AppState(
        settings=settings,
        database=database,
        kb=kb,
        index=SharedIndex(partial(load_index, settings.cache_dir)),
        local_user_id=services.local_user_id(database),
        plans=Plans(kb),
        clock=clock,
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        database.close()

    app = FastAPI(
        title="backcare",
        version=__version__,
        description=API_DESCRIPTION,
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.backcare = state
    app.add_middleware(StrictJsonBodies)  # added first, so it runs after the host check
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    for module in API_ROUTERS:
        app.include_router(module.router, prefix="/api")
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _add_docs(app)
    _add_error_handlers(app)
    server_mode.install(app, state)
    return app


def app_from_environment() -> FastAPI:
    """The app for the settings in the environment (the factory ``backcare serve`` runs);
    ``BACKCARE_ALLOWED_HOSTS`` (comma-separated, ``*`` for any) widens the host names. When
    the database cannot be opened (damaged, unreachable), an app that answers every request
    with a 503 saying so, instead of a server that does not start."""
    hosts = os.environ.get(ALLOWED_HOSTS_ENV)
    try:
        return create_app(
            load_settings(), allowed_hosts=hosts.split(",") if hosts else LOOPBACK_HOSTS
        )
    except StoreError as error:
        return unavailable_app(error)


def unavailable_app(error: StoreError) -> FastAPI:
    """Every request answered 503 with what is wrong: problem JSON under ``/api/``, a page
    elsewhere."""
    app = FastAPI(title="backcare (unavailable)", openapi_url=None, docs_url=None, redoc_url=None)
    methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    @app.api_route("/{path:path}", methods=methods, include_in_schema=False)
    def unavailable(request: Request, path: str) -> Response:
        return store_unavailable(request, error)

    return app


def _add_docs(app: FastAPI) -> None:
    """Swagger UI at ``/api/docs`` from the files the ``swagger-ui-bundle-v2`` package ships:
    FastAPI's default page loads them from a CDN, and backcare makes no network calls."""
    app.mount("/api/docs-assets", StaticFiles(directory=swagger_ui_path), name="docs-assets")

    @app.get("/api/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/api/openapi.json",
            title="backcare API",
            swagger_js_url="/api/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/api/docs-assets/swagger-ui.css",
            swagger_favicon_url="/api/docs-assets/favicon-32x32.png",
            swagger_ui_parameters={"validatorUrl": None},  # else it calls validator.swagger.io
        )


def _refuse_weak_server_key(settings: Settings) -> None:
    key = settings.secret_key or ""
    if settings.mode == "server" and len(key) < MIN_SECRET_KEY_CHARS:
        raise InputError(
            f"BACKCARE_SECRET_KEY: server mode needs a random key of at least "
            f"{MIN_SECRET_KEY_CHARS} characters"
        )


def _add_error_handlers(app: FastAPI) -> None:
    """Our own errors as JSON with a message: unknown ids 404, bad input 422, busy database
    503 (try again). Anything else is a bug and stays a 500."""
    app.add_exception_handler(RequestValidationError, validation_problem)

    @app.exception_handler(UnknownEntryError)
    async def unknown_entry(_request: Request, error: UnknownEntryError) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=status.HTTP_404_NOT_FOUND)

    @app.exception_handler(InputError)
    async def bad_input(_request: Request, error: InputError) -> JSONResponse:
        return JSONResponse(
            {"detail": str(error)}, status_code=status.HTTP_422_UNPROCESSABLE_CONTENT
        )

    @app.exception_handler(OverflowError)
    async def out_of_range(request: Request, error: OverflowError) -> JSONResponse:
        """A date near year 1 or 9999 that overflows when moved to UTC: bad input, not a bug."""
        where = "body" if request.method in ("POST", "PUT", "PATCH") else "query"
        problem = {"type": "value_error", "loc": [where], "msg": f"out of range: {error}"}
        return JSONResponse(
            {"detail": [problem]}, status_code=status.HTTP_422_UNPROCESSABLE_CONTENT
        )

    @app.exception_handler(StoreError)
    @app.exception_handler(OperationalError)
    async def store_trouble(request: Request, error: Exception) -> Response:
        """Busy, read-only, damaged or full: 503 with what to do (never a 500)."""
        problem = error if isinstance(error, StoreError) else describe_store_problem(error)
        return store_unavailable(request, problem)
