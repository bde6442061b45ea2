"""Real app servers for the scale-out and fault tests: ``backcare serve`` processes, each on
its own port, in server mode on one database, as behind a load balancer. A client is an
``httpx.Client`` that sends its session cookie and CSRF token to whichever server it asks."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.server.conftest import PASSWORD, SECRET_KEY
from tests.store.postgres import _free_port
from tests.web.test_api_serve import wait_for_health


@dataclass
class AppServer:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flushing; what a crash or the OOM killer does."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=20)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


def server_env(home: Path, database_url: str, **extra: str) -> dict[str, str]:
    """What each app server needs: the same database URL and secret key, nothing else shared."""
    return os.environ | {
        "BACKCARE_HOME": str(home),
        "BACKCARE_MODE": "server",
        "BACKCARE_DATABASE_URL": database_url,
        "BACKCARE_SECRET_KEY": SECRET_KEY,
        "BACKCARE_COOKIE_SECURE": "0",
        **extra,
    }


@contextmanager
def app_servers(
    count: int, base: Path, database_url: str, **extra: str
) -> Iterator[list[AppServer]]:
    """Start ``count`` servers at once (they migrate the fresh database together), wait until
    each answers, and stop them all afterwards."""
    servers = []
    try:
        for number in range(count):
            home, port = base / f"server{number}", _free_port()
            home.mkdir(parents=True, exist_ok=True)
            log = home / "serve.log"
            command = [sys.executable, "-m", "backcare", "serve", "--port", str(port)]
            with log.open("wb") as output:
                process = subprocess.Popen(
                    command,
                    env=server_env(home, database_url, **extra),
                    stdout=output,
                    stderr=subprocess.STDOUT,
                )
            servers.append(AppServer(f"http://127.0.0.1:{port}", process, log))
        for server in servers:
            wait_for_health(f"{server.url}/api/health", server.process)
        yield servers
    finally:
        for server in servers:
            server.stop()


def person(address: str = "127.0.0.1") -> httpx.Client:
    """A client whose requests come from ``address`` (the ``X-Forwarded-For`` a reverse proxy
    sets; uvicorn trusts it from loopback)."""
    return httpx.Client(headers={"X-Forwarded-For": address}, timeout=30)


def sign_up(client: httpx.Client, server: AppServer, username: str) -> None:
    """Register and log in on ``server``; the client then sends the CSRF token everywhere."""
    credentials = {"username": username, "password": PASSWORD}
    assert client.post(f"{server.url}/api/auth/register", json=credentials).status_code == 201
    response = client.post(f"{server.url}/api/auth/login", json=credentials)
    assert response.status_code == 200, response.text
    client.headers["X-CSRF-Token"] = response.json()["csrf_token"]
