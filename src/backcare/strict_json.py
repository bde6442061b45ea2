"""Reading JSON strictly: what Python's ``json`` module lets through and backcare refuses.

Python reads ``NaN``, ``Infinity`` and ``1e400`` (as ``inf``), keeps the last of two equal keys,
reads integers of thousands of digits and recurses as deep as the text goes. Every JSON body the
API receives and every JSON file the CLI reads goes through ``loads``, which refuses all of these
with a ``JsonError`` that names where (``loc``), so the answer can name the field.
"""

from __future__ import annotations

import json
import math
from typing import Any

MAX_DEPTH = 20
"""Deepest nesting of objects and arrays accepted; backcare's deepest document (an export's
profile) needs six."""

MAX_NUMBER_CHARS = 40
"""Longest number literal accepted: far beyond any value backcare stores, far short of
Python's 4,300-digit integer limit (which would be an unhandled error)."""

Loc = tuple[str | int, ...]


class JsonError(ValueError):
    """JSON text backcare refuses; ``loc`` is the path to the offending value (may be empty)."""

    def __init__(self, loc: Loc, message: str) -> None:
        super().__init__(f"{'.'.join(map(str, loc)) or 'JSON'}: {message}")
        self.loc = loc
        self.message = message


class _Refused:
    """A number the parser met and backcare refuses, kept in place so its path can be named."""

    def __init__(self, text: str, why: str) -> None:
        self.text, self.why = text, why


class _Object(dict[str, Any]):
    """A parsed object that remembers the keys it held twice."""

    duplicates: list[str]


FINITE = "must be a finite number (not NaN or infinity)"


def _constant(text: str) -> _Refused:
    return _Refused(text, FINITE)


def _float(text: str) -> float | _Refused:
    if len(text) > MAX_NUMBER_CHARS:
        return _Refused(text, f"number longer than {MAX_NUMBER_CHARS} characters")
    value = float(text)
    return value if math.isfinite(value) else _Refused(text, FINITE)


def _int(text: str) -> int | _Refused:
    if len(text) > MAX_NUMBER_CHARS:
        return _Refused(text, f"number longer than {MAX_NUMBER_CHARS} characters")
    return int(text)


def _pairs(pairs: list[tuple[str, Any]]) -> _Object:
    result = _Object()
    result.duplicates = []
    for key, value in pairs:
        if key in result:
            result.duplicates.append(key)
        result[key] = value
    return result


def loads(text: str | bytes) -> Any:
    """The JSON value in ``text``, as ``json.loads`` would read it, or ``JsonError``.

    Syntax errors stay ``json.JSONDecodeError`` (the caller reports the position).
    """
    try:
        value = json.loads(
            text,
            parse_constant=_constant,
            parse_float=_float,
            parse_int=_int,
            object_pairs_hook=_pairs,
        )
    except RecursionError:
        where = _too_deep_at(text.decode("utf-8", "replace") if isinstance(text, bytes) else text)
        raise JsonError(where, f"nested more than {MAX_DEPTH} levels deep") from None
    return _plain(value, (), 0)


def _too_deep_at(text: str) -> Loc:
    """The path to the first container nested past ``MAX_DEPTH`` (text too deep for the
    parser itself): a scan of brackets, strings and keys, without building anything."""
    frames: list[list[Any]] = []  # [kind, key or index, expecting a key]
    position, end = 0, len(text)
    while position < end:
        char = text[position]
        if char == '"':
            close = position + 1
            while close < end and text[close] != '"':
                close += 2 if text[close] == "\\" else 1
            if frames and frames[-1][0] == "{" and frames[-1][2]:
                try:
                    frames[-1][1] = json.loads(text[position : close + 1])
                except ValueError:
                    frames[-1][1] = text[position + 1 : close]
                frames[-1][2] = False
            position = close + 1
            continue
        if char in "[{":
            if len(frames) >= MAX_DEPTH:
                break
            frames.append(["[", 0, False] if char == "[" else ["{", None, True])
        elif char in "]}" and frames:
            frames.pop()
        elif char == "," and frames:
            if frames[-1][0] == "[":
                frames[-1][1] += 1
            else:
                frames[-1][2] = True
        position += 1
    return tuple(frame[1] for frame in frames if frame[1] is not None)


def _plain(value: Any, loc: Loc, depth: int) -> Any:
    """``value`` with plain dicts, after checking every part of it (first problem raised)."""
    if isinstance(value, _Refused):
        raise JsonError(loc, value.why)
    if isinstance(value, dict | list) and depth >= MAX_DEPTH:
        raise JsonError(loc, f"nested more than {MAX_DEPTH} levels deep")
    if isinstance(value, _Object):
        if value.duplicates:
            raise JsonError((*loc, value.duplicates[0]), "this key appears twice")
        return {key: _plain(item, (*loc, key), depth + 1) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item, (*loc, number), depth + 1) for number, item in enumerate(value)]
    return value
