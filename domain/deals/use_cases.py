"""The deal flow of PRODUCT.md §2: open, advise, report progress, close won or lost."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from dealbot.domain.core.clock import Clock
from dealbot.domain.core.directory import members_with_role
from dealbot.domain.core.errors import Conflict, Invalid, NotAllowed, NotFound
from dealbot.domain.core.models import Member, Role
from dealbot.domain.core.money import Money
from dealbot.domain.core.refs import normalised, parse_ref
from dealbot.domain.core.routing import Audience, Placement
from dealbot.domain.core.store import insert_ignoring
from dealbot.domain.core.text import optional_text, required_text, search_key
from dealbot.domain.customers.models import Customer
from dealbot.domain.customers.search import customer_search_text
from dealbot.domain.deals import policies
from dealbot.domain.deals.enums import (
    ActivityKind,
    CompanySize,
    DealStatus,
    Industry,
    ProgressStatus,
    TaskKind,
    TaskState,
    TimelineKind,
)
from dealbot.domain.deals.models import Deal, Task, TimelineEntry
from dealbot.domain.deals.routing import DEAL_EVENTS, Event
from dealbot.domain.deals.views import AdviceTaskView, DealCard
from dealbot.domain.outbox.notify import Outbox, Recipient, Subject, drop_feed_deliveries, resolve

MAX_TITLE = 200
MAX_NAME = 200
MAX_NOTES = 3000

# Params that reveal why a deal was lost: only for the people allowed to know (§2.3).
PRIVATE_PARAMS = frozenset({"lost_reason"})
MAY_SEE_PRIVATE = frozenset({Audience.LEADER.value, Audience.OWNER.value, Audience.ADMINS.value})
# Audiences a team may route deal events to besides the owner, the leader and the feed.
ROLE_AUDIENCES = {
    Audience.FINANCE: Role.FINANCE,
    Audience.WAREHOUSE: Role.WAREHOUSE,
    Audience.ADMINS: Role.ADMIN,
}


@dataclass(frozen=True)
class DealDraft:
    customer: str
    title: str
    industry: Industry
    company_size: CompanySize
    money: Money
    expected_close: date | None = None
    source: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class ProgressReport:
    deal_ref: str
    activity: ActivityKind
    status: ProgressStatus
    notes: str | None = None
    lost_reason: str | None = None


def team_today(timezone: str, now: datetime) -> date:
    return now.astimezone(ZoneInfo(timezone)).date()


def load_deal(session: Session, viewer: Member, ref: str) -> Deal:
    number = parse_ref(ref, "d")
    typed = normalised(ref)
    if number is None and typed.isdecimal() and len(typed) <= 9:
        # Never taken as D-12 (in a list it is the list's number); say how to name the deal.
        raise NotFound("error-ref-bare-number", value=typed, ref=f"D-{int(typed)}", field="deal")
    deal = session.get(Deal, number) if number is not None else None
    # A deal outside the viewer's teams is reported as unknown, so its existence does not leak.
    if deal is None or not policies.can_view_deal(session, viewer, deal):
        raise NotFound("error-deal-unknown", ref=ref.strip(), field="deal")
    return deal


def reportable_deal(session: Session, actor: Member, ref: str) -> Deal:
    """A deal the actor may report progress on now: visible, theirs (or led by them), open."""
    deal = load_deal(session, actor, ref)
    if not policies.can_report_on(session, actor, deal):
        raise NotAllowed("error-not-your-deal", ref=deal.ref, field="deal")
    if deal.deal_status is DealStatus.LEAD:
        raise Conflict("error-deal-lead", ref=deal.ref, field="deal")
    if deal.deal_status.is_closed:
        raise Conflict("error-deal-closed", ref=deal.ref, status=deal.status, field="deal")
    return deal


def deal_params(deal: Deal) -> dict[str, Any]:
    """A snapshot of the deal as it was when the event happened."""
    money = deal.money
    return {
        "ref": deal.ref,
        "title": deal.title,
        "customer": deal.customer.name,
        "amount": str(money.amount) if money else None,
        "currency": deal.currency,
        "owner": deal.owner.name if deal.owner else None,
        "industry": deal.industry,
        "company_size": deal.company_size,
        "expected_close": deal.expected_close.isoformat() if deal.expected_close else None,
    }


def announce(
    session: Session,
    outbox: Outbox,
    *,
    event: Event,
    deal: Deal,
    cause: str,
    actor: Member,
    now: datetime,
    params: dict[str, Any],
    task: Task | None = None,
) -> None:
    """Queue what the team's routing promises for `event` about `deal`.

    `cause` names the change (a timeline entry), so the keys, and so the deliveries, are
    unique however often anything is retried. Whatever a team's routing says, nothing about
    a lost deal goes to the feed, and the person who acted gets no DM repeating what they did.
    """
    routes = DEAL_EVENTS.routes(event, deal.team.routing)
    audiences: dict[Audience, list[Member | None]] = {
        Audience.OWNER: [deal.owner],
        Audience.LEADER: [deal.team.leader],
    }
    for audience, role in ROLE_AUDIENCES.items():
        if any(r.audience is audience for r in routes):
            audiences[audience] = list(members_with_role(session, role, deal.team_id))
    recipients = [
        r
        for r in resolve(routes, audiences)
        if not (r.to_feed and deal.deal_status is DealStatus.LOST)
        and not (r.member is not None and r.member.id == actor.id)
    ]
    snapshot = deal_params(deal)

    def params_for(recipient: Recipient) -> dict[str, Any]:
        visible = {
            k: v
            for k, v in params.items()
            if k not in PRIVATE_PARAMS or recipient.audience in MAY_SEE_PRIVATE
        }
        if task is not None and recipient.placement is Placement.TASK:
            visible["task"] = task.id
        return {**snapshot, **visible}

    outbox.notify(
        session,
        key=cause,
        kind=event.value,
        team=deal.team,
        recipients=recipients,
        params=params_for,
        now=now,
        subject=Subject("deal", deal.id, deal.thread_key),
        card=lambda r: task_card(task) if task and r.placement is Placement.TASK else None,
    )


def task_card(task: Task) -> str:
    return f"task:{task.id}"


def change_task_card(
    session: Session, outbox: Outbox, task: Task, kind: str, now: datetime, **params: Any
) -> None:
    """Every place that shows the task's card now says what became of it, without buttons."""
    deal = task.deal
    outbox.edit_card(
        session,
        key=f"{task_card(task)}:{kind}",
        card_key=task_card(task),
        kind=kind,
        params={"ref": deal.ref, "title": deal.title, **params},
        now=now,
    )


