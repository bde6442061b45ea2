"""Loading: validation errors name the file, duplicates and dangling references are refused,
and the compiled cache is used when current and rebuilt when content changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from backcare.content import DATA_DIR
from backcare.errors import ContentError, UnknownEntryError
from backcare.knowledge import load_knowledge_base
from backcare.knowledge.loader import content_files, fingerprint

ENTRY = """
entries:
  - id: {id}
    kind: habit
    name: Drink water
    summary: Water keeps discs hydrated.
    evidence: anecdotal
    sources: [{{ref: "Example ref"}}]
"""


def write(directory: Path, name: str, text: str) -> None:
    (directory / name).write_text(text, encoding="utf-8")


def test_cache_is_reused_then_invalidated_by_an_edit(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    cache = tmp_path / "cache"
    first = load_knowledge_base(cache_dir=cache, data_dir=data)
    assert len(list(cache.glob("knowledge-*.pickle"))) == 1
    assert load_knowledge_base(cache_dir=cache, data_dir=data) == first
    write(data, "zz-extra.yaml", ENTRY.format(id="drink-more-water-test"))
    grown = load_knowledge_base(cache_dir=cache, data_dir=data)
    assert len(grown) == len(first) + 1
    assert len(list(cache.glob("knowledge-*.pickle"))) == 1, "stale cache files are removed"


def test_a_corrupt_cache_is_rebuilt(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    digest = fingerprint(content_files(DATA_DIR))
    (cache / f"knowledge-{digest}.pickle").write_bytes(b"not a pickle")
    assert len(load_knowledge_base(cache_dir=cache)) == len(load_knowledge_base())


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", ENTRY.format(id="same-id"))
    write(tmp_path, "b.yaml", ENTRY.format(id="same-id"))
    with pytest.raises(ContentError, match=r"already defined in a\.yaml"):
        load_knowledge_base(data_dir=tmp_path)


def test_unknown_fields_name_the_file(tmp_path: Path) -> None:
    write(tmp_path, "bad.yaml", ENTRY.format(id="x") + "    colour: red\n")
    with pytest.raises(ContentError, match=r"(?s)bad\.yaml.*colour"):
        load_knowledge_base(data_dir=tmp_path)


def test_non_kebab_ids_are_refused(tmp_path: Path) -> None:
    write(tmp_path, "bad.yaml", ENTRY.format(id="Not_Kebab"))
    with pytest.raises(ContentError, match="kebab-case"):
        load_knowledge_base(data_dir=tmp_path)


def test_extra_sources_merge_into_their_entry(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", ENTRY.format(id="water"))
    write(
        tmp_path,
        "b.yaml",
        "extra_sources:\n  - id: water\n    aliases: [hydration]\n"
        '    sources: [{ref: "Second ref"}]\n',
    )
    entry = load_knowledge_base(data_dir=tmp_path).get("water")
    assert [s.ref for s in entry.sources] == ["Example ref", "Second ref"]
    assert entry.aliases == ["hydration"]


def test_dangling_references_are_refused(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", ENTRY.format(id="water") + "    related: [nowhere]\n")
    with pytest.raises(ContentError, match="unknown id 'nowhere'"):
        load_knowledge_base(data_dir=tmp_path)


def test_unknown_entry_lookup_names_the_id(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", ENTRY.format(id="water"))
    with pytest.raises(UnknownEntryError, match="'missing'"):
        load_knowledge_base(data_dir=tmp_path).get("missing")
