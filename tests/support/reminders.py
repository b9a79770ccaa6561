"""Building blocks for reminder tests: teams across time zones, customers with key dates and
contracts, products, a stand-in for selling's query of unpaid installments, and readers of
what a sweep wrote."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealbot.domain.core.models import Member, Team
from dealbot.domain.core.store import SessionFactory
from dealbot.domain.core.text import search_key
from dealbot.domain.customers.models import Contract, Customer
from dealbot.domain.customers.search import customer_search_text
from dealbot.domain.outbox.models import Delivery, Notification
from dealbot.domain.outbox.notify import Outbox
from dealbot.domain.products.models import Product
from dealbot.domain.reminders.desk import ReminderDesk
from dealbot.domain.reminders.installments import DueInstallment, Unrecorded
from dealbot.domain.reminders.kinds import Topic, note_kind
from dealbot.domain.reminders.models import Reminder
from support.store import FakeClock, load

CREATED = datetime(2020, 1, 1, tzinfo=UTC)

# Tokyo with the defaults; New York gives key dates on the day only (key_date_days = 0).
TEAMS = """
[[teams]]
name = "Tokyo Sales"
leader = "sato"
timezone = "Asia/Tokyo"
locale = "ja"
currency = "JPY"
slack_channel = "C0TOKYO01"

[[teams]]
name = "New York Sales"
leader = "nina"
timezone = "America/New_York"
currency = "USD"
slack_channel = "C0NEWYORK"
[teams.reminders]
key_date_days = 0
digest_day = "friday"

[[members]]
handle = "sato"
name = "Sato Hanako"
team = "Tokyo Sales"
roles = ["leader"]
slack_user = "U0SATO001"

[[members]]
handle = "kenji"
name = "Kenji Tanaka"
team = "Tokyo Sales"
roles = ["sales"]
slack_user = "U0KENJI01"
telegram_user = 2002

[[members]]
handle = "yui"
name = "Yui Mori"
team = "Tokyo Sales"
roles = ["sales"]
slack_user = "U0YUI0001"

[[members]]
handle = "fumi"
name = "Fumi Kaneko"
team = "Tokyo Sales"
roles = ["finance"]
slack_user = "U0FUMI001"

[[members]]
handle = "soko"
name = "Soko Kura"
team = "Tokyo Sales"
roles = ["warehouse"]
slack_user = "U0SOKO001"

[[members]]
handle = "root"
name = "Ada Admin"
team = "Tokyo Sales"
roles = ["admin"]
slack_user = "U0ROOT001"

[[members]]
handle = "nina"
name = "Nina Novak"
team = "New York Sales"
roles = ["leader"]
slack_user = "U0NINA001"

[[members]]
handle = "ned"
name = "Ned Stark"
team = "New York Sales"
roles = ["sales"]
slack_user = "U0NED0001"