# What other capabilities close with a deal (approvals waiting on a lost deal's quote).
ClosingHook = Callable[[Session, Outbox, Deal, DealStatus, datetime], None]

TASK_DONE = "task_done"
TASK_CLOSED = "task_closed"


def find_or_add_customer(
    session: Session,
    team_id: int,
    named: str,
    now: datetime,
    *,
    owner_id: int | None,
    industry: str | None,
    company_size: str | None,
) -> Customer:
    """The team's customer `C-7`, or the one with this name, made when it is new.

    The unique name decides, so two deals for a new customer at once make one customer.
    """
    number = parse_ref(named, "c")
    if number is not None:
        customer = session.get(Customer, number)
        if customer is None or customer.team_id != team_id:
            raise NotFound("error-customer-unknown", ref=named, field="customer")
        return customer
    insert_ignoring(
        session,
        Customer.__table__,  # type: ignore[arg-type]
        {
            "team_id": team_id,
            "name": named,
            "name_key": search_key(named),
            "search_text": customer_search_text(named, None, None, None),
            "industry": industry,
            "company_size": company_size,
            "owner_id": owner_id,
            "created_at": now,
            "updated_at": now,
        },
        ["team_id", "name"],
    )
    return session.scalars(
        select(Customer).where(Customer.team_id == team_id, Customer.name == named)
    ).one()


def check_expected_close(actor: Member, value: date | None, now: datetime) -> None:
    if value is not None and value < team_today(actor.team.timezone, now):
        raise Invalid("error-date-past", field="expected_close", value=value.isoformat())


