"""``/api/kb``: browse the knowledge base: a list, one full entry, an exercise's picture."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Response, status
from pydantic import BaseModel

from backcare.content.schema import Entry, Exercise, Group, Kind
from backcare.pictures import picture_for
from backcare.web.deps import KbDep, problem

router = APIRouter(prefix="/kb", tags=["knowledge base"])


class EntrySummary(BaseModel):
    """One line of the list, as ``backcare kb list --json`` prints it."""

    id: str
    kind: str
    name: str
    summary: str


@router.get("")
def list_entries(
    kb: KbDep,
    kind: Annotated[Kind | None, Query(description="Only entries of this kind.")] = None,
    group: Annotated[Group | None, Query(description="Only entries for this group.")] = None,
) -> list[EntrySummary]:
    """Entries in content order, optionally of one kind or for one population group."""
    entries = kb.for_group(group) if group else list(kb)
    return [
        EntrySummary(id=e.id, kind=e.kind, name=e.name, summary=e.summary)
        for e in entries
        if kind is None or e.kind == kind
    ]


@router.get(
    "/{entry_id}",
    response_model=Entry,
    response_model_exclude_none=True,
    responses=problem(status.HTTP_404_NOT_FOUND, "No entry has this id."),
)
def get_entry(entry_id: str, kb: KbDep) -> Entry:
    """The full entry (steps, dose, who it is not for, sources), as ``backcare kb show --json``."""
    return kb.get(entry_id)


PICTURE_HEADERS = {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"}
"""An SVG opened on its own is a document of our origin: it may draw, never run or load."""


@router.get(
    "/{entry_id}/picture.svg",
    response_class=Response,
    responses={
        200: {
            "description": "The exercise as an animated stick figure (SVG).",
            "content": {"image/svg+xml": {"schema": {"type": "string"}}},
        },
        **problem(status.HTTP_404_NOT_FOUND, "No entry has this id, or it is not an exercise."),
    },
)
def get_picture(
    entry_id: str,
    kb: KbDep,
    still: Annotated[bool, Query(description="The held pose, not animated.")] = False,
) -> Response:
    """The picture of an exercise, drawn from its pose data; only movements have pictures."""
    entry = kb.get(entry_id)
    if not isinstance(entry, Exercise):
        raise HTTPException(
            status.HTTP_404_NOT_FOUND,
            detail=f"{entry_id!r} is a {entry.kind}, not an exercise; only exercises have pictures",
        )
    svg = picture_for(entry_id, kb, animate=not still)
    return Response(svg, media_type="image/svg+xml", headers=PICTURE_HEADERS)
