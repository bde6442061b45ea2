"""The ask index over the shipped knowledge base, built once for the search tests that only
read it (building it queries FTS5 once per term, so each module building its own cost time)."""

from __future__ import annotations

import pytest

from backcare.knowledge import KnowledgeBase
from backcare.search import AskIndex


@pytest.fixture(scope="session")
def index(kb: KnowledgeBase) -> AskIndex:
    return AskIndex(kb)
