"""python-telegram-bot's requests to the Bot API made with aiohttp instead of httpx.

httpx (over httpcore and anyio) costs several times aiohttp's CPU per request, and more the
more connections are open: httpcore checks every pooled connection on every request. Every
answer dealbot sends is one such request, so on a busy bot this was most of an update's
CPU (bench/telegram_updates.py). aiohttp already serves the webhook and the HTTP endpoints.

The behaviour is python-telegram-bot's `HTTPXRequest`'s: the same form-encoded or multipart
bodies, the same default timeouts (a longer write timeout for uploads), `TimedOut` for a
timeout and `NetworkError` for any other failure to talk to the server, proxies from the
environment, and the same trusted certificates (certifi's, as httpx has them).

The environment's proxies are read once, when the session starts: aiohttp's `trust_env`
reads them, and the `.netrc` file, on a worker thread for every request.
"""

from __future__ import annotations

import ssl
from urllib.parse import urlsplit
from urllib.request import proxy_bypass

import aiohttp
import certifi
from aiohttp.helpers import ProxyInfo, proxies_from_env
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData


def _value(given: ODVInput[float], default: float | None) -> float | None:
    return default if isinstance(given, DefaultValue) else given


class AiohttpRequest(BaseRequest):
    """Up to `connections` requests at once; one more waits up to `pool_timeout` for a turn."""

    __slots__ = (
        "_connect_timeout",
        "_connections",
        "_media_write_timeout",
        "_pool_timeout",
        "_proxies",
        "_read_timeout",
        "_session",
        "_write_timeout",
    )

    def __init__(
        self,
        connections: int,
        *,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        media_write_timeout: float | None = 20.0,
    ) -> None:
        self._connections = connections
        self._read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._media_write_timeout = media_write_timeout
        self._session: aiohttp.ClientSession | None = None
        self._proxies: dict[str, ProxyInfo] = {}

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            trusted = ssl.create_default_context(cafile=certifi.where())
            connector = aiohttp.TCPConnector(limit=self._connections, ssl=trusted)
            self._session = aiohttp.ClientSession(connector=connector)
            self._proxies = proxies_from_env()

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        session = self._session
        if session is None or session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        files = request_data.multipart_data if request_data else None
        fields = request_data.json_parameters if request_data else None
        body: aiohttp.FormData | dict[str, str] | None = fields or None
        if files:
            form = aiohttp.FormData()
            for name, value in (fields or {}).items():
                form.add_field(name, value)
            for name, (filename, content, mimetype) in files.items():
                form.add_field(name, content, filename=filename, content_type=mimetype)
            body = form
        read = _value(read_timeout, self._read_timeout)
        write = _value(write_timeout, self._media_write_timeout if files else self._write_timeout)
        connect = _value(connect_timeout, self._connect_timeout)
        pool = _value(pool_timeout, self._pool_timeout)
        # aiohttp has no write timeout, and its `connect` includes the wait for a free
        # connection: the whole request is bounded by the sum of the four instead.
        parts = (read, write, connect, pool)
        total = None if None in parts else sum(p for p in parts if p is not None)
        waiting = None if connect is None or pool is None else connect + pool
        timeout = aiohttp.ClientTimeout(
            total=total, connect=waiting, sock_connect=connect, sock_read=read
        )
        proxy = self._proxy_for(url)
        try:
            async with session.request(
                method,
                url,
                data=body,
                headers={"User-Agent": self.USER_AGENT},
                timeout=timeout,
                proxy=proxy.proxy if proxy else None,
                proxy_auth=proxy.proxy_auth if proxy else None,
            ) as response:
                return response.status, await response.read()
        except TimeoutError as error:  # aiohttp's timeouts are TimeoutErrors too
            raise TimedOut from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{error.__class__.__name__}: {error}") from error

    def _proxy_for(self, url: str) -> ProxyInfo | None:
        """The environment's proxy for `url`, unless `no_proxy` exempts its host."""
        if not self._proxies:
            return None
        target = urlsplit(url)
        proxy = self._proxies.get(target.scheme)
        if proxy is None or (target.hostname is not None and proxy_bypass(target.hostname)):
            return None
        return proxy
