"""Ask: answer a question in the person's own words with knowledge-base entries and their sources.

Extractive only: results are entries and seed quotes, never generated medical text.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from backcare.content.schema import Source
from backcare.search.index import AskIndex, Hit
from backcare.search.warnings import detect_warning

__all__ = ["AskIndex", "AskResult", "AskWarning", "Hit", "ask"]

DEFAULT_TOP = 5


class AskHit(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    kind: str
    name: str
    snippet: str
    score: float
    sources: list[Source]


class AskWarning(BaseModel):
    """The warning sign a question describes: the SPEC §3 flag with what to do and its sources."""

    model_config = ConfigDict(frozen=True)

    id: str
    level: str
    message: str
    action: str
    entry: str
    sources: list[Source]


class AskResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    results: list[AskHit]
    warning: AskWarning | None


def ask(index: AskIndex, question: str, *, top: int = DEFAULT_TOP) -> AskResult:
    """Rank entries for the question; a described warning sign comes back as ``warning``."""
    hits = index.search(question, top=top)
    flag = detect_warning(question, index.kb)
    warning = (
        AskWarning(
            id=flag.flag,
            level=flag.level,
            message=flag.summary,
            action=index.kb.flag_action(flag),
            entry=flag.id,
            sources=list(flag.sources),
        )
        if flag is not None
        else None
    )
    return AskResult(
        results=[
            AskHit(
                id=hit.entry.id,
                kind=hit.entry.kind,
                name=hit.entry.name,
                snippet=hit.snippet,
                score=hit.score,
                sources=list(hit.entry.sources),
            )
            for hit in hits
        ],
        warning=warning,
    )
