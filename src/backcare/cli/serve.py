"""``backcare serve``: run the local web app (pages and REST API) with uvicorn."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from backcare.cli.common import guarded
from backcare.config import DEFAULT_HOST, DEFAULT_PORT
from backcare.errors import InputError

APP_FACTORY = "backcare.web.app:app_from_environment"
"""An import string, so ``--reload`` can rebuild the app in a fresh process."""


@guarded
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = DEFAULT_HOST,
    port: Annotated[int, typer.Option(help="Port to listen on (1-65535).")] = DEFAULT_PORT,
    reload: Annotated[
        bool, typer.Option("--reload", help="Restart when the code changes (development).")
    ] = False,
) -> None:
    """Start the web app: open http://HOST:PORT/ in a browser; the API is under /api/."""
    import uvicorn

    from backcare.web.app import ALLOWED_HOSTS_ENV, LOOPBACK_HOSTS

    if not 1 <= port <= 65535:
        raise InputError(f"--port: must be between 1 and 65535, not {port}")
    if host not in LOOPBACK_HOSTS:
        os.environ.setdefault(ALLOWED_HOSTS_ENV, "*")
        print(
            f"warning: listening on {host}: anyone who can reach this machine can read and "
            "change your diary (local mode has no accounts).",
            file=sys.stderr,
        )
    print(f"backcare on http://{host}:{port}/ (API docs at /api/docs). Ctrl+C stops it.")
    uvicorn.run(APP_FACTORY, factory=True, host=host, port=port, reload=reload)
