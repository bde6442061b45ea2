"""The knowledge base: load, validate and index the content; measure its seed coverage."""

from backcare.knowledge.base import KnowledgeBase
from backcare.knowledge.loader import load_knowledge_base

__all__ = ["KnowledgeBase", "load_knowledge_base"]
