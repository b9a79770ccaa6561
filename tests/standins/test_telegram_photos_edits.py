"""sendPhoto and message edits against the Telegram stand-in, through a real PTB Bot."""

from __future__ import annotations

import struct
from collections.abc import AsyncIterator

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, InputFile, ReplyParameters
from telegram.error import BadRequest

from support.standins.telegram_api import TelegramStandin, decode_png, image_info, make_png

USER = 4242
OTHER_USER = 5151
CHART = make_png(300, 200, lambda x, y: (x % 256, y % 256, 90))
KEYBOARD = InlineKeyboardMarkup([[InlineKeyboardButton("Details", callback_data="deal:7")]])
NOT_MODIFIED = (
    r"^Message is not modified: specified new message content and reply markup are exactly "
    r"the same as a current content and reply markup of the message$"
)


def tiny_jpeg(width: int, height: int) -> bytes:
    """The first segments of a baseline JPEG: enough for Telegram to read its size."""
    sof = struct.pack(">BHHB", 8, height, width, 3) + b"\x01\x22\x00" * 3
    app0 = b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    return (
        b"\xff\xd8"
        + b"\xff\xe0"
        + struct.pack(">H", len(app0) + 2)
        + app0
        + b"\xff\xc0"
        + struct.pack(">H", len(sof) + 2)
        + sof
        + b"\xff\xd9"
    )


@pytest.fixture
async def tg() -> AsyncIterator[TelegramStandin]:
    async with TelegramStandin() as standin:
        standin.start_user(USER)
        yield standin


@pytest.fixture
async def bot(tg: TelegramStandin) -> AsyncIterator[Bot]:
    async with Bot(tg.token, base_url=tg.base_url, base_file_url=tg.base_file_url) as real_bot:
        yield real_bot


# --------------------------------------------------------------------------------------------
# sendPhoto
# --------------------------------------------------------------------------------------------
async def test_a_png_chart_is_sent_as_a_photo_with_a_caption(tg: TelegramStandin, bot: Bot) -> None:
    incoming = tg.send_private(USER, "/chart")
    message = await bot.send_photo(
        USER,
        InputFile(CHART, filename="pipeline.png"),
        caption="<b>Pipeline</b> &amp; forecast",
        parse_mode="HTML",
        reply_markup=KEYBOARD,
        reply_parameters=ReplyParameters(incoming["message_id"]),
    )
    [call] = tg.calls_to("sendPhoto")
    assert call.params["photo"]["filename"] == "pipeline.png"  # PTB uploads it as multipart
    assert message.caption == "Pipeline & forecast"
    assert [(p.width, p.height) for p in message.photo] == [(90, 60), (300, 200)]

    sent = tg.last_message(USER)
    assert sent is not None and sent.is_photo and sent.photo == CHART
    assert (sent.photo_width, sent.photo_height) == (300, 200)
    assert sent.caption == sent.plain == "Pipeline & forecast"
    assert sent.entities == [{"type": "bold", "offset": 0, "length": 8}]
    assert sent.reply_to_message_id == incoming["message_id"]
    assert sent.buttons() == [("Details", "deal:7")]
    width, height, rows = decode_png(sent.photo)
    assert (width, height, rows[150][280]) == (300, 200, (280 % 256, 150, 90))
    assert [m.message_id for m in tg.chat_messages(USER)] == [message.message_id]

    again = await bot.send_photo(USER, message.photo[-1].file_id)  # by file_id, no caption
    assert again.caption is None and tg.last_message(USER) is not None
    download = await (await bot.get_file(message.photo[-1].file_id)).download_as_bytearray()
    assert bytes(download) == CHART
    assert tg.errors == []


async def test_photos_from_urls_and_jpegs(tg: TelegramStandin, bot: Bot) -> None:
    tg.served_urls["https://charts.example.com/q3.jpg"] = tiny_jpeg(640, 480)
    message = await bot.send_photo(USER, "https://charts.example.com/q3.jpg")
    assert message.photo[-1].width == 640
    assert image_info(tiny_jpeg(640, 480)) == ("jpeg", 640, 480)
    with pytest.raises(BadRequest, match=r"(?i)failed to get http url content"):
        await bot.send_photo(USER, "https://charts.example.com/missing.png")
    with pytest.raises(BadRequest, match=r"(?i)wrong file identifier"):
        await bot.send_photo(USER, "AgACAgIAAxkBAAInoSuchFile")


@pytest.mark.parametrize(
    ("photo", "error"),
    [
        (b"GIF89a not a png", "Image_process_failed"),
        (make_png(2100, 100), "Photo_invalid_dimensions"),  # ratio 21
        (make_png(6000, 4001), "Photo_invalid_dimensions"),  # width + height 10001
        (b"", "File must be non-empty"),
    ],
    ids=["not-an-image", "ratio-21", "sum-10001", "empty"],
)
async def test_photos_telegram_refuses(
    tg: TelegramStandin, bot: Bot, photo: bytes, error: str
) -> None:
    with pytest.raises(BadRequest, match=error):
        await bot.send_photo(USER, InputFile(photo, filename="x.png"))
    assert tg.sent == []


