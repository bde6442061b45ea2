"""Crash safety and concurrency with real processes writing one real SQLite file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import text

from backcare import services
from backcare.store import open_url

WRITER = """
import sys
from datetime import UTC, datetime
from backcare import services
from backcare.schemas import PainEntryCreate
from backcare.store import open_url

url, count, tag = sys.argv[1], int(sys.argv[2]), sys.argv[3]
database = open_url(url)
user = services.local_user_id(database)
print("ready", flush=True)
if sys.argv[4:] == ["wait"]:
    sys.stdin.readline()
for i in range(count):
    entry = PainEntryCreate(score=i % 11, note=f"{tag}-{i}", at=datetime.now(UTC))
    saved = services.log_pain(database, user_id=user, entry=entry)
    print(saved.id, flush=True)
"""


def _writer(url: str, count: int, tag: str, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, url, str(count), tag, *extra],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _integrity(url: str) -> str:
    database = open_url(url)
    with database.engine.connect() as connection:
        result = connection.execute(text("PRAGMA integrity_check")).scalar()
    database.close()
    return str(result)


def test_sigkill_mid_writes_loses_no_acknowledged_entry(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'backcare.db'}"
    open_url(url).close()
    with _writer(url, 100_000, "kill") as child:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        acknowledged = [int(child.stdout.readline()) for _ in range(100)]
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        acknowledged += [int(line) for line in child.stdout.read().split()]  # printed before death
    assert child.returncode == -signal.SIGKILL

    assert _integrity(url) == "ok"
    database = open_url(url)
    stored = {p.id for p in services.list_pain(database, user_id=services.local_user_id(database))}
    database.close()
    assert set(acknowledged) <= stored
    assert len(stored) - len(acknowledged) <= 1  # at most the one committed but not yet printed


def test_two_processes_writing_at_once_both_succeed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh' / 'backcare.db'}"  # both also race to create it
    with _writer(url, 100, "a") as first, _writer(url, 100, "b") as second:
        outputs = [first.communicate(timeout=120), second.communicate(timeout=120)]
    for writer, (_out, err) in zip((first, second), outputs, strict=True):
        assert writer.returncode == 0, err
    printed = [int(line) for out, _ in outputs for line in out.split()[1:]]
    assert len(printed) == len(set(printed)) == 200

    database = open_url(url)
    pain = services.list_pain(database, user_id=services.local_user_id(database))
    database.close()
    assert {p.id for p in pain} == set(printed)
    assert sum(p.note.startswith("a-") for p in pain if p.note) == 100


def test_a_writer_waits_for_a_long_transaction_instead_of_failing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'backcare.db'}"
    database = open_url(url)
    with _writer(url, 1, "waiting", "wait") as child:
        assert child.stdin is not None
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        with database.session() as session:
            session.execute(text("SELECT 1"))  # BEGIN IMMEDIATE: this holds the write lock
            child.stdin.write("go\n")
            child.stdin.flush()
            time.sleep(1.0)
            assert child.poll() is None  # waiting for the lock, not failed
        out, err = child.communicate(timeout=30)
    assert child.returncode == 0, err
    assert out.split() == ["1"]
    database.close()
