"""Quotes: drafted with their lines, approved by the leader, sent, revised, accepted."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from dealbot.domain.approvals.kinds import ApprovalKinds
from dealbot.domain.approvals.use_cases import request_approval
from dealbot.domain.core.errors import Conflict, DomainError, Invalid
from dealbot.domain.core.models import Member
from dealbot.domain.core.money import MAX_AMOUNT, Money
from dealbot.domain.deals.models import Deal
from dealbot.domain.deals.use_cases import record_step, team_today
from dealbot.domain.outbox.notify import Outbox
from dealbot.domain.products.use_cases import load_product
from dealbot.domain.selling import rules
from dealbot.domain.selling.access import quote_to_change, sellable_deal
from dealbot.domain.selling.models import Quote, QuoteLine, QuoteRevision, RevisionState
from dealbot.domain.selling.views import Receipt

QUOTE = "quote"
MAX_LINES = 10


@dataclass(frozen=True)
class LineDraft:
    sku: str
    quantity: int
    # None: the product's own price (when it is in the deal's currency).
    unit_price: Decimal | None = None
    discount: Decimal | None = None  # in percent


@dataclass(frozen=True)
class QuoteDraft:
    lines: tuple[LineDraft, ...]
    valid_until: date


def _field(name: str, position: int) -> str:
    """Where a line's problem shows in the form: `unit_price.2` for the second line."""
    return f"{name}.{position}"


def _again(error: DomainError, field: str) -> Invalid:
    return Invalid(error.key, **{**error.args_for_message, "field": field})


def check_valid_until(actor: Member, value: date, now: datetime) -> None:
    if value < team_today(actor.team.timezone, now):
        raise Invalid("error-date-past", field="valid_until", value=value.isoformat())


def _lines(session: Session, currency: str, drafts: Sequence[LineDraft]) -> list[QuoteLine]:
    """Each draft line priced in the deal's currency, or refused naming its field."""
    if not drafts:
        raise Invalid("error-quote-no-lines", field=_field("product", 1))
    if len(drafts) > MAX_LINES:
        raise Invalid("error-quote-too-many-lines", limit=MAX_LINES)
    lines = []
    for position, draft in enumerate(drafts, 1):
        try:
            product = load_product(session, draft.sku)
        except DomainError as error:
            raise _again(error, _field("product", position)) from None
        if not 0 < draft.quantity <= rules.MAX_QUANTITY:
            raise Invalid(
                "error-count-range", field=_field("quantity", position), limit=rules.MAX_QUANTITY
            )
        price = draft.unit_price
        if price is None:
            if product.currency != currency:
                raise Invalid(
                    "error-quote-price-needed",
                    field=_field("unit_price", position),
                    sku=product.sku,
                    product_currency=product.currency,
                    currency=currency,
                )
            price = product.unit_price.amount
        try:
            unit_price = Money.of(price, currency)
        except DomainError as error:
            raise _again(error, _field("unit_price", position)) from None
        discount = draft.discount or Decimal(0)
        exponent = discount.normalize().as_tuple().exponent
        if not 0 <= discount <= 100 or (isinstance(exponent, int) and exponent < -2):
            raise Invalid("error-percent", field=_field("discount", position), value=str(discount))
        amount = rules.line_amount(draft.quantity, unit_price.amount, discount, currency)
        if amount > MAX_AMOUNT:
            raise Invalid(
                "error-amount-too-large", field=_field("quantity", position), limit=MAX_AMOUNT
            )
        lines.append(
            QuoteLine(
                position=position,
                product_id=product.id,
                sku=product.sku,
                name=product.name,
                quantity=draft.quantity,
                unit_price_minor=unit_price.minor_units,
                discount_bp=int(discount * 100),
                amount_minor=rules.to_minor(amount, currency),
            )
        )
    total = sum(line.amount_minor for line in lines)
    if total <= 0:
        raise Invalid("error-quote-total-zero", field=_field("discount", 1))
    if Money.from_minor_units(total, currency).amount > MAX_AMOUNT:
        raise Invalid("error-amount-too-large", field=_field("quantity", 1), limit=MAX_AMOUNT)
    return lines


def line_text(line: QuoteLine, currency: str) -> str:
    """A line as an approval card shows it to whoever decides, in any language: numbers and
    currency codes only (`PUMP-50 Pump: 3 × 12,000 JPY −10% = 32,400 JPY`)."""

    def money(minor: int) -> str:
        amount = Money.from_minor_units(minor, currency).amount
        return f"{amount:,} {currency}"

    discount = f" −{Decimal(line.discount_bp) / 100:g}%" if line.discount_bp else ""
    return (
        f"{line.sku} {line.name}: {line.quantity:,} × {money(line.unit_price_minor)}"
        f"{discount} = {money(line.amount_minor)}"
    )


def revision_summary(revision: QuoteRevision) -> dict[str, Any]:
    """What the approval card of a revision shows."""
    quote = revision.quote
    return {
        "ref": revision.ref,
        "deal": quote.deal.ref,
        "customer": quote.deal.customer.name,
        "amount": str(revision.total.amount),
        "currency": quote.currency,
        "lines": [line_text(line, quote.currency) for line in revision.lines],
    }


