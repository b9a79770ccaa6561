"""customers' card and contracts, products and stock movements, leads from the intake API

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 09:00:00.000000

Customers gain every field of seed 004's card and a folded search text, indexed by trigrams
on both stores: pg_trgm's GIN index on PostgreSQL, an FTS5 table with the trigram tokenizer
on SQLite (kept in step by triggers; a later migration that makes SQLite copy the customers
table must create the triggers again). Deals may be leads: without owner, industry, size or
amount until the opening report is completed, and with a unique `external_id`.
"""

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_TIME = sa.DateTime(timezone=True)

SQLITE_SEARCH = """
CREATE VIRTUAL TABLE customer_search USING fts5(
    search_text, content='customers', content_rowid='id', tokenize='trigram'
)
"""
SQLITE_TRIGGERS = (
    """CREATE TRIGGER customers_search_insert AFTER INSERT ON customers BEGIN
        INSERT INTO customer_search (rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    """CREATE TRIGGER customers_search_delete AFTER DELETE ON customers BEGIN
        INSERT INTO customer_search (customer_search, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
    END""",
    # Only when the text changed: a re-import that updates every row re-indexes none.
    """CREATE TRIGGER customers_search_update AFTER UPDATE OF search_text ON customers
    WHEN old.search_text IS NOT new.search_text BEGIN
        INSERT INTO customer_search (customer_search, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
        INSERT INTO customer_search (rowid, search_text) VALUES (new.id, new.search_text);
    END""",
)


def _folded(text: str) -> str:
    # domain.core.text.search_key as of this revision (a migration does not import the app).
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return " ".join(folded.split())


def _customers() -> None:
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("name_key", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("contact_name", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("contact_position", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("legal_address", sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column("contact_address", sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column("channel", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("channel_address", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("founded", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("first_contract", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("contact_birthday", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("updated_at", UTC_TIME, nullable=True))
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, name FROM customers")).all()
    for customer_id, name in rows:
        connection.execute(
            sa.text("UPDATE customers SET name_key = :key, search_text = :text WHERE id = :id"),
            {"key": _folded(name), "text": _folded(name), "id": customer_id},
        )
    if connection.dialect.name == "postgresql":
        op.create_index(
            "ix_customers_team_id_name_key", "customers", ["team_id", "name_key"], unique=False
        )
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.create_index(
            "ix_customers_search_text_trgm",
            "customers",
            ["search_text"],
            unique=False,
            postgresql_using="gin",
            postgresql_ops={"search_text": "gin_trgm_ops"},
        )
    else:
        op.create_index(
            "ix_customers_team_id_name_key_text",
            "customers",
            ["team_id", "name_key", "search_text"],
            unique=False,
        )
        op.execute(SQLITE_SEARCH)
        for trigger in SQLITE_TRIGGERS:
            op.execute(trigger)
        op.execute("INSERT INTO customer_search (customer_search) VALUES ('rebuild')")
    op.create_table(
        "contracts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("created_at", UTC_TIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_contracts_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contracts")),
        sa.UniqueConstraint("customer_id", "title", name=op.f("uq_contracts_customer_id_title")),
    )
    op.create_index(op.f("ix_contracts_customer_id"), "contracts", ["customer_id"], unique=False)


def _products() -> None:
    op.create_table(
        "products",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("unit_price_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("on_hand", sa.Integer(), nullable=False),
        sa.Column("minimum", sa.Integer(), nullable=True),
        sa.Column("maximum", sa.Integer(), nullable=True),
        sa.Column("created_at", UTC_TIME, nullable=False),
        sa.Column("updated_at", UTC_TIME, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_products")),
        sa.UniqueConstraint("sku", name=op.f("uq_products_sku")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.create_index(
            "ix_products_search_text_trgm",
            "products",
            ["search_text"],
            unique=False,
            postgresql_using="gin",
            postgresql_ops={"search_text": "gin_trgm_ops"},
        )
    op.create_table(
        "stock_movements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("on_hand_after", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("at", UTC_TIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["members.id"], name=op.f("fk_stock_movements_actor_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_stock_movements_product_id_products")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_movements")),
    )
    op.create_index(
        "ix_stock_movements_product_id_at", "stock_movements", ["product_id", "at"], unique=False
    )


def _leads() -> None:
    with op.batch_alter_table("deals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("external_id", sa.String(length=100), nullable=True))
        batch_op.alter_column("owner_id", existing_type=sa.Integer(), nullable=True)
        batch_op.alter_column("industry", existing_type=sa.String(length=32), nullable=True)
        batch_op.alter_column("company_size", existing_type=sa.String(length=16), nullable=True)
        batch_op.alter_column("amount_minor", existing_type=sa.BigInteger(), nullable=True)
        batch_op.create_unique_constraint(batch_op.f("uq_deals_external_id"), ["external_id"])


def upgrade() -> None:
    _customers()
    _products()
    _leads()


def downgrade() -> None:
    raise NotImplementedError("leads, customer cards and stock cannot be folded back into 0002")
