"""A throwaway PostgreSQL server for the test session, and a fresh database per test.

Debian's ``initdb``/``pg_ctl`` refuse to run as root, so as root they run as ``postgres`` on a
directory that user owns. The server is stopped even when tests fail.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROLE = "backcare_test"


def _bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        pytest.fail("PostgreSQL is not installed: run `make system-deps`")
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Server:
    def __init__(self, base: Path, port: int) -> None:
        self.bin = _bindir()
        self.base, self.port = base, port
        self.as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def run(self, tool: str, *args: str) -> None:
        subprocess.run(
            [*self.as_owner, str(self.bin / tool), *args],
            check=True,
            capture_output=True,
            timeout=60,
        )

    def sql(self, statement: str) -> None:
        self.run(
            "psql",
            "-h",
            str(self.base),
            "-p",
            str(self.port),
            "-U",
            "postgres",
            "-v",
            "ON_ERROR_STOP=1",
            "-c",
            statement,
        )

    def start(self) -> None:
        data = str(self.base / "data")
        self.run(
            "initdb",
            "-D",
            data,
            "-U",
            "postgres",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        self.launch()
        self.sql(f"CREATE ROLE {ROLE} LOGIN PASSWORD '{ROLE}'")

    def launch(self) -> None:
        """Start the initialised server (again, after ``stop``: a restart)."""
        data = str(self.base / "data")
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.base} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self.run(
            "pg_ctl",
            "-D",
            data,
            "-l",
            str(self.base / "server.log"),
            "-w",
            "-t",
            "30",
            "-o",
            options,
            "start",
        )

    def stop(self) -> None:
        self.run("pg_ctl", "-D", str(self.base / "data"), "-m", "fast", "-w", "stop")

    def new_database(self) -> str:
        name = f"t_{uuid.uuid4().hex[:12]}"
        self.sql(f"CREATE DATABASE {name} OWNER {ROLE}")
        return f"postgresql+psycopg://{ROLE}:{ROLE}@127.0.0.1:{self.port}/{name}"


@contextmanager
def running_server() -> Iterator[Server]:
    """A started server in a fresh directory, stopped and removed afterwards."""
    base = Path(tempfile.mkdtemp(prefix="backcare-pg-"))
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    server = Server(base, _free_port())
    try:
        server.start()
        yield server
    finally:
        if (base / "data" / "postmaster.pid").exists():
            server.stop()
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[Callable[[], str]]:
    """Call it for the URL of a new, empty database on the session's server."""
    with running_server() as server:
        yield server.new_database


@pytest.fixture
def own_postgres() -> Iterator[Server]:
    """A server of this test's own, for tests that stop and restart it."""
    with running_server() as server:
        yield server
