"""reminders: the ledger, mutes, each team's last sweep, snoozed deals, stock levels and
crossings, and the indexes that find key dates, contracts ending and unpaid installments

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 12:00:00.000000

Only new tables and new indexes: no table is copied (SQLite's customer search triggers stay).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_TIME = sa.DateTime(timezone=True)
KEY_DATES = ("founded", "first_contract", "contact_birthday")
UNPAID = "paid_minor < amount_minor"


def upgrade() -> None:
    op.create_table(
        "stock_crossings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=4), nullable=False),
        sa.Column("on_hand", sa.Integer(), nullable=False),
        sa.Column("at", UTC_TIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_stock_crossings_product_id_products")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_crossings")),
    )
    op.create_index(
        op.f("ix_stock_crossings_product_id"), "stock_crossings", ["product_id"], unique=False
    )
    op.create_table(
        "stock_levels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=4), nullable=False),
        sa.Column("crossing_id", sa.Integer(), nullable=True),
        sa.Column("changed_at", UTC_TIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["crossing_id"],
            ["stock_crossings.id"],
            name=op.f("fk_stock_levels_crossing_id_stock_crossings"),
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_stock_levels_product_id_products")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_levels")),
        sa.UniqueConstraint("product_id", name=op.f("uq_stock_levels_product_id")),
    )
    op.create_table(
        "reminders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("subject_type", sa.String(length=16), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("occasion", sa.Date(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("swept_at", UTC_TIME, nullable=False),
        sa.Column("recorded_at", UTC_TIME, nullable=False),
        # No foreign keys on member_id and team_id (see `Reminder`): members and teams are
        # never deleted, only deactivated, and checking each of a sweep's rows is costly.
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminders")),
        sa.UniqueConstraint(
            "kind",
            "subject_type",
            "subject_id",
            "member_id",
            "occasion",
            name=op.f("uq_reminders_kind_subject_type_subject_id_member_id_occasion"),
        ),
    )
    op.create_index("ix_reminders_recorded_at", "reminders", ["recorded_at"], unique=False)
    op.create_table(
        "reminder_mutes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(length=16), nullable=False),
        sa.Column("at", UTC_TIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_reminder_mutes_member_id_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_mutes")),
        sa.UniqueConstraint("member_id", "topic", name=op.f("uq_reminder_mutes_member_id_topic")),
    )
    op.create_table(
        "reminder_sweeps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("through", sa.Date(), nullable=False),
        sa.Column("swept_at", UTC_TIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["team_id"], ["teams.id"], name=op.f("fk_reminder_sweeps_team_id_teams")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_sweeps")),
        sa.UniqueConstraint("team_id", name=op.f("uq_reminder_sweeps_team_id")),
    )
    op.create_table(
        "deal_snoozes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("until", sa.Date(), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=False),
        sa.Column("at", UTC_TIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["by_id"], ["members.id"], name=op.f("fk_deal_snoozes_by_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["deal_id"], ["deals.id"], name=op.f("fk_deal_snoozes_deal_id_deals")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deal_snoozes")),
        sa.UniqueConstraint("deal_id", name=op.f("uq_deal_snoozes_deal_id")),
    )
    for column in KEY_DATES:
        op.create_index(f"ix_customers_team_id_{column}", "customers", ["team_id", column])
    op.create_index("ix_contracts_ends_on", "contracts", ["ends_on"])
    # Selling's installments as reminders read them: the due day of those not paid in full.
    op.create_index(
        "ix_installments_unpaid_due",
        "installments",
        ["due_date", "order_id", "position", "amount_minor", "paid_minor"],
        postgresql_where=sa.text(UNPAID),
        sqlite_where=sa.text(UNPAID),
    )


def downgrade() -> None:
    op.drop_index("ix_installments_unpaid_due", table_name="installments")
    op.drop_index("ix_contracts_ends_on", table_name="contracts")
    for column in KEY_DATES:
        op.drop_index(f"ix_customers_team_id_{column}", table_name="customers")
    op.drop_table("deal_snoozes")
    op.drop_table("reminder_sweeps")
    op.drop_table("reminder_mutes")
    op.drop_index("ix_reminders_recorded_at", table_name="reminders")
    op.drop_table("reminders")
    op.drop_table("stock_levels")
    op.drop_index(op.f("ix_stock_crossings_product_id"), table_name="stock_crossings")
    op.drop_table("stock_crossings")
