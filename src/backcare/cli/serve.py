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
    from backcare.web.serving import HTTP_PROTOCOL

    _check(port=port, workers=workers, reload=reload)
    if not port_free(host, port):
        free = next(
            (p for p in range(port + 1, min(port + 50, 65535) + 1) if port_free(host, p)), None
        )
        hint = f"; try --port {free}" if free else ""
        raise InputError(f"--port: {port} on {host} is in use (another backcare?){hint}")
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
    if settings().is_sqlite:
        _warn_if_store_unusable()
    print(f"backcare on http://{host}:{port}/ (API docs at /api/docs). Ctrl+C stops it.")
    uvicorn.run(
        APP_FACTORY,
        factory=True,
        host=host,
        port=port,
        reload=reload,
        workers=workers,
        http=HTTP_PROTOCOL,
    )


def port_free(host: str, port: int) -> bool:
    """Whether uvicorn could listen on ``host:port`` now (same socket options as uvicorn)."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        return True  # a bad host name: uvicorn says so itself
    family, kind, proto, _name, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError:
            return False
    return True


def _check(*, port: int, workers: int, reload: bool) -> None:
    """One-line errors for values uvicorn would take badly or ignore silently."""
    if not 1 <= port <= 65535:
        raise InputError(f"--port: must be between 1 and 65535, not {port}")
    if workers < 1:
        raise InputError(f"--workers: must be at least 1, not {workers}")
    if workers > 1 and reload:
        raise InputError("--workers: cannot be combined with --reload (one process reloads)")


def _warn_if_store_unusable() -> None:
    """A damaged database still serves (every page says so, 503); say it here first."""
    from backcare.store import StoreError, open_database
    from backcare.store.database import writable

    try:
        open_database(settings(), read_only=not writable(settings())).close()
    except StoreError as error:
        print(f"warning: {error}; the app will answer 503 until it is fixed", file=sys.stderr)


def _migrate_once() -> None:
    """Create or upgrade the database here, before the workers start: each worker opens it
    too, and several migrating one fresh database at once would collide."""
    from backcare.store import open_database

    open_database(settings()).close()
