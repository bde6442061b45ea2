"""Local mode under a crowd: 50 writers at once on one SQLite file, CLI processes and the web
app together (WAL, busy timeout, short ``BEGIN IMMEDIATE`` transactions). Nothing is lost,
no "database is locked" reaches anyone, and the file checks out whole."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from backcare import services
from backcare.store import open_url
from tests.store.test_reliability import _integrity
from tests.web.test_api_serve import free_port, wait_for_health

CLI_WRITERS, WEB_WRITERS = 25, 25


def test_fifty_writers_on_one_sqlite_file_lose_nothing(tmp_path: Path) -> None:
    env = os.environ | {"BACKCARE_HOME": str(tmp_path)}
    port = free_port()
    serve = [sys.executable, "-m", "backcare", "serve", "--port", str(port)]
    with (tmp_path / "serve.log").open("wb") as log:
        server = subprocess.Popen(serve, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for_health(f"http://127.0.0.1:{port}/api/health", server)
        log_command = [sys.executable, "-m", "backcare", "log", "4", "--note"]
        cli = [
            subprocess.Popen(
                [*log_command, f"cli-{n}"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
            )
            for n in range(CLI_WRITERS)
        ]

        def web_write(number: int) -> httpx.Response:
            body = {"score": 5, "note": f"web-{number}"}
            return httpx.post(f"http://127.0.0.1:{port}/api/diary/pain", json=body, timeout=60)

        with ThreadPoolExecutor(max_workers=WEB_WRITERS) as pool:
            web = list(pool.map(web_write, range(WEB_WRITERS)))
        cli_results = [(p.wait(timeout=300), p.communicate()[1].decode()) for p in cli]
    finally:
        server.terminate()
        server.wait(timeout=30)
    url = f"sqlite:///{tmp_path / 'backcare.db'}"
    database = open_url(url)
    notes = [p.note for p in services.list_pain(database, user_id=services.local_user_id(database))]
    database.close()
    failed = [err for code, err in cli_results if code != 0] + [
        r.text for r in web if r.status_code != 201
    ]
    locked = [text for text in failed if "locked" in text]
    expected = {f"cli-{n}" for n in range(CLI_WRITERS)} | {f"web-{n}" for n in range(WEB_WRITERS)}
    print(
        f"50-way SQLite: {len(expected - set(notes))} lost, {len(failed)} failed, "
        f"{len(locked)} 'database is locked', {len(notes)} stored"
    )
    assert failed == []
    assert sorted(notes) == sorted(expected)
    assert _integrity(url) == "ok"
