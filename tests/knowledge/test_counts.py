"""The compiled counts behind ``backcare kb stats``: equal to counting the knowledge base, read
from the file once written, and never stale after the content is edited (issue 18)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from backcare.content import DATA_DIR
from backcare.knowledge import load_knowledge_base
from backcare.knowledge.counts import counts_name, knowledge_counts

HABIT = """
entries:
  - id: count-me-test
    kind: habit
    name: Drink water
    summary: Water keeps discs hydrated.
    evidence: research
    suitable_for: [driver]
    sources: [{ref: "Example ref"}]
"""


def counted(data: Path, cache: Path) -> dict[str, object]:
    """The reference: the knowledge base built from YAML, counted now."""
    kb = load_knowledge_base(cache_dir=None, data_dir=data)
    return {"entries": len(kb), **kb.stats()}


def test_counts_are_the_knowledge_bases_and_follow_an_edit(tmp_path: Path) -> None:
    data, cache = tmp_path / "data", tmp_path / "cache"
    shutil.copytree(DATA_DIR, data)
    first = knowledge_counts(cache_dir=cache, data_dir=data)
    assert first == counted(data, cache)
    written = cache / counts_name(data)
    assert json.loads(written.read_bytes()) == first
    (data / "zz-extra.yaml").write_text(HABIT, encoding="utf-8")
    after = knowledge_counts(cache_dir=cache, data_dir=data)
    assert after == counted(data, cache)
    assert after["entries"] == first["entries"] + 1  # type: ignore[operator]
    assert not written.exists()  # the old content's counts are gone
    assert [p.name for p in cache.glob("counts-*.json")] == [counts_name(data)]


def test_the_written_file_is_what_is_read(tmp_path: Path) -> None:
    """Once written, the counts come from the file (here edited by hand to prove it is read);
    a damaged file is counted again."""
    data, cache = tmp_path / "data", tmp_path / "cache"
    shutil.copytree(DATA_DIR, data)
    knowledge_counts(cache_dir=cache, data_dir=data)
    path = cache / counts_name(data)
    path.write_text('{"entries": 1}', encoding="utf-8")
    assert knowledge_counts(cache_dir=cache, data_dir=data) == {"entries": 1}
    path.write_text("{not json", encoding="utf-8")
    assert knowledge_counts(cache_dir=cache, data_dir=data) == counted(data, cache)


GROUP_ORDER = (
    "import json; from backcare.knowledge import load_knowledge_base; "
    "print(json.dumps(list(load_knowledge_base(cache_dir=None).stats()['group'])))"
)


def test_the_group_order_is_the_same_whatever_the_hash_seed() -> None:
    """``kb stats --json`` lists groups in one order on every machine: an entry's groups are
    counted in name order, not in the order a set happens to hold them."""
    orders = {
        subprocess.run(
            [sys.executable, "-c", GROUP_ORDER],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(orders) == 1
