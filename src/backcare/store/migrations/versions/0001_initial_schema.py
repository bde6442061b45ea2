"""Initial schema: users, profile versions, pain entries, sessions, habits, breaks, alerts.

Revision ID: 0001
Revises:
Create Date: 2026-11-22 01:42:41.883387
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "alerts_shown",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("shown_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_alerts_shown_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alerts_shown")),
    )
    with op.batch_alter_table("alerts_shown", schema=None) as batch_op:
        batch_op.create_index("ix_alerts_shown_user_shown", ["user_id", "shown_at"], unique=False)

    op.create_table(
        "break_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.CheckConstraint(
            "outcome IN ('taken', 'skipped', 'postponed')", name=op.f("ck_break_events_outcome")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_break_events_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_break_events")),
    )
    with op.batch_alter_table("break_events", schema=None) as batch_op:
        batch_op.create_index("ix_break_events_user_at", ["user_id", "at"], unique=False)

    op.create_table(
        "habit_ticks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("habit_id", sa.String(length=100), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_habit_ticks_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_habit_ticks")),
        sa.UniqueConstraint(
            "user_id", "habit_id", "day", name=op.f("uq_habit_ticks_user_id_habit_id_day")
        ),
    )
    op.create_table(
        "pain_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("areas", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("score >= 0 AND score <= 10", name=op.f("ck_pain_entries_score_range")),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_pain_entries_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pain_entries")),
    )
    with op.batch_alter_table("pain_entries", schema=None) as batch_op:
        batch_op.create_index("ix_pain_entries_user_at", ["user_id", "at"], unique=False)

    op.create_table(
        "profile_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_profile_versions_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profile_versions")),
        sa.UniqueConstraint("user_id", "version", name=op.f("uq_profile_versions_user_id_version")),
    )
    op.create_table(
        "session_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("plan_day", sa.Integer(), nullable=False),
        sa.Column("week", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("pain_before", sa.Integer(), nullable=True),
        sa.Column("pain_after", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_session_records_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_records")),
    )
    with op.batch_alter_table("session_records", schema=None) as batch_op:
        batch_op.create_index(
            "ix_session_records_user_started", ["user_id", "started_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("session_records", schema=None) as batch_op:
        batch_op.drop_index("ix_session_records_user_started")

    op.drop_table("session_records")
    op.drop_table("profile_versions")
    with op.batch_alter_table("pain_entries", schema=None) as batch_op:
        batch_op.drop_index("ix_pain_entries_user_at")

    op.drop_table("pain_entries")
    op.drop_table("habit_ticks")
    with op.batch_alter_table("break_events", schema=None) as batch_op:
        batch_op.drop_index("ix_break_events_user_at")

    op.drop_table("break_events")
    with op.batch_alter_table("alerts_shown", schema=None) as batch_op:
        batch_op.drop_index("ix_alerts_shown_user_shown")

    op.drop_table("alerts_shown")
    op.drop_table("users")
