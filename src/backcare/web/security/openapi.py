"""The schema says which routes need the session cookie (and the CSRF header), with their 401
and 403 answers, so clients and the schema fuzzing know the rules."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from backcare.web.security.csrf import CSRF_HEADER, SAFE_METHODS
from backcare.web.security.guard import is_public
from backcare.web.security.login_sessions import SESSION_COOKIE

PROBLEM_SCHEMA = {"$ref": "#/components/schemas/Problem"}
SECURITY_SCHEMES = {
    "session": {"type": "apiKey", "in": "cookie", "name": SESSION_COOKIE},
    "csrf": {"type": "apiKey", "in": "header", "name": CSRF_HEADER},
}
PROBLEM = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
    "title": "Problem",
}


def document_server_mode(app: FastAPI) -> None:
    """Wrap ``app.openapi`` so the schema carries the security schemes and answers."""
    plain_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = plain_openapi()
        components = schema.setdefault("components", {})
        components["securitySchemes"] = SECURITY_SCHEMES
        components.setdefault("schemas", {}).setdefault("Problem", PROBLEM)
        for path, operations in schema["paths"].items():
            if not is_public(path):
                for method, operation in operations.items():
                    _secure(operation, unsafe=method.upper() not in SAFE_METHODS)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def _secure(operation: dict[str, Any], *, unsafe: bool) -> None:
    content = {"application/json": {"schema": PROBLEM_SCHEMA}}
    responses = operation.setdefault("responses", {})
    responses["401"] = {"description": "Not logged in (no live session).", "content": content}
    if unsafe:
        responses["403"] = {
            "description": f"Missing or wrong {CSRF_HEADER} header.",
            "content": content,
        }
    operation["security"] = [{"session": [], "csrf": []} if unsafe else {"session": []}]
