"""``/api/kb``: browse the knowledge base: a filtered list, one full entry, its picture."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Response, status
from pydantic import BaseModel

from backcare.content.schema import Entry, Group
from backcare.web.deps import KbDep, problem

router = APIRouter(prefix="/kb", tags=["knowledge base"])

Kind = Literal[
    "exercise",
    "method",
    "habit",
    "thermotherapy",
    "posture",
    "acupressure",
    "cause",
    "red_flag",
    "population",
    "conflict",
]
"""``content.schema.KINDS`` as a type, so OpenAPI lists them (a test keeps the two equal)."""


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


@router.get(
    "/{entry_id}/picture.svg",
    response_class=Response,
    response_model=None,
    responses=problem(status.HTTP_404_NOT_FOUND, "No entry has this id, or it has no picture."),
)
def get_picture(entry_id: str, kb: KbDep) -> Response:
    """The movement's picture. Pictures are not drawn yet: a known entry answers 404
    "no picture yet" until they are."""
    kb.get(entry_id)
    raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no picture yet for {entry_id!r}")
