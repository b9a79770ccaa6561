"""cards that change: a card names itself, and an edit names the card it changes

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 23:34:09.976276
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("edit_of", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_deliveries_edit_of_deliveries"), "deliveries", ["edit_of"], ["id"]
        )

    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.add_column(sa.Column("card_key", sa.String(length=48), nullable=True))
        batch_op.create_index(batch_op.f("ix_notifications_card_key"), ["card_key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notifications_card_key"))
        batch_op.drop_column("card_key")

    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_deliveries_edit_of_deliveries"), type_="foreignkey")
        batch_op.drop_column("edit_of")
