"""Stateless app servers: rate-limit hits shared through the database, and client-made ids on
pain entries and session records so a retried POST never makes a duplicate.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 10:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CLIENT_ID_TABLES = ("pain_entries", "session_records")


def upgrade() -> None:
    op.create_table(
        "rate_limit_hits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=400), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rate_limit_hits")),
    )
    op.create_index("ix_rate_limit_hits_key_at", "rate_limit_hits", ["key", "at"])
    op.create_index(op.f("ix_rate_limit_hits_at"), "rate_limit_hits", ["at"])
    for table in CLIENT_ID_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("client_id", sa.String(length=36), nullable=True))
            batch_op.create_unique_constraint(
                op.f(f"uq_{table}_user_id_client_id"), ["user_id", "client_id"]
            )


def downgrade() -> None:
    for table in CLIENT_ID_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(op.f(f"uq_{table}_user_id_client_id"), type_="unique")
            batch_op.drop_column("client_id")
    op.drop_index(op.f("ix_rate_limit_hits_at"), table_name="rate_limit_hits")
    op.drop_index("ix_rate_limit_hits_key_at", table_name="rate_limit_hits")
    op.drop_table("rate_limit_hits")
