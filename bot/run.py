"""`dealbot run`: every configured front end, the dispatcher and the scheduler on one loop."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import socket

from aiohttp import web
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from dealbot.bot import preflight
from dealbot.bot.dispatcher import Dispatcher
from dealbot.bot.frontend import Frontend
from dealbot.bot.http_wiring import serve_api
from dealbot.bot.settings import Settings
from dealbot.bot.wiring import (
    HEARTBEAT,
    Core,
    build_core,
    build_dispatcher,
    forget_old_requests,
    heartbeat,
    prepare_loop,
    register_runner,
    unregister_runner,
)
from dealbot.scheduler.sweeps import ReminderSweeps

log = logging.getLogger(__name__)

# What a stopping process gives the sends in flight before it lets go of them.
STOP_GRACE = 5.0


async def start_frontends(
    core: Core, settings: Settings, dispatcher: Dispatcher, app: web.Application | None
) -> list[Frontend]:
    """Start each front end whose credentials are set; their transports join the dispatcher."""
    started: list[Frontend] = []
    if settings.slack_bot_token:
        from dealbot.bot.slack_wiring import start_slack

        started.append(await start_slack(core, settings, dispatcher, app))
    if settings.telegram_bot_token:
        from dealbot.bot.telegram_wiring import start_telegram

        started.append(await start_telegram(core, settings, dispatcher, app))
    for frontend in started:
        dispatcher.add(frontend.transport)
    return started


async def serve(settings: Settings, *, http: bool, stop: asyncio.Event | None = None) -> None:
    """Check everything, then start; run until `stop` is set, then stop cleanly."""
    preflight.directory(settings)
    preflight.secrets(settings, http=http)
    preflight.database(settings)
    sock: socket.socket | None = preflight.port(settings) if http else None
    try:
        await preflight.platforms(settings)
    except BaseException:
        if sock is not None:
            sock.close()
        raise
    prepare_loop()
    core = build_core(settings)
    dispatcher = build_dispatcher(core)
    app = web.Application() if http else None
    frontends = await start_frontends(core, settings, dispatcher, app)
    if app is not None:
        serve_api(core, settings, app, dispatcher.wake)
    if not frontends:
        log.warning("no SLACK_BOT_TOKEN or TELEGRAM_BOT_TOKEN: only the dispatcher runs")
    runner = None
    if app is not None and sock is not None:
        runner = web.AppRunner(app)
        await runner.setup()
        await web.SockSite(runner, sock).start()
        log.info("serving HTTP on port %s", settings.http_port)
    register_runner(core, "run", sorted(dispatcher.transports))
    scheduler = AsyncIOScheduler(timezone="UTC")
    scheduler.add_job(
        asyncio.to_thread, "interval", args=[heartbeat, core], seconds=HEARTBEAT.total_seconds()
    )
    scheduler.add_job(asyncio.to_thread, "interval", args=[forget_old_requests, core], hours=1)
    # Reminders (PRODUCT.md §5): swept every few minutes; the ledger decides what is due.
    ReminderSweeps(core.desks.reminders, core.clock, dispatcher.wake).schedule(scheduler)
    scheduler.start()
    dispatching = asyncio.create_task(dispatcher.run_forever())
    try:
        await (stop or asyncio.Event()).wait()
    finally:
        log.info("stopping: no new work; sends in flight get %ss", STOP_GRACE)
        for frontend in frontends:  # take no more requests or updates
            await frontend.stop()
        await dispatcher.stop(grace=STOP_GRACE)
        dispatching.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await dispatching
        scheduler.shutdown(wait=False)
        await asyncio.to_thread(unregister_runner, core)
        if runner is not None:
            await runner.cleanup()
        core.engine.dispose()


async def run_until_signalled(settings: Settings, *, http: bool) -> None:
    """`serve` until SIGTERM or SIGINT, which stop it cleanly (exit status 0)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await serve(settings, http=http, stop=stop)
