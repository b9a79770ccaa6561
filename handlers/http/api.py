"""The HTTP API on aiohttp: every route the capabilities registered, behind one bearer token.

Each request is checked before its body is read (PRODUCT.md §8): a missing or wrong token is
401 whatever the body holds, a body over the limit is 413 without reading more than the
limit, a body that is not a JSON object is 400. Only then does the capability's route see it.
`/api/openapi.json` (no token) describes every route; `/healthz` says whether the store
answers.
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Awaitable, Callable
from decimal import Decimal
from typing import Any

from aiohttp import web

from dealbot.handlers.core.registry import ApiCall, ApiRoute, Registry

log = logging.getLogger(__name__)

MAX_BODY = 65_536
OPENAPI_PATH = "/api/openapi.json"
HEALTH_PATH = "/healthz"
BEARER = "Bearer "

Health = Callable[[], Awaitable[bool]]


def _problem(status: int, text: str, **headers: str) -> web.Response:
    return web.json_response({"error": text}, status=status, headers=headers or None)


class ApiServer:
    def __init__(
        self,
        registry: Registry,
        token: str | None,
        health: Health,
        *,
        on_change: Callable[[], None] = lambda: None,
        version: str = "0",
    ) -> None:
        self.registry = registry
        # Something was saved: its notifications can go now.
        self.on_change = on_change
        # No token configured: nobody holds the right one, so every call is refused.
        self.token = token
        self.health = health
        self.version = version

    def install(self, app: web.Application) -> None:
        app.router.add_get(OPENAPI_PATH, self.openapi)
        app.router.add_get(HEALTH_PATH, self.healthz)
        for route in self.registry.api_routes.values():
            app.router.add_route(route.method, route.path, self._serving(route))

    def authorised(self, request: web.Request) -> bool:
        given = request.headers.get("Authorization", "")
        if self.token is None or not given.startswith(BEARER):
            return False
        return hmac.compare_digest(given[len(BEARER) :].strip().encode(), self.token.encode())

    @staticmethod
    async def _body(request: web.Request) -> bytes | None:
        """At most MAX_BODY bytes of the body; None when it is longer."""
        if request.content_length is not None and request.content_length > MAX_BODY:
            return None
        data = bytearray()
        while len(data) <= MAX_BODY:
            chunk = await request.content.read(MAX_BODY + 1 - len(data))
            if not chunk:
                return bytes(data)
            data.extend(chunk)
        return None

    def _serving(self, route: ApiRoute) -> Callable[[web.Request], Awaitable[web.Response]]:
        async def serve(request: web.Request) -> web.Response:
            if not self.authorised(request):
                return _problem(
                    401, "a valid bearer token is required", **{"WWW-Authenticate": "Bearer"}
                )
            body: object = None
            if route.takes_body:
                raw = await self._body(request)
                if raw is None:
                    return _problem(413, f"the body may be at most {MAX_BODY} bytes")
                try:
                    body = json.loads(raw.decode("utf-8"), parse_float=Decimal)
                except (UnicodeDecodeError, ValueError):
                    return _problem(400, "the body is not JSON")
                if not isinstance(body, dict):
                    return _problem(400, "the body must be a JSON object")
            try:
                answer = await route.run(ApiCall(dict(request.match_info), body))
            except Exception:
                log.exception("%s %s failed", route.method, route.path)
                return _problem(500, "the request could not be handled; nothing was changed")
            if route.method != "GET" and answer.status < 300:
                self.on_change()
            return web.json_response(answer.body, status=answer.status)

        return serve

    def document(self) -> dict[str, Any]:
        """The OpenAPI 3 document of every registered route."""
        paths: dict[str, dict[str, Any]] = {}
        for route in self.registry.api_routes.values():
            operation = {"security": [{"bearer": []}], **route.operation}
            paths.setdefault(route.path, {})[route.method.lower()] = operation
        return {
            "openapi": "3.0.3",
            "info": {"title": "dealbot API", "version": self.version},
            "paths": paths,
            "components": {
                "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
                "schemas": dict(self.registry.api_schemas),
            },
        }

    async def openapi(self, request: web.Request) -> web.Response:
        return web.json_response(self.document())

    async def healthz(self, request: web.Request) -> web.Response:
        try:
            healthy = await self.health()
        except Exception:
            log.exception("the store did not answer")
            healthy = False
        return web.json_response({"ok": healthy}, status=200 if healthy else 503)
