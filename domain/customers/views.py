"""What customer use cases and queries hand back: plain values, safe after the transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dealbot.domain.customers.models import Contract, Customer


@dataclass(frozen=True)
class CustomerCard:
    id: int
    ref: str
    team: str
    name: str
    industry: str | None
    company_size: str | None
    contact_name: str | None
    contact_position: str | None
    legal_address: str | None
    contact_address: str | None
    owner: str | None
    owner_handle: str | None
    channel: str | None
    channel_address: str | None
    founded: date | None
    first_contract: date | None
    contact_birthday: date | None

    @classmethod
    def of(cls, customer: Customer) -> CustomerCard:
        return cls(
            id=customer.id,
            ref=customer.ref,
            team=customer.team.name,
            name=customer.name,
            industry=customer.industry,
            company_size=customer.company_size,
            contact_name=customer.contact_name,
            contact_position=customer.contact_position,
            legal_address=customer.legal_address,
            contact_address=customer.contact_address,
            owner=customer.owner.name if customer.owner else None,
            owner_handle=customer.owner.handle if customer.owner else None,
            channel=customer.channel,
            channel_address=customer.channel_address,
            founded=customer.founded,
            first_contract=customer.first_contract,
            contact_birthday=customer.contact_birthday,
        )


@dataclass(frozen=True)
class ContractView:
    title: str
    starts_on: date | None
    ends_on: date | None

    @classmethod
    def of(cls, contract: Contract) -> ContractView:
        return cls(contract.title, contract.starts_on, contract.ends_on)


@dataclass(frozen=True)
class CustomerDeal:
    """A deal as the customer card lists it."""

    ref: str
    title: str
    status: str


@dataclass(frozen=True)
class CustomerDetail:
    card: CustomerCard
    contracts: tuple[ContractView, ...]
    deals: tuple[CustomerDeal, ...]


@dataclass(frozen=True)
class CustomerMatch:
    """One line of a picker or a search: enough to tell two similar customers apart."""

    ref: str
    name: str
    contact_name: str | None
    address: str | None

    @classmethod
    def of(cls, customer: Customer) -> CustomerMatch:
        return cls(
            customer.ref,
            customer.name,
            customer.contact_name,
            customer.contact_address or customer.legal_address,
        )
