"""The reminder sweep as a job on the process's one AsyncIOScheduler (as `dealbot run` adds
it): it runs at once, as of the clock's now, writes what is due and wakes the dispatcher; a
failing sweep is logged and leaves the next run to make up for it."""

from __future__ import annotations

import asyncio
from datetime import date

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from dealbot.domain.core.store import SessionFactory
from dealbot.scheduler.sweeps import JOB_ID, ReminderSweeps
from support.reminders import add_customer, at, setup, told
from support.store import FakeClock


async def test_the_job_sweeps_as_of_now_and_wakes_the_dispatcher(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    desk = setup(sessions, clock)
    add_customer(sessions, "Tokyo Sales", "Acme", owner="kenji", founded=date(2001, 3, 1))
    clock.current = at("2027-03-01T00:05Z")  # 09:05 in Tokyo
    woken = asyncio.Event()
    sweeps = ReminderSweeps(desk, clock, woken.set)
    scheduler = AsyncIOScheduler()
    sweeps.schedule(scheduler)
    job = scheduler.get_job(JOB_ID)
    assert job is not None and job.coalesce and job.max_instances == 1
    scheduler.start()
    try:
        await asyncio.wait_for(woken.wait(), timeout=30)
    finally:
        scheduler.shutdown(wait=False)
    assert [(n.handle, n.items[0]["kind"]) for n in told(sessions)] == [("kenji", "founded")]
    assert sweeps.last == clock.current
    assert await sweeps.when_due() is None  # swept less than five minutes ago
    clock.advance(minutes=5)
    again = await sweeps.when_due()
    assert again is not None and again.notifications == 0  # the ledger has it already


async def test_a_failing_sweep_is_logged_and_the_next_one_makes_up_for_it(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    desk = setup(sessions, clock)
    add_customer(sessions, "Tokyo Sales", "Acme", owner="kenji", founded=date(2001, 3, 1))
    clock.current = at("2027-03-01T00:05Z")
    sweeps = ReminderSweeps(desk, clock)
    working = desk.sweeper.sources
    desk.sweeper.sources = (lambda context: [1 / 0],)  # type: ignore[list-item]
    assert await sweeps.run() is None and told(sessions) == []
    desk.sweeper.sources = working
    clock.advance(hours=3)
    report = await sweeps.run()
    assert report is not None and [n.handle for n in told(sessions)] == ["kenji"]
