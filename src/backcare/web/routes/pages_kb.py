"""The knowledge pages: browse every entry by kind and group, search in plain words through the
ask index, and read one entry with its sources (the seed quotes folded away until asked for)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, status
from fastapi.responses import Response

from backcare.content.schema import GROUPS, KINDS
from backcare.errors import UnknownEntryError
from backcare.web.routes.pages_common import render, state_of

router = APIRouter()

SEARCH_TOP = 20
"""Results shown for a question: more than the API's default, since a page can scroll."""


@router.get("/kb")
def kb_page(request: Request, q: str = "", kind: str = "", group: str = "") -> Response:
    """Every entry, or those matching a question; narrowed by kind and population group."""
    state = state_of(request)
    kind = kind if kind in KINDS else ""
    group = group if group in GROUPS else ""
    allowed = {e.id for e in (state.kb.for_group(group) if group else state.kb)}
    warning = None
    not_covered = None
    if q.strip():
        answer = state.index.ask(q.strip(), top=SEARCH_TOP)
        warning = answer.warning
        not_covered = answer.not_covered
        rows: list[dict[str, Any]] = [
            {
                "id": hit.id,
                "kind": hit.kind,
                "name": hit.name,
                "text": hit.answer.text,
                "quotes": hit.answer.quotes,
                "warning_sign": hit.warning_sign,
            }
            for hit in answer.results
        ]
    else:
        rows = [{"id": e.id, "kind": e.kind, "name": e.name, "text": e.summary} for e in state.kb]
    rows = [r for r in rows if r["id"] in allowed and (not kind or r["kind"] == kind)]
    return render(
        request,
        "kb_list.html",
        rows=rows,
        q=q,
        kind=kind,
        group=group,
        kinds=KINDS,
        groups=GROUPS,
        warning=warning,
        not_covered=not_covered,
        total=len(state.kb),
    )


@router.get("/kb/{entry_id}")
def kb_entry(request: Request, entry_id: str) -> Response:
    """One entry in full: what to do, for whom not, its evidence and its sources."""
    kb = state_of(request).kb
    try:
        entry = kb.get(entry_id)
    except UnknownEntryError:
        return render(
            request, "not_found.html", status_code=status.HTTP_404_NOT_FOUND, what=entry_id
        )
    related = [kb.get(i) for i in getattr(entry, "related", []) if i in kb]
    return render(request, "kb_entry.html", entry=entry, related=related)
