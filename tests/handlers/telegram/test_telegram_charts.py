"""`/stats` and `/chart` on Telegram: the numbers and each chart as a real photo (sendPhoto) in
the asker's private chat, the text as the caption when it fits and beside the photos when it
does not; never a photo in the team's group."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select

from dealbot.domain.core.desk import PeopleDesk
from dealbot.domain.deals.enums import CompanySize, Industry, ProgressStatus
from dealbot.domain.outbox.models import Delivery
from dealbot.handlers.charts import fonts as chart_fonts
from dealbot.handlers.core.i18n import Translator
from dealbot.handlers.telegram.html import MAX_CAPTION
from support.deals import draft, report
from support.standins.telegram_api import SentMessage, TelegramStandin
from support.stats_charts import assert_a_real_chart, charts_of, drawn, read_stats
from support.telegram_bot import GROUP, KENJI, SATO, Bot


def four_deals(bot: Bot) -> None:
    """Kenji's deals: two in software (one won, one lost), one won in retail, one open."""
    bot.tg.start_user(SATO)
    bot.tg.start_user(KENJI)
    desk = bot.core.desks.deals
    kenji = PeopleDesk(desk.sessions).person(handle="kenji").id
    software = {"industry": Industry.SOFTWARE, "company_size": CompanySize.SMALL}
    for title, kind in (
        ("Robots", software),
        ("Scanners", software),
        ("Shelves", {"industry": Industry.RETAIL, "company_size": CompanySize.MICRO}),
        ("Presses", {"industry": Industry.MANUFACTURING, "company_size": CompanySize.LARGE}),
    ):
        desk.open_deal(kenji, draft(title=title, **kind))
    desk.report_progress(kenji, report("D-1", ProgressStatus.WON))
    desk.report_progress(kenji, report("D-2", ProgressStatus.LOST, lost_reason="Budget"))
    desk.report_progress(kenji, report("D-3", ProgressStatus.WON))
    bot.dispatcher.wake()


async def photos_in(tg: TelegramStandin, chat: int, count: int) -> list[SentMessage]:
    def arrived() -> list[SentMessage] | None:
        photos = [m for m in tg.chat_messages(chat) if m.is_photo]
        return photos if len(photos) >= count else None

    return await tg.wait_for(arrived, timeout=60)


def answer_of(tg: TelegramStandin, chat: int, heading: str) -> SentMessage:
    """The message (a text, or a photo's caption) that starts with `heading`."""
    [found] = [m for m in tg.chat_messages(chat) if m.plain.startswith(heading)]
    return found


@pytest.mark.parametrize("locale", ["en", "ja"])
async def test_stats_come_as_text_and_real_photos_of_the_same_numbers_in_private(
    bot: Bot, locale: str
) -> None:
    four_deals(bot)
    t = Translator(locale)
    if locale != "en":
        await bot.said(SATO, f"/lang {locale}")

    bot.tg.send_private(SATO, "/stats")

    photos = await photos_in(bot.tg, SATO, 3)
    text = answer_of(bot.tg, SATO, t("stats-heading", count=4))
    stats = read_stats(t, text.plain.split("\n"))
    expected = charts_of(t, stats)
    assert list(expected) == ["funnel", "industry", "size"]
    for photo, chart in zip(photos, expected.values(), strict=True):
        assert photo.photo is not None
        assert_a_real_chart(photo.photo)
        # The very picture of the text's labels and numbers, every glyph drawn (no boxes).
        assert photo.photo == drawn(chart), chart.title
    # The text fits a caption: it is the first photo's, and said nowhere else.
    assert len(text.plain) <= MAX_CAPTION and text is photos[0]
    assert not [m for m in bot.tg.chat_messages(SATO) if m.plain == text.plain and m != text]
    # The other photos are captioned with the chart in words (Telegram photos have no alt text).
    assert [p.caption for p in photos[1:]] == [c.alt_text() for c in list(expected.values())[1:]]
    assert [c.method for c in bot.tg.calls if c.method == "sendPhoto"] == ["sendPhoto"] * 3
    assert not [m for m in bot.tg.chat_messages(GROUP) if m.is_photo]


async def test_a_long_answer_goes_first_and_its_photos_beside_it(bot: Bot) -> None:
    bot.tg.start_user(SATO)
    desk = bot.core.desks.deals
    kenji = PeopleDesk(desk.sessions).person(handle="kenji").id
    sizes = list(CompanySize)
    for number, industry in enumerate(Industry):  # every industry and every size: a long text
        card = desk.open_deal(kenji, draft(industry=industry, company_size=sizes[number % 5]))
        if number % 3 == 0:
            desk.report_progress(kenji, report(card.ref, ProgressStatus.WON))
    bot.dispatcher.wake()
    t = Translator("en")

    bot.tg.send_private(SATO, "/stats")

    photos = await photos_in(bot.tg, SATO, 3)
    text = answer_of(bot.tg, SATO, t("stats-heading", count=len(Industry)))
    assert len(text.plain) > MAX_CAPTION and not text.is_photo
    assert text.message_id < photos[0].message_id  # the numbers first, then the pictures
    expected = charts_of(t, read_stats(t, text.plain.split("\n")))
    assert [p.caption for p in photos] == [chart.alt_text() for chart in expected.values()]
    assert [p.photo for p in photos] == [drawn(chart) for chart in expected.values()]


