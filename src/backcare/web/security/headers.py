"""Security headers on every response: a strict CSP (no inline scripts or styles) and the
usual anti-framing, no-sniff and referrer headers; the Swagger UI page's one inline script is
allowed by its hash."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
"""No inline scripts or styles anywhere (the templates' looks live in ``app.css``; scripts set
styles through the DOM, which the policy allows)."""
WASM_PATHS = frozenset({"/session"})
"""Pages that may compile WebAssembly: the guided session runs the pose model ("Check my form",
served from ``/static/pose/``) in the browser. Still no inline or foreign script."""
WASM_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'")
SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
DOCS_PATH = "/api/docs"
INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.DOTALL)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class SecurityHeaders:
    """Adds the CSP and the other headers to every HTTP response that does not set its own
    (the exercise pictures have a stricter CSP). The Swagger UI page starts with one inline
    script: its CSP allows exactly that script, by hash."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
        elif scope["path"] == DOCS_PATH:
            await self._docs(scope, receive, send)
        else:

            async def send_with_headers(message: Message) -> None:
                if message["type"] == "http.response.start":
                    policy = WASM_CSP if scope["path"] in WASM_PATHS else CSP
                    message["headers"] = _with_headers(message.get("headers", []), policy)
                await send(message)

            await self.app(scope, receive, send_with_headers)

    async def _docs(self, scope: Scope, receive: Receive, send: Send) -> None:
        start: Message = {}
        body = b""

        async def collect(message: Message) -> None:
            nonlocal start, body
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                body += message.get("body", b"")

        await self.app(scope, receive, collect)
        hashes = " ".join(
            "'sha256-" + base64.b64encode(hashlib.sha256(script).digest()).decode() + "'"
            for script in INLINE_SCRIPT.findall(body)
        )
        policy = CSP.replace("script-src 'self'", f"script-src 'self' {hashes}".rstrip())
        start["headers"] = _with_headers(start.get("headers", []), policy)
        await send(start)
        await send({"type": "http.response.body", "body": body})


def _with_headers(headers: list[tuple[bytes, bytes]], policy: str) -> list[tuple[bytes, bytes]]:
    present = {name.lower() for name, _ in headers}
    wanted = {"Content-Security-Policy": policy} | SECURITY_HEADERS
    return list(headers) + [
        (name.lower().encode(), value.encode())
        for name, value in wanted.items()
        if name.lower().encode() not in present
    ]
