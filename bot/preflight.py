"""Everything `dealbot run` checks before it changes anything: the file, the settings, the
secrets, the port, the database and the platforms' answer to its credentials.

Each problem is one `OperatorError` line; nothing is migrated or synchronised in the store
until every check passed.
"""

from __future__ import annotations

import logging
import socket
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from dealbot.bot.directory_file import load_directory
from dealbot.bot.errors import OperatorError
from dealbot.bot.settings import Settings
from dealbot.domain.core.directory import MemberSpec, TeamSpec
from dealbot.domain.core.store import make_engine

log = logging.getLogger(__name__)


def settings() -> Settings:
    """The settings from the environment and `.env`, or one line naming what is wrong."""
    try:
        return Settings()
    except ValidationError as error:
        first = error.errors()[0]
        name = str(first["loc"][0]) if first["loc"] else "a setting"
        raise OperatorError(f"{name}: {first['msg']} (got {first.get('input')!r})") from None


@dataclass(frozen=True)
class Directory:
    teams: list[TeamSpec]
    members: list[MemberSpec]


def directory(settings: Settings) -> Directory:
    """The teams of `dealbot.toml`; the built-in sample team is for the shell only."""
    teams, members, sample = load_directory(settings.config_path)
    if sample:
        where = Path(settings.config_path).resolve()
        raise OperatorError(
            f"no teams file at {where}: write one (see README, Configuration) or set "
            "DEALBOT_CONFIG; the sample team is only for `dealbot shell`"
        )
    return Directory(teams, members)


def secrets(settings: Settings, *, http: bool) -> None:
    if settings.slack_bot_token:
        if http and not settings.slack_signing_secret:
            raise OperatorError("SLACK_SIGNING_SECRET is required to serve Slack over HTTP")
        if not http and not settings.slack_app_token:
            raise OperatorError("set SLACK_APP_TOKEN for Socket Mode, or run with --http")
    if settings.telegram_webhook_url and not (http and settings.telegram_webhook_secret):
        raise OperatorError(
            "TELEGRAM_WEBHOOK_URL needs `dealbot run --http` and TELEGRAM_WEBHOOK_SECRET"
        )


def database(settings: Settings) -> None:
    """The database answers (with the password given), without changing anything in it."""
    engine = make_engine(settings.sqlalchemy_url)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        shown = engine.url.render_as_string(hide_password=True)
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        raise OperatorError(f"cannot open the database {shown}: {reason}") from None
    finally:
        engine.dispose()


def port(settings: Settings) -> socket.socket:
    """The HTTP port, bound now so that a port in use is said before anything starts."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(("0.0.0.0", settings.http_port))
    except OSError as error:
        sock.close()
        raise OperatorError(
            f"DEALBOT_HTTP_PORT {settings.http_port} cannot be used: {error.strerror}"
        ) from None
    return sock


async def platforms(settings: Settings) -> None:
    """Slack and Telegram accept the tokens (auth.test, getMe) before anything starts."""
    if settings.slack_bot_token:
        from slack_sdk.errors import SlackApiError
        from slack_sdk.web.async_client import AsyncWebClient

        client = AsyncWebClient(token=settings.slack_bot_token, base_url=settings.slack_api_url)
        try:
            await client.auth_test()
        except SlackApiError as error:
            code = (getattr(error.response, "data", None) or {}).get("error", "refused")
            raise OperatorError(f"SLACK_BOT_TOKEN was refused by Slack ({code})") from None
        except OSError as error:
            where = settings.slack_api_url
            raise OperatorError(f"cannot reach Slack at {where}: {error}") from None
    if settings.telegram_bot_token:
        from telegram import Bot
        from telegram.error import InvalidToken, NetworkError, TelegramError

        try:
            # Initialising a Bot is Telegram's getMe: it fails on a token Telegram refuses.
            async with Bot(settings.telegram_bot_token, base_url=settings.telegram_api_url):
                pass
        except InvalidToken:
            raise OperatorError("TELEGRAM_BOT_TOKEN was refused by Telegram") from None
        except NetworkError as error:
            raise OperatorError(
                f"cannot reach Telegram at {settings.telegram_api_url}: {error}"
            ) from None
        except TelegramError as error:
            raise OperatorError(f"Telegram refused TELEGRAM_BOT_TOKEN: {error}") from None
