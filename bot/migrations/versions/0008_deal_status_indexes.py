"""the indexes that find a team's deals of one status by when they closed or last moved on:
the weekly digest and the stagnant deals read a range of one, however many deals the team
won before

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 06:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    "ix_deals_team_id_status_closed_at": ["team_id", "status", "closed_at"],
    "ix_deals_team_id_status_last_progress_at": ["team_id", "status", "last_progress_at"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "deals", columns, unique=False)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="deals")
