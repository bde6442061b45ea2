"""The `backcare ask` contract other checks read, run as a real process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_kb_cli import backcare


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


def test_json_carries_covered_answers_quotes_and_warning_signs(home: Path) -> None:
    result = backcare("ask", "should I stay in bed with a bad back", "--json", home=home)
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert body["covered"] is True
    first = body["results"][0]
    assert first["id"] == "for-acute-phase"
    assert first["warning_sign"] is False
    assert first["answer"]["text"]
    assert set(first["answer"]["quotes"]) <= {s.get("quote") for s in first["sources"]}
    assert {"id", "kind", "name", "snippet", "score", "sources"} <= first.keys()


def test_not_covered_is_said_first_and_results_are_marked_related(home: Path) -> None:
    result = backcare("ask", "what dose of ibuprofen should I take", home=home)
    assert result.returncode == 0, result.stderr
    text = " ".join(result.stdout.split())
    assert text.index("Not covered") < text.index("1.")
    assert "pharmacist" in text
    assert "related" in text

    body = json.loads(backcare("ask", "ibuprofen dose", "--json", home=home).stdout)
    assert body["covered"] is False
    assert body["not_covered"]["topic"] == "medicines"


def test_the_answer_comes_before_its_source(home: Path) -> None:
    result = backcare("ask", "can I use a foam roller on my lower back", "--top", "1", home=home)
    text = " ".join(result.stdout.split())
    assert text.index("foam roller") < text.index("Source:")


def test_the_index_is_stored_once_and_loaded_by_later_starts(tmp_path: Path) -> None:
    first = backcare("ask", "is walking good for my back", "--json", home=tmp_path)
    assert first.returncode == 0, first.stderr
    (stored,) = (tmp_path / "cache").glob("ask-index-*.pickle")
    written = stored.stat().st_mtime_ns
    second = backcare("ask", "is walking good for my back", "--json", home=tmp_path)
    assert second.returncode == 0, second.stderr
    assert json.loads(second.stdout) == json.loads(first.stdout)
    assert stored.stat().st_mtime_ns == written
