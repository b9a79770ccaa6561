"""The reminders' desk, built in one place for `dealbot run`, the shell and `dealbot remind`.

Selling plugs its installments in here: `installments=` its query of unpaid installments
(`dealbot.domain.selling.reminders.unpaid_installments`, the shape of
`dealbot.domain.reminders.installments.UnpaidInstallments`), and `overdue=` its summary of
them for the digest (`overdue_installments`).
"""

from __future__ import annotations

from dealbot.domain.core.clock import Clock
from dealbot.domain.core.store import SessionFactory
from dealbot.domain.outbox.notify import Outbox
from dealbot.domain.reminders.desk import ReminderDesk
from dealbot.domain.selling.reminders import overdue_installments, unpaid_installments


def reminder_desk(sessions: SessionFactory, clock: Clock, outbox: Outbox) -> ReminderDesk:
    return ReminderDesk(
        sessions, clock, outbox, installments=unpaid_installments, overdue=overdue_installments
    )
