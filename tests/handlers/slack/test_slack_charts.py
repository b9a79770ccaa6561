"""`/deal stats` and `/deal chart` on Slack: the numbers as a message in the asker's DM, then
each chart as a real PNG shared there with the file-upload steps (files_upload_v2), its alt
text saying the same numbers; never a file or a word of it in a channel."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from dealbot.domain.outbox.models import Delivery
from dealbot.handlers.core.i18n import Translator
from support.slack_bot import FEED, LENA, SAM, SlackBot, running_bot
from support.slack_drawn import draw
from support.slack_flow import open_deal, open_modal, submit
from support.standins.slack_api import PostedMessage, SlackStandin, UploadedFile, plain_text
from support.stats_charts import Row, assert_a_real_chart, charts_of, drawn, read_stats

ROOT = Path(__file__).resolve().parents[3]
UPLOAD_STEPS = ("files.getUploadURLExternal", "upload_url", "files.completeUploadExternal")


async def four_deals(bot: SlackBot) -> None:
    """Sam's deals: two in software (one won, one lost), one won in retail, one still open."""
    for changes in (
        {"title": "Robots"},
        {"title": "Scanners"},
        {"title": "Shelves", "industry": "retail", "company_size": "1-9"},
        {"title": "Presses", "industry": "manufacturing", "company_size": "250-999"},
    ):
        await open_deal(bot, SAM, **changes)
    await bot.slack.wait_for(lambda s: len(s.channel_messages(FEED)) == 4, what="four deals")
    for command, answers in (
        ("won D-1", {"activity": "meeting"}),
        ("lost D-2", {"activity": "call", "lost_reason": "Budget frozen"}),
        ("won D-3", {"activity": "visit"}),
    ):
        view = await open_modal(bot, SAM, command)
        await submit(bot, SAM, view, answers)


async def one_won_deal(bot: SlackBot) -> None:
    await open_deal(bot, SAM)
    view = await open_modal(bot, SAM, "won D-1")
    await submit(bot, SAM, view, {"activity": "meeting"})


async def charts_in_dm(bot: SlackBot, user: str, count: int) -> list[UploadedFile]:
    await bot.slack.wait_for(
        lambda s: len(s.uploaded_files(user)) >= count, timeout=60, what=f"{count} charts"
    )
    return bot.slack.uploaded_files(user)


def stats_message(slack: SlackStandin, user: str, heading: str) -> PostedMessage:
    [message] = [m for m in slack.dm_messages(user) if heading in plain_text(m)]
    return message


@pytest.mark.parametrize("locale", ["en", "ja"])
async def test_stats_come_as_text_and_real_pictures_of_the_same_numbers_in_the_dm(
    bot: SlackBot, locale: str
) -> None:
    await four_deals(bot)
    if locale != "en":
        await bot.driver.slash_command(LENA, "/deal", f"lang {locale}")
        await bot.slack.wait_for(lambda s: s.ephemerals(LENA), what="the language set")
    t = Translator(locale)

    await bot.driver.slash_command(LENA, "/deal", "stats", channel_id=FEED)

    files = await charts_in_dm(bot, LENA, 3)
    text = stats_message(bot.slack, LENA, t("stats-heading", count=4))
    stats = read_stats(t, draw(text).seen.split("\n"))
    assert stats.total == Row(t("stats-total"), 4, 2, 1, t.percent(2 / 3))
    expected = charts_of(t, stats)
    assert [f.title for f in files] == [expected[n].title for n in ("funnel", "industry", "size")]
    for file, name in zip(files, ("funnel", "industry", "size"), strict=True):
        assert file.data is not None and file.is_png
        assert_a_real_chart(file.data)
        # The very picture of the text's labels and numbers, every glyph drawn (no boxes).
        assert file.data == drawn(expected[name]), name
        assert file.alt_txt == expected[name].alt_text()
        assert float(file.message.ts if file.message else 0) > float(text.ts)  # after the text
    assert [row.label for row in stats.industries] == [
        t.choice("industry", key) for key in ("manufacturing", "retail", "software")
    ]
    # Each picture took the three steps of files_upload_v2, into the DM channel.
    steps = [method for method, _ in bot.slack.calls if method in UPLOAD_STEPS]
    assert steps == list(UPLOAD_STEPS) * 3
    shares = [p for m, p in bot.slack.calls if m == "files.completeUploadExternal"]
    assert {p["channel_id"] for p in shares} == {bot.slack.dm_channel(LENA)}
    # Asked in the feed channel: only a note to Lena there, nothing anyone else sees.
    assert bot.slack.uploaded_files(FEED) == []
    in_feed = [m for m in bot.slack.messages if m.channel == FEED and not m.is_ephemeral]
    assert not [m for m in in_feed if m.files or t("stats-total") in plain_text(m)]
    [note] = [m for m in bot.slack.ephemerals(LENA) if m.channel == FEED]
    assert t("slack-sent-to-dm") in plain_text(note)
    assert bot.slack.errors == []


