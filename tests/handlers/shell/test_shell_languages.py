"""Japanese and Russian in the shell: catalog words, yen amounts, Russian plurals."""

from __future__ import annotations

from dealbot.domain.deals.desk import DealDesk
from support.shell import Transcript, deliveries, replies


async def test_japanese_team_sees_japanese_and_yen_the_japanese_way(desk: DealDesk) -> None:
    shell = Transcript(desk, "kenji")

    printed = await shell.type(
        "/deal new", "株式会社アクメ", "フォークリフト", "1", "3", "1200000", "", "", "", "", "y"
    )

    feed = deliveries(printed)[0][1]
    assert "新規案件 D-1" in feed or "D-1" in feed
    assert "￥1,200,000" in feed
    assert "顧客: 株式会社アクメ" in feed
    assert "Customer" not in "\n".join(printed)


async def test_russian_plurals(desk: DealDesk) -> None:
    shell = Transcript(desk, "olga")
    counts = {}
    for n in range(1, 6):
        await shell.type(
            "/deal new", f"Клиент {n}", f"Сделка {n}", "1", "1", "1000", "", "", "", "", "y"
        )
        counts[n] = replies(await shell.type("/deal search"))

    assert "1 сделка" in counts[1]
    assert "2 сделки" in counts[2]
    assert "5 сделок" in counts[5]
    assert "₽" in counts[1] or "RUB" in counts[1]


async def test_lang_command_switches_the_persons_language(desk: DealDesk) -> None:
    shell = Transcript(desk, "kenji")

    switched = replies(await shell.type("/deal lang en", "/deal list"))

    assert "From now on dealbot speaks English to you." in switched
    assert "You have no open deals" in switched
