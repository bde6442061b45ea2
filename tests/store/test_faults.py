"""Broken storage on real file systems (issue 22, class 5): a read-only data directory (a
read-only bind mount), a damaged database header and a full disk (a small tmpfs). Each gives
one line that says what to do (CLI exit 2) or a 503 (web), read-only commands keep working,
nothing stored changes and no half-written file is left behind.

Mounting needs root (CAP_SYS_ADMIN), which the test machines have; elsewhere these skip.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from backcare.config import load_settings
from backcare.web.app import app_from_environment, create_app
from tests.cli.test_data_commands import Backcare

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="mounting file systems needs root")


@contextmanager
def mounted(*args: str, target: Path) -> Iterator[Path]:
    target.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", *args, str(target)], check=True)
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=True)


@contextmanager
def read_only_view(home: Path, target: Path) -> Iterator[Path]:
    """``home`` seen through a read-only bind mount at ``target``."""
    with mounted("--bind", str(home), target=target):
        subprocess.run(["mount", "-o", "remount,bind,ro", str(target)], check=True)
        yield target


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_line(result: object, *words: str) -> None:
    stderr: str = result.stderr  # type: ignore[attr-defined]
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("error: database: "), stderr
    for word in words:
        assert word in lines[0], stderr
    assert "Traceback" not in stderr


@pytest.fixture
def diary(tmp_path: Path) -> Backcare:
    runner = Backcare(tmp_path / "home")
    runner.ok("log", "6", "--note", "first", "--at", "2026-12-01T08:00")
    runner.ok("log", "4", "--area", "lower_back", "--note", "second")
    return runner


def in_home(runner: Backcare, home: Path) -> Backcare:
    other = Backcare(home)
    other.env = runner.env | {"BACKCARE_HOME": str(home)}
    return other


def test_a_read_only_data_directory_still_reads_and_refuses_writes_in_one_line(
    diary: Backcare, tmp_path: Path
) -> None:
    before, exported = digest(diary.home / "backcare.db"), diary.export()
    with read_only_view(diary.home, tmp_path / "ro") as view:
        reader = in_home(diary, view)
        assert "first" in reader.ok("diary")
        assert json.loads(reader.ok("diary", "--json"))["pain"][1]["note"] == "second"
        assert reader.export() == exported
        assert "Observation" in reader.ok("export", "--format", "fhir")
        assert "Backed up" in reader.ok("backup", str(tmp_path / "copy.db"))
        for command in (["log", "3"], ["delete", "--all", "--yes"], ["backup"]):
            result = reader(*command)
            assert result.returncode == 2, (command, result)
            assert "read-only" in result.stderr.lower(), (command, result)
        one_line(reader("log", "3"), "read-only")

        settings = load_settings({"BACKCARE_HOME": str(view)}).model_copy(
            update={"cache_dir": tmp_path / "kb-cache"}
        )
        with TestClient(create_app(settings), base_url="http://127.0.0.1") as client:
            assert [p["note"] for p in client.get("/api/diary/pain").json()["pain"]] == [
                "first",
                "second",
            ]
            refused = client.post("/api/diary/pain", json={"score": 3})
            assert refused.status_code == 503
            assert "read-only" in refused.json()["detail"]
            assert client.get("/diary").status_code == 200
    assert digest(diary.home / "backcare.db") == before
    assert diary.export() == exported


def test_a_damaged_header_is_one_line_a_503_and_data_check_restores_the_backup(
    diary: Backcare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "Backed up" in diary.ok("backup")
    exported = diary.export()
    database = diary.home / "backcare.db"
    with database.open("r+b") as file:
        file.write(b"this is no db!!\x00")
    damaged = digest(database)
    for command in (["diary"], ["log", "3"], ["export"], ["diary", "--json"]):
        result = diary(*command)
        assert result.returncode == 2, (command, result)
        one_line(result, "damaged", "backcare data check")
    assert digest(database) == damaged

    monkeypatch.setenv("BACKCARE_HOME", str(diary.home))
    with TestClient(app_from_environment(), base_url="http://127.0.0.1") as client:
        api = client.get("/api/diary/pain")
        assert api.status_code == 503
        assert "damaged" in api.json()["detail"]
        page = client.get("/diary")
        assert page.status_code == 503
        assert "damaged" in page.text
        assert "text/html" in page.headers["content-type"]

    checked = diary("data", "check")  # not a terminal: offers, does not restore
    assert checked.returncode == 2
    assert "data check --restore" in checked.stderr
    assert digest(database) == damaged
    restored = diary("data", "check", "--restore")
    assert restored.returncode == 0, restored
    assert "Restored" in restored.stdout
    assert diary.export() == exported
    assert "database: ok" in diary.ok("data", "check")
    assert [p for p in diary.home.iterdir() if ".damaged-" in p.name]


def test_data_check_without_a_backup_says_so(diary: Backcare) -> None:
    (diary.home / "backcare.db").write_bytes(b"\x00" * 4096)
    result = diary("data", "check", "--restore")
    assert result.returncode == 2
    assert "no good backup" in result.stderr


def test_a_full_disk_is_one_line_changes_nothing_and_leaves_no_partial_file(
    tmp_path: Path,
) -> None:
    with mounted("-t", "tmpfs", "-o", "size=1m", "tmpfs", target=tmp_path / "small") as disk:
        runner = Backcare(disk / "home")
        runner.ok("log", "5", "--note", "before the disk filled")
        exported = runner.export()
        filler = disk / "filler"
        descriptor = os.open(filler, os.O_CREAT | os.O_WRONLY)
        try:
            while os.write(descriptor, b"\x00" * 4096):
                pass
        except OSError:  # no space left on device
            pass
        finally:
            os.close(descriptor)
        for _ in range(3):
            result = runner("log", "4", "--note", "x" * 1500)
            assert result.returncode == 2, result
            one_line(result, "disk is full")
        assert runner("export", "--out", str(disk / "export.json")).returncode == 2
        assert runner("diary", "--plot", str(disk / "plot.png")).returncode == 2
        assert runner("backup", str(disk / "copy.db")).returncode == 2
        assert runner("ask", "foam roller").returncode == 0  # its cache cannot be written
        left = sorted(p.name for p in disk.rglob("*") if p.is_file())
        assert left == ["backcare.db", "backcare.db-shm", "backcare.db-wal", "filler"], left
        filler.unlink()
        assert runner.export() == exported
        assert "database: ok" in runner.ok("data", "check")
