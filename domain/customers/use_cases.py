"""The customer card of seed 004: create, edit, add a contract, show, search."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dealbot.domain.core.directory import find_member
from dealbot.domain.core.errors import Conflict, Invalid, NotAllowed, NotFound
from dealbot.domain.core.models import Member, Role
from dealbot.domain.core.permissions import visible_team_ids
from dealbot.domain.core.refs import parse_ref
from dealbot.domain.core.store import insert_ignoring
from dealbot.domain.core.text import optional_text, required_text, search_key
from dealbot.domain.customers.enums import Channel
from dealbot.domain.customers.models import (
    MAX_ADDRESS,
    MAX_CHANNEL_ADDRESS,
    MAX_CONTRACT_TITLE,
    MAX_NAME,
    MAX_PERSON,
    Contract,
    Customer,
)
from dealbot.domain.customers.search import customer_search_text, find_page
from dealbot.domain.customers.views import (
    ContractView,
    CustomerCard,
    CustomerDeal,
    CustomerDetail,
    CustomerMatch,
)
from dealbot.domain.deals.enums import CompanySize, Industry

SEARCH_LIMIT = 30


@dataclass(frozen=True)
class CustomerDraft:
    """Every field of the card; None leaves a field empty."""

    name: str
    industry: Industry | None = None
    company_size: CompanySize | None = None
    contact_name: str | None = None
    contact_position: str | None = None
    legal_address: str | None = None
    contact_address: str | None = None
    owner: str | None = None  # a member handle
    channel: Channel | None = None
    channel_address: str | None = None
    founded: date | None = None
    first_contract: date | None = None
    contact_birthday: date | None = None


@dataclass(frozen=True)
class ContractDraft:
    title: str
    starts_on: date | None = None
    ends_on: date | None = None


def check_contract_dates(starts_on: date | None, ends_on: date | None, field: str) -> None:
    if starts_on is not None and ends_on is not None and ends_on < starts_on:
        raise Invalid(
            "error-contract-ends-before",
            field=field,
            start=starts_on.isoformat(),
            end=ends_on.isoformat(),
        )


def may_keep_customers(member: Member) -> bool:
    return any(member.has_role(r) for r in (Role.SALES, Role.LEADER, Role.ADMIN))


def owner_in_team(session: Session, handle: str | None, team_id: int) -> Member | None:
    """The member named as a customer's owner; only an active member of its team."""
    if not handle:
        return None
    member = find_member(session, handle)
    if member is None or member.team_id != team_id:
        raise Invalid("error-customer-owner-unknown", field="owner", owner=handle.lstrip("@"))
    return member


def card_values(session: Session, draft: CustomerDraft, team_id: int) -> dict[str, object]:
    """The draft checked field by field, as the columns it is stored in."""
    name = required_text(draft.name, "name", MAX_NAME)
    contact_name = optional_text(draft.contact_name, "contact_name", MAX_PERSON)
    legal_address = optional_text(draft.legal_address, "legal_address", MAX_ADDRESS)
    contact_address = optional_text(draft.contact_address, "contact_address", MAX_ADDRESS)
    owner = owner_in_team(session, draft.owner, team_id)
    return {
        "name": name,
        "name_key": search_key(name),
        "search_text": customer_search_text(name, contact_name, legal_address, contact_address),
        "industry": draft.industry.value if draft.industry else None,
        "company_size": draft.company_size.value if draft.company_size else None,
        "contact_name": contact_name,
        "contact_position": optional_text(draft.contact_position, "contact_position", MAX_PERSON),
        "legal_address": legal_address,
        "contact_address": contact_address,
        "owner_id": owner.id if owner else None,
        "channel": draft.channel.value if draft.channel else None,
        "channel_address": optional_text(
            draft.channel_address, "channel_address", MAX_CHANNEL_ADDRESS
        ),
        "founded": draft.founded,
        "first_contract": draft.first_contract,
        "contact_birthday": draft.contact_birthday,
    }


