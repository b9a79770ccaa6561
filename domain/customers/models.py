"""Customers of a team (PRODUCT.md §3.1)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from dealbot.domain.core.models import Base


class Customer(Base):
    __tablename__ = "customers"
    __table_args__ = (UniqueConstraint("team_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"))
    name: Mapped[str] = mapped_column(String(200))
    industry: Mapped[str | None] = mapped_column(String(32))
    company_size: Mapped[str | None] = mapped_column(String(16))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    created_at: Mapped[datetime]

    @property
    def ref(self) -> str:
        return f"C-{self.id}"
