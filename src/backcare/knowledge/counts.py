"""The knowledge base's counts (``backcare kb stats``), compiled once beside the knowledge base.

Counting needs the whole knowledge base, and loading it (thousands of pydantic objects) costs
more than the rest of the command; the counts change only when the content does. So they are
kept as a small JSON file named by the content's digest (``knowledge.digest``) and by the
counting code itself: an edited YAML, schema or ``KnowledgeBase.stats`` never reads stale counts.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from backcare.content import DATA_DIR
from backcare.files import write_atomically
from backcare.knowledge.digest import SHIPPED_CACHE, content_files, fingerprint

COUNTING_CODE = Path(__file__).with_name("base.py")
"""Where ``KnowledgeBase.stats`` lives: part of the key, so new counting code recounts."""
_NAME = "counts-{digest}.json"


def counts_name(data_dir: Path = DATA_DIR) -> str:
    """The file name the counts of this content are kept under."""
    digest = hashlib.sha256(fingerprint(content_files(data_dir)).encode())
    digest.update(COUNTING_CODE.read_bytes())
    return _NAME.format(digest=digest.hexdigest()[:24])


def knowledge_counts(*, cache_dir: Path, data_dir: Path = DATA_DIR) -> dict[str, Any]:
    """``{"entries": n, "kind": {…}, "evidence": {…}, "group": {…}}``: from the compiled file
    when one is current (the user's cache, then the one shipped beside the package), else
    counted from the knowledge base and written for next time."""
    name = counts_name(data_dir)
    folders = [cache_dir, *([SHIPPED_CACHE] if data_dir == DATA_DIR else [])]
    for folder in folders:
        found = _read(folder / name)
        if found is not None:
            return found
    from backcare.knowledge.loader import load_knowledge_base

    kb = load_knowledge_base(cache_dir=cache_dir, data_dir=data_dir)
    counts = {"entries": len(kb), **kb.stats()}
    text = json.dumps(counts, ensure_ascii=False).encode()
    for folder in folders:
        _write(folder / name, text)
    return counts


def _read(path: Path) -> dict[str, Any] | None:
    try:
        found = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) else None


def _write(path: Path, text: bytes) -> None:
    """Write atomically, dropping older contents' counts; a read-only folder is no error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob(_NAME.format(digest="*")):
            old.unlink(missing_ok=True)
        write_atomically(path, lambda handle: handle.write(text), mode=0o644)
    except OSError:
        pass
