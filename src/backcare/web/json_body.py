"""Every JSON body is read by ``strict_json`` before any route sees it, and every 422 is safe
to send.

``StrictJsonBodies`` (ASGI middleware) answers a body holding ``NaN``, ``Infinity``, ``1e400``,
a key twice or nesting past ``MAX_DEPTH`` with a 422 in FastAPI's own shape, naming the field;
the body then goes on unchanged. ``validation_problem`` is the one 422 handler: it never echoes
a value it cannot write as JSON, and if building the answer fails anyway it still answers.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from email.message import Message
from typing import Any

from fastapi import Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.types import Message as AsgiMessage

from backcare.schemas import MAX_IMPORT_BYTES
from backcare.strict_json import JsonError, loads

BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
MAX_JSON_BODY_BYTES = MAX_IMPORT_BYTES
"""The largest JSON body read (an import is the largest there is); bigger ones get a 413."""
log = logging.getLogger(__name__)


def is_json(content_type: str | None) -> bool:
    """The content types FastAPI parses as JSON (``application/json``, ``…+json``)."""
    if not content_type:
        return False
    message = Message()
    message["content-type"] = content_type
    subtype = message.get_content_subtype()
    return message.get_content_maintype() == "application" and (
        subtype == "json" or subtype.endswith("+json")
    )


class StrictJsonBodies:
    """Refuse JSON bodies ``strict_json.loads`` refuses; pass every other request through."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        if not is_json(headers.get(b"content-type", b"").decode("latin-1")):
            await self.app(scope, receive, send)
            return
        messages: list[AsgiMessage] = []
        body = b""
        declared = headers.get(b"content-length", b"0").decode("latin-1")
        too_big = declared.isdigit() and int(declared) > MAX_JSON_BODY_BYTES
        while not too_big:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            body += message.get("body", b"")
            too_big = len(body) > MAX_JSON_BODY_BYTES
            if not message.get("more_body", False):
                break
        if too_big:
            limit = f"{MAX_JSON_BODY_BYTES // 2**20} MiB"
            response = JSONResponse(
                {"detail": f"body: larger than {limit}, the most any request may send"},
                status_code=status.HTTP_413_CONTENT_TOO_LARGE,
            )
            await response(scope, receive, send)
            return
        problem = _problem_in(body)
        if problem is not None:
            response = JSONResponse(
                {"detail": [problem]}, status_code=status.HTTP_422_UNPROCESSABLE_CONTENT
            )
            await response(scope, receive, send)
            return

        async def replay() -> AsgiMessage:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)


def _problem_in(body: bytes) -> dict[str, Any] | None:
    """The problem with a JSON body in FastAPI's error shape, or ``None`` (syntax errors are
    left to FastAPI, which names their position)."""
    if not body:
        return None
    try:
        loads(body)
    except JsonError as problem:
        return {"type": "value_error", "loc": ["body", *problem.loc], "msg": problem.message}
    except ValueError:  # a syntax error (JSONDecodeError) or text that is not UTF-8
        return None
    return None


def safe_errors(errors: Sequence[Any]) -> list[dict[str, Any]]:
    """Validation errors reduced to what JSON can always carry: type, loc, msg, and the
    input only when it can be written as JSON (never ``inf`` or an object)."""
    safe: list[dict[str, Any]] = []
    for error in errors:
        item: dict[str, Any] = {
            "type": str(error.get("type", "value_error")),
            "loc": [part if isinstance(part, str | int) else str(part) for part in error["loc"]],
            "msg": str(error.get("msg", "invalid")),
        }
        if "input" in error:
            try:
                json.dumps(error["input"], allow_nan=False)
            except (TypeError, ValueError):
                pass
            else:
                item["input"] = error["input"]
        safe.append(item)
    return safe


FALLBACK = {"detail": [{"type": "value_error", "loc": ["body"], "msg": "invalid request"}]}
"""What a 422 says when even the safe form of its errors cannot be built."""


async def validation_problem(_request: Request, error: Exception) -> JSONResponse:
    """The one 422 handler: FastAPI's shape, always serialisable, never an error itself."""
    try:
        errors = error.errors() if isinstance(error, RequestValidationError) else []
        content: dict[str, Any] = {"detail": safe_errors(errors) or FALLBACK["detail"]}
        return JSONResponse(content, status_code=status.HTTP_422_UNPROCESSABLE_CONTENT)
    except Exception:  # the handler of last resort must answer, whatever went wrong
        log.exception("could not describe a validation error")
        return JSONResponse(FALLBACK, status_code=status.HTTP_422_UNPROCESSABLE_CONTENT)
