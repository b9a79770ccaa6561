"""Customers of a team and their contracts (PRODUCT.md §3.1, seed 004)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dealbot.domain.core.models import Base, Member, Team

MAX_NAME = 200
MAX_PERSON = 200
MAX_ADDRESS = 500
MAX_CHANNEL_ADDRESS = 300
MAX_CONTRACT_TITLE = 200


class Customer(Base):
    __tablename__ = "customers"
    __table_args__ = (
        UniqueConstraint("team_id", "name"),
        # The picker lists a team's matches in name order: walking this index stops after the
        # first page whatever the team's size. On SQLite it holds the search text too, so that
        # one or two letters that match little are tested without reading the table: a scan of
        # the index alone (PostgreSQL's B-tree entries could not hold the longest texts).
        Index("ix_customers_team_id_name_key", "team_id", "name_key").ddl_if(dialect="postgresql"),
        Index("ix_customers_team_id_name_key_text", "team_id", "name_key", "search_text").ddl_if(
            dialect="sqlite"
        ),
        # PostgreSQL finds substrings of three or more letters through trigrams (pg_trgm);
        # SQLite has its own trigram index, the FTS5 table made by migration 0004.
        Index(
            "ix_customers_search_text_trgm",
            "search_text",
            postgresql_using="gin",
            postgresql_ops={"search_text": "gin_trgm_ops"},
        ).ddl_if(dialect="postgresql"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"))
    name: Mapped[str] = mapped_column(String(MAX_NAME))
    # `name` folded for ordering and exact matches (see domain.core.text.search_key).
    name_key: Mapped[str] = mapped_column(String(MAX_NAME), default="")
    # Name, contact and both addresses, folded the same way: what pickers search in.
    search_text: Mapped[str] = mapped_column(Text, default="")
    industry: Mapped[str | None] = mapped_column(String(32))
    company_size: Mapped[str | None] = mapped_column(String(16))
    contact_name: Mapped[str | None] = mapped_column(String(MAX_PERSON))
    contact_position: Mapped[str | None] = mapped_column(String(MAX_PERSON))
    legal_address: Mapped[str | None] = mapped_column(String(MAX_ADDRESS))
    contact_address: Mapped[str | None] = mapped_column(String(MAX_ADDRESS))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    channel: Mapped[str | None] = mapped_column(String(16))
    channel_address: Mapped[str | None] = mapped_column(String(MAX_CHANNEL_ADDRESS))
    founded: Mapped[date | None] = mapped_column(Date)
    first_contract: Mapped[date | None] = mapped_column(Date)
    contact_birthday: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime | None]

    team: Mapped[Team] = relationship()
    owner: Mapped[Member | None] = relationship()
    contracts: Mapped[list[Contract]] = relationship(
        back_populates="customer", order_by="Contract.id"
    )

    @property
    def ref(self) -> str:
        return f"C-{self.id}"


class Contract(Base):
    """A contract with a customer; one per title, so that importing twice changes nothing."""

    __tablename__ = "contracts"
    __table_args__ = (UniqueConstraint("customer_id", "title"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    title: Mapped[str] = mapped_column(String(MAX_CONTRACT_TITLE))
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime]

    customer: Mapped[Customer] = relationship(back_populates="contracts")
