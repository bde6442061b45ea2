"""CSRF: the API's state-changing requests echo the session's token in a header (double
submit: the token is also in a cookie the pages' scripts read); page forms must come from our
own origin."""

from __future__ import annotations

import hmac
from urllib.parse import urlsplit

from fastapi import Request

CSRF_COOKIE = "backcare_csrf"
"""The CSRF token again, readable by the pages' own scripts (double submit); useless to
another site, which can neither read it nor set the header."""
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def same_origin(request: Request) -> bool:
    """A page's form post names our own host in ``Origin`` (browsers send it on every POST;
    ``Referer`` stands in for old ones). Hosts, not schemes, are compared: behind a TLS proxy
    the app itself may see plain HTTP."""
    origin = request.headers.get("origin") or request.headers.get("referer")
    return bool(origin) and urlsplit(origin).netloc == request.headers.get("host")


def token_matches(request: Request, expected: str) -> bool:
    """The request's ``X-CSRF-Token`` is the session's token (compared in constant time)."""
    sent = request.headers.get(CSRF_HEADER, "")
    return hmac.compare_digest(sent.encode(), expected.encode())
