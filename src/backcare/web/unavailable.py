"""The one answer for storage trouble (busy, unreachable, read-only, full, damaged): a 503 that
says what is wrong, never a 500 with a stack trace. Used by the error handlers, the guard in
front of every route and the app that stands in when the database cannot be opened."""

from __future__ import annotations

import html

from fastapi import Request, status
from fastapi.responses import HTMLResponse, JSONResponse, Response

from backcare.store import StoreError

RETRY_AFTER_S = 5
"""What a 503 for a passing problem (busy, the database restarting) asks clients to wait."""

UNAVAILABLE_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>backcare: storage unavailable</title></head><body style="font-family: sans-serif;
max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<h1>backcare cannot read or save your diary right now</h1><p>{message}</p>
<p>Nothing was changed. Fix the problem above and reload this page.</p></body></html>"""


def store_unavailable(request: Request, error: StoreError) -> Response:
    """503 with the error's message: problem JSON for the API, a short page for people; a
    ``Retry-After`` when waiting will help."""
    headers = {"Retry-After": str(RETRY_AFTER_S)} if error.retry else None
    code = status.HTTP_503_SERVICE_UNAVAILABLE
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": str(error)}, status_code=code, headers=headers)
    page = UNAVAILABLE_PAGE.format(message=html.escape(str(error)))
    return HTMLResponse(page, status_code=code, headers=headers)
