"""The deal flow's front door: each call is one transaction, acting as one member."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy.exc import OperationalError

from dealbot.domain.core.clock import Clock
from dealbot.domain.core.desk import Desk
from dealbot.domain.core.errors import DomainError
from dealbot.domain.core.store import SessionFactory
from dealbot.domain.core.views import Person
from dealbot.domain.deals import leads, queries, use_cases
from dealbot.domain.deals.enums import TaskKind
from dealbot.domain.deals.leads import LeadDraft
from dealbot.domain.deals.queries import SearchFilters
from dealbot.domain.deals.use_cases import ClosingHook, DealDraft, ProgressReport
from dealbot.domain.deals.views import (
    AdviceTaskView,
    DealCard,
    DealDetail,
    DealState,
    LeadReceipt,
    LeadTaskView,
    Stats,
)
from dealbot.domain.outbox.notify import Outbox

# SQLite refuses a write whose transaction read before another writer committed; such a
# call is simply made again (PostgreSQL waits on the unique key instead).
WRITE_ATTEMPTS = 5


class DealDesk(Desk):
    def __init__(
        self,
        sessions: SessionFactory,
        clock: Clock | None = None,
        outbox: Outbox | None = None,
        closing: Sequence[ClosingHook] = (),
    ) -> None:
        super().__init__(sessions, clock, outbox)
        self.closing = tuple(closing)

    def open_deal(self, member_id: int, draft: DealDraft) -> DealCard:
        return self.as_member(
            member_id, lambda s, m: use_cases.open_deal(s, m, draft, self.clock, self.outbox)
        )

    def check_expected_close(self, member_id: int, value: date | None) -> None:
        """Refuses a date before today in the member's team time zone."""
        self.as_member(
            member_id, lambda s, m: use_cases.check_expected_close(m, value, self.clock.now())
        )

    def advice_task(self, member_id: int, task_id: int) -> AdviceTaskView:
        return self.as_member(member_id, lambda s, m: use_cases.advice_task(s, m, task_id))

    def give_advice(self, member_id: int, task_id: int, advice: str) -> DealCard:
        return self.as_member(
            member_id,
            lambda s, m: use_cases.give_advice(s, m, task_id, advice, self.clock, self.outbox),
        )

    def reportable(self, member_id: int, ref: str) -> DealCard:
        """The deal named, if the member may report on it now; else the reason why not."""
        return self.as_member(
            member_id, lambda s, m: DealCard.of(use_cases.reportable_deal(s, m, ref))
        )

    def report_progress(self, member_id: int, report: ProgressReport) -> DealCard:
        return self.as_member(
            member_id,
            lambda s, m: use_cases.report_progress(
                s, m, report, self.clock, self.outbox, self.closing
            ),
        )

    def show(self, member_id: int, ref: str) -> DealDetail:
        return self.as_member(member_id, lambda s, m: queries.show_deal(s, m, ref))

    def my_open_deals(self, member_id: int) -> list[DealCard]:
        return self.as_member(member_id, queries.open_deals_of)

    def team_open_deals(self, member_id: int) -> list[DealCard]:
        return self.as_member(member_id, queries.team_open_deals)

    def waiting_tasks(self, member_id: int) -> list[AdviceTaskView]:
        return self.as_member(member_id, queries.waiting_tasks)

    def search(self, member_id: int, filters: SearchFilters) -> list[DealCard]:
        return self.as_member(member_id, lambda s, m: queries.search_deals(s, m, filters))

    def stats(self, member_id: int, filters: SearchFilters) -> Stats:
        return self.as_member(member_id, lambda s, m: queries.deal_stats(s, m, filters))

    # leads from the intake API: no member acts, the API token is the authority
    def intake(self, lead: LeadDraft) -> LeadReceipt:
        for attempt in range(WRITE_ATTEMPTS):
            try:
                with self.sessions.begin() as session:
                    return leads.take_lead(session, lead, self.clock.now(), self.outbox)
            except leads.AlreadyTaken:
                # Another call made it meanwhile: what this one made is rolled back.
                with self.sessions.begin() as session:
                    receipt = leads.receipt_of(session, lead.external_id.strip())
                assert receipt is not None
                return receipt
            except OperationalError:
                if attempt == WRITE_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    def lead_problems(self, owner: str | None, team: str | None) -> dict[str, DomainError]:
        with self.sessions.begin() as session:
            return leads.lead_problems(session, owner, team)

    def deal_state(self, ref: str) -> DealState:
        with self.sessions.begin() as session:
            return leads.deal_state(session, ref)

    def report_task(self, member_id: int, task_id: int) -> LeadTaskView:
        return self.as_member(
            member_id, lambda s, m: leads.lead_task(s, m, task_id, TaskKind.REPORT)
        )

    def assign_task(self, member_id: int, task_id: int) -> LeadTaskView:
        return self.as_member(
            member_id, lambda s, m: leads.lead_task(s, m, task_id, TaskKind.ASSIGN)
        )

    def complete_lead(self, member_id: int, task_id: int, draft: DealDraft) -> DealCard:
        return self.as_member(
            member_id,
            lambda s, m: leads.complete_lead(s, m, task_id, draft, self.clock.now(), self.outbox),
        )

    def assign_lead(self, member_id: int, task_id: int, handle: str) -> DealCard:
        return self.as_member(
            member_id,
            lambda s, m: leads.assign_lead(s, m, task_id, handle, self.clock.now(), self.outbox),
        )

    def sellers_for(self, member_id: int, task_id: int) -> list[Person]:
        return self.as_member(
            member_id, lambda s, m: [Person.of(p) for p in leads.sellers_for(s, m, task_id)]
        )
