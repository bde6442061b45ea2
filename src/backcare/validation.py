"""Strict field rules every input model shares (the profile's parts and ``schemas.Strict``).

pydantic's lax mode reads ``true`` as 1 for a whole-number field and takes a list of 100,000
copies of one value. ``strict_field`` refuses both before pydantic converts anything, so one
``field_validator("*", mode="before")`` on a base class covers every field of every model.
"""

from __future__ import annotations

import types
from typing import Any, Literal, Union, get_args, get_origin

MAX_LIST_ITEMS = 100
"""Longest list of plain values (areas, work, equipment, answers …) a field takes; backcare's
longest choice list has fewer than 20 options."""


def admits_bool(annotation: Any) -> bool:
    """Whether a field of this type may hold ``true``/``false`` (``bool``, ``Any``, unions and
    containers that include them)."""
    if annotation is bool or annotation is Any or annotation is object:
        return True
    origin = get_origin(annotation)
    if origin is Literal:
        return any(isinstance(arg, bool) for arg in get_args(annotation))
    if origin in (Union, types.UnionType, list, tuple, set, frozenset):
        return any(admits_bool(arg) for arg in get_args(annotation))
    return origin is dict  # free-form data (an imported profile is validated as a Profile)


def admits_text(annotation: Any) -> bool:
    """Whether a field of this type may hold text (``str``, a ``Literal`` of strings …)."""
    if annotation in (int, float, type(None)):
        return False
    origin = get_origin(annotation)
    if origin is Literal:
        return any(isinstance(arg, str) for arg in get_args(annotation))
    if origin in (Union, types.UnionType):
        return any(admits_text(arg) for arg in get_args(annotation))
    return True


def strict_field(annotation: Any, value: Any, *, numbers: bool = False) -> Any:
    """``value`` unchanged, or ``ValueError`` when it is a boolean where the type takes none,
    or a list of plain values that is too long or holds a value twice; with ``numbers``, also
    when it is text where the type takes only numbers (``"0x22"``, ``"1_000"``)."""
    if isinstance(value, bool) and not admits_bool(annotation):
        raise ValueError("must not be true or false here")
    if numbers and isinstance(value, str) and not admits_text(annotation):
        raise ValueError(f"must be a number, not the text {value[:40]!r}")
    if isinstance(value, list) and not any(isinstance(item, dict) for item in value):
        if len(value) > MAX_LIST_ITEMS:
            raise ValueError(f"at most {MAX_LIST_ITEMS} items")
        if not admits_bool(annotation) and any(isinstance(item, bool) for item in value):
            raise ValueError("must not hold true or false")
        seen: set[Any] = set()
        for item in value:
            if isinstance(item, str):
                if item in seen:
                    raise ValueError(f"lists {item!r} twice (each value once)")
                seen.add(item)
    return value
