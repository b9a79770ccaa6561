"""Groups that were upgraded or that removed the bot, through a real python-telegram-bot Bot."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import (
    Bot,
    ChatMemberAdministrator,
    ChatMemberBanned,
    ChatMemberLeft,
    ChatMemberMember,
)
from telegram.error import ChatMigrated, Forbidden

from support.standins.telegram_api import TelegramStandin

USER = 4242
BASIC_GROUP = -4001
SUPERGROUP = -1001234567890


@pytest.fixture
async def tg() -> AsyncIterator[TelegramStandin]:
    async with TelegramStandin() as standin:
        yield standin


@pytest.fixture
async def bot(tg: TelegramStandin) -> AsyncIterator[Bot]:
    async with Bot(tg.token, base_url=tg.base_url, base_file_url=tg.base_file_url) as real_bot:
        yield real_bot


async def test_an_upgraded_group_answers_chat_migrated(tg: TelegramStandin, bot: Bot) -> None:
    tg.add_group(BASIC_GROUP, "Sales")
    card = await bot.send_message(BASIC_GROUP, "Deal 7")
    tg.migrate_group(BASIC_GROUP, SUPERGROUP, by_user=USER)

    with pytest.raises(ChatMigrated) as caught:
        await bot.send_message(BASIC_GROUP, "Deal 8")
    assert caught.value.new_chat_id == SUPERGROUP
    with pytest.raises(ChatMigrated):
        await bot.edit_message_text("Deal 7 won", BASIC_GROUP, card.message_id)
    assert tg.errors[-1] == (
        "editMessageText",
        400,
        "Bad Request: group chat was upgraded to a supergroup chat",
    )
    moved = await bot.send_message(SUPERGROUP, "Deal 8")
    assert moved.chat.type == "supergroup" and moved.chat.title == "Sales"

    farewell, welcome = await bot.get_updates()
    assert farewell.message is not None and welcome.message is not None
    assert farewell.message.chat.id == BASIC_GROUP
    assert farewell.message.migrate_to_chat_id == SUPERGROUP
    assert farewell.message.from_user is not None and farewell.message.from_user.id == USER
    assert welcome.message.chat.id == SUPERGROUP
    assert welcome.message.migrate_from_chat_id == BASIC_GROUP
    assert farewell.update_id < welcome.update_id
    with pytest.raises(AssertionError, match="became supergroup"):
        tg.send_group(BASIC_GROUP, USER, "/deals")
    tg.add_group(-4002, "Other")
    with pytest.raises(ValueError, match="supergroup id"):
        tg.migrate_group(-4002, -4003)


async def test_a_kicked_bot_gets_my_chat_member_and_403(tg: TelegramStandin, bot: Bot) -> None:
    tg.add_group(SUPERGROUP, "Sales")
    tg.remove_bot_from_group(SUPERGROUP, by_user=USER)
    with pytest.raises(Forbidden, match=r"^Forbidden: bot was kicked from the supergroup chat$"):
        await bot.send_message(SUPERGROUP, "Deal 7")
    tg.add_group(BASIC_GROUP, "Ops")
    tg.remove_bot_from_group(BASIC_GROUP, kicked=False)
    with pytest.raises(Forbidden, match=r"^Forbidden: bot is not a member of the group chat$"):
        await bot.send_message(BASIC_GROUP, "Deal 7")

    kicked, left = await bot.get_updates()
    assert kicked.my_chat_member is not None and left.my_chat_member is not None
    assert kicked.my_chat_member.chat.id == SUPERGROUP
    assert kicked.my_chat_member.from_user.id == USER
    assert isinstance(kicked.my_chat_member.old_chat_member, ChatMemberMember)
    assert isinstance(kicked.my_chat_member.new_chat_member, ChatMemberBanned)
    assert kicked.my_chat_member.new_chat_member.user.id == tg.bot_id
    assert isinstance(left.my_chat_member.new_chat_member, ChatMemberLeft)
    with pytest.raises(AssertionError, match="not in group"):
        tg.remove_bot_from_group(BASIC_GROUP)


async def test_an_admin_bot_removed_from_a_group(tg: TelegramStandin, bot: Bot) -> None:
    tg.add_group(SUPERGROUP, "Sales", bot_is_admin=True)
    tg.remove_bot_from_group(SUPERGROUP)
    (update,) = await bot.get_updates()
    assert update.my_chat_member is not None
    assert isinstance(update.my_chat_member.old_chat_member, ChatMemberAdministrator)
    assert isinstance(update.my_chat_member.new_chat_member, ChatMemberBanned)
