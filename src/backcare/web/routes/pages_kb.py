"""The knowledge pages: browse every entry by kind and group, search in plain words through the
ask index, and read one entry with its sources (the seed quotes folded away until asked for)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request, status
from fastapi.responses import Response

from backcare.content.schema import GROUPS, KINDS, Entry
from backcare.errors import UnknownEntryError
from backcare.plan.suits import Suitability, suitability
from backcare.triage import evaluate
from backcare.web.deps import UserDep
from backcare.web.routes.pages_common import render, saved_profile, state_of

router = APIRouter()

SEARCH_TOP = 20
"""Results shown for a question: more than the API's default, since a page can scroll."""
WEAK_SHARE = 0.25
"""A search result scoring under this share of the best one is dropped: past it, results trail
into entries that share one common word with the question."""
PAGE_SIZE = 20
"""Entries per page when one kind is listed."""
OVERVIEW_PER_KIND = 4
"""Entries shown per kind on the overview (no question, no kind chosen), each with "all N"."""
FOR_YOU = "you"
"""The "For" choice that judges every entry by the saved profile (the default once there is one)."""

Judge = Callable[[Entry], Suitability | None]


def _judge(request: Request, user_id: int) -> Judge | None:
    """The plan's rules for this person, or ``None`` before the first check-in."""
    state = state_of(request)
    profile = saved_profile(state, user_id)
    if profile is None:
        return None
    return suitability(profile, evaluate(profile, state.kb), state.kb)


def first_sentence(text: str) -> str:
    """The first whole sentence of a summary: a list shows it uncut instead of an ellipsis."""
    return re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)[0]


@router.get("/kb")
def kb_page(
    request: Request,
    user_id: UserDep,
    q: str = "",
    kind: str = "",
    group: str | None = None,
    page: int = 1,
) -> Response:
    """Every entry, or those matching a question; narrowed by kind and population group. With
    a saved profile each entry says whether it suits this person, and those that do come first."""
    state = state_of(request)
    judge = _judge(request, user_id)
    kind = kind if kind in KINDS else ""
    if group is None:
        group = FOR_YOU if judge else ""
    group = group if group in GROUPS or (group == FOR_YOU and judge) else ""
    allowed = {e.id for e in (state.kb.for_group(group) if group in GROUPS else state.kb)}
    warning = None
    not_covered = None
    if q.strip():
        answer = state.index.ask(q.strip(), top=SEARCH_TOP)
        warning = answer.warning
        best = answer.results[0].score if answer.results else 0.0
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
            if hit.score >= WEAK_SHARE * best
        ]
    else:
        rows = [
            {"id": e.id, "kind": e.kind, "name": e.name, "text": first_sentence(e.summary)}
            for e in state.kb
        ]
    rows = [r for r in rows if r["id"] in allowed and (not kind or r["kind"] == kind)]
    for row in rows:
        row["suits"] = judge(state.kb.get(row["id"])) if judge else None
    if group == FOR_YOU:  # what suits first, in the same order; what does not, after, labelled
        rows.sort(key=lambda r: r["suits"] is not None and not r["suits"].suits)
    found = len(rows)
    overview = [] if q.strip() or kind else _overview(rows)
    pages = max(1, -(-found // PAGE_SIZE))
    page = max(1, min(page, pages))
    if kind and not q.strip():
        rows = rows[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
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
        for_you=judge is not None,
        found=found,
        overview=overview,
        page=page,
        pages=pages if kind and not q.strip() else 1,
    )


def _overview(rows: list[dict[str, Any]]) -> list[tuple[str, int, list[dict[str, Any]]]]:
    """Per kind (in the content's order): how many entries, and the first few."""
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_kind.setdefault(row["kind"], []).append(row)
    return [
        (name, len(by_kind[name]), by_kind[name][:OVERVIEW_PER_KIND])
        for name in KINDS
        if name in by_kind
    ]


@router.get("/kb/{entry_id}")
def kb_entry(request: Request, user_id: UserDep, entry_id: str) -> Response:
    """One entry in full: whether it suits this person and why, what to do, for whom not, its
    evidence and its sources."""
    kb = state_of(request).kb
    try:
        entry = kb.get(entry_id)
    except UnknownEntryError:
        return render(
            request, "not_found.html", status_code=status.HTTP_404_NOT_FOUND, what=entry_id
        )
    related = [kb.get(i) for i in getattr(entry, "related", []) if i in kb]
    judge = _judge(request, user_id)
    return render(
        request,
        "kb_entry.html",
        entry=entry,
        related=related,
        suits=judge(entry) if judge else None,
    )
