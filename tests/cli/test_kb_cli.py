"""The `backcare kb` contracts other parts and checks depend on, run as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from backcare.knowledge import KnowledgeBase


def backcare(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BACKCARE_HOME": str(home), "COLUMNS": "120"}
    return subprocess.run(
        [sys.executable, "-m", "backcare", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


def test_export_is_every_entry_in_full(home: Path, kb: KnowledgeBase) -> None:
    result = backcare("kb", "export", "--json", home=home)
    assert result.returncode == 0, result.stderr
    exported = json.loads(result.stdout)
    assert [item["id"] for item in exported] == [entry.id for entry in kb]
    assert all(item["sources"] for item in exported)
    cameras = {item["id"]: item["camera"] for item in exported if item.get("camera")}
    assert len(cameras) >= 10
    assert cameras["bridge"]["view"] == "side"
    assert {"signal", "rest", "top", "cues"} <= set(cameras["bridge"])


def test_show_json_and_readable(home: Path, kb: KnowledgeBase) -> None:
    entry = kb.of_kind("exercise")[0]
    shown = json.loads(backcare("kb", "show", entry.id, "--json", home=home).stdout)
    assert shown["id"] == entry.id
    assert shown["dose"]
    readable = backcare("kb", "show", entry.id, home=home).stdout
    assert entry.name in readable
    assert "Sources" in readable


def test_stats_counts_add_up(home: Path, kb: KnowledgeBase) -> None:
    stats = json.loads(backcare("kb", "stats", "--json", home=home).stdout)
    assert stats["entries"] == len(kb)
    assert sum(stats["kind"].values()) == len(kb)
    assert sum(stats["evidence"].values()) == len(kb)


def test_list_filters_by_kind_and_group(home: Path) -> None:
    listed = json.loads(
        backcare(
            "kb", "list", "--kind", "exercise", "--for", "pregnancy", "--json", home=home
        ).stdout
    )
    assert listed
    assert {item["kind"] for item in listed} == {"exercise"}


def test_coverage_reports_share_and_uncited(home: Path) -> None:
    report = json.loads(backcare("kb", "coverage", "--json", home=home).stdout)
    assert report["paragraphs"] == report["cited"] + len(report["uncited"])
    assert 0 <= report["share"] <= 1


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("kb", "show", "no-such-entry"), "no-such-entry"),
        (("kb", "list", "--kind", "potion"), "--kind"),
        (("kb", "list", "--for", "astronauts"), "--for"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(home: Path, args: tuple[str, ...], named: str) -> None:
    result = backcare(*args, home=home)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert named in lines[0]
    assert "Traceback" not in result.stderr
