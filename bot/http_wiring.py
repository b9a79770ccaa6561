"""The HTTP API on `dealbot run --http`'s port: the registered routes, OpenAPI, health."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version

from aiohttp import web
from sqlalchemy import text

from dealbot.bot.settings import Settings
from dealbot.bot.wiring import Core
from dealbot.handlers.http.api import ApiServer

log = logging.getLogger(__name__)


def _version() -> str:
    try:
        return version("dealbot")
    except PackageNotFoundError:
        return "0"


def _store_answers(core: Core) -> bool:
    with core.engine.connect() as connection:
        return connection.execute(text("SELECT 1")).scalar() == 1


def serve_api(
    core: Core, settings: Settings, app: web.Application, on_change: Callable[[], None]
) -> ApiServer:
    if not settings.intake_token:
        log.warning("no DEALBOT_INTAKE_TOKEN: the intake API refuses every call (401)")

    async def health() -> bool:
        return await asyncio.to_thread(_store_answers, core)

    server = ApiServer(
        core.registry, settings.intake_token, health, on_change=on_change, version=_version()
    )
    server.install(app)
    return server
