"""``backcare serve`` for real: a subprocess on a free port answers ``/api/health``."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from backcare.web.app import ALLOWED_HOSTS_ENV, app_from_environment

STARTUP_SECONDS = 60
"""A cold start compiles the knowledge-base cache (a few seconds); a slow CI machine gets more."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def get_json(url: str) -> object:
    with urllib.request.urlopen(url, timeout=2) as response:
        return json.load(response)


def status_with_host(port: int, host: str) -> int:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/health", headers={"Host": host})
    try:
        with urllib.request.urlopen(request, timeout=2) as response:
            status: int = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    return status


def wait_for_health(url: str, server: subprocess.Popen[bytes]) -> object:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        assert server.poll() is None, "backcare serve exited before answering"
        try:
            return get_json(url)
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"no answer from {url} within {STARTUP_SECONDS} s")


def test_backcare_serve_answers_health_and_stops_on_interrupt(tmp_path: Path) -> None:
    port = free_port()
    environ = os.environ | {"BACKCARE_HOME": str(tmp_path)}
    command = [sys.executable, "-m", "backcare", "serve", "--port", str(port)]
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        server = subprocess.Popen(command, env=environ, stdout=output, stderr=subprocess.STDOUT)
    try:
        health = wait_for_health(f"http://127.0.0.1:{port}/api/health", server)
        assert isinstance(health, dict)
        assert health["status"] == "ok"
        assert status_with_host(port, "rebound.example") == 400
        server.send_signal(signal.SIGINT)
        assert server.wait(timeout=15) == 0, log.read_text()
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    assert (tmp_path / "backcare.db").exists()


def test_backcare_serve_refuses_a_bad_port() -> None:
    command = [sys.executable, "-m", "backcare", "serve", "--port", "70000"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip() == "error: --port: must be between 1 and 65535, not 70000"


def test_the_served_app_answers_any_host_name_when_told_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``serve --host 0.0.0.0`` sets ``BACKCARE_ALLOWED_HOSTS=*`` for the app it runs."""
    monkeypatch.setenv("BACKCARE_HOME", str(tmp_path))
    monkeypatch.setenv(ALLOWED_HOSTS_ENV, "*")
    with TestClient(app_from_environment(), base_url="http://192.168.1.20:8000") as client:
        assert client.get("/api/health").status_code == 200
