"""Triage fixtures: the shipped red-flag content, loaded once.

The rules read only ``red_flag`` entries, so the bulk of the triage tests load the one content
file that holds them (the real file, validated by the real loader); ``test_content`` checks the
same entries inside the whole shipped knowledge base.
"""

from __future__ import annotations

import pytest

from backcare.content import DATA_DIR
from backcare.knowledge import KnowledgeBase
from backcare.knowledge.loader import build

RED_FLAGS_FILE = DATA_DIR / "red-flags.yaml"


@pytest.fixture(scope="session")
def flags_kb() -> KnowledgeBase:
    return build([RED_FLAGS_FILE])