def load_customer(session: Session, viewer: Member, ref_or_name: str) -> Customer:
    """The customer `C-7` (or named so in the viewer's team), if the viewer may see it."""
    wanted = ref_or_name.strip()
    teams = visible_team_ids(session, viewer)
    number = parse_ref(wanted, "c")
    customer: Customer | None
    if number is not None:
        customer = session.get(Customer, number)
    else:
        customer = session.scalar(
            select(Customer).where(Customer.team_id == viewer.team_id, Customer.name == wanted)
        ) or session.scalar(
            select(Customer)
            .where(Customer.team_id == viewer.team_id, Customer.name_key == search_key(wanted))
            .order_by(Customer.id)
        )
    # Another team's customer is reported as unknown, so that its existence does not leak.
    if customer is None or (teams is not None and customer.team_id not in teams):
        raise NotFound("error-customer-unknown", ref=wanted, field="customer")
    return customer


def create_customer(
    session: Session, actor: Member, draft: CustomerDraft, now: datetime
) -> CustomerCard:
    if not may_keep_customers(actor):
        raise NotAllowed("error-cannot-keep-customers")
    values = card_values(session, draft, actor.team_id)
    # The unique name decides, also when two people add the same customer at once.
    new_id = insert_ignoring(
        session,
        Customer.__table__,  # type: ignore[arg-type]
        {**values, "team_id": actor.team_id, "created_at": now, "updated_at": now},
        ["team_id", "name"],
    )
    if new_id is None:
        raise Conflict("error-customer-exists", field="name", name=values["name"])
    return CustomerCard.of(session.get_one(Customer, new_id))


def edit_customer(
    session: Session, actor: Member, ref: str, draft: CustomerDraft, now: datetime
) -> CustomerCard:
    if not may_keep_customers(actor):
        raise NotAllowed("error-cannot-keep-customers")
    customer = load_customer(session, actor, ref)
    values = card_values(session, draft, customer.team_id)
    try:
        with session.begin_nested():
            for column, value in values.items():
                setattr(customer, column, value)
            customer.updated_at = now
            session.flush()
    except IntegrityError:
        raise Conflict("error-customer-exists", field="name", name=values["name"]) from None
    session.refresh(customer)
    return CustomerCard.of(customer)


def add_contract(
    session: Session, actor: Member, ref: str, draft: ContractDraft, now: datetime
) -> CustomerDetail:
    if not may_keep_customers(actor):
        raise NotAllowed("error-cannot-keep-customers")
    customer = load_customer(session, actor, ref)
    title = required_text(draft.title, "contract_title", MAX_CONTRACT_TITLE)
    check_contract_dates(draft.starts_on, draft.ends_on, "contract_end")
    added = insert_ignoring(
        session,
        Contract.__table__,  # type: ignore[arg-type]
        {
            "customer_id": customer.id,
            "title": title,
            "starts_on": draft.starts_on,
            "ends_on": draft.ends_on,
            "created_at": now,
        },
        ["customer_id", "title"],
    )
    if added is None:
        raise Conflict("error-contract-exists", field="contract_title", title=title)
    session.refresh(customer)
    return customer_detail(session, customer)


def customer_detail(session: Session, customer: Customer) -> CustomerDetail:
    from dealbot.domain.deals.models import Deal  # the card lists the deals made for it

    deals = session.scalars(
        select(Deal).where(Deal.customer_id == customer.id).order_by(Deal.id.desc()).limit(50)
    )
    return CustomerDetail(
        card=CustomerCard.of(customer),
        contracts=tuple(ContractView.of(c) for c in customer.contracts),
        deals=tuple(CustomerDeal(d.ref, d.title, d.status) for d in deals),
    )


def show_customer(session: Session, viewer: Member, ref_or_name: str) -> CustomerDetail:
    return customer_detail(session, load_customer(session, viewer, ref_or_name))


def find_customers(
    session: Session, viewer: Member, query: str | None, limit: int = SEARCH_LIMIT
) -> list[CustomerMatch]:
    """The viewer's team's customers matching `query` anywhere: a picker's page, or a search.

    A reference (`C-7`) finds that customer, so a form opened with a customer already chosen
    can show its name.
    """
    number = parse_ref(query or "", "c")
    if number is not None:
        customer = session.get(Customer, number)
        if customer is not None and customer.team_id == viewer.team_id:
            return [CustomerMatch.of(customer)]
    return [CustomerMatch.of(c) for c in find_page(session, [viewer.team_id], query, limit)]
