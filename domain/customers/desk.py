"""Customers' front door: each call is one transaction, acting as one member."""

from __future__ import annotations

from dealbot.domain.core.desk import Desk
from dealbot.domain.customers import use_cases
from dealbot.domain.customers.use_cases import ContractDraft, CustomerDraft
from dealbot.domain.customers.views import CustomerCard, CustomerDetail, CustomerMatch

# Matches offered at once by a picker: a Slack menu shows up to 100, a phone far fewer.
PICKER_LIMIT = 20


class CustomerDesk(Desk):
    def create(self, member_id: int, draft: CustomerDraft) -> CustomerCard:
        return self.as_member(
            member_id, lambda s, m: use_cases.create_customer(s, m, draft, self.clock.now())
        )

    def edit(self, member_id: int, ref: str, draft: CustomerDraft) -> CustomerCard:
        return self.as_member(
            member_id, lambda s, m: use_cases.edit_customer(s, m, ref, draft, self.clock.now())
        )

    def add_contract(self, member_id: int, ref: str, draft: ContractDraft) -> CustomerDetail:
        return self.as_member(
            member_id, lambda s, m: use_cases.add_contract(s, m, ref, draft, self.clock.now())
        )

    def card(self, member_id: int, ref: str) -> CustomerCard:
        return self.as_member(
            member_id, lambda s, m: CustomerCard.of(use_cases.load_customer(s, m, ref))
        )

    def show(self, member_id: int, ref_or_name: str) -> CustomerDetail:
        return self.as_member(member_id, lambda s, m: use_cases.show_customer(s, m, ref_or_name))

    def search(self, member_id: int, query: str) -> list[CustomerMatch]:
        return self.as_member(member_id, lambda s, m: use_cases.find_customers(s, m, query))

    def matches(
        self, member_id: int, query: str | None, limit: int = PICKER_LIMIT
    ) -> list[CustomerMatch]:
        """A picker's page for what the member typed so far, in their own team only."""
        return self.as_member(member_id, lambda s, m: use_cases.find_customers(s, m, query, limit))