async def test_photo_limits_that_pass(tg: TelegramStandin, bot: Bot) -> None:
    chart = await bot.send_photo(USER, InputFile(make_png(1200, 800), filename="chart.png"))
    assert [(p.width, p.height) for p in chart.photo] == [
        (90, 60),
        (320, 213),
        (800, 533),
        (1200, 800),
    ]
    await bot.send_photo(USER, InputFile(make_png(2000, 100), filename="ratio-20.png"))
    await bot.send_photo(USER, InputFile(make_png(6000, 4000), filename="sum-10000.png"))
    big = await bot.send_photo(USER, InputFile(make_png(3000, 2000), filename="big.png"))
    assert (big.photo[-1].width, big.photo[-1].height) == (1280, 853)  # Telegram scales down
    assert len(tg.chat_messages(USER)) == 4


async def test_a_photo_over_10_mb_is_refused(tg: TelegramStandin, bot: Bot) -> None:
    big = make_png(10, 10) + b"\x00" * (10 * 1024 * 1024)
    with pytest.raises(BadRequest, match=r"(?i)photo_save_file_invalid"):
        await bot.send_photo(USER, InputFile(big, filename="big.png"))


async def test_caption_is_measured_after_entity_parsing(tg: TelegramStandin, bot: Bot) -> None:
    photo = InputFile(CHART, filename="c.png")
    await bot.send_photo(USER, photo, caption="<i>" + "&amp;" * 1024 + "</i>", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)message caption is too long"):
        await bot.send_photo(USER, InputFile(CHART, filename="c.png"), caption="x" * 1025)
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await bot.send_photo(
            USER, InputFile(CHART, filename="c.png"), caption="a < b", parse_mode="HTML"
        )
    assert [len(m.plain) for m in tg.chat_messages(USER)] == [1024]


# --------------------------------------------------------------------------------------------
# Edits
# --------------------------------------------------------------------------------------------
async def test_edits_that_change_nothing_are_not_modified(tg: TelegramStandin, bot: Bot) -> None:
    card = await bot.send_message(USER, "<b>Deal 7</b>", parse_mode="HTML", reply_markup=KEYBOARD)
    with pytest.raises(BadRequest, match=NOT_MODIFIED):
        await bot.edit_message_text(
            "<b>Deal 7</b>", USER, card.message_id, parse_mode="HTML", reply_markup=KEYBOARD
        )
    with pytest.raises(BadRequest, match=NOT_MODIFIED):  # same visible text and entities
        await bot.edit_message_text(
            "*Deal 7*", USER, card.message_id, parse_mode="MarkdownV2", reply_markup=KEYBOARD
        )
    with pytest.raises(BadRequest, match=NOT_MODIFIED):
        await bot.edit_message_reply_markup(USER, card.message_id, reply_markup=KEYBOARD)
    await bot.edit_message_reply_markup(USER, card.message_id)  # drop the buttons
    with pytest.raises(BadRequest, match=NOT_MODIFIED):
        await bot.edit_message_reply_markup(USER, card.message_id)
    sent = tg.last_message(USER)
    assert sent is not None and sent.buttons() == [] and len(sent.history) == 1
    assert sent.history[0].reply_markup is not None


async def test_edits_of_missing_or_foreign_messages(tg: TelegramStandin, bot: Bot) -> None:
    tg.start_user(OTHER_USER)
    mine = await bot.send_message(USER, "for 4242")
    with pytest.raises(BadRequest, match=r"^Message to edit not found$"):
        await bot.edit_message_text("x", OTHER_USER, mine.message_id)  # not in that chat
    with pytest.raises(BadRequest, match=r"^Message to edit not found$"):
        await bot.edit_message_text("x", USER, 999)
    with pytest.raises(BadRequest, match=r"^Message to edit not found$"):
        await bot.edit_message_reply_markup(USER, 999, reply_markup=KEYBOARD)
    with pytest.raises(BadRequest, match=r"^Message to edit not found$"):
        await bot.edit_message_caption(USER, 999, caption="x")
    typed = tg.send_private(USER, "a user's message")
    with pytest.raises(BadRequest, match=r"^Message can't be edited$"):
        await bot.edit_message_text("x", USER, typed["message_id"])


async def test_caption_edits(tg: TelegramStandin, bot: Bot) -> None:
    photo = await bot.send_photo(
        USER, InputFile(CHART, filename="c.png"), caption="Q3", reply_markup=KEYBOARD
    )
    text = await bot.send_message(USER, "text card")
    edited = await bot.edit_message_caption(
        USER, photo.message_id, caption="<b>Q3</b> final", parse_mode="HTML"
    )
    assert not isinstance(edited, bool) and edited.caption == "Q3 final"
    sent = tg.chat_messages(USER)[0]
    assert sent.caption == "Q3 final" and sent.history[0].plain == "Q3"
    assert sent.buttons() == []  # like text edits: no reply_markup removes the keyboard
    with pytest.raises(BadRequest, match=NOT_MODIFIED):
        await bot.edit_message_caption(
            USER, photo.message_id, caption="<b>Q3</b> final", parse_mode="HTML"
        )
    with pytest.raises(BadRequest, match=r"(?i)message caption is too long"):
        await bot.edit_message_caption(USER, photo.message_id, caption="x" * 1025)
    with pytest.raises(BadRequest, match=r"(?i)there is no caption in the message to edit"):
        await bot.edit_message_caption(USER, text.message_id, caption="x")
    with pytest.raises(BadRequest, match=r"(?i)there is no text in the message to edit"):
        await bot.edit_message_text("x", USER, photo.message_id)
    await bot.edit_message_caption(USER, photo.message_id)  # removes the caption
    assert sent.caption == "" and tg.chat_messages(USER)[0].photo == CHART
