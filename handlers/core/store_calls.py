"""The front ends' calls into the synchronous store, run on a few worker threads of their own.

Every update, click and submission makes one or two such calls. With `asyncio.to_thread`
each call was a `concurrent.futures.Future` chained to an asyncio one (callbacks on both
sides, a context copy) on a pool of eight threads that all took turns at the GIL; on a busy
bot that cost more CPU than the store's own statements (bench/telegram_updates.py). Here a
call is a queue entry and one `call_soon_threadsafe` back to the caller's loop, on
`THREADS` threads: enough that one slow statement does not hold every chat, few enough
that they do not fight over the GIL.

The threads carry no loop of their own (each call names the loop that waits for it), so
one set serves every loop of the process; they start on the first call and are daemons,
as they hold nothing but the queue.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import Callable
from contextlib import suppress
from typing import Any, TypeVar

T = TypeVar("T")

THREADS = 4

_Call = tuple[asyncio.AbstractEventLoop, "asyncio.Future[Any]", Callable[..., Any], tuple[Any, ...]]


class StoreCalls:
    def __init__(self, threads: int = THREADS, name: str = "store-call") -> None:
        self._threads = threads
        self._name = name
        self._calls: queue.SimpleQueue[_Call] = queue.SimpleQueue()
        self._started = 0
        self._starting = threading.Lock()

    async def call(self, fn: Callable[..., T], *args: Any) -> T:
        """`fn(*args)` on a worker thread; its result, or what it raised, here."""
        loop = asyncio.get_running_loop()
        waiting: asyncio.Future[T] = loop.create_future()
        if self._started < self._threads:
            self._start_one()
        self._calls.put((loop, waiting, fn, args))
        return await waiting

    def _start_one(self) -> None:
        with self._starting:
            if self._started >= self._threads:
                return
            self._started += 1
            name = f"{self._name}-{self._started}"
        threading.Thread(target=self._work, name=name, daemon=True).start()

    def _work(self) -> None:
        while True:
            loop, waiting, fn, args = self._calls.get()
            if waiting.cancelled():  # its caller gave up while it queued
                continue
            try:
                result, error = fn(*args), None
            except BaseException as raised:
                result, error = None, raised
            with suppress(RuntimeError):  # the caller's loop has closed: nobody is waiting
                loop.call_soon_threadsafe(_settle, waiting, result, error)
            del loop, waiting, fn, args, result, error  # nothing held while idle


def _settle(waiting: asyncio.Future[Any], result: Any, error: BaseException | None) -> None:
    if waiting.cancelled():
        return
    if error is not None:
        waiting.set_exception(error)
    else:
        waiting.set_result(result)


_shared: StoreCalls | None = None
_making = threading.Lock()


def store_calls() -> StoreCalls:
    """The process's store calls (made on first use, so importing starts no thread)."""
    global _shared
    if _shared is None:
        with _making:
            if _shared is None:
                _shared = StoreCalls()
    return _shared
