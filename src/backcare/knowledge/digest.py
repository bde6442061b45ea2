"""Which files make up the knowledge base, and one digest of them: what every compiled form
(the pickled knowledge base, its counts, the search index) is keyed by.

Apart from ``loader`` so that reading a compiled form needs neither YAML nor the content's
pydantic models: the schema file is hashed as bytes, never imported.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from backcare.content import DATA_DIR

SCHEMA_FILES = (DATA_DIR.parent / "schema.py", DATA_DIR.parent / "names.py")
"""The content schema (``backcare.content.schema`` and the vocabularies it takes from
``content.names``): a change to either changes what the YAML means."""


SHIPPED_CACHE = DATA_DIR.parent / "compiled"
"""The compiled shipped content, beside the package (ignored by git)."""


def content_files(data_dir: Path = DATA_DIR) -> list[Path]:
    """The YAML files that make up the knowledge base, in a stable order."""
    return sorted(data_dir.glob("*.yaml"))


def fingerprint(files: Iterable[Path]) -> str:
    """A digest of the content and the schema: the cache is valid only while both are unchanged."""
    digest = hashlib.sha256()
    for schema in SCHEMA_FILES:
        digest.update(schema.read_bytes())
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]
