"""`dealbot remind --deliver`: the dispatcher of this one process, until nothing is due."""

from __future__ import annotations

from dealbot.bot import preflight
from dealbot.bot.settings import Settings
from dealbot.bot.wiring import build_core, build_dispatcher, prepare_loop
from dealbot.domain.outbox.desk import OutboxDesk
from dealbot.handlers.core.transport import Transport


async def deliver_now(settings: Settings) -> int:
    """Deliver what waits on the platforms whose credentials are set; how many still wait
    (retried later by `dealbot run`)."""
    await preflight.platforms(settings)
    prepare_loop()
    core = build_core(settings, allow_sample=True)
    transports: list[Transport] = []
    closing = []
    if settings.slack_bot_token:
        from slack_sdk.web.async_client import AsyncWebClient

        from dealbot.handlers.slack.transport import SlackTransport

        client = AsyncWebClient(
            token=settings.slack_bot_token, base_url=settings.slack_api_url, retry_handlers=[]
        )
        slack = SlackTransport(client)
        transports.append(slack)
        closing.append(slack.close)
    if settings.telegram_bot_token:
        from telegram import Bot

        from dealbot.handlers.telegram.transport import TelegramTransport

        bot = Bot(settings.telegram_bot_token, base_url=settings.telegram_api_url)
        await bot.initialize()
        transports.append(TelegramTransport(bot))
        closing.append(bot.shutdown)
    try:
        await build_dispatcher(core, transports).drain()
        return len(OutboxDesk(core.sessions).waiting())
    finally:
        for close in closing:
            await close()
        core.engine.dispose()