def open_deal(
    session: Session, actor: Member, draft: DealDraft, clock: Clock, outbox: Outbox
) -> DealCard:
    if not policies.can_open_deals(actor):
        raise NotAllowed("error-cannot-open-deals")
    customer_name = required_text(draft.customer, "customer", MAX_NAME)
    title = required_text(draft.title, "title", MAX_TITLE)
    notes = optional_text(draft.notes, "notes", MAX_NOTES)
    source = optional_text(draft.source, "source", MAX_NAME)
    now = clock.now()
    check_expected_close(actor, draft.expected_close, now)
    customer = find_or_add_customer(
        session,
        actor.team_id,
        customer_name,
        now,
        owner_id=actor.id,
        industry=draft.industry.value,
        company_size=draft.company_size.value,
    )
    deal = Deal(
        team_id=actor.team_id,
        owner_id=actor.id,
        customer_id=customer.id,
        title=title,
        industry=draft.industry.value,
        company_size=draft.company_size.value,
        amount_minor=draft.money.minor_units,
        currency=draft.money.currency,
        expected_close=draft.expected_close,
        source=source,
        notes=notes,
        opened_at=now,
        last_progress_at=now,
    )
    session.add(deal)
    session.flush()
    return announce_opening(session, actor, deal, outbox, now)


def announce_opening(
    session: Session, actor: Member, deal: Deal, outbox: Outbox, now: datetime
) -> DealCard:
    """The opening report saved: its timeline entry, the leader's advice task, the feed post."""
    notes = deal.notes
    entry = TimelineEntry(
        deal_id=deal.id, kind=TimelineKind.OPENED.value, actor_id=actor.id, at=now, notes=notes
    )
    session.add(entry)
    task = None
    if deal.team.leader_id is not None:
        task = Task(deal_id=deal.id, assignee_id=deal.team.leader_id, created_at=now)
        session.add(task)
    session.flush()
    session.refresh(deal)
    announce(
        session,
        outbox,
        event=Event.DEAL_OPENED,
        deal=deal,
        cause=f"timeline-{entry.id}",
        actor=actor,
        now=now,
        params={"notes": notes, "source": deal.source},
        task=task,
    )
    return DealCard.of(deal)


def load_advice_task(session: Session, actor: Member, task_id: int) -> Task:
    task = session.get(Task, task_id)
    if task is None or task.kind != TaskKind.ADVICE.value:
        raise NotFound("error-task-unknown")
    if not policies.can_complete_task(actor, task):
        raise NotAllowed("error-advice-not-yours", ref=task.deal.ref)
    if task.state == TaskState.DONE.value:
        raise Conflict("error-advice-done", ref=task.deal.ref)
    if task.state == TaskState.CLOSED.value or task.deal.deal_status.is_closed:
        raise Conflict("error-task-deal-closed", ref=task.deal.ref, status=task.deal.status)
    return task


def advice_task(session: Session, actor: Member, task_id: int) -> AdviceTaskView:
    task = load_advice_task(session, actor, task_id)
    return AdviceTaskView(task.id, DealCard.of(task.deal), done=False)


def give_advice(
    session: Session, actor: Member, task_id: int, advice: str, clock: Clock, outbox: Outbox
) -> DealCard:
    task = load_advice_task(session, actor, task_id)
    text = required_text(advice, "advice", MAX_NOTES)
    now = clock.now()
    # One conditional write decides: a second click, or a second process, finds it done.
    done = session.execute(
        update(Task)
        .where(Task.id == task.id, Task.state == TaskState.OPEN.value)
        .values(state=TaskState.DONE.value, done_at=now)
    )
    if getattr(done, "rowcount", 0) != 1:
        raise Conflict("error-advice-done", ref=task.deal.ref)
    change_task_card(session, outbox, task, TASK_DONE, now, actor=actor.name)
    entry = TimelineEntry(
        deal_id=task.deal_id, kind=TimelineKind.ADVICE.value, actor_id=actor.id, at=now, notes=text
    )
    session.add(entry)
    session.flush()
    announce(
        session,
        outbox,
        event=Event.ADVICE_GIVEN,
        deal=task.deal,
        cause=f"timeline-{entry.id}",
        actor=actor,
        now=now,
        params={"advice": text, "actor": actor.name},
    )
    return DealCard.of(task.deal)


