"""Deals started from another system (PRODUCT.md §4, "Intake API"; seed 003).

A lead is a deal in status `lead`: not in the feed, not in the statistics. Its owner gets a
task to complete the opening report; with only a team named, the team's leader first gets a
task to assign it to one of the team's salespeople. Completing the report opens the deal and
routes it like any other (§2). The `external_id` is a unique key: the same call twice, also at
the same moment on two processes, makes one deal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from dealbot.domain.core.directory import find_member
from dealbot.domain.core.errors import Conflict, DomainError, Invalid, NotAllowed, NotFound
from dealbot.domain.core.models import Member, Role, Team
from dealbot.domain.core.money import Money
from dealbot.domain.core.refs import parse_ref
from dealbot.domain.core.routing import Audience, Placement
from dealbot.domain.core.store import insert_ignoring
from dealbot.domain.core.text import optional_text, required_text
from dealbot.domain.deals.enums import CompanySize, DealStatus, Industry, TaskKind, TaskState
from dealbot.domain.deals.models import Deal, Task
from dealbot.domain.deals.use_cases import (
    MAX_NAME,
    MAX_NOTES,
    MAX_TITLE,
    DealDraft,
    announce_opening,
    check_expected_close,
    deal_params,
    find_or_add_customer,
    team_today,
)
from dealbot.domain.deals.views import DealCard, DealState, LeadReceipt, LeadTaskView
from dealbot.domain.outbox.notify import Outbox, Recipient, Subject

MAX_EXTERNAL_ID = 100
# Notification kinds of the two tasks a lead makes.
LEAD_REPORT = "lead_report"
LEAD_ASSIGN = "lead_assign"


@dataclass(frozen=True)
class LeadDraft:
    external_id: str
    customer: str
    title: str
    owner: str | None = None  # a member handle
    team: str | None = None  # a team name
    industry: Industry | None = None
    company_size: CompanySize | None = None
    amount: Decimal | None = None
    currency: str | None = None  # the team's when not given
    expected_close: date | None = None
    source: str | None = None
    notes: str | None = None


class AlreadyTaken(Exception):
    """Another call took this external_id first: undo what this one made and answer with it."""


def may_sell(member: Member) -> bool:
    return member.active and (member.has_role(Role.SALES) or member.has_role(Role.LEADER))


def lead_people(
    session: Session, owner_handle: str | None, team_name: str | None
) -> tuple[Team, Member | None]:
    """The lead's team and owner as named; Invalid names the field at fault."""
    team = None
    if team_name:
        team = session.scalar(select(Team).where(Team.name == team_name.strip()))
        if team is None:
            raise Invalid("error-intake-team-unknown", field="team", team=team_name)
    if owner_handle:
        owner = find_member(session, owner_handle)
        if owner is None or not may_sell(owner):
            raise Invalid("error-intake-owner-unknown", field="owner", owner=owner_handle)
        if team is not None and owner.team_id != team.id:
            raise Invalid("error-intake-owner-team", field="owner", owner=owner.handle)
        return owner.team, owner
    if team is None:
        raise Invalid("error-intake-owner-or-team", field="owner")
    if team.leader_id is None:
        raise Invalid("error-intake-team-leaderless", field="team", team=team.name)
    return team, None


def receipt_of(session: Session, external_id: str) -> LeadReceipt | None:
    deal = session.scalar(select(Deal).where(Deal.external_id == external_id))
    return LeadReceipt(deal.ref, deal.status, created=False) if deal else None


def _task_note(
    session: Session, outbox: Outbox, task: Task, kind: str, member: Member, now: datetime
) -> None:
    deal = task.deal
    outbox.notify(
        session,
        key=f"task-{task.id}",
        kind=kind,
        team=deal.team,
        recipients=[Recipient(Audience.OWNER.value, Placement.TASK, member)],
        params={**deal_params(deal), "task": task.id, "external_id": deal.external_id},
        now=now,
        subject=Subject("deal", deal.id, deal.thread_key),
    )


