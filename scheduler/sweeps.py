"""The reminder sweep as a job: every few minutes, as of the clock's now.

The ledger, not the timer, decides what is due: a sweep that comes late, twice, or in two
processes at once sends nothing twice, and one after downtime makes up what was missed. So
the job needs none of APScheduler's catching up: missed runs are coalesced into one, and a
run still going when the next is due is not doubled.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from dealbot.domain.core.clock import Clock
from dealbot.domain.reminders.desk import ReminderDesk
from dealbot.domain.reminders.sweep import SweepReport

log = logging.getLogger(__name__)

SWEEP_EVERY = timedelta(minutes=5)
JOB_ID = "reminder-sweep"


class ReminderSweeps:
    def __init__(
        self,
        desk: ReminderDesk,
        clock: Clock,
        wake: Callable[[], None] = lambda: None,
        every: timedelta = SWEEP_EVERY,
    ) -> None:
        self.desk = desk
        self.clock = clock
        self.wake = wake
        self.every = every
        self.last: datetime | None = None

    async def run(self) -> SweepReport | None:
        """One sweep as of now, on a worker thread; a failure is logged, never raised (the
        next run makes up for it)."""
        as_of = self.clock.now()
        try:
            report = await asyncio.to_thread(self.desk.sweep, as_of)
        except Exception:
            log.exception("reminder sweep as of %s failed", as_of.isoformat())
            return None
        self.last = as_of
        if report.notifications:
            log.info("reminder sweep: %s reminders to send", report.notifications)
            self.wake()  # the dispatcher looks at the outbox now
        return report

    async def when_due(self) -> SweepReport | None:
        """A sweep if none ran for `every` (the shell sweeps between the lines typed)."""
        if self.last is not None and self.clock.now() - self.last < self.every:
            return None
        return await self.run()

    def schedule(self, scheduler: AsyncIOScheduler) -> None:
        """On the process's one AsyncIOScheduler: now, then every `every`."""
        scheduler.add_job(
            self.run,
            "interval",
            seconds=self.every.total_seconds(),
            id=JOB_ID,
            next_run_time=datetime.now(UTC),
            coalesce=True,
            max_instances=1,
            misfire_grace_time=None,
        )