PROGRESS_EVENTS = {
    ProgressStatus.LOG_ONLY: Event.PROGRESS_LOGGED,
    ProgressStatus.NEGOTIATION: Event.PROGRESS_SHARED,
    ProgressStatus.WON: Event.DEAL_WON,
    ProgressStatus.LOST: Event.DEAL_LOST,
}
TIMELINE_KINDS = {
    ProgressStatus.LOG_ONLY: TimelineKind.PROGRESS,
    ProgressStatus.NEGOTIATION: TimelineKind.PROGRESS,
    ProgressStatus.WON: TimelineKind.WON,
    ProgressStatus.LOST: TimelineKind.LOST,
}
CLOSING = {ProgressStatus.WON: DealStatus.WON, ProgressStatus.LOST: DealStatus.LOST}


OPEN_STATUSES = tuple(s.value for s in DealStatus if s.is_open)


def _advance(session: Session, deal: Deal, **values: Any) -> None:
    """One conditional write moves an open deal on: of two reports at once, a report on a
    deal the other just closed is refused rather than reopening it."""
    moved = session.execute(
        update(Deal).where(Deal.id == deal.id, Deal.status.in_(OPEN_STATUSES)).values(**values)
    )
    if getattr(moved, "rowcount", 0) != 1:
        raise Conflict("error-deal-closed", ref=deal.ref, status=deal.status, field="deal")
    session.refresh(deal)


def _close(
    session: Session,
    outbox: Outbox,
    deal: Deal,
    status: DealStatus,
    lost_reason: str | None,
    now: datetime,
    closing: Sequence[ClosingHook],
) -> None:
    _advance(
        session,
        deal,
        status=status.value,
        closed_at=now,
        last_progress_at=now,
        lost_reason=lost_reason,
    )
    open_tasks = list(
        session.scalars(
            select(Task).where(Task.deal_id == deal.id, Task.state == TaskState.OPEN.value)
        )
    )
    session.execute(
        update(Task)
        .where(Task.deal_id == deal.id, Task.state == TaskState.OPEN.value)
        .values(state=TaskState.CLOSED.value, done_at=now)
    )
    for task in open_tasks:
        change_task_card(session, outbox, task, TASK_CLOSED, now, status=status.value)
    if status is DealStatus.LOST:
        drop_feed_deliveries(session, deal.thread_key)
    for hook in closing:
        hook(session, outbox, deal, status, now)


def report_progress(
    session: Session,
    actor: Member,
    report: ProgressReport,
    clock: Clock,
    outbox: Outbox,
    closing: Sequence[ClosingHook] = (),
) -> DealCard:
    deal = reportable_deal(session, actor, report.deal_ref)
    notes = optional_text(report.notes, "notes", MAX_NOTES)
    lost_reason = None
    if report.status is ProgressStatus.LOST:
        lost_reason = required_text(report.lost_reason, "lost_reason", MAX_NOTES)
    now = clock.now()
    closing_status = CLOSING.get(report.status)
    if closing_status is not None:
        _close(session, outbox, deal, closing_status, lost_reason, now, closing)
    elif report.status is ProgressStatus.NEGOTIATION:
        _advance(
            session,
            deal,
            status=DealStatus.NEGOTIATION.value,
            reached_negotiation=True,
            last_progress_at=now,
        )
    else:
        _advance(session, deal, last_progress_at=now)
    entry = TimelineEntry(
        deal_id=deal.id,
        kind=TIMELINE_KINDS[report.status].value,
        actor_id=actor.id,
        at=now,
        activity=report.activity.value,
        progress=report.status.value,
        notes=notes,
    )
    session.add(entry)
    session.flush()
    announce(
        session,
        outbox,
        event=PROGRESS_EVENTS[report.status],
        deal=deal,
        cause=f"timeline-{entry.id}",
        actor=actor,
        now=now,
        params={
            "activity": report.activity.value,
            "notes": notes,
            "lost_reason": lost_reason,
            "actor": actor.name,
        },
    )
    return DealCard.of(deal)


def record_step(
    session: Session, deal: Deal, actor: Member, now: datetime, key: str, /, **args: Any
) -> TimelineEntry:
    """A step another capability took on the deal, in its timeline (`key` tells it; `args`
    may hold any names, `deal` too)."""
    entry = TimelineEntry(
        deal_id=deal.id,
        kind=TimelineKind.EVENT.value,
        actor_id=actor.id,
        at=now,
        details={"key": key, "args": args},
    )
    session.add(entry)
    session.flush()
    return entry
