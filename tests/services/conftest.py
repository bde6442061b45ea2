"""The use-case fixtures of ``tests/test_services.py`` (every use case on SQLite and on
PostgreSQL), shared with the per-area service tests in this folder."""

from tests.store.postgres import postgres_database  # noqa: F401 (a fixture)
from tests.test_services import db, user  # noqa: F401 (fixtures)
