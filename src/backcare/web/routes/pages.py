"""The HTML pages of the local app (owned by the pages work; this is the first, plain page)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)

HOME = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>backcare</title></head>
<body>
<main>
<h1>backcare</h1>
<p>A back-pain self-care coach. The REST API is described at <a href="/api/docs">/api/docs</a>.</p>
<p><small>backcare gives self-care guidance, not a diagnosis.</small></p>
</main>
</body>
</html>
"""


@router.get("/", response_class=HTMLResponse)
def home() -> str:
    return HOME
