"""The ask index stored beside the compiled knowledge base: loaded, not rebuilt; never stale."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import backcare.search.stored as stored_module
from backcare.content import DATA_DIR
from backcare.search import ask
from backcare.search.stored import SEARCH_DIR, index_fingerprint, load_index

QUESTIONS = [
    "should I stay in bed with a bad back",
    "can sitting at a desk cause back pain",
    "what dose of ibuprofen should I take",
    "numb between my legs and back pain",
]


def stored_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("ask-index-*.pickle"))


def test_a_stored_index_answers_exactly_as_a_built_one(tmp_path: Path) -> None:
    built = load_index(tmp_path)
    (stored,) = stored_files(tmp_path)
    written = stored.stat().st_mtime_ns
    loaded = load_index(tmp_path)
    assert loaded is not built
    assert stored.stat().st_mtime_ns == written, "a current index is read, not rewritten"
    for question in QUESTIONS:
        assert ask(loaded, question) == ask(built, question)


def test_edited_content_is_never_served_from_a_stale_index(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    cache = tmp_path / "cache"
    before = load_index(cache, data_dir=data)
    assert [h.id for h in ask(before, "zebra stripes").results] == []
    first_key = index_fingerprint(data)

    posture = data / "daily-postures.yaml"
    text = posture.read_text(encoding="utf-8")
    name = next(line for line in text.splitlines() if line.strip().startswith("name:"))
    posture.write_text(text.replace(name, name + " with zebra stripes", 1), encoding="utf-8")

    assert index_fingerprint(data) != first_key
    after = load_index(cache, data_dir=data)
    assert [h.id for h in ask(after, "zebra stripes").results] != []
    assert len(stored_files(cache)) == 1, "the stale index is removed"


def test_a_damaged_index_file_is_rebuilt(tmp_path: Path) -> None:
    load_index(tmp_path)
    (stored,) = stored_files(tmp_path)
    stored.write_bytes(b"not a pickle")
    index = load_index(tmp_path)
    assert ask(index, QUESTIONS[0]).results[0].id == "for-acute-phase"


def test_an_edited_object_word_list_changes_the_index_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The object words (``objects.txt``) are built into the index, so editing them must make a
    stored index stale, as editing the vocabulary does."""
    package = tmp_path / "search"
    shutil.copytree(SEARCH_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(stored_module, "SEARCH_DIR", package)
    first_key = index_fingerprint()
    objects = package / "objects.txt"
    objects.write_text(objects.read_text(encoding="utf-8") + "zither\n", encoding="utf-8")
    assert index_fingerprint() != first_key