def _give_task(
    session: Session, outbox: Outbox, deal: Deal, kind: TaskKind, member: Member, now: datetime
) -> Task:
    task = Task(kind=kind.value, deal_id=deal.id, assignee_id=member.id, created_at=now)
    session.add(task)
    session.flush()
    session.refresh(task)
    note = LEAD_REPORT if kind is TaskKind.REPORT else LEAD_ASSIGN
    _task_note(session, outbox, task, note, member, now)
    return task


def take_lead(session: Session, lead: LeadDraft, now: datetime, outbox: Outbox) -> LeadReceipt:
    """The lead made, or the one this external_id made before (nothing changes then)."""
    external_id = required_text(lead.external_id, "external_id", MAX_EXTERNAL_ID)
    earlier = receipt_of(session, external_id)
    if earlier is not None:
        return earlier
    team, owner = lead_people(session, lead.owner, lead.team)
    currency = lead.currency or team.currency
    try:
        money = Money.of(lead.amount, currency) if lead.amount is not None else None
    except Invalid as error:
        field = "currency" if error.key == "error-currency-unknown" else "amount"
        raise Invalid(error.key, **{**error.args_for_message, "field": field}) from None
    if lead.expected_close is not None and lead.expected_close < team_today(team.timezone, now):
        raise Invalid(
            "error-date-past", field="expected_close", value=lead.expected_close.isoformat()
        )
    customer = find_or_add_customer(
        session,
        team.id,
        required_text(lead.customer, "customer", MAX_NAME),
        now,
        owner_id=owner.id if owner else None,
        industry=lead.industry.value if lead.industry else None,
        company_size=lead.company_size.value if lead.company_size else None,
    )
    deal_id = insert_ignoring(
        session,
        Deal.__table__,  # type: ignore[arg-type]
        {
            "team_id": team.id,
            "owner_id": owner.id if owner else None,
            "customer_id": customer.id,
            "title": required_text(lead.title, "title", MAX_TITLE),
            "industry": lead.industry.value if lead.industry else None,
            "company_size": lead.company_size.value if lead.company_size else None,
            "amount_minor": money.minor_units if money else None,
            "currency": currency,
            "expected_close": lead.expected_close,
            "source": optional_text(lead.source, "source", MAX_NAME),
            "notes": optional_text(lead.notes, "notes", MAX_NOTES),
            "status": DealStatus.LEAD.value,
            "reached_negotiation": False,
            "opened_at": now,
            "last_progress_at": now,
            "external_id": external_id,
        },
        ["external_id"],
    )
    if deal_id is None:
        raise AlreadyTaken(external_id)
    deal = session.get_one(Deal, deal_id)
    if owner is not None:
        _give_task(session, outbox, deal, TaskKind.REPORT, owner, now)
    else:
        assert team.leader is not None  # lead_people refuses a team without a leader
        _give_task(session, outbox, deal, TaskKind.ASSIGN, team.leader, now)
    return LeadReceipt(deal.ref, deal.status, created=True)


def load_lead_task(session: Session, actor: Member, task_id: int, kind: TaskKind) -> Task:
    task = session.get(Task, task_id)
    if task is None or task.kind != kind.value:
        raise NotFound("error-task-unknown")
    if task.assignee_id != actor.id:
        raise NotAllowed("error-lead-task-not-yours", ref=task.deal.ref)
    if task.state == TaskState.CLOSED.value or task.deal.deal_status.is_closed:
        raise Conflict("error-task-deal-closed", ref=task.deal.ref, status=task.deal.status)
    if task.state == TaskState.DONE.value or task.deal.deal_status is not DealStatus.LEAD:
        raise Conflict("error-lead-task-done", ref=task.deal.ref)
    return task


def lead_task(session: Session, actor: Member, task_id: int, kind: TaskKind) -> LeadTaskView:
    task = load_lead_task(session, actor, task_id, kind)
    deal = task.deal
    return LeadTaskView(task.id, task.kind, DealCard.of(deal), deal.source, deal.notes)


