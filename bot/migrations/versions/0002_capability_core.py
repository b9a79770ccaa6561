"""capability core: deliveries per platform and address, lanes, threads, runners

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 22:57:08.951170

The outbox changes shape: a notification no longer carries its own delivery state; each of
its deliveries (one per platform and address) does, in a lane per place. Existing
notifications are carried over: what was delivered stays delivered, what was waiting waits
on every platform it had not reached yet.
"""

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_TIME = sa.DateTime(timezone=True)


def _rows(connection: sa.Connection, sql: str) -> list[Any]:
    return list(connection.execute(sa.text(sql)).mappings())


def _time(value: Any) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if not isinstance(value, datetime):
        return datetime.now(UTC)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _create_tables() -> None:
    op.create_table(
        "lanes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("moved_to", sa.String(length=64), nullable=True),
        sa.Column("changed_at", UTC_TIME, nullable=True),
        sa.Column("parkings", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lanes")),
        sa.UniqueConstraint("platform", "address", name=op.f("uq_lanes_platform_address")),
    )
    op.create_table(
        "runners",
        sa.Column("id", sa.String(length=80), nullable=False),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("platforms", sa.JSON(), nullable=False),
        sa.Column("started_at", UTC_TIME, nullable=False),
        sa.Column("seen_at", UTC_TIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_runners")),
    )
    op.create_table(
        "threads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("thread_key", sa.String(length=48), nullable=False),
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("root_id", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_threads")),
        sa.UniqueConstraint(
            "thread_key",
            "platform",
            "address",
            name=op.f("uq_threads_thread_key_platform_address"),
        ),
    )


def _create_outbox() -> tuple[sa.Table, sa.Table]:
    notifications = op.create_table(
        "notifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=48), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("subject_type", sa.String(length=16), nullable=True),
        sa.Column("subject_id", sa.Integer(), nullable=True),
        sa.Column("thread_key", sa.String(length=48), nullable=True),
        sa.Column("audience", sa.String(length=16), nullable=False),
        sa.Column("placement", sa.String(length=16), nullable=False),
        sa.Column("recipient_id", sa.Integer(), nullable=True),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("created_at", UTC_TIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["recipient_id"], ["members.id"], name=op.f("fk_notifications_recipient_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["teams.id"], name=op.f("fk_notifications_team_id_teams")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
        sa.UniqueConstraint("key", name=op.f("uq_notifications_key")),
    )
    deliveries = op.create_table(
        "deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("notification_id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("lane_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", UTC_TIME, nullable=False),
        sa.Column("first_attempt_at", UTC_TIME, nullable=True),
        sa.Column("claimed_by", sa.String(length=80), nullable=True),
        sa.Column("claim_token", sa.String(length=36), nullable=True),
        sa.Column("claimed_until", UTC_TIME, nullable=True),
        sa.Column("send_started_at", UTC_TIME, nullable=True),
        sa.Column("parts_sent", sa.Integer(), nullable=False),
        sa.Column("external_ids", sa.JSON(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", UTC_TIME, nullable=False),
        sa.Column("sent_at", UTC_TIME, nullable=True),
        sa.ForeignKeyConstraint(
            ["lane_id"], ["lanes.id"], name=op.f("fk_deliveries_lane_id_lanes")
        ),
        sa.ForeignKeyConstraint(
            ["notification_id"],
            ["notifications.id"],
            name=op.f("fk_deliveries_notification_id_notifications"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deliveries")),
        sa.UniqueConstraint(
            "notification_id",
            "platform",
            "address",
            name=op.f("uq_deliveries_notification_id_platform_address"),
        ),
    )
    op.create_index(
        op.f("ix_deliveries_notification_id"), "deliveries", ["notification_id"], unique=False
    )
    op.create_index(
        "ix_deliveries_queue", "deliveries", ["state", "platform", "lane_id", "id"], unique=False
    )
    return notifications, deliveries


def _addresses(connection: sa.Connection) -> tuple[dict[int, dict[str, Any]], dict[int, Any]]:
    teams = {
        r["id"]: {"slack": r["slack_channel"], "telegram": r["telegram_chat"]}
        for r in _rows(connection, "SELECT id, slack_channel, telegram_chat FROM teams")
    }
    members = {
        r["id"]: {"slack": r["slack_user"], "telegram": r["telegram_user"]}
        for r in _rows(connection, "SELECT id, slack_user, telegram_user FROM members")
    }
    return teams, members


def upgrade() -> None:
    connection = op.get_bind()
    _create_tables()
    threads = sa.table(
        "threads",
        sa.column("thread_key"),
        sa.column("platform"),
        sa.column("address"),
        sa.column("root_id"),
    )
    old_threads = _rows(connection, "SELECT deal_id, platform, address, root_id FROM deal_threads")
    if old_threads:
        op.bulk_insert(
            threads,
            [
                {
                    **{k: r[k] for k in ("platform", "address", "root_id")},
                    "thread_key": f"deal:{r['deal_id']}",
                }
                for r in old_threads
            ],
        )
    old_notes = _rows(connection, "SELECT * FROM notifications ORDER BY id")
    old_sent: dict[int, list[Any]] = {}
    for row in _rows(connection, "SELECT * FROM deliveries ORDER BY id"):
        old_sent.setdefault(row["notification_id"], []).append(row)
    team_places, member_places = _addresses(connection)
    op.drop_table("deal_threads")
    op.drop_table("deliveries")
    op.drop_table("notifications")
    notifications, deliveries = _create_outbox()

    lanes = sa.table(
        "lanes",
        sa.column("id"),
        sa.column("platform"),
        sa.column("address"),
        sa.column("state"),
        sa.column("parkings"),
    )
    lane_ids: dict[tuple[str, str], int] = {}

    def lane(platform: str, address: str) -> int:
        if (platform, address) not in lane_ids:
            inserted = connection.execute(
                lanes.insert()
                .values(platform=platform, address=address, state="open", parkings=0)
                .returning(lanes.c.id)
            ).scalar_one()
            lane_ids[(platform, address)] = int(inserted)
        return lane_ids[(platform, address)]

    for note in old_notes:
        params = note["params"]
        if isinstance(params, str):
            params = json.loads(params)
        if note["task_id"] is not None:
            params = {**params, "task": note["task_id"]}
        connection.execute(
            notifications.insert().values(
                id=note["id"],
                key=note["key"],
                kind=note["event"],
                team_id=note["team_id"],
                subject_type="deal" if note["deal_id"] else None,
                subject_id=note["deal_id"],
                thread_key=f"deal:{note['deal_id']}" if note["deal_id"] else None,
                audience=note["audience"],
                placement=note["placement"],
                recipient_id=note["recipient_id"],
                params=params,
                created_at=_time(note["created_at"]),
            )
        )
        created = _time(note["created_at"])
        done = {d["platform"] for d in old_sent.get(note["id"], [])}
        for sent in old_sent.get(note["id"], []):
            connection.execute(
                deliveries.insert().values(
                    notification_id=note["id"],
                    platform=sent["platform"],
                    address=sent["address"],
                    lane_id=lane(sent["platform"], sent["address"]),
                    state="sent",
                    attempts=note["attempts"],
                    next_attempt_at=created,
                    parts_sent=1,
                    external_ids=[sent["external_id"]] if sent["external_id"] else [],
                    created_at=created,
                    sent_at=_time(sent["sent_at"]),
                )
            )
        if note["state"] == "sent":
            continue
        places = (
            member_places.get(note["recipient_id"], {})
            if note["recipient_id"] is not None
            else team_places.get(note["team_id"], {})
        )
        for platform, address in places.items():
            if address is None or platform in done:
                continue
            connection.execute(
                deliveries.insert().values(
                    notification_id=note["id"],
                    platform=platform,
                    address=str(address),
                    lane_id=lane(platform, str(address)),
                    state="parked" if note["state"] == "parked" else "pending",
                    attempts=note["attempts"],
                    next_attempt_at=_time(note["next_attempt_at"]),
                    parts_sent=0,
                    external_ids=[],
                    last_error=note["last_error"],
                    created_at=created,
                )
            )
    if connection.dialect.name == "postgresql" and old_notes:
        connection.execute(
            sa.text(
                "SELECT setval(pg_get_serial_sequence('notifications', 'id'), "
                "(SELECT max(id) FROM notifications))"
            )
        )

    if connection.dialect.name == "postgresql":
        # 0001 declared this one with use_alter, which create_table leaves out on PostgreSQL.
        op.create_foreign_key(
            op.f("fk_teams_leader_id_members"),
            "teams",
            "members",
            ["leader_id"],
            ["id"],
            ondelete="SET NULL",
        )
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_column("telegram_started")
    with op.batch_alter_table("teams", schema=None) as batch_op:
        batch_op.add_column(sa.Column("settings", sa.JSON(), nullable=False, server_default="{}"))


def downgrade() -> None:
    raise NotImplementedError("the outbox of 0001 cannot hold deliveries per address")
