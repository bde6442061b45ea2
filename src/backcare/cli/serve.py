"""``backcare serve``: run the web app (pages and REST API) with uvicorn."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from backcare.cli.common import guarded, settings
from backcare.config import DEFAULT_HOST, DEFAULT_PORT
from backcare.errors import InputError

APP_FACTORY = "backcare.web.app:app_from_environment"
"""An import string, so ``--reload`` and ``--workers`` can build the app in fresh processes
(each reads its settings from the environment this process passes on)."""


@guarded
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = DEFAULT_HOST,
    port: Annotated[int, typer.Option(help="Port to listen on (1-65535).")] = DEFAULT_PORT,
    workers: Annotated[
        int, typer.Option(help="Worker processes (server mode with many people; 1 locally).")
    ] = 1,
    reload: Annotated[
        bool, typer.Option("--reload", help="Restart when the code changes (development).")
    ] = False,
) -> None:
    """Start the web app: open http://HOST:PORT/ in a browser; the API is under /api/."""
    import uvicorn

    from backcare.web.app import ALLOWED_HOSTS_ENV, LOOPBACK_HOSTS

    _check(port=port, workers=workers, reload=reload)
    if host not in LOOPBACK_HOSTS:
        os.environ.setdefault(ALLOWED_HOSTS_ENV, "*")
        if settings().mode != "server":
            print(
                f"warning: listening on {host}: anyone who can reach this machine can read and "
                "change your diary (local mode has no accounts).",
                file=sys.stderr,
            )
    if workers > 1:
        _migrate_once()
    print(f"backcare on http://{host}:{port}/ (API docs at /api/docs). Ctrl+C stops it.")
    uvicorn.run(APP_FACTORY, factory=True, host=host, port=port, reload=reload, workers=workers)


def _check(*, port: int, workers: int, reload: bool) -> None:
    """One-line errors for values uvicorn would take badly or ignore silently."""
    if not 1 <= port <= 65535:
        raise InputError(f"--port: must be between 1 and 65535, not {port}")
    if workers < 1:
        raise InputError(f"--workers: must be at least 1, not {workers}")
    if workers > 1 and reload:
        raise InputError("--workers: cannot be combined with --reload (one process reloads)")


def _migrate_once() -> None:
    """Create or upgrade the database here, before the workers start: each worker opens it
    too, and several migrating one fresh database at once would collide."""
    from backcare.store import open_database

    open_database(settings()).close()
