"""Schema migrations: from the first schema, with data in it, to the newest; on both stores."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from dealbot.bot.schema import alembic_config, at_head, head, is_current, upgrade
from dealbot.domain.core.store import make_engine
from support.store import fresh_postgres

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", "postgresql"])
def empty(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    engine = (
        make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
        if request.param == "sqlite"
        else fresh_postgres()
    )
    yield engine
    engine.dispose()


def test_the_newest_migration_is_named_by_the_newest_file(empty: Engine) -> None:
    """`upgrade` finds a store current from the file names, without alembic: they agree."""
    config = alembic_config(empty.url.render_as_string(hide_password=False))
    assert head() == ScriptDirectory.from_config(config).get_current_head()
    assert not at_head(empty)
    upgrade(empty)
    assert at_head(empty) and is_current(empty)
    upgrade(empty)  # the store is current: nothing runs
    assert is_current(empty)


def _at_first_schema(engine: Engine) -> None:
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")


def test_an_outbox_of_the_first_schema_is_carried_over(empty: Engine) -> None:
    _at_first_schema(empty)
    with empty.begin() as db:
        db.execute(
            text(
                "INSERT INTO teams (id, name, timezone, locale, currency, slack_channel, "
                "telegram_chat, stagnation_days, routing) VALUES "
                "(1, 'T', 'UTC', 'en', 'USD', 'C0FEED001', -1001, 7, '{}')"
            )
        )
        db.execute(
            text(
                "INSERT INTO members (id, handle, name, team_id, roles, slack_user, "
                "telegram_user, telegram_started, active) VALUES "
                "(1, 'lea', 'Lea', 1, '[\"leader\"]', 'U0LEA0001', 1001, true, true)"
            )
        )
        note = text(
            "INSERT INTO notifications (id, key, team_id, event, audience, placement, "
            "recipient_id, message, params, state, attempts, next_attempt_at, created_at) "
            "VALUES (:id, :key, 1, 'deal_opened', :audience, :placement, :recipient, "
            "'deal_opened', '{}', :state, 0, :now, :now)"
        )
        for values in (
            {
                "id": 1,
                "key": "a",
                "audience": "feed",
                "placement": "post",
                "recipient": None,
                "state": "pending",
            },
            {
                "id": 2,
                "key": "b",
                "audience": "leader",
                "placement": "dm",
                "recipient": 1,
                "state": "sent",
            },
        ):
            db.execute(note, {**values, "now": NOW})
        # The feed post reached Slack already, not Telegram yet.
        delivered = text(
            "INSERT INTO deliveries (notification_id, platform, address, external_id, sent_at) "
            "VALUES (:note, :platform, :address, :id, :now)"
        )
        for values in (
            {"note": 1, "platform": "slack", "address": "C0FEED001", "id": "111.222"},
            {"note": 2, "platform": "slack", "address": "U0LEA0001", "id": "333.444"},
            {"note": 2, "platform": "telegram", "address": "1001", "id": "9"},
        ):
            db.execute(delivered, {**values, "now": NOW})

    upgrade(empty)

    assert is_current(empty)
    with empty.begin() as db:
        rows = db.execute(
            text(
                "SELECT n.key, d.platform, d.address, d.state FROM deliveries d "
                "JOIN notifications n ON n.id = d.notification_id ORDER BY n.key, d.platform"
            )
        ).all()
        lanes = db.execute(text("SELECT count(*) FROM lanes")).scalar_one()
    assert [tuple(r) for r in rows] == [
        ("a", "slack", "C0FEED001", "sent"),
        ("a", "telegram", "-1001", "pending"),
        ("b", "slack", "U0LEA0001", "sent"),
        ("b", "telegram", "1001", "sent"),
    ]
    assert lanes == 4


def test_the_models_and_the_migrations_agree(empty: Engine) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from dealbot.bot.schema import include_object_for, metadata

    upgrade(empty)

    with empty.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "include_object": include_object_for(empty.dialect.name),
                "compare_type": True,
            },
        )
        differences = compare_metadata(context, metadata())
    assert differences == []


def test_customers_of_the_first_schema_are_found_by_the_picker_after_the_upgrade(
    empty: Engine,
) -> None:
    from dealbot.domain.core.store import make_session_factory
    from dealbot.domain.customers.search import find_page

    _at_first_schema(empty)
    with empty.begin() as db:
        db.execute(
            text(
                "INSERT INTO teams (id, name, timezone, locale, currency, stagnation_days, "
                "routing) VALUES (1, 'T', 'UTC', 'en', 'USD', 7, '{}')"
            )
        )
        db.execute(
            text(
                "INSERT INTO customers (id, team_id, name, created_at) "
                "VALUES (1, 1, 'ＡＣＭＥ Роботы', :now)"
            ),
            {"now": NOW},
        )

    upgrade(empty)

    with make_session_factory(empty).begin() as session:
        assert [c.name for c in find_page(session, [1], "acme робот", 5)] == ["ＡＣＭＥ Роботы"]
        assert [c.name for c in find_page(session, [1], "ро", 5)] == ["ＡＣＭＥ Роботы"]
