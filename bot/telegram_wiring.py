"""Starting the Telegram front end on the running event loop: polling, or a webhook."""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from aiohttp import web
from telegram import Update
from telegram.ext import Application, ApplicationBuilder

from dealbot import locales
from dealbot.bot.dispatcher import Dispatcher
from dealbot.bot.errors import OperatorError
from dealbot.bot.frontend import Frontend
from dealbot.bot.settings import Settings
from dealbot.bot.telegram_http import AiohttpRequest
from dealbot.bot.wiring import Core
from dealbot.handlers.core.router import Router
from dealbot.handlers.telegram.app import Hooks, TelegramHandlers, menu
from dealbot.handlers.telegram.processor import InOrderPerChat
from dealbot.handlers.telegram.transport import PLATFORM, Pacer, TelegramTransport

log = logging.getLogger(__name__)

ALLOWED_UPDATES = ["message", "callback_query"]
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def file_url(api_url: str) -> str:
    """`https://api.telegram.org/bot` → `https://api.telegram.org/file/bot`."""
    base = api_url.rstrip("/")
    return base[: -len("bot")] + "file/bot" if base.endswith("bot") else base + "/file/bot"


async def publish_menu(application: Application, router: Router) -> None:  # type: ignore[type-arg]
    """The command menu in every language we speak, English for everyone else."""
    for locale in locales.SUPPORTED:
        await application.bot.set_my_commands(menu(router, locale), language_code=locale)
    await application.bot.set_my_commands(menu(router, locales.DEFAULT))


def _receiver(
    application: Application,  # type: ignore[type-arg]
    secret: str,
) -> Callable[[web.Request], Awaitable[web.Response]]:
    """The webhook: Telegram's secret header checked before anything is read."""

    async def receive(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), secret.encode()):
            return web.Response(status=403)
        try:
            data = json.loads(await request.text())
        except ValueError:
            return web.Response(status=400)
        await application.update_queue.put(Update.de_json(data, application.bot))
        return web.Response()

    return receive


# Connections to the Bot API for everything but polling. Telegram takes about 30 messages a
# second from a bot, which 8 connections carry many times over. A request waits for a free
# connection rather than failing after PTB's default second. These requests go through
# aiohttp (bot/telegram_http.py), the long poll through PTB's own httpx client.
TELEGRAM_CONNECTIONS = 8
TELEGRAM_POOL_WAIT_SECONDS = 10.0


async def start_telegram(
    core: Core,
    settings: Settings,
    dispatcher: Dispatcher,
    app: web.Application | None,
    *,
    pacer: Pacer | None = None,
) -> Frontend:
    token = settings.telegram_bot_token
    if not token:
        raise OperatorError("TELEGRAM_BOT_TOKEN is not set")
    webhook = settings.telegram_webhook_url
    if webhook and (app is None or not settings.telegram_webhook_secret):
        raise OperatorError(
            "TELEGRAM_WEBHOOK_URL needs `dealbot run --http` and TELEGRAM_WEBHOOK_SECRET"
        )
    builder = (
        ApplicationBuilder()
        .token(token)
        .base_url(settings.telegram_api_url)
        .base_file_url(file_url(settings.telegram_api_url))
        .job_queue(None)  # the dispatcher and the scheduler do the timed work
        .concurrent_updates(InOrderPerChat())
        .request(AiohttpRequest(TELEGRAM_CONNECTIONS, pool_timeout=TELEGRAM_POOL_WAIT_SECONDS))
    )
    if webhook:
        builder = builder.updater(None)
    application = builder.build()

    async def started(telegram_user: int) -> None:
        await asyncio.to_thread(core.desks.outbox.reachable, PLATFORM, str(telegram_user))
        dispatcher.wake()

    hooks = Hooks(dispatcher.wake, started)
    TelegramHandlers(core.router, core.state, core.clock, hooks).register(application)
    await application.initialize()
    await publish_menu(application, core.router)
    if webhook and app is not None and settings.telegram_webhook_secret:
        secret = settings.telegram_webhook_secret
        app.router.add_post(urlsplit(webhook).path or "/telegram", _receiver(application, secret))
        await application.bot.set_webhook(
            webhook, secret_token=secret, allowed_updates=ALLOWED_UPDATES
        )
    elif application.updater is not None:
        await application.updater.start_polling(allowed_updates=ALLOWED_UPDATES)
    await application.start()
    log.info("Telegram front end started (%s)", "webhook" if webhook else "long polling")

    async def stop() -> None:
        if application.updater is not None and application.updater.running:
            await application.updater.stop()
        if application.running:
            await application.stop()
        await application.shutdown()

    return Frontend("telegram", TelegramTransport(application.bot, pacer), stop)
