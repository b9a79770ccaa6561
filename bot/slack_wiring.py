"""Starting the Slack front end: Bolt over Socket Mode and/or HTTP at `/slack/events`."""

from __future__ import annotations

import logging

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_sdk.signature import SignatureVerifier
from slack_sdk.web.async_client import AsyncWebClient

from dealbot.bot.dispatcher import Dispatcher
from dealbot.bot.errors import OperatorError
from dealbot.bot.frontend import Frontend
from dealbot.bot.settings import Settings
from dealbot.bot.wiring import Core
from dealbot.handlers.slack.app import SlackListeners, register
from dealbot.handlers.slack.app_home import HomePublisher
from dealbot.handlers.slack.transport import SlackTransport

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"


def build_bolt(
    core: Core, settings: Settings, dispatcher: Dispatcher
) -> tuple[AsyncApp, SlackTransport]:
    # No client retries by itself: a connection that drops after Slack took a post would post
    # it twice. The outbox retries instead, and reads the channel back first.
    client = AsyncWebClient(
        token=settings.slack_bot_token, base_url=settings.slack_api_url, retry_handlers=[]
    )
    bolt = AsyncApp(
        client=client,
        signing_secret=settings.slack_signing_secret,
        # Socket Mode alone needs no signing secret; HTTP mode refuses to start without one.
        request_verification_enabled=settings.slack_signing_secret is not None,
    )
    home = HomePublisher(client, core.router)
    listeners = SlackListeners(core.router, core.state, core.clock, client, home, dispatcher.wake)
    register(bolt, listeners)
    return bolt, SlackTransport(client, after_dm=home.refresh_slack_user)


def serve_http(bolt: AsyncApp, app: web.Application, signing_secret: str) -> None:
    verifier = SignatureVerifier(signing_secret)

    async def events(request: web.Request) -> web.Response:
        # The signature is checked on the raw body before anything parses it: whatever an
        # unsigned caller sends is a 401, never a 500.
        body = await request.read()
        try:
            valid = verifier.is_valid_request(body, dict(request.headers))
        except ValueError:  # a timestamp that is no number, a body that is no UTF-8
            valid = False
        if not valid:
            return web.Response(status=401, text="invalid signature")
        try:
            bolt_request = await to_bolt_request(request)
        except ValueError:
            return web.Response(status=400, text="malformed request")
        return await to_aiohttp_response(await bolt.async_dispatch(bolt_request))

    app.router.add_post(EVENTS_PATH, events)


async def start_slack(
    core: Core, settings: Settings, dispatcher: Dispatcher, app: web.Application | None
) -> Frontend:
    if app is not None and not settings.slack_signing_secret:
        raise OperatorError("SLACK_SIGNING_SECRET is required to serve Slack over HTTP")
    if app is None and not settings.slack_app_token:
        raise OperatorError("set SLACK_APP_TOKEN for Socket Mode, or run with --http")
    bolt, transport = build_bolt(core, settings, dispatcher)
    if app is not None and settings.slack_signing_secret:
        serve_http(bolt, app, settings.slack_signing_secret)
    socket_mode = None
    if settings.slack_app_token:
        from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

        socket_mode = AsyncSocketModeHandler(bolt, settings.slack_app_token)
        await socket_mode.connect_async()  # type: ignore[no-untyped-call]
        log.info("Slack connected over Socket Mode")

    async def stop() -> None:
        if socket_mode is not None:
            await socket_mode.close_async()  # type: ignore[no-untyped-call]
        await transport.close()

    return Frontend("slack", transport, stop)
