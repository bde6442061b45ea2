"""Alembic environment: runs on the connection ``open_database`` passes in, or on the URL from
``alembic.ini`` / ``BACKCARE_DATABASE_URL`` when a developer runs ``alembic`` by hand."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from backcare.store.models import Base

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _run_from_settings() -> None:
    from backcare.config import load_settings
    from backcare.store.database import create_database_engine

    url = config.get_main_option("sqlalchemy.url") or load_settings().database_url
    engine = create_database_engine(url)
    with engine.begin() as connection:
        _run(connection)
    engine.dispose()


connection = config.attributes.get("connection")
if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=Base.metadata)
    with context.begin_transaction():
        context.run_migrations()
elif connection is not None:
    _run(connection)
else:
    _run_from_settings()
