"""Updates of one chat in order, of different chats at once."""

from __future__ import annotations

import asyncio

from telegram import Update

from dealbot.handlers.telegram.processor import InOrderPerChat


def _update(update_id: int, chat: int) -> Update:
    message = {"message_id": update_id, "date": 0, "chat": {"id": chat, "type": "private"}}
    return Update.de_json({"update_id": update_id, "message": {**message, "text": "x"}}, None)


async def test_one_chat_waits_for_itself_and_no_chat_waits_for_another() -> None:
    processor = InOrderPerChat(max_concurrent_updates=8)
    events: list[str] = []
    first_may_finish = asyncio.Event()

    async def handle(name: str, wait: asyncio.Event | None = None) -> None:
        events.append(f"{name} starts")
        if wait is not None:
            await wait.wait()
        events.append(f"{name} ends")

    slow = asyncio.create_task(
        processor.process_update(_update(1, 100), handle("A1", first_may_finish))
    )
    then = asyncio.create_task(processor.process_update(_update(2, 100), handle("A2")))
    other = asyncio.create_task(processor.process_update(_update(3, 200), handle("B1")))
    await other  # another chat is not held up by A1
    assert events == ["A1 starts", "B1 starts", "B1 ends"]

    first_may_finish.set()
    await asyncio.gather(slow, then)
    assert events[3:] == ["A1 ends", "A2 starts", "A2 ends"]
    assert processor._locks == {}  # nothing kept once every chat is done
