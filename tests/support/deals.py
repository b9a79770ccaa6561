"""Building blocks for domain tests."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import select

from dealbot.domain.core.desk import Desk, PeopleDesk
from dealbot.domain.core.money import Money
from dealbot.domain.deals.enums import ActivityKind, CompanySize, Industry, ProgressStatus
from dealbot.domain.deals.use_cases import DealDraft, ProgressReport
from dealbot.domain.outbox.models import Delivery, Notification


def member_id(desk: Desk, handle: str) -> int:
    return PeopleDesk(desk.sessions).person(handle=handle).id


def draft(**overrides: Any) -> DealDraft:
    values: dict[str, Any] = {
        "customer": "Acme",
        "title": "Forklifts",
        "industry": Industry.MANUFACTURING,
        "company_size": CompanySize.MEDIUM,
        "money": Money.of(Decimal("1200000"), "JPY"),
    }
    values.update(overrides)
    return DealDraft(**values)


def report(ref: str, status: ProgressStatus, **overrides: Any) -> ProgressReport:
    values: dict[str, Any] = {"deal_ref": ref, "activity": ActivityKind.VISIT, "status": status}
    values.update(overrides)
    return ProgressReport(**values)


def outbox(desk: Desk) -> list[tuple[str, str, str, str | None]]:
    """(event, audience, placement, recipient handle) of every queued notification, in order."""
    with desk.sessions.begin() as session:
        rows = session.scalars(select(Notification).order_by(Notification.id))
        return [
            (r.kind, r.audience, r.placement, r.recipient.handle if r.recipient else None)
            for r in rows
        ]


def outbox_params(desk: Desk, event: str) -> list[dict[str, Any]]:
    with desk.sessions.begin() as session:
        rows = session.scalars(
            select(Notification).where(Notification.kind == event).order_by(Notification.id)
        )
        return [dict(r.params) for r in rows]


def deliveries(desk: Desk) -> list[tuple[str, str, str, str]]:
    """(kind, platform, address, state) of every delivery, in order."""
    with desk.sessions.begin() as session:
        rows = session.scalars(select(Delivery).order_by(Delivery.id))
        return [(r.notification.kind, r.platform, r.address, r.state) for r in rows]
