"""``GET /api/ask``: a question in the person's own words, answered with entries and sources."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from backcare.search import DEFAULT_TOP, AskResult
from backcare.web.deps import IndexDep

router = APIRouter(tags=["ask"])

MAX_TOP = 50
MAX_QUESTION_CHARS = 500


@router.get("/ask")
def ask(
    index: IndexDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=MAX_QUESTION_CHARS,
            pattern=r"\S",
            description="The question, in your own words.",
        ),
    ],
    top: Annotated[int, Query(ge=1, le=MAX_TOP, description="How many entries.")] = DEFAULT_TOP,
) -> AskResult:
    """Ranked entries with their seed quotes; a described warning sign comes first as
    ``warning``. Extractive only: no generated medical text."""
    return index.ask(q, top=top)
