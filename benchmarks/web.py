"""The web app and REST API, measured side by side in one run over real HTTP (uvicorn in a
thread, a real SQLite file in a temporary ``BACKCARE_HOME``).

- Start-up: the first ``create_app`` in this process (what a server worker pays when it starts:
  the database already migrated, the compiled knowledge base current), against a warm one; and,
  printed apart, the first start on a new database (Alembic creates the schema once).
- Per request: each API call against the same work done by calling the core directly
  (the cost of HTTP, validation and JSON), and ``POST /api/plan`` against a cold
  ``backcare plan --json`` process (why ``serve`` keeps the knowledge base in memory).
- Concurrent pain logging from several threads: throughput, and that no request failed.
"""

from __future__ import annotations

import json
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import uvicorn

from backcare.config import load_settings
from backcare.profile import Profile
from backcare.search import ask
from backcare.store import open_database
from backcare.triage import evaluate
from backcare.web import create_app
from benchmarks.measures import at_most

PROFILE = {"age": 34, "sex": "female", "work": ["sitting"], "pain": {"score": 4}}
QUESTION = "can I use a foam shaft on my lower back?"
WRITERS = 8
WRITES_PER_WRITER = 25


def median_ms(function: Callable[[], object], repeat: int) -> float:
    function()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def run() -> None:
    with tempfile.TemporaryDirectory() as home:
        _measure(Path(home))


def _measure(home: Path) -> None:
    settings = load_settings({"BACKCARE_HOME": str(home)})
    open_database(settings).close()  # migrated, as when a server worker starts
    start = time.perf_counter()
    app = create_app(settings)
    cold = (time.perf_counter() - start) * 1000
    warm = median_ms(lambda: create_app(settings), 5)
    print(f"create_app: first in process {cold:.0f} ms, warm {warm:.0f} ms ({cold / warm:.1f}x)")
    at_most("create_app() first in process, database migrated (ms)", cold, 250)
    fresh = load_settings({"BACKCARE_HOME": str(home / "new")})
    start = time.perf_counter()
    create_app(fresh)
    print(f"create_app: on a new database {(time.perf_counter() - start) * 1000:.0f} ms")

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
            _per_request(app.state.backcare, client)
            _plan_against_cli(client, home)
        _concurrent_writes(f"http://127.0.0.1:{port}")
    finally:
        server.should_exit = True
        thread.join()


def _per_request(state: object, client: httpx.Client) -> None:
    kb = state.kb  # type: ignore[attr-defined]
    profile = Profile.model_validate(PROFILE)
    rows = [
        ("GET /api/health", lambda: client.get("/api/health"), lambda: len(kb)),
        (
            "POST /api/check",
            lambda: client.post("/api/check", json=PROFILE),
            lambda: evaluate(profile, kb),
        ),
        (
            "GET /api/ask",
            lambda: client.get("/api/ask", params={"q": QUESTION}),
            lambda: ask(state.index.index, QUESTION),  # type: ignore[attr-defined]
        ),
        ("GET /api/kb/bridge", lambda: client.get("/api/kb/bridge"), lambda: kb.get("bridge")),
    ]
    print("per request (median): API over HTTP vs the core called directly, and the difference")
    for name, over_http, direct in rows:
        api, core = median_ms(over_http, 50), median_ms(direct, 50)
        print(
            f"  {name:<18} {api:6.2f} ms vs {core:6.3f} ms: HTTP and JSON add {api - core:5.2f} ms"
        )


def _plan_against_cli(client: httpx.Client, home: Path) -> None:
    body = {"profile": PROFILE, "week": 2}
    api = median_ms(lambda: client.post("/api/plan", json=body), 20)
    path = home / "profile.json"
    path.write_text(json.dumps(PROFILE))
    command = [sys.executable, "-m", "backcare", "plan", "--profile", str(path), "--json"]
    environ = {"BACKCARE_HOME": str(home), "PATH": "/usr/bin:/bin"}
    cli = median_ms(
        lambda: subprocess.run(command, env=environ, capture_output=True, check=True), 5
    )
    print(
        f"plan: POST /api/plan {api:.1f} ms vs backcare plan --json {cli:.0f} ms "
        f"({cli / api:.0f}x faster from the running server)"
    )


def _concurrent_writes(base_url: str) -> None:
    def writer(_: int) -> list[int]:
        with httpx.Client(base_url=base_url, timeout=30) as client:
            return [
                client.post("/api/diary/pain", json={"score": 3}).status_code
                for _ in range(WRITES_PER_WRITER)
            ]

    start = time.perf_counter()
    with ThreadPoolExecutor(WRITERS) as pool:
        codes = [code for codes in pool.map(writer, range(WRITERS)) for code in codes]
    seconds = time.perf_counter() - start
    failed = sum(1 for code in codes if code != 201)
    print(
        f"concurrent pain logging: {WRITERS} clients x {WRITES_PER_WRITER} writes, "
        f"{len(codes) / seconds:.0f} writes/s, {failed} failed"
    )
    at_most("concurrent pain logging (SQLite): writes failed", failed, 0)
