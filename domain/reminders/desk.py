"""Reminders' front door: the sweep (no member acts: the clock does), and what a member does
about reminders; each call is one transaction (a sweep, one per team)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from dealbot.domain.core.clock import Clock
from dealbot.domain.core.desk import Desk
from dealbot.domain.core.store import SessionFactory
from dealbot.domain.deals.views import DealCard
from dealbot.domain.outbox.notify import Outbox
from dealbot.domain.reminders import actions
from dealbot.domain.reminders.contracts import contracts_ending
from dealbot.domain.reminders.digest import (
    BASE_SECTIONS,
    DigestSection,
    digest_source,
    overdue_payments,
)
from dealbot.domain.reminders.installments import (
    OverdueInstallments,
    UnpaidInstallments,
    installment_reminders,
    read_once,
    summed,
)
from dealbot.domain.reminders.key_dates import key_dates
from dealbot.domain.reminders.occasions import Source
from dealbot.domain.reminders.report import ReminderReport, reminder_report
from dealbot.domain.reminders.stagnation import stagnant_deals
from dealbot.domain.reminders.stock import stock_crossings
from dealbot.domain.reminders.sweep import Sweeper, SweepReport


class ReminderDesk(Desk):
    """`installments` is selling's query of unpaid installments: without it (selling not
    wired in) there are no payment reminders and the digest has no overdue payments.
    `overdue` is selling's summary of them for the digest (else summed from
    `installments`). `digest_sections` adds parts to the weekly digest."""

    def __init__(
        self,
        sessions: SessionFactory,
        clock: Clock | None = None,
        outbox: Outbox | None = None,
        *,
        installments: UnpaidInstallments | None = None,
        overdue: OverdueInstallments | None = None,
        digest_sections: Sequence[tuple[str, DigestSection]] = (),
    ) -> None:
        super().__init__(sessions, clock, outbox)
        sections = list(BASE_SECTIONS)
        if installments is not None:
            if overdue is None:  # summed from the rows the payment reminders read too
                installments = read_once(installments)
                overdue = summed(installments)
            sections.append(("overdue", overdue_payments(overdue)))
        sections += digest_sections
        sources: list[Source] = [key_dates, contracts_ending, stock_crossings, stagnant_deals]
        if installments is not None:
            sources.append(installment_reminders(installments))
        sources.append(digest_source(sections))
        self.sweeper = Sweeper(sessions, self.outbox, sources)

    def sweep(self, as_of: datetime) -> SweepReport:
        """One sweep of every team as of `as_of` (`dealbot remind --at`, the scheduler)."""
        return self.sweeper.sweep(as_of, self.clock.now())

    def mute(self, member_id: int, topic: str) -> list[str]:
        chosen = actions.topic_named(topic)
        return self.as_member(member_id, lambda s, m: actions.mute(s, m, chosen, self.clock.now()))

    def unmute(self, member_id: int, topic: str) -> list[str]:
        chosen = actions.topic_named(topic)
        return self.as_member(member_id, lambda s, m: actions.unmute(s, m, chosen))

    def muted(self, member_id: int) -> list[str]:
        return self.as_member(member_id, actions.muted_topics)

    def report(self, member_id: int) -> ReminderReport:
        return self.as_member(member_id, lambda s, m: reminder_report(s, m, self.clock.now()))

    def stagnant_deal(self, member_id: int, deal_id: int) -> DealCard:
        return self.as_member(
            member_id, lambda s, m: DealCard.of(actions.stagnant_deal(s, m, deal_id))
        )

    def snooze(self, member_id: int, deal_id: int) -> actions.Snoozed:
        return self.as_member(
            member_id,
            lambda s, m: actions.snooze(s, self.outbox, m, deal_id, self.clock.now()),
        )