async def test_one_chart_with_filters_draws_only_the_deals_they_keep(bot: SlackBot) -> None:
    await four_deals(bot)
    t = Translator("en")

    await bot.driver.slash_command(LENA, "/deal", "chart industry status:won")

    [file] = await charts_in_dm(bot, LENA, 1)
    [text] = [m for m in bot.slack.dm_messages(LENA) if t("stats-by-industry") in plain_text(m)]
    lines = draw(text).seen.split("\n")
    assert lines[0] == t("stats-heading", count=2)  # the two won deals
    assert lines[2:] == [
        "Retail: 1 deal, 1 won, 0 lost, win rate 100%, amount $48,000.00",
        "IT and software: 1 deal, 1 won, 0 lost, win rate 100%, amount $48,000.00",
    ]
    assert file.title == "Win rate by industry"
    assert file.alt_txt == "\n".join(
        [
            "Win rate by industry (Win rate = won ÷ (won + lost))",
            "Retail: 100%",
            "IT and software: 100%",
        ]
    )
    assert file.data is not None
    assert_a_real_chart(file.data)


@pytest.mark.parametrize(
    ("method", "status"),
    [
        ("files.getUploadURLExternal", 429),
        ("upload_url", 500),
        ("files.completeUploadExternal", 503),
    ],
)
async def test_a_failed_upload_is_retried_through_the_outbox_and_arrives_once(
    bot: SlackBot, method: str, status: int
) -> None:
    await one_won_deal(bot)
    bot.slack.fail_next(method, status)

    await bot.driver.slash_command(LENA, "/deal", "stats", channel_id=bot.slack.dm_channel(LENA))

    files = await charts_in_dm(bot, LENA, 3)
    await bot.slack.wait_for(lambda s: not _pending(bot), timeout=30, what="the delivery settled")
    assert [f.title for f in files] == [
        "Funnel of 1 deal",
        "Win rate by industry",
        "Win rate by company size",
    ]
    texts = [m for m in bot.slack.dm_messages(LENA) if "Statistics of 1 deal" in plain_text(m)]
    assert len(texts) == 1  # the text went before the failure and not again
    with bot.core.sessions.begin() as session:
        [delivery] = session.scalars(select(Delivery).where(Delivery.attempts > 0))
        assert delivery.state == "sent" and delivery.last_error
        assert len(delivery.external_ids) == 4  # the text, then three files
    # Asked in the DM itself: no note, the answer is right there.
    assert bot.slack.ephemerals(LENA) == []


def _pending(bot: SlackBot) -> bool:
    with bot.core.sessions.begin() as session:
        return bool(session.scalars(select(Delivery.id).where(Delivery.state == "pending")).first())


async def test_without_closed_deals_only_the_funnel_is_drawn(bot: SlackBot) -> None:
    await open_deal(bot, SAM)

    await bot.driver.slash_command(SAM, "/deal", "stats")

    [funnel] = await charts_in_dm(bot, SAM, 1)
    assert funnel.title == "Funnel of 1 deal"
    text = stats_message(bot.slack, SAM, "Statistics of 1 deal")
    assert "IT and software: 1 deal, 0 won, 0 lost, win rate —" in draw(text).seen
    await bot.driver.slash_command(SAM, "/deal", "chart size")
    # No picture to send: the text comes back in place, like any other answer.
    [note] = await bot.slack.wait_for(
        lambda s: [m for m in s.ephemerals(SAM) if "No chart:" in plain_text(m)],
        what="the size answer",
    )
    assert len(bot.slack.uploaded_files(SAM)) == 1
    assert "10–49 employees: 1 deal, 0 won, 0 lost, win rate —" in plain_text(note)


def manifest_scopes() -> list[str]:
    """The bot scopes `slack-manifest.yaml` asks for when a team creates the app."""
    lines = (ROOT / "slack-manifest.yaml").read_text(encoding="utf-8").splitlines()
    start = lines.index("    bot:") + 1
    scopes: list[str] = []
    for line in lines[start:]:
        if line.startswith("      - "):
            scopes.append(line.removeprefix("      - ").strip())
        elif not line.strip().startswith("#"):
            break
    return scopes


async def test_the_manifests_scopes_are_enough_and_without_files_write_the_text_still_comes(
    tmp_path: Path,
) -> None:
    assert "files:write" in manifest_scopes()
    for place in ("granted", "refused"):
        (tmp_path / place).mkdir()
    async with running_bot(tmp_path / "granted", scopes=manifest_scopes()) as bot:
        await one_won_deal(bot)
        await bot.driver.slash_command(LENA, "/deal", "stats")
        await charts_in_dm(bot, LENA, 3)
        assert bot.slack.errors == []

    refused = [scope for scope in manifest_scopes() if scope != "files:write"]
    async with running_bot(tmp_path / "refused", scopes=refused) as bot:
        await one_won_deal(bot)
        await bot.driver.slash_command(LENA, "/deal", "stats")
        # The text is there; the upload is refused for good: parked, and the admins are told.
        await bot.slack.wait_for(
            lambda s: [m for m in s.dm_messages(LENA) if "could not be delivered" in plain_text(m)],
            timeout=30,
            what="the admin told",
        )
        assert [m for m in bot.slack.dm_messages(LENA) if "Statistics of 1 deal" in plain_text(m)]
        assert bot.slack.uploaded_files(LENA) == []
        with bot.core.sessions.begin() as session:
            [parked] = session.scalars(select(Delivery).where(Delivery.state == "parked"))
            assert "missing_scope" in str(parked.last_error) and len(parked.external_ids) == 1