[[members]]
handle = "wendy"
name = "Wendy Ware"
team = "New York Sales"
roles = ["warehouse"]
slack_user = "U0WENDY01"
"""


def at(text: str) -> datetime:
    """An instant written the ISO way (`2027-03-01T00:00Z`)."""
    return datetime.fromisoformat(text).astimezone(UTC)


def setup(sessions: SessionFactory, clock: FakeClock, toml: str = TEAMS) -> ReminderDesk:
    load(sessions, toml)
    return ReminderDesk(sessions, clock, Outbox())


def ids(sessions: SessionFactory) -> dict[str, int]:
    """Member ids by handle and team ids by name."""
    with sessions.begin() as session:
        found = {m.handle: m.id for m in session.scalars(select(Member))}
        found |= {t.name: t.id for t in session.scalars(select(Team))}
        return found


def add_customer(
    sessions: SessionFactory,
    team: str,
    name: str,
    *,
    owner: str | None = None,
    contact: str | None = None,
    **dates: date,
) -> int:
    known = ids(sessions)
    with sessions.begin() as session:
        customer = Customer(
            team_id=known[team],
            name=name,
            name_key=search_key(name),
            search_text=customer_search_text(name, contact, None, None),
            owner_id=known[owner] if owner else None,
            contact_name=contact,
            created_at=CREATED,
            **dates,
        )
        session.add(customer)
        session.flush()
        return customer.id


def add_contract(sessions: SessionFactory, customer_id: int, title: str, ends_on: date) -> int:
    with sessions.begin() as session:
        contract = Contract(
            customer_id=customer_id, title=title, ends_on=ends_on, created_at=CREATED
        )
        session.add(contract)
        session.flush()
        return contract.id


def add_product(
    sessions: SessionFactory, sku: str, *, minimum: int | None, maximum: int | None
) -> int:
    with sessions.begin() as session:
        product = Product(
            sku=sku,
            name=f"Product {sku}",
            search_text=sku.lower(),
            unit_price_minor=1000,
            currency="JPY",
            on_hand=0,
            minimum=minimum,
            maximum=maximum,
            created_at=CREATED,
        )
        session.add(product)
        session.flush()
        return product.id


@dataclass
class Installments:
    """Selling's query of unpaid installments, answered from a list (the test double)."""

    rows: list[DueInstallment] = field(default_factory=list)
    asked: list[tuple[int, date]] = field(default_factory=list)

    def __call__(
        self,
        session: Session,
        team_id: int,
        last_due: date,
        unrecorded: Unrecorded | None = None,
    ) -> Iterable[DueInstallment]:
        # All of them, whatever the sweep may leave out: the ledger decides all the same.
        self.asked.append((team_id, last_due))
        return [
            r for r in self.rows if r.team_id == team_id and r.due_on <= last_due and r.left_minor
        ]

    def add(self, team_id: int, owner_id: int | None, due_on: date, left: int, **more: Any) -> int:
        number = len(self.rows) + 1
        values: dict[str, Any] = {
            "id": 100 + number,
            "order_ref": f"O-{number}",
            "number": 1,
            "deal_ref": f"D-{number}",
            "customer": "Acme",
            "owner_id": owner_id,
            "team_id": team_id,
            "due_on": due_on,
            "left_minor": left,
            "currency": "JPY",
            **more,
        }
        self.rows.append(DueInstallment(**values))
        return int(values["id"])

    def pay(self, installment_id: int) -> None:
        self.rows = [r for r in self.rows if r.id != installment_id]


@dataclass(frozen=True)
class Told:
    kind: str
    handle: str
    params: dict[str, Any]

    @property
    def items(self) -> list[dict[str, Any]]:
        return list(self.params.get("items", [self.params]))


def told(sessions: SessionFactory, *, digests: bool = False) -> list[Told]:
    """Every reminder notification (not the changes of a card), in order; weekly digests
    only when asked for."""
    kinds = [note_kind(t) for t in Topic if digests or t is not Topic.DIGEST]
    with sessions.begin() as session:
        query = select(Notification).where(Notification.kind.in_(kinds))
        rows = session.scalars(query.order_by(Notification.id))
        return [Told(n.kind, n.recipient.handle if n.recipient else "feed", n.params) for n in rows]


def ledger(sessions: SessionFactory) -> list[tuple[str, str, str, date, str]]:
    """(kind, label, handle, occasion, state) of every ledger row but digests, in key order."""
    with sessions.begin() as session:
        rows = session.execute(
            select(Reminder, Member.handle)
            .join(Member, Member.id == Reminder.member_id)
            .where(Reminder.kind != "digest")
            .order_by(Reminder.kind, Reminder.subject_id, Member.handle, Reminder.occasion)
        )
        return [(r.kind, r.label, handle, r.occasion, r.state) for r, handle in rows]


def addresses(sessions: SessionFactory) -> set[str]:
    """Every place a reminder delivery goes to."""
    with sessions.begin() as session:
        rows = session.scalars(
            select(Delivery.address)
            .join(Notification, Notification.id == Delivery.notification_id)
            .where(Notification.kind.like("reminder%"))
        )
        return set(rows)
