"""The schema of the whole store, domain and front-end state alike, and its migrations."""

from __future__ import annotations

from collections.abc import Callable
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, MetaData, inspect, text

from dealbot.domain import schema as domain_schema
from dealbot.handlers.core import state as front_state

if TYPE_CHECKING:
    from alembic.config import Config

# The advisory lock that serialises migrations on PostgreSQL ("dealbot" in ASCII, as a number).
LOCK = 0x6465616C626F74


def metadata() -> MetaData:
    """Every table: the capabilities' and the front ends' (they share one metadata)."""
    assert front_state.ConversationState.metadata is domain_schema.metadata
    return domain_schema.metadata


def include_object_for(dialect: str) -> Callable[[Any, str | None, str, bool, Any], bool]:
    """What autogenerate compares on `dialect`: not the tables a store keeps beside the models
    (SQLite's full-text index), nor indexes declared for another store (pg_trgm's)."""

    def include(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
        if type_ == "table" and name and name.startswith(domain_schema.UNMAPPED_TABLE_PREFIXES):
            return False
        only_on = getattr(getattr(obj, "_ddl_if", None), "dialect", None)
        return not (type_ == "index" and only_on is not None and only_on != dialect)

    return include


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(files("dealbot.bot").joinpath("migrations")))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head() -> str:
    """The newest migration, from the migrations' file names (`0007_reminders.py` is revision
    "0007"; a test checks that alembic agrees): a store already there is found current
    without importing alembic, which every `dealbot remind` and `dealbot import` would pay."""
    versions = files("dealbot.bot").joinpath("migrations", "versions")
    return max(
        f.name.split("_", 1)[0]
        for f in versions.iterdir()
        if f.name.endswith(".py") and f.name[:4].isdigit()
    )


def at_head(engine: Engine) -> bool:
    """Whether the store records the newest migration (a fresh store records none)."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return False
        found = connection.execute(text("SELECT version_num FROM alembic_version")).scalars()
        return list(found) == [head()]


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration; safe to call at every start-up."""
    if at_head(engine):
        return
    from alembic import command

    config = alembic_config(engine.url.render_as_string(hide_password=False))
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if sqlite:
            # SQLite alters a table by copying it; foreign keys must not fire meanwhile, and
            # the pragma only takes effect outside a transaction.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        with connection.begin():
            if engine.dialect.name == "postgresql":
                # Processes starting together on one database migrate one after the other;
                # the later ones then find the schema current. Released at commit.
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK})
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()


def is_current(engine: Engine) -> bool:
    """Whether the store is at the newest migration already (nothing to apply)."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = alembic_config(engine.url.render_as_string(hide_password=False))
    newest = ScriptDirectory.from_config(config).get_current_head()
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision() == newest
