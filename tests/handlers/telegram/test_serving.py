"""Serving: the command menu in every language, the webhook and its secret, HTML rendering."""

from __future__ import annotations

from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from dealbot.bot.run import start_frontends
from dealbot.bot.telegram_wiring import file_url, start_telegram
from dealbot.bot.wiring import build_core, build_dispatcher
from dealbot.handlers.core.ui import Button, Message
from dealbot.handlers.telegram import html, keyboards
from support.standins.telegram_api import TelegramStandin
from support.telegram_bot import KENJI, settings_for

STRANGER = 4242  # on no team


async def test_dealbot_run_publishes_the_menu_in_every_language(
    tg: TelegramStandin, tmp_path: Path
) -> None:
    core = build_core(settings_for(tg, tmp_path))
    dispatcher = build_dispatcher(core)
    (frontend,) = await start_frontends(core, settings_for(tg, tmp_path), dispatcher, None)
    try:
        assert dispatcher.transports == {"telegram": frontend.transport}
        menus = tg.commands_by_language
        assert set(menus) == {"", "en", "ja", "zh", "ru"}
        names = [c["command"] for c in menus["en"]]
        assert names[:4] == ["new", "update", "won", "lost"] and "cancel" in names
        descriptions = {lang: menus[lang][0]["description"] for lang in menus}
        assert len({descriptions[lang] for lang in ("en", "ja", "zh", "ru")}) == 4
        await tg.wait_for(lambda: tg.is_polling)
        assert [c.method for c in tg.calls[:2]] == ["getMe", "setMyCommands"]
    finally:
        await frontend.stop()
        core.engine.dispose()
    assert not tg.is_polling


async def test_the_webhook_checks_the_secret(tg: TelegramStandin, tmp_path: Path) -> None:
    settings = settings_for(
        tg,
        tmp_path,
        TELEGRAM_WEBHOOK_URL="https://bot.example.com/telegram/hook",
        TELEGRAM_WEBHOOK_SECRET="s3cret_token",
    )
    core = build_core(settings)
    dispatcher = build_dispatcher(core)
    app = web.Application()
    frontend = await start_telegram(core, settings, dispatcher, app)
    client = TestClient(TestServer(app))
    await client.start_server()
    try:
        assert tg.webhook == {
            "url": "https://bot.example.com/telegram/hook",
            "secret_token": "s3cret_token",
            "allowed_updates": ["message", "callback_query"],
        }
        message = tg.send_private(KENJI, "/help")
        update = {"update_id": 1, "message": message}
        refused = await client.post("/telegram/hook", json=update)
        assert refused.status == 403
        wrong = await client.post(
            "/telegram/hook", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "nope"}
        )
        assert wrong.status == 403
        assert not tg.chat_messages(KENJI)
        accepted = await client.post(
            "/telegram/hook",
            json=update,
            headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret_token"},
        )
        assert accepted.status == 200
        reply = await tg.wait_for(lambda: tg.last_message(KENJI))
        assert reply.plain.startswith("dealbot commands")
        assert not tg.calls_to("getUpdates")
    finally:
        await client.close()
        await frontend.stop()
        core.engine.dispose()


def test_every_piece_of_text_is_escaped() -> None:
    message = Message(
        title="<b>AT&T</b>",
        fields=(("a<b", "c&d>"),),
        lines=("<!channel> & co",),
        footer="x<y",
    )
    assert html.render(message) == [
        "<b>&lt;b&gt;AT&amp;T&lt;/b&gt;</b>\n<b>a&lt;b:</b> c&amp;d&gt;\n"
        "&lt;!channel&gt; &amp; co\n<i>x&lt;y</i>"
    ]


def test_long_messages_are_split_at_line_boundaries() -> None:
    lines = tuple(f"line {n} " + "&" * 90 for n in range(100))
    chunks = html.render(Message(title="Deals", lines=lines))
    assert len(chunks) == 3
    plain = [c.replace("&amp;", "&").replace("<b>", "").replace("</b>", "") for c in chunks]
    assert all(len(p) <= 4096 for p in plain)
    assert "\n".join(plain).splitlines() == ["Deals", *lines]
    one_line = html.render(Message(lines=("<" * 5000,)))
    assert [len(c.replace("&lt;", "<")) for c in one_line] == [4096, 904]


def test_callback_data_holds_short_ids_only() -> None:
    assert keyboards.button_data(Button("Give advice", "advice", "12")) == "b:advice:12"
    assert keyboards.form_data(3, "back") == "f:3:back"
    click = keyboards.parse("b:advice:12")
    assert click is not None and (click.prefix, click.action, click.value) == ("b", "advice", "12")
    assert keyboards.parse("junk") is None
    try:
        keyboards.button_data(Button("x", "advice", "9" * 80))
    except ValueError:
        pass
    else:
        raise AssertionError("callback_data over 64 bytes was accepted")


def test_the_file_url_follows_the_api_url() -> None:
    assert file_url("https://api.telegram.org/bot") == "https://api.telegram.org/file/bot"
    assert file_url("http://127.0.0.1:9/bot") == "http://127.0.0.1:9/file/bot"


@pytest.mark.parametrize("sender", [KENJI, STRANGER], ids=["member", "stranger"])
async def test_an_update_delivered_twice_even_to_two_processes_is_handled_once(
    tg: TelegramStandin, tmp_path: Path, sender: int
) -> None:
    settings = settings_for(
        tg,
        tmp_path,
        TELEGRAM_WEBHOOK_URL="https://bot.example.com/telegram/hook",
        TELEGRAM_WEBHOOK_SECRET="s3cret_token",
    )
    processes = []
    for _ in range(2):  # two processes behind a balancer, on one database
        core = build_core(settings)
        app = web.Application()
        frontend = await start_telegram(core, settings, build_dispatcher(core), app)
        client = TestClient(TestServer(app))
        await client.start_server()
        processes.append((core, frontend, client))
    try:
        # A stranger's update too: it is noted before they are looked for and found missing.
        update = {"update_id": 7, "message": tg.send_private(sender, "/help")}
        secret = {"X-Telegram-Bot-Api-Secret-Token": "s3cret_token"}
        for _, _, client in (*processes, *processes):  # Telegram retried; the balancer spread it
            answer = await client.post("/telegram/hook", json=update, headers=secret)
            assert answer.status == 200
        await tg.wait_for(lambda: tg.last_message(sender))
        for _, frontend, _ in processes:
            await frontend.stop()  # every update taken in is handled before this returns
        assert len(tg.chat_messages(sender)) == 1
    finally:
        for core, _, client in processes:
            await client.close()
            core.engine.dispose()
