"""Payment plans: installments with due dates that add up to the order's total exactly."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from dealbot.domain.core.errors import Conflict, DomainError, Invalid
from dealbot.domain.core.models import Member
from dealbot.domain.core.money import Money
from dealbot.domain.deals.use_cases import record_step, team_today
from dealbot.domain.selling import rules
from dealbot.domain.selling.models import Installment, Order, OrderState
from dealbot.domain.selling.orders import approved_order
from dealbot.domain.selling.views import Receipt

MAX_INSTALLMENTS = 120


@dataclass(frozen=True)
class PlanDraft:
    """N equal monthly installments from a first due date, or each one typed."""

    count: int | None = None
    first_due: date | None = None
    typed: tuple[tuple[date, Decimal], ...] = ()


def _split(order: Order, draft: PlanDraft) -> list[tuple[date, int]]:
    if draft.count is not None:
        if draft.first_due is None:
            raise Invalid("error-required", field="first_due_date")
        if not 0 < draft.count <= min(MAX_INSTALLMENTS, order.total_minor):
            limit = min(MAX_INSTALLMENTS, order.total_minor)
            raise Invalid("error-count-range", field="installments", limit=limit)
        dates = rules.monthly(draft.first_due, draft.count)
        return list(zip(dates, rules.equal_split(order.total_minor, draft.count), strict=True))
    if not draft.typed:
        raise Invalid("error-required", field="installments")
    if len(draft.typed) > MAX_INSTALLMENTS:
        raise Invalid("error-count-range", field="installments", limit=MAX_INSTALLMENTS)
    plan = []
    for due, amount in draft.typed:
        try:
            plan.append((due, Money.of(amount, order.currency).minor_units))
        except DomainError as error:
            raise Invalid(
                error.key, **{**error.args_for_message, "field": "installments"}
            ) from None
    total = sum(minor for _, minor in plan)
    if total != order.total_minor:
        raise Invalid(
            "error-plan-sum",
            field="installments",
            sum=order.money(total).amount,
            total=order.money(order.total_minor).amount,
            currency=order.currency,
        )
    return sorted(plan, key=lambda part: part[0])


def set_plan(session: Session, actor: Member, ref: str, draft: PlanDraft, now: datetime) -> Receipt:
    """The order's payment plan, replacing an earlier one while nothing is paid on it."""
    order = approved_order(session, actor, ref)
    plan = _split(order, draft)
    today = team_today(order.team.timezone, now)
    if plan[0][0] < today:
        field = "first_due_date" if draft.count is not None else "installments"
        raise Invalid("error-date-past", field=field, value=plan[0][0].isoformat())
    # One conditional write decides: a payment recorded meanwhile keeps the plan it was for.
    planned = session.execute(
        update(Order)
        .where(
            Order.id == order.id,
            Order.state == OrderState.APPROVED.value,
            Order.committed_minor == 0,
        )
        .values(planned_at=now)
    )
    if getattr(planned, "rowcount", 0) != 1:
        raise Conflict("error-plan-after-payment", ref=order.ref)
    session.execute(delete(Installment).where(Installment.order_id == order.id))
    session.add_all(
        Installment(order_id=order.id, position=n, due_date=due, amount_minor=minor, paid_minor=0)
        for n, (due, minor) in enumerate(plan, 1)
    )
    session.flush()
    record_step(
        session, order.deal, actor, now, "timeline-plan-set", ref=order.ref, count=len(plan)
    )
    return Receipt(order.ref, order.deal.ref, order.money(order.total_minor))
