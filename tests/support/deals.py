"""Building blocks for domain tests."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import select

from dealbot.domain.deals import DealDraft, ProgressReport
from dealbot.domain.desk import DealDesk
from dealbot.domain.enums import ActivityKind, CompanySize, Industry, ProgressStatus
from dealbot.domain.models import Notification
from dealbot.domain.money import Money


def member_id(desk: DealDesk, handle: str) -> int:
    return desk.person(handle=handle).id


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


def outbox(desk: DealDesk) -> list[tuple[str, str, str, str | None]]:
    """(event, audience, placement, recipient handle) of every queued notification, in order."""
    with desk.sessions.begin() as session:
        rows = session.scalars(select(Notification).order_by(Notification.id))
        return [
            (r.event, r.audience, r.placement, r.recipient.handle if r.recipient else None)
            for r in rows
        ]


def outbox_params(desk: DealDesk, event: str) -> list[dict[str, Any]]:
    with desk.sessions.begin() as session:
        rows = session.scalars(select(Notification).where(Notification.event == event))
        return [dict(r.params) for r in rows]
