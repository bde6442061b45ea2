"""Storage: SQLAlchemy 2 models, the database opener and Alembic migrations.

Only ``services`` (and tests) import this package; the pure core never does.
"""

from backcare.store.database import Database, StoreError, open_database, open_url

__all__ = ["Database", "StoreError", "open_database", "open_url"]
