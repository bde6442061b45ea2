"""The knowledge base: load, validate and index the content; measure its seed coverage.

``KnowledgeBase`` and ``load_knowledge_base`` are imported on first use: ``backcare kb stats``
reads the compiled counts (``knowledge.counts``) without the content's pydantic models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from backcare.reexport import lazy_names

if TYPE_CHECKING:
    from backcare.knowledge.base import KnowledgeBase
    from backcare.knowledge.loader import load_knowledge_base

_HOME = {
    "KnowledgeBase": "backcare.knowledge.base",
    "load_knowledge_base": "backcare.knowledge.loader",
}

__all__ = ["KnowledgeBase", "load_knowledge_base"]

__getattr__ = lazy_names(__name__, _HOME)
