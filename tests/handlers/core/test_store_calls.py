"""The front ends' store calls: answers and errors come back, a slow call holds no other, and
one set of threads serves every loop."""

from __future__ import annotations

import asyncio
import threading

import pytest

from dealbot.handlers.core.store_calls import StoreCalls


class Refused(Exception):
    pass


def refuse() -> None:
    raise Refused("no")


async def test_a_call_answers_on_a_worker_thread() -> None:
    calls = StoreCalls(threads=2)
    here = threading.get_ident()
    answer, ran_on = await calls.call(lambda a, b: (a + b, threading.get_ident()), 2, 3)
    assert answer == 5 and ran_on != here


async def test_what_a_call_raises_is_raised_to_its_caller_and_the_threads_go_on() -> None:
    calls = StoreCalls(threads=1)
    with pytest.raises(Refused):
        await calls.call(refuse)
    assert await calls.call(lambda: "still here") == "still here"


async def test_a_slow_call_holds_no_other_while_a_thread_is_free() -> None:
    calls = StoreCalls(threads=2)
    release = threading.Event()
    slow = asyncio.create_task(calls.call(release.wait, 30))
    assert await asyncio.wait_for(calls.call(lambda: "quick"), 10) == "quick"
    assert not slow.done()
    release.set()
    assert await slow is True


async def test_a_caller_that_gives_up_leaves_the_thread_free() -> None:
    calls = StoreCalls(threads=1)
    release = threading.Event()
    given_up = asyncio.create_task(calls.call(release.wait, 30))
    await asyncio.sleep(0)
    given_up.cancel()
    with pytest.raises(asyncio.CancelledError):
        await given_up
    release.set()
    assert await calls.call(lambda: "next") == "next"


def test_one_set_of_threads_serves_one_loop_after_another() -> None:
    calls = StoreCalls(threads=1)
    threads = [asyncio.run(calls.call(threading.get_ident)) for _ in range(3)]
    assert len(set(threads)) == 1
