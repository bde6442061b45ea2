"""Storage: SQLAlchemy 2 models, the database opener and Alembic migrations; and ``lean``,
the few diary rows ``backcare log`` writes without SQLAlchemy.

Only ``services`` (and tests) import this package; the pure core never does. The names below
are imported on first use, so importing ``backcare.store.lean`` imports no SQLAlchemy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from backcare.reexport import lazy_names

if TYPE_CHECKING:
    from backcare.store.database import Database, StoreError, open_database, open_url

__all__ = ["Database", "StoreError", "open_database", "open_url"]

__getattr__ = lazy_names(__name__, dict.fromkeys(__all__, "backcare.store.database"))
