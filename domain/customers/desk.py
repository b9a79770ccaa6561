"""Customers' front door: each call is one transaction, acting as one member."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealbot.domain.core.desk import Desk
from dealbot.domain.core.models import Member
from dealbot.domain.customers.models import Customer

PICKER_LIMIT = 30


def customer_names(session: Session, member: Member, query: str | None) -> list[str]:
    """The team's customer names for a picker, matching `query` anywhere when given."""
    statement = select(Customer.name).where(Customer.team_id == member.team_id)
    if query:
        statement = statement.where(Customer.name.ilike(f"%{query}%"))
    return list(session.scalars(statement.order_by(Customer.name).limit(PICKER_LIMIT)))


class CustomerDesk(Desk):
    def names(self, member_id: int, query: str | None = None) -> list[str]:
        return self.as_member(member_id, lambda s, m: customer_names(s, m, query))
