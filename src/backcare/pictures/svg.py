"""Tiny helpers to write SVG text deterministically (fixed number format, attribute order kept)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from xml.sax.saxutils import escape, quoteattr

Point = tuple[float, float]
Attrs = dict[str, str | float]


def num(value: float) -> str:
    """A coordinate with one decimal, never ``-0``."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def element(tag: str, attrs: Mapping[str, str | float], children: str = "") -> str:
    """One element; numbers are formatted with ``num``, strings escaped."""
    parts = " ".join(
        f"{key}={quoteattr(num(value) if isinstance(value, float | int) else value)}"
        for key, value in attrs.items()
    )
    return f"<{tag} {parts}>{children}</{tag}>" if children else f"<{tag} {parts}/>"


def text(tag: str, content: str) -> str:
    """An element holding escaped text (``title``, ``desc``)."""
    return f"<{tag}>{escape(content)}</{tag}>"


def polyline(points: Sequence[Point]) -> str:
    """Path data through the points."""
    head, *rest = points
    return f"M{num(head[0])} {num(head[1])}" + "".join(f"L{num(x)} {num(y)}" for x, y in rest)


def animated(
    tag: str, attrs: Mapping[str, str | float], changing: Mapping[str, Sequence[str]], timing: str
) -> str:
    """An element whose listed attributes step through their values (SMIL), looping forever.

    ``changing`` maps an attribute to its value at each key time; the first value is also the
    static one, so a renderer without SMIL still shows a sensible picture.
    """
    static = {**attrs, **{key: values[0] for key, values in changing.items()}}
    animations = "".join(
        f'<animate attributeName="{key}" values="{";".join(values)}" {timing}/>'
        for key, values in changing.items()
        if len(set(values)) > 1
    )
    return element(tag, static, animations)
