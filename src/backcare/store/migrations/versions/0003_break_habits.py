"""Breaks people keep: the "did you move?" answer, minutes moved and minutes sat on each break
event, and a per-user table of break settings (quiet windows, skip limit).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 08:05:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("break_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("moved", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("minutes", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("sat_minutes", sa.Float(), nullable=True))
    op.create_table(
        "break_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("quiet_hours", sa.String(length=400), nullable=False),
        sa.Column("skip_limit", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_break_settings_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_break_settings")),
        sa.UniqueConstraint("user_id", name=op.f("uq_break_settings_user_id")),
    )


def downgrade() -> None:
    op.drop_table("break_settings")
    with op.batch_alter_table("break_events", schema=None) as batch_op:
        batch_op.drop_column("sat_minutes")
        batch_op.drop_column("minutes")
        batch_op.drop_column("moved")
