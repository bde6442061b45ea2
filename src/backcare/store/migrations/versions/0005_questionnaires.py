"""Completed questionnaires (STarT Back, PEG, PSFS): the answers and when they were given.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 10:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "questionnaire_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("instrument", sa.String(length=20), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("activities", sa.JSON(), nullable=False),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_questionnaire_answers_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_questionnaire_answers")),
    )
    op.create_index(
        "ix_questionnaire_answers_user_taken",
        "questionnaire_answers",
        ["user_id", "taken_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_questionnaire_answers_user_taken", table_name="questionnaire_answers")
    op.drop_table("questionnaire_answers")