def _add_revision(
    session: Session,
    outbox: Outbox,
    kinds: ApprovalKinds,
    actor: Member,
    quote: Quote,
    number: int,
    draft: QuoteDraft,
    now: datetime,
) -> Receipt:
    check_valid_until(actor, draft.valid_until, now)
    lines = _lines(session, quote.currency, draft.lines)
    revision = QuoteRevision(
        quote_id=quote.id,
        number=number,
        state=RevisionState.PENDING.value,
        valid_until=draft.valid_until,
        total_minor=sum(line.amount_minor for line in lines),
        created_by_id=actor.id,
        created_at=now,
        lines=lines,
    )
    session.add(revision)
    session.flush()
    session.refresh(quote)
    request_approval(
        session,
        outbox,
        kinds,
        kind=QUOTE,
        subject_id=revision.id,
        team=quote.deal.team,
        deal=quote.deal,
        requester=actor,
        summary=revision_summary(revision),
        now=now,
    )
    return Receipt(revision.ref, quote.deal.ref, revision.total)


def draft_quote(
    session: Session,
    outbox: Outbox,
    kinds: ApprovalKinds,
    actor: Member,
    deal_ref: str,
    draft: QuoteDraft,
    now: datetime,
) -> Receipt:
    """A new quote for the deal, in its currency; the leader is asked to approve it."""
    deal = sellable_deal(session, actor, deal_ref)
    quote = Quote(
        deal_id=deal.id,
        team_id=deal.team_id,
        currency=deal.currency,
        revision=1,
        created_by_id=actor.id,
        created_at=now,
    )
    session.add(quote)
    session.flush()
    return _add_revision(session, outbox, kinds, actor, quote, 1, draft, now)


def current(quote: Quote) -> QuoteRevision:
    return next(r for r in quote.revisions if r.number == quote.revision)


# Where a revision stands, and what each command may start from.
REVISABLE = (RevisionState.APPROVED, RevisionState.SENT, RevisionState.REJECTED)
SENDABLE = (RevisionState.APPROVED,)
ACCEPTABLE = (RevisionState.APPROVED, RevisionState.SENT)


def _refuse(revision: QuoteRevision) -> Conflict:
    """Why the revision cannot be moved on as it stands now."""
    return Conflict(f"error-quote-{revision.state}", ref=revision.ref, quote=revision.quote.ref)


def revisable(session: Session, actor: Member, ref: str) -> QuoteRevision:
    """The revision a new one would be made from (its lines are the new one's start)."""
    quote = quote_to_change(session, actor, ref)
    revision = current(quote)
    if RevisionState(revision.state) not in REVISABLE:
        raise _refuse(revision)
    return revision


def revise(
    session: Session,
    outbox: Outbox,
    kinds: ApprovalKinds,
    actor: Member,
    ref: str,
    draft: QuoteDraft,
    now: datetime,
) -> Receipt:
    """`Q-3 rev 2`: the customer asked for changes; the earlier revisions stay as they were."""
    revision = revisable(session, actor, ref)
    quote = revision.quote
    # One conditional write decides: of two revisions at once, the later is refused.
    moved = session.execute(
        update(QuoteRevision)
        .where(
            QuoteRevision.id == revision.id,
            QuoteRevision.state.in_([s.value for s in REVISABLE]),
        )
        .values(state=RevisionState.REVISED.value)
    )
    if getattr(moved, "rowcount", 0) != 1:
        session.refresh(revision)
        raise _refuse(revision)
    number = revision.number + 1
    session.execute(
        update(Quote)
        .where(Quote.id == quote.id, Quote.revision == revision.number)
        .values(revision=number)
    )
    session.refresh(quote)
    return _add_revision(session, outbox, kinds, actor, quote, number, draft, now)


def _move(
    session: Session,
    actor: Member,
    ref: str,
    now: datetime,
    *,
    allowed: tuple[RevisionState, ...],
    to: RevisionState,
    **values: Any,
) -> QuoteRevision:
    quote = quote_to_change(session, actor, ref)
    revision = current(quote)
    moved = session.execute(
        update(QuoteRevision)
        .where(
            QuoteRevision.id == revision.id,
            QuoteRevision.state.in_([s.value for s in allowed]),
        )
        .values(state=to.value, **values)
    )
    session.refresh(revision)
    if getattr(moved, "rowcount", 0) != 1:
        raise _refuse(revision)
    record_step(session, quote.deal, actor, now, f"timeline-quote-{to.value}", ref=revision.ref)
    return revision


def mark_sent(session: Session, actor: Member, ref: str, now: datetime) -> Receipt:
    revision = _move(session, actor, ref, now, allowed=SENDABLE, to=RevisionState.SENT, sent_at=now)
    return Receipt(revision.ref, revision.quote.deal.ref, revision.total)


def mark_accepted(session: Session, actor: Member, ref: str, now: datetime) -> Receipt:
    """The customer accepted; an approved revision not marked sent is marked sent too."""
    revision = _move(
        session,
        actor,
        ref,
        now,
        allowed=ACCEPTABLE,
        to=RevisionState.ACCEPTED,
        accepted_at=now,
        sent_at=func.coalesce(QuoteRevision.sent_at, now),
    )
    return Receipt(revision.ref, revision.quote.deal.ref, revision.total)


def decided(session: Session, subject_id: int, approve: bool) -> None:
    """The leader's decision on a revision, in the decision's own transaction."""
    state = RevisionState.APPROVED if approve else RevisionState.REJECTED
    session.execute(
        update(QuoteRevision)
        .where(
            QuoteRevision.id == subject_id,
            QuoteRevision.state == RevisionState.PENDING.value,
        )
        .values(state=state.value)
    )


def close_with_deal(session: Session, deal: Deal) -> None:
    """A lost deal's quotes waiting for approval are closed with it."""
    session.execute(
        update(QuoteRevision)
        .where(
            QuoteRevision.quote_id.in_(select(Quote.id).where(Quote.deal_id == deal.id)),
            QuoteRevision.state == RevisionState.PENDING.value,
        )
        .values(state=RevisionState.CLOSED.value)
    )
