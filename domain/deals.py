"""The deal flow of PRODUCT.md §2: open, advise, report progress, close won or lost."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealbot.domain import permissions
from dealbot.domain.clock import Clock
from dealbot.domain.enums import (
    ActivityKind,
    CompanySize,
    DealStatus,
    Industry,
    ProgressStatus,
    TaskState,
    TimelineKind,
)
from dealbot.domain.errors import Conflict, Invalid, NotAllowed, NotFound
from dealbot.domain.models import Customer, Deal, Member, Task, TimelineEntry
from dealbot.domain.money import Money
from dealbot.domain.outbox import notify
from dealbot.domain.refs import parse_deal_ref
from dealbot.domain.routing import Event
from dealbot.domain.views import AdviceTaskView, DealCard

MAX_TITLE = 200
MAX_NAME = 200
MAX_NOTES = 3000


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


def _required_text(value: str, key: str, limit: int) -> str:
    text = value.strip()
    if not text:
        raise Invalid("error-required", field=key)
    if len(text) > limit:
        raise Invalid("error-too-long", field=key, limit=limit, length=len(text))
    return text


def _optional_text(value: str | None, key: str, limit: int) -> str | None:
    if value is None or not value.strip():
        return None
    return _required_text(value, key, limit)


def load_deal(session: Session, viewer: Member, ref: str) -> Deal:
    deal = session.get(Deal, parse_deal_ref(ref))
    # A deal outside the viewer's teams is reported as unknown, so its existence does not leak.
    if deal is None or not permissions.can_view_deal(session, viewer, deal):
        raise NotFound("error-deal-unknown", ref=ref.strip())
    return deal


def find_or_add_customer(
    session: Session, actor: Member, name: str, draft: DealDraft, clock: Clock
) -> Customer:
    customer = session.scalar(
        select(Customer).where(Customer.team_id == actor.team_id, Customer.name == name)
    )
    if customer is None:
        customer = Customer(
            team_id=actor.team_id,
            name=name,
            industry=draft.industry.value,
            company_size=draft.company_size.value,
            owner_id=actor.id,
            created_at=clock.now(),
        )
        session.add(customer)
        session.flush()
    return customer


def open_deal(session: Session, actor: Member, draft: DealDraft, clock: Clock) -> DealCard:
    if not permissions.can_open_deals(actor):
        raise NotAllowed("error-cannot-open-deals")
    customer_name = _required_text(draft.customer, "customer", MAX_NAME)
    title = _required_text(draft.title, "title", MAX_TITLE)
    notes = _optional_text(draft.notes, "notes", MAX_NOTES)
    now = clock.now()
    customer = find_or_add_customer(session, actor, customer_name, draft, clock)
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
        source=_optional_text(draft.source, "source", MAX_NAME),
        notes=notes,
        opened_at=now,
        last_progress_at=now,
    )
    session.add(deal)
    session.flush()
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
    notify(
        session,
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
    if task is None:
        raise NotFound("error-task-unknown")
    if not permissions.can_complete_task(actor, task):
        raise NotAllowed("error-advice-not-yours", ref=task.deal.ref)
    if task.state == TaskState.DONE.value:
        raise Conflict("error-advice-done", ref=task.deal.ref)
    return task


def advice_task(session: Session, actor: Member, task_id: int) -> AdviceTaskView:
    task = load_advice_task(session, actor, task_id)
    return AdviceTaskView(task.id, DealCard.of(task.deal), done=False)


def give_advice(
    session: Session, actor: Member, task_id: int, advice: str, clock: Clock
) -> DealCard:
    task = load_advice_task(session, actor, task_id)
    text = _required_text(advice, "advice", MAX_NOTES)
    now = clock.now()
    task.state = TaskState.DONE.value
    task.done_at = now
    entry = TimelineEntry(
        deal_id=task.deal_id, kind=TimelineKind.ADVICE.value, actor_id=actor.id, at=now, notes=text
    )
    session.add(entry)
    session.flush()
    notify(
        session,
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


def report_progress(
    session: Session, actor: Member, report: ProgressReport, clock: Clock
) -> DealCard:
    deal = load_deal(session, actor, report.deal_ref)
    if not permissions.can_report_on(actor, deal):
        raise NotAllowed("error-not-your-deal", ref=deal.ref)
    if deal.deal_status.is_closed:
        raise Conflict("error-deal-closed", ref=deal.ref, status=deal.status)
    notes = _optional_text(report.notes, "notes", MAX_NOTES)
    lost_reason = None
    if report.status is ProgressStatus.LOST:
        lost_reason = _required_text(report.lost_reason or "", "lost_reason", MAX_NOTES)
    now = clock.now()
    if report.status is ProgressStatus.NEGOTIATION:
        deal.status = DealStatus.NEGOTIATION.value
        deal.reached_negotiation = True
    elif report.status is ProgressStatus.WON:
        deal.status = DealStatus.WON.value
        deal.closed_at = now
    elif report.status is ProgressStatus.LOST:
        deal.status = DealStatus.LOST.value
        deal.lost_reason = lost_reason
        deal.closed_at = now
    deal.last_progress_at = now
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
    notify(
        session,
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
