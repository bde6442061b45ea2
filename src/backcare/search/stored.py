"""The ask index stored beside the compiled knowledge base, so a start loads it instead of
building it (the FTS5 table, each term's scores, the vocabulary's scores and the phrase indexes
take about a second).

The file is keyed by a digest of the content, the schema and the search package's own code and
word lists (its YAML files and the object words, ``objects.txt``): an edited YAML, vocabulary,
word list or ranking never serves a stale index.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from backcare.content import DATA_DIR
from backcare.knowledge import load_knowledge_base
from backcare.knowledge.loader import content_files, fingerprint, read_pickled, write_pickled
from backcare.search.index import AskIndex

SEARCH_DIR = Path(__file__).parent
_INDEX_NAME = "ask-index-{digest}.pickle"


def index_fingerprint(data_dir: Path = DATA_DIR) -> str:
    """A digest of what the index is built from: the content (and schema) and this package."""
    digest = hashlib.sha256(fingerprint(content_files(data_dir)).encode())
    for path in sorted(
        (*SEARCH_DIR.glob("*.py"), *SEARCH_DIR.glob("*.yaml"), *SEARCH_DIR.glob("*.txt"))
    ):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def load_index(cache_dir: Path, *, data_dir: Path = DATA_DIR) -> AskIndex:
    """The ask index from ``cache_dir`` when one is current, else built (with the knowledge base
    from its own compiled cache there) and stored for the next start."""
    cache_file = cache_dir / _INDEX_NAME.format(digest=index_fingerprint(data_dir))
    stored = read_pickled(cache_file, AskIndex)
    if stored is not None:
        return stored
    index = AskIndex(load_knowledge_base(cache_dir=cache_dir, data_dir=data_dir))
    write_pickled(cache_file, index, stale=_INDEX_NAME.format(digest="*"))
    return index
