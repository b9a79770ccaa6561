"""The Telegram stand-in, exercised with a real python-telegram-bot Bot and Application."""

from __future__ import annotations

import asyncio
import datetime as dtm
import html
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllPrivateChats,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    ReplyParameters,
    Update,
)
from telegram.error import BadRequest, Conflict, Forbidden, InvalidToken, NetworkError, RetryAfter
from telegram.ext import (
    Application,
    ApplicationBuilder,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
)

from support.standins.telegram_api import (
    ApiError,
    SentMessage,
    TelegramStandin,
    parse_formatted_text,
)

USER = 4242
OTHER_USER = 5151
GROUP = -100777


@pytest.fixture
async def tg() -> AsyncIterator[TelegramStandin]:
    async with TelegramStandin() as standin:
        yield standin


@pytest.fixture
async def bot(tg: TelegramStandin) -> AsyncIterator[Bot]:
    async with Bot(tg.token, base_url=tg.base_url, base_file_url=tg.base_file_url) as real_bot:
        yield real_bot


@asynccontextmanager
async def polling_app(
    tg: TelegramStandin, *handlers: BaseHandler[Any, Any, Any]
) -> AsyncIterator[Application[Any, Any, Any, Any, Any, Any]]:
    """A real PTB Application polling the stand-in; stopped and shut down on exit."""
    app = (
        ApplicationBuilder()
        .token(tg.token)
        .base_url(tg.base_url)
        .base_file_url(tg.base_file_url)
        .build()
    )
    for handler in handlers:
        app.add_handler(handler)
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=dtm.timedelta(seconds=1))
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()


async def echo_start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None and update.effective_user is not None
    await update.effective_message.reply_text(
        f"Hello, <b>{html.escape(update.effective_user.first_name)}</b>!",
        parse_mode="HTML",
    )


# ------------------------------------------------------------------------------- polling app


