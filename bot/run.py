"""`dealbot run`: every configured front end, the dispatcher and the scheduler on one loop."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from aiohttp import web
from apscheduler.schedulers.asyncio import AsyncIOScheduler

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
    register_runner,
    unregister_runner,
)

log = logging.getLogger(__name__)


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
    core = build_core(settings)
    dispatcher = build_dispatcher(core)
    app = web.Application() if http else None
    frontends = await start_frontends(core, settings, dispatcher, app)
    if app is not None:
        serve_api(core, settings, app, dispatcher.wake)
    if not frontends:
        log.warning("no SLACK_BOT_TOKEN or TELEGRAM_BOT_TOKEN: only the dispatcher runs")
    runner = None
    if app is not None:
        runner = web.AppRunner(app)
        await runner.setup()
        await web.TCPSite(runner, "0.0.0.0", settings.http_port).start()
        log.info("serving HTTP on port %s", settings.http_port)
    register_runner(core, "run", sorted(dispatcher.transports))
    scheduler = AsyncIOScheduler(timezone="UTC")
    scheduler.add_job(
        asyncio.to_thread, "interval", args=[heartbeat, core], seconds=HEARTBEAT.total_seconds()
    )
    scheduler.add_job(asyncio.to_thread, "interval", args=[forget_old_requests, core], hours=1)
    scheduler.start()
    dispatching = asyncio.create_task(dispatcher.run_forever())
    try:
        await (stop or asyncio.Event()).wait()
    finally:
        await dispatcher.stop()
        dispatching.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await dispatching
        scheduler.shutdown(wait=False)
        await asyncio.to_thread(unregister_runner, core)
        for frontend in frontends:
            await frontend.stop()
        if runner is not None:
            await runner.cleanup()
        core.engine.dispose()
