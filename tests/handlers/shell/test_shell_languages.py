"""Japanese and Russian in the shell: catalog words, yen amounts, Russian plurals."""

from __future__ import annotations

from decimal import Decimal

from dealbot.domain.deals.desk import DealDesk
from support.deals import member_id
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


async def test_amounts_are_typed_the_way_the_persons_language_writes_them(desk: DealDesk) -> None:
    russian = Transcript(desk, "olga")
    japanese = Transcript(desk, "kenji")

    ru = await russian.type(
        "/deal new", "Клиент", "Сделка", "1", "1", "1500000.50", "1 500 000,50", "", "", "", "", "y"
    )
    one_and_a_half = await russian.type(
        "/deal new", "Клиент 2", "Сделка 2", "1", "1", "1,5", "", "", "", "", "y"
    )
    ja = await japanese.type(
        "/deal new", "アクメ", "案件", "1", "1", "１２，０００", "", "", "", "", "y"
    )

    example = "1\u00a0500\u00a0000,50"  # written with CLDR's no-break spaces
    assert f"! «1500000.50» — не сумма. Введите число, например {example}." in replies(ru)
    olga, kenji = member_id(desk, "olga"), member_id(desk, "kenji")

    def amount(member: int, ref: str) -> Decimal | None:
        money = desk.show(member, ref).card.money
        return money.amount if money else None

    assert amount(olga, "D-1") == Decimal("1500000.50")
    assert amount(olga, "D-2") == Decimal("1.5")
    assert "1,50" in replies(one_and_a_half)
    assert amount(kenji, "D-3") == Decimal("12000")
    assert "￥12,000" in replies(ja)


async def test_times_are_shown_in_the_teams_time_zone_with_the_zone(desk: DealDesk) -> None:
    shell = Transcript(desk, "kenji")
    await shell.type("/deal new", "アクメ", "案件", "1", "1", "1000", "", "", "", "", "y")

    shown = replies(await shell.type("/deal show D-1"))

    assert "18:00 JST" in shown  # 09:00 UTC in Tokyo


async def test_search_takes_the_labels_as_they_are_displayed_in_any_language(
    desk: DealDesk,
) -> None:
    shell = Transcript(desk, "kenji")
    await shell.type("/deal new", "アクメ", "案件", "3", "2", "1000", "", "", "", "", "y")

    for typed in ("industry:software", "industry:IT", "size:10–49", "size:10-49", "industry:ИТ"):
        found = replies(await shell.type(f"/deal search {typed}"))
        assert "D-1" in found, typed
    unknown = replies(await shell.type("/deal search owner:nobody"))
    assert "nobody" in unknown and "D-1" not in unknown