def _finish(session: Session, task: Task, now: datetime) -> None:
    """One conditional write: a second click, or a second process, finds the task done."""
    done = session.execute(
        update(Task)
        .where(Task.id == task.id, Task.state == TaskState.OPEN.value)
        .values(state=TaskState.DONE.value, done_at=now)
    )
    if getattr(done, "rowcount", 0) != 1:
        raise Conflict("error-lead-task-done", ref=task.deal.ref)


def complete_lead(
    session: Session, actor: Member, task_id: int, draft: DealDraft, now: datetime, outbox: Outbox
) -> DealCard:
    """The owner's opening report of a lead saved: the deal opens and is routed as §2."""
    task = load_lead_task(session, actor, task_id, TaskKind.REPORT)
    deal = task.deal
    check_expected_close(actor, draft.expected_close, now)
    customer = find_or_add_customer(
        session,
        deal.team_id,
        required_text(draft.customer, "customer", MAX_NAME),
        now,
        owner_id=actor.id,
        industry=draft.industry.value,
        company_size=draft.company_size.value,
    )
    values: dict[str, Any] = {
        "customer_id": customer.id,
        "owner_id": actor.id,
        "title": required_text(draft.title, "title", MAX_TITLE),
        "industry": draft.industry.value,
        "company_size": draft.company_size.value,
        "amount_minor": draft.money.minor_units,
        "currency": draft.money.currency,
        "expected_close": draft.expected_close,
        "source": optional_text(draft.source, "source", MAX_NAME),
        "notes": optional_text(draft.notes, "notes", MAX_NOTES),
        "status": DealStatus.OPEN.value,
        "opened_at": now,
        "last_progress_at": now,
    }
    opened = session.execute(
        update(Deal)
        .where(Deal.id == deal.id, Deal.status == DealStatus.LEAD.value)
        .values(**values)
    )
    if getattr(opened, "rowcount", 0) != 1:
        raise Conflict("error-lead-task-done", ref=deal.ref)
    _finish(session, task, now)
    session.refresh(deal)
    return announce_opening(session, actor, deal, outbox, now)


def assign_lead(
    session: Session, actor: Member, task_id: int, handle: str, now: datetime, outbox: Outbox
) -> DealCard:
    """The leader chose who takes a lead: they get the task to complete its report."""
    task = load_lead_task(session, actor, task_id, TaskKind.ASSIGN)
    deal = task.deal
    owner = find_member(session, handle)
    if owner is None or owner.team_id != deal.team_id or not owner.has_role(Role.SALES):
        raise Invalid("error-lead-assignee", field="owner", owner=handle.lstrip("@"))
    _finish(session, task, now)
    deal.owner_id = owner.id
    session.flush()
    session.refresh(deal)
    _give_task(session, outbox, deal, TaskKind.REPORT, owner, now)
    return DealCard.of(deal)


def sellers_for(session: Session, actor: Member, task_id: int) -> list[Member]:
    """Whom a lead's assign task may choose: its team's salespeople."""
    task = load_lead_task(session, actor, task_id, TaskKind.ASSIGN)
    members = session.scalars(
        select(Member)
        .where(Member.team_id == task.deal.team_id, Member.active.is_(True))
        .order_by(Member.name)
    )
    return [m for m in members if m.has_role(Role.SALES)]


def deal_state(session: Session, ref: str) -> DealState:
    """A deal as the intake API's caller reads it back."""
    number = parse_ref(ref, "d")
    deal = session.get(Deal, number) if number is not None else None
    if deal is None:
        raise NotFound("error-deal-unknown", ref=ref)
    return DealState(DealCard.of(deal), deal.external_id)


def lead_problems(session: Session, owner: str | None, team: str | None) -> dict[str, DomainError]:
    """What is wrong with the people a lead names, before anything is written."""
    try:
        lead_people(session, owner, team)
    except Invalid as error:
        return {str(error.args_for_message.get("field", "owner")): error}
    return {}
