"""Shared fixtures: the real knowledge base, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from backcare.knowledge import KnowledgeBase, load_knowledge_base

REPO = Path(__file__).resolve().parents[1]
SHARED_SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The shipped knowledge base, validated from the YAML (no cache)."""
    return load_knowledge_base()
