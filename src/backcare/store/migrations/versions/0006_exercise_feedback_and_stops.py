"""The programme that follows the person: the one-tap answer after each exercise, and the
sessions the stop rule ended.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 10:40:00
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _owner(table: str) -> list[Any]:
    """The id, user_id and cascade foreign key every user-owned table has."""
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f(f"fk_{table}_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    ]


def upgrade() -> None:
    op.create_table(
        "exercise_feedback",
        *_owner("exercise_feedback"),
        sa.Column("exercise_id", sa.String(length=100), nullable=False),
        sa.Column("answer", sa.String(length=16), nullable=False),
        sa.Column("week", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "answer IN ('too_easy', 'about_right', 'too_hard', 'it_hurt')",
            name=op.f("ck_exercise_feedback_answer"),
        ),
    )
    with op.batch_alter_table("exercise_feedback", schema=None) as batch_op:
        batch_op.create_index("ix_exercise_feedback_user_at", ["user_id", "at"], unique=False)
    op.create_table(
        "stop_events",
        *_owner("stop_events"),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("pain_before", sa.Integer(), nullable=True),
        sa.Column("pain_now", sa.Integer(), nullable=True),
        sa.Column("exercise_id", sa.String(length=100), nullable=True),
        sa.CheckConstraint(
            "reason IN ('pain_rose', 'new_leg_symptoms')", name=op.f("ck_stop_events_reason")
        ),
    )
    with op.batch_alter_table("stop_events", schema=None) as batch_op:
        batch_op.create_index("ix_stop_events_user_at", ["user_id", "at"], unique=False)


def downgrade() -> None:
    op.drop_table("stop_events")
    op.drop_table("exercise_feedback")