async def test_stats_asked_in_the_group_come_in_private_and_nothing_in_the_group(
    bot: Bot,
) -> None:
    four_deals(bot)

    bot.tg.send_group(GROUP, SATO, f"/stats@{bot.tg.bot_username}")

    await photos_in(bot.tg, SATO, 3)
    assert answer_of(bot.tg, SATO, "Statistics of 4 deals").is_photo
    group = bot.tg.chat_messages(GROUP)
    assert not [m for m in group if m.is_photo or "Statistics" in m.plain]


async def test_a_short_answer_is_the_caption_of_its_one_photo(bot: Bot) -> None:
    four_deals(bot)

    bot.tg.send_private(SATO, "/chart size")

    [photo] = await photos_in(bot.tg, SATO, 1)
    assert photo.caption is not None
    assert photo.caption.split("\n") == [
        "Statistics of 4 deals",
        "By company size:",
        "1–9 employees: 1 deal, 1 won, 0 lost, win rate 100%, amount ¥1,200,000",
        "10–49 employees: 2 deals, 1 won, 1 lost, win rate 50%, amount ¥2,400,000",
        "250–999 employees: 1 deal, 0 won, 0 lost, win rate —, amount ¥1,200,000",
    ]
    assert photo.entities[0]["type"] == "bold"  # the heading, as in any text answer
    assert not [m for m in bot.tg.chat_messages(SATO) if m.plain == photo.plain and m != photo]


# PTB itself warns when it builds the RetryAfter of a 429 (its type changes in version 23).
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
@pytest.mark.parametrize("status", [429, 500, 502])
async def test_a_failed_photo_is_retried_through_the_outbox_and_arrives_once(
    bot: Bot, status: int
) -> None:
    four_deals(bot)
    bot.tg.fail_next("sendPhoto", status)

    bot.tg.send_private(SATO, "/stats")

    photos = await photos_in(bot.tg, SATO, 3)
    with bot.core.sessions.begin() as session:
        [retried] = session.scalars(select(Delivery).where(Delivery.attempts > 0))
        assert retried.last_error and retried.address == str(SATO)
    await bot.tg.wait_for(lambda: _settled(bot, retried.id) or None, timeout=30)
    assert len(photos) == 3
    answers = [m for m in bot.tg.chat_messages(SATO) if m.plain.startswith("Statistics of 4")]
    assert len(answers) == 1
    assert len({p.photo for p in photos}) == 3  # three different charts, none twice


def _settled(bot: Bot, delivery_id: int) -> bool:
    with bot.core.sessions.begin() as session:
        return session.get_one(Delivery, delivery_id).state == "sent"


async def test_without_the_chart_font_the_text_arrives_alone_and_the_log_says_why(
    bot: Bot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    four_deals(bot)
    monkeypatch.setattr(chart_fonts, "CANDIDATE_FAMILIES", ("No Such Sans",))
    chart_fonts.forget_chart_font()
    try:
        with caplog.at_level(logging.WARNING, logger="dealbot.handlers.charts.renderer"):
            bot.tg.send_private(SATO, "/chart size")
            answer = await bot.tg.wait_for(
                lambda: next(
                    (m for m in bot.tg.chat_messages(SATO) if "By company size:" in m.plain),
                    None,
                ),
                timeout=30,
            )
    finally:
        chart_fonts.forget_chart_font()

    assert not answer.is_photo
    assert "10–49 employees: 2 deals, 1 won, 1 lost, win rate 50%" in answer.plain
    assert not [m for m in bot.tg.chat_messages(SATO) if m.is_photo]
    [warning] = [r for r in caplog.records if r.name == "dealbot.handlers.charts.renderer"]
    assert "fonts-noto-cjk" in warning.getMessage() and warning.levelno == logging.WARNING


async def test_the_menu_offers_one_chart_in_every_language(bot: Bot) -> None:
    menus = bot.tg.commands_by_language
    described = {lang: {c["command"]: c["description"] for c in menus[lang]} for lang in menus}
    assert {lang: "chart" in commands for lang, commands in described.items()} == {
        lang: True for lang in menus
    }
    assert len({described[lang]["chart"] for lang in ("en", "ja", "zh", "ru")}) == 4
