"""Re-exported names imported on first use (PEP 562), so that importing one module of a
package does not import every module its ``__init__`` re-exports."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any


def lazy_names(package: str, homes: dict[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: ``homes`` maps each re-exported name to the
    module that defines it; the value is imported when first asked for, then kept."""
    namespace = import_module(package).__dict__

    def attribute(name: str) -> Any:
        try:
            home = homes[name]
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        value = namespace[name] = getattr(import_module(home), name)
        return value

    return attribute