async def test_start_command_is_answered_through_polling(tg: TelegramStandin) -> None:
    async with polling_app(tg, CommandHandler("start", echo_start)):
        incoming = tg.send_private(USER, "/start", first_name="Ann & Co")
        reply = await tg.wait_for(lambda: tg.last_message(USER))
        await tg.wait_until_consumed()

    assert incoming["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]
    assert reply.plain == "Hello, Ann & Co!"
    assert reply.text == "Hello, <b>Ann &amp; Co</b>!"
    assert reply.entities == [{"type": "bold", "offset": 7, "length": 8}]
    assert reply.parse_mode == "HTML"
    methods = [call.method for call in tg.calls]
    assert methods[:3] == ["getMe", "deleteWebhook", "getUpdates"]
    assert tg.errors == []
    assert not tg.pending_updates


async def test_command_addressed_to_bot_username_in_group(tg: TelegramStandin) -> None:
    async with polling_app(tg, CommandHandler("start", echo_start)):
        chatter = tg.send_group(GROUP, USER, "just chatting")
        incoming = tg.send_group(GROUP, USER, "/start@dealbot_test_bot", first_name="Bo")
        reply = await tg.wait_for(lambda: tg.last_message(GROUP))

    assert chatter in tg.withheld_messages  # privacy mode: plain group chatter never arrives
    assert incoming["entities"] == [{"type": "bot_command", "offset": 0, "length": 23}]
    assert incoming["chat"] == {"id": GROUP, "title": f"Group {GROUP}", "type": "supergroup"}
    assert reply.plain == "Hello, Bo!"


async def test_callback_press_is_delivered_and_answered(tg: TelegramStandin) -> None:
    async def offer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        keyboard = InlineKeyboardMarkup(
            [[InlineKeyboardButton("Win ✅", callback_data="deal:7:won")]]
        )
        await update.effective_message.reply_text("Deal #7?", reply_markup=keyboard)

    async def on_press(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None and query.message is not None
        await query.answer("Marked as won")
        await query.edit_message_text(f"Deal #7: {query.data}")

    async with polling_app(tg, CommandHandler("deal", offer), CallbackQueryHandler(on_press)):
        tg.send_private(USER, "/deal")
        offer_message = await tg.wait_for(lambda: tg.last_message(USER))
        assert tg.buttons(offer_message) == [("Win ✅", "deal:7:won")]

        query_id = tg.press(USER, offer_message, "deal:7:won")
        answer = await tg.wait_for(lambda: tg.answered(query_id))
        await tg.wait_for(lambda: offer_message.edited)

    assert answer["text"] == "Marked as won"
    assert offer_message.plain == "Deal #7: deal:7:won"
    assert offer_message.reply_markup is None  # editing without reply_markup drops the keyboard
    assert offer_message.history[0].plain == "Deal #7?"
    assert tg.errors == []
    with pytest.raises(AssertionError, match="no button"):
        tg.press(USER, offer_message, "deal:7:won")


async def test_second_answer_to_the_same_query_is_rejected(tg: TelegramStandin, bot: Bot) -> None:
    tg.start_user(USER)
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Go", callback_data="go")]])
    await bot.send_message(USER, "Pick", reply_markup=markup)
    message = tg.last_message(USER)
    assert message is not None
    query_id = tg.press(USER, message, "go")

    await bot.answer_callback_query(query_id)
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_callback_query(query_id)
    with pytest.raises(BadRequest, match=r"(?i)query ID is invalid"):
        await bot.answer_callback_query("12345")
    fresh = tg.press(USER, message, "go")
    with pytest.raises(BadRequest):
        await bot.answer_callback_query(fresh, text="x" * 201)
    await bot.answer_callback_query(fresh, text="x" * 200)


async def test_polling_application_shuts_down_while_long_polling(tg: TelegramStandin) -> None:
    async with polling_app(tg):
        await tg.wait_for(lambda: tg.is_polling)
    polls = tg.calls_to("getUpdates")
    # PTB hangs up on the long poll, then confirms with a last getUpdates with timeout 0
    assert [call.params.get("timeout") for call in polls] == [1, 0]
    assert [call.status for call in polls] == [499, 200]
    assert polls[0].abandoned
    assert tg.errors == []
    assert not tg.is_polling


async def test_a_second_poller_terminates_the_first(tg: TelegramStandin) -> None:
    async with (
        Bot(tg.token, base_url=tg.base_url) as first_bot,
        Bot(tg.token, base_url=tg.base_url) as second_bot,
    ):
        first = asyncio.create_task(first_bot.get_updates(timeout=5))
        await tg.wait_for(lambda: tg.is_polling)
        second = asyncio.create_task(second_bot.get_updates(timeout=5))
        with pytest.raises(Conflict, match=r"(?i)terminated by other getUpdates request"):
            await first
        incoming = tg.send_private(USER, "hi")
        (update,) = await second
    assert update.message is not None
    assert update.message.message_id == incoming["message_id"]
    assert update.message.text == "hi"


# ------------------------------------------------------------------------------- formatting


async def test_unescaped_html_is_rejected(tg: TelegramStandin, bot: Bot) -> None:
    tg.start_user(USER)
    for text in ("<b>AT&T</b>", "a < b", "2 > 1", "<p>para</p>", "<b>open", "<b>x</i>"):
        with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
            await bot.send_message(USER, text, parse_mode="HTML")
    assert tg.sent == []
    assert all(status == 400 for _, status, _ in tg.errors)
    assert 'Unsupported start tag "p"' in tg.errors[3][2]


async def test_escaped_html_is_accepted_and_seen_verbatim(tg: TelegramStandin, bot: Bot) -> None:
    tg.start_user(USER)
    original = 'Q3 <pipeline> & "big" deals: 5 > 3'
    await bot.send_message(USER, html.escape(original), parse_mode="HTML")
    await bot.send_message(USER, f"<b>{html.escape(original)}</b>", parse_mode="HTML")
    await bot.send_message(USER, original)  # no parse_mode: taken literally

    plain, bold, literal = tg.chat_messages(USER)
    assert plain.plain == bold.plain == literal.plain == original
    assert bold.entities == [{"type": "bold", "offset": 0, "length": len(original)}]
    assert literal.entities == []


async def test_text_length_is_measured_after_parsing(tg: TelegramStandin, bot: Bot) -> None:
    tg.start_user(USER)
    await bot.send_message(USER, "x" * 4096)
    await bot.send_message(USER, "<b>" + "&amp;" * 4096 + "</b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(USER, "x" * 4097)
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(USER, "&lt;" * 4097, parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(USER, " \n ")
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(USER, "<b> </b>", parse_mode="HTML")
    assert [len(m.plain) for m in tg.sent] == [4096, 4096]


def test_formatting_parsers_follow_telegram() -> None:
    assert parse_formatted_text("  hi  \n") == ("hi", [])
    assert parse_formatted_text("<a href='https://x.org'>x</a> 😀 <i>y</i>", "HTML") == (
        "x 😀 y",
        [
            {"type": "text_link", "offset": 0, "length": 1, "url": "https://x.org"},
            {"type": "italic", "offset": 5, "length": 1},
        ],
    )
    assert parse_formatted_text('<pre><code class="language-py">a</code></pre>', "HTML")[1] == [
        {"type": "pre", "offset": 0, "length": 1, "language": "py"}
    ]
    assert parse_formatted_text("*bold* and \\.", "MarkdownV2") == (
        "bold and .",
        [{"type": "bold", "offset": 0, "length": 4}],
    )
    with pytest.raises(ApiError, match=r"Character '\.' is reserved"):
        parse_formatted_text("Deal closed.", "MarkdownV2")
    with pytest.raises(ApiError, match="Can't find end of the entity"):
        parse_formatted_text("snake_case", "Markdown")
    with pytest.raises(ApiError, match='must have class "tg-spoiler"'):
        parse_formatted_text("<span>x</span>", "HTML")


# ------------------------------------------------------------------------------- keyboards


async def test_callback_data_is_limited_to_64_bytes(tg: TelegramStandin, bot: Bot) -> None:
    tg.start_user(USER)

    async def send_with(data: str) -> None:
        markup = InlineKeyboardMarkup([[InlineKeyboardButton("b", callback_data=data)]])
        await bot.send_message(USER, "k", reply_markup=markup)

    await send_with("a" * 64)
    await send_with("é" * 32)  # 32 characters, 64 bytes
    with pytest.raises(BadRequest, match=r"(?i)BUTTON_DATA_INVALID"):
        await send_with("a" * 65)
    with pytest.raises(BadRequest, match=r"(?i)BUTTON_DATA_INVALID"):
        await send_with("é" * 32 + "x")  # 33 characters, 65 bytes
    assert len(tg.sent) == 2


async def test_keyboard_shape_is_validated(tg: TelegramStandin, bot: Bot) -> None:
    tg.start_user(USER)
    row = [InlineKeyboardButton(str(i), callback_data=str(i)) for i in range(9)]
    with pytest.raises(BadRequest, match=r"(?i)too many buttons in a row"):
        await bot.send_message(USER, "k", reply_markup=InlineKeyboardMarkup([row]))
    with pytest.raises(BadRequest, match=r"(?i)URL 'http://localhost:8080/x' is invalid"):
        await bot.send_message(
            USER,
            "k",
            reply_markup=InlineKeyboardMarkup(
                [[InlineKeyboardButton("site", url="http://localhost:8080/x")]]
            ),
        )
    too_many = [
        [InlineKeyboardButton("b", callback_data=f"{r}.{c}") for c in range(8)] for r in range(13)
    ]
    with pytest.raises(BadRequest, match=r"(?i)reply markup is too long"):
        await bot.send_message(USER, "k", reply_markup=InlineKeyboardMarkup(too_many))
    assert tg.sent == []


# ------------------------------------------------------------------------------- chats


async def test_users_who_never_started_the_bot_cannot_be_messaged(
    tg: TelegramStandin, bot: Bot
) -> None:
    tg.add_user(OTHER_USER, "Known from a group")
    with pytest.raises(Forbidden, match=r"(?i)bot can't initiate conversation with a user"):
        await bot.send_message(OTHER_USER, "hi")
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(999_999, "hi")
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(-100123, "hi")

    tg.start_user(OTHER_USER)
    await bot.send_message(OTHER_USER, "hi")
    tg.block_user(OTHER_USER)
    with pytest.raises(Forbidden, match=r"(?i)blocked"):
        await bot.send_message(OTHER_USER, "hi again")
    assert [m.plain for m in tg.sent] == ["hi"]


async def test_replies_must_target_existing_messages(tg: TelegramStandin, bot: Bot) -> None:
    incoming = tg.send_private(USER, "hello")
    await bot.send_message(USER, "re", reply_parameters=ReplyParameters(incoming["message_id"]))
    with pytest.raises(BadRequest, match=r"(?i)message to be replied not found"):
        await bot.send_message(USER, "re", reply_parameters=ReplyParameters(999))
    await bot.send_message(
        USER, "re", reply_parameters=ReplyParameters(999, allow_sending_without_reply=True)
    )
    first, second = tg.chat_messages(USER)
    assert first.reply_to_message_id == incoming["message_id"]
    assert second.reply_to_message_id is None
    assert [first.message_id, second.message_id] == [2, 3]  # ids are shared with user messages


async def test_edits_and_deletes(tg: TelegramStandin, bot: Bot) -> None:
    tg.start_user(USER)
    sent = await bot.send_message(USER, "v1")
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_text("v1", USER, sent.message_id)
    await bot.edit_message_text("<i>v2</i>", USER, sent.message_id, parse_mode="HTML")
    message = tg.last_message(USER)
    assert message is not None and message.plain == "v2" and len(message.history) == 1
    await bot.delete_message(USER, sent.message_id)
    assert tg.last_message(USER) is None
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("v3", USER, sent.message_id)
    with pytest.raises(BadRequest, match=r"(?i)message to delete not found"):
        await bot.delete_message(USER, sent.message_id)


# ------------------------------------------------------------------------------- faults


async def test_429_raises_retry_after(
    tg: TelegramStandin, bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    tg.start_user(USER)
    tg.fail_next("sendMessage", 429, retry_after=7)
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(USER, "hi")
    assert caught.value.retry_after == dtm.timedelta(seconds=7)
    await bot.send_message(USER, "hi")
    assert tg.errors == [("sendMessage", 429, "Too Many Requests: retry after 7")]
    assert len(tg.sent) == 1


async def test_502_raises_network_error(tg: TelegramStandin, bot: Bot) -> None:
    tg.start_user(USER)
    tg.fail_next("sendMessage", 502, count=2)
    for _ in range(2):
        with pytest.raises(NetworkError, match=r"(?i)Bad Gateway") as caught:
            await bot.send_message(USER, "hi")
        assert not isinstance(caught.value, BadRequest)
    await bot.send_message(USER, "hi")
    assert len(tg.sent) == 1
    assert tg.errors == [("sendMessage", 502, "502 Bad Gateway")] * 2


async def test_rate_limits(tg: TelegramStandin, bot: Bot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    now = [1000.0]
    tg._clock = lambda: now[0]
    tg.enforce_rate_limits(per_chat_per_second=1, per_group_per_minute=20)
    tg.start_user(USER)
    await bot.send_message(USER, "1")
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(USER, "2")
    assert caught.value.retry_after == dtm.timedelta(seconds=1)
    now[0] += 1.0
    await bot.send_message(USER, "2")

    tg.add_group(GROUP, "Sales")
    for _ in range(20):
        now[0] += 1.0
        await bot.send_message(GROUP, "g")
    now[0] += 1.0
    with pytest.raises(RetryAfter):
        await bot.send_message(GROUP, "g")
    assert [m.plain for m in tg.chat_messages(USER)] == ["1", "2"]
    assert len(tg.chat_messages(GROUP)) == 20


async def test_wrong_token_is_unauthorized(tg: TelegramStandin) -> None:
    with pytest.raises(InvalidToken):
        async with Bot("999:WRONG", base_url=tg.base_url):
            pass
    assert tg.errors == [("getMe", 401, "Unauthorized")]


# ------------------------------------------------------------------------------- commands, misc


async def test_set_my_commands_per_language(tg: TelegramStandin, bot: Bot) -> None:
    await bot.set_my_commands([BotCommand("deals", "Open deals")])
    await bot.set_my_commands([BotCommand("deals", "Offene Deals")], language_code="de")
    await bot.set_my_commands(
        [BotCommand("start", "Start")], scope=BotCommandScopeAllPrivateChats()
    )
    with pytest.raises(BadRequest, match=r"(?i)BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand("OpenDeals", "x")])

    assert tg.commands_by_language == {
        "": [{"command": "deals", "description": "Open deals"}],
        "de": [{"command": "deals", "description": "Offene Deals"}],
    }
    assert tg.commands_for({"type": "all_private_chats"}) == [
        {"command": "start", "description": "Start"}
    ]
    german = await bot.get_my_commands(language_code="de")
    assert [c.description for c in german] == ["Offene Deals"]


async def test_chat_action_and_webhook_conflict(tg: TelegramStandin, bot: Bot) -> None:
    tg.start_user(USER)
    await bot.send_chat_action(USER, "typing")
    with pytest.raises(BadRequest, match=r"(?i)wrong parameter action"):
        await bot.send_chat_action(USER, "dancing")
    await bot.set_webhook("https://bot.example.com/hook", secret_token="s3cret")
    info = await bot.get_webhook_info()
    assert info.url == "https://bot.example.com/hook"
    with pytest.raises(Conflict, match=r"(?i)webhook is active"):
        await bot.get_updates()
    await bot.delete_webhook()
    assert await bot.get_updates() == ()


async def test_wait_for_timeout_explains_state(tg: TelegramStandin) -> None:
    tg.send_private(USER, "anyone there?")
    with pytest.raises(AssertionError) as caught:
        await tg.wait_for(lambda: tg.last_message(USER), timeout=0.05)
    report = str(caught.value)
    assert f"chat {USER}" in report and "anyone there?" in report


def test_sent_message_buttons() -> None:
    message = SentMessage(
        chat_id=1,
        message_id=1,
        text="t",
        plain="t",
        parse_mode=None,
        reply_to_message_id=None,
        reply_markup={
            "inline_keyboard": [
                [{"text": "A", "callback_data": "a"}, {"text": "Site", "url": "https://x.org"}]
            ]
        },
    )
    assert message.buttons() == [("A", "a"), ("Site", None)]
