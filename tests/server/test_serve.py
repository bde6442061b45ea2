"""``backcare serve`` in server mode for real: several workers on one fresh database (migrated
once, before they start), no local-mode warning, the server-mode footer; bad values are one
line."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.server.conftest import SECRET_KEY
from tests.web.test_api_serve import free_port, wait_for_health

HOST = "127.0.0.2"
"""A loopback address outside the default host names: the "anyone can reach this" case."""


def _server_env(home: Path) -> dict[str, str]:
    return os.environ | {
        "BACKCARE_HOME": str(home),
        "BACKCARE_MODE": "server",
        "BACKCARE_DATABASE_URL": f"sqlite:///{home / 'server.db'}",
        "BACKCARE_SECRET_KEY": SECRET_KEY,
    }


def test_server_mode_with_two_workers_and_no_local_warning(tmp_path: Path) -> None:
    port = free_port()
    command = [sys.executable, "-m", "backcare", "serve", "--host", HOST, "--port", str(port)]
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [*command, "--workers", "2"],
            env=_server_env(tmp_path),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        health = wait_for_health(f"http://{HOST}:{port}/api/health", server)
        assert isinstance(health, dict)
        assert health["mode"] == "server"
        with urllib.request.urlopen(f"http://{HOST}:{port}/login", timeout=5) as response:
            page = response.read().decode()
        assert "Your data stays on this backcare server" in page
        assert "Runs on this machine" not in page
        server.send_signal(signal.SIGINT)
        server.wait(timeout=20)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    output_text = log.read_text()
    assert "local mode has no accounts" not in output_text
    assert output_text.count("Started server process") == 2, output_text


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--workers", "0"], "error: --workers: must be at least 1, not 0"),
        (
            ["--workers", "2", "--reload"],
            "error: --workers: cannot be combined with --reload (one process reloads)",
        ),
    ],
)
def test_bad_worker_values_are_one_line(arguments: list[str], message: str) -> None:
    command = [sys.executable, "-m", "backcare", "serve", *arguments]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip() == message
