"""The reminders' desk, built in one place for `dealbot run`, the shell and `dealbot remind`.

Selling plugs its installments in here: `installments=` its query of unpaid installments
(see `dealbot.domain.reminders.installments.UnpaidInstallments`). The digest's overdue
payments follow from it.
"""

from __future__ import annotations

from dealbot.domain.core.clock import Clock
from dealbot.domain.core.store import SessionFactory
from dealbot.domain.outbox.notify import Outbox
from dealbot.domain.reminders.desk import ReminderDesk


def reminder_desk(sessions: SessionFactory, clock: Clock, outbox: Outbox) -> ReminderDesk:
    return ReminderDesk(sessions, clock, outbox)
