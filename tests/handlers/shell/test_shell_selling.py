"""Order to cash in the shell, as the sample of a transcript: each line typed, what each
person and place received; the quote's lines asked with "Add another item?"."""

from __future__ import annotations

import pytest

from dealbot.domain.core.store import SessionFactory
from dealbot.domain.deals.desk import DealDesk
from support.selling import SELLING, add_product, on_hand
from support.shell import Transcript, deliveries, places, replies
from support.store import FakeClock, load

NEW_DEAL = ["/deal new", "Acme", "Pumps", "1", "3", "1000000", "", "", "", "", "y"]
QUOTE = [
    "/quote D-1",
    "pump",  # Product: letters typed, the matches offered
    "1",  # PUMP-50
    "3",  # Quantity
    "",  # Unit price: the product's, ¥12,345
    "12.5",  # Discount
    "yes",  # Add another item?
    "VALVE-8",  # the SKU exactly
    "7",
    "",
    "",  # no discount
    "no",
    "",  # Valid until: a month from today
    "y",
]


@pytest.fixture
def desk(sessions: SessionFactory, clock: FakeClock) -> DealDesk:
    load(sessions, SELLING)
    add_product(sessions, "PUMP-50", "Pump 50 l/min", 12345, on_hand=10)
    add_product(sessions, "VALVE-8", "Valve", 1999, on_hand=100)
    return DealDesk(sessions, clock)


async def test_from_quote_to_invoiced_in_the_shell(desk: DealDesk) -> None:
    shell = Transcript(desk, "kenji")
    await shell.type(*NEW_DEAL)

    quoted = await shell.type(*QUOTE)
    assert "? Item 1 · Unit price (optional, Enter to skip) [12345]" in quoted
    assert "? Add another item?" in quoted and "? Valid until [2026-12-02]" in quoted
    assert "Q-1 for D-1 (¥46,399) is saved" in replies(quoted)
    assert places(quoted) == ["DM to Sato Hanako (@sato)"]
    card = deliveries(quoted)[0][1]
    assert "PUMP-50 Pump 50 l/min: 3 × 12,345 JPY −12.5% = 32,406 JPY" in card
    assert "[2] Approve  [3] Reject" in card

    refused = await shell.type("2")  # Kenji pressing the leader's Approve
    assert "Nobody decides their own request: Q-1 goes to someone else." in replies(refused)
    approved = await shell.type("/as sato", "2")
    assert places(approved) == [
        "card changed · DM to Sato Hanako (@sato)",
        "thread of D-1 · Tokyo Sales feed",
        "DM to Kenji Tanaka (@kenji)",
    ]
    again = await shell.type("2")
    assert "Q-1 was already approved by Sato Hanako." in replies(again)

    await shell.type("/as kenji", "/deal quote-accepted q1", "/order Q-1")
    await shell.type("/as sato", "/deal approvals")
    ordered = await shell.type("6")
    assert "Approved: Order O-1 for D-1." in replies(ordered)
    planned = await shell.type("/as kenji", "/plan O-1", "3", "2026-11-30", "y")
    assert "3. Jan 30, 2027 · ¥15,467 · open" in replies(planned)
    paying = await shell.type("/payment O-1", "20,000", "", "Wire", "y")
    assert places(paying) == ["DM to Fumi Kato (@fumi)", "DM to Goro Ito (@goro)"]
    await shell.type("/as goro")
    fumis_button = deliveries(paying)[0][1].split("[")[1].split("]")[0]
    assert "Payment for O-1 (D-1): approved by Goro Ito" in "\n".join(
        text for _, text in deliveries(await shell.type(fumis_button))
    )

    shipped = await shell.type("/as kenji", "/ship O-1", "/as wang", "/deal approvals")
    confirm = [line for line in replies(shipped).splitlines() if "Confirm shipment" in line]
    button = confirm[-1].split("[")[1].split("]")[0]
    await shell.type(button)
    assert (on_hand(desk.sessions, "PUMP-50"), on_hand(desk.sessions, "VALVE-8")) == (7, 93)

    shown = await shell.type("/as kenji", "/deal invoiced O-1", "/deal show O-1")
    assert "O-1 is marked invoiced." in replies(shown)
    for line in (
        "Status: approved · shipped · invoiced",
        "Total: ¥46,399",
        "Left to pay: ¥26,399",
        "1. Nov 30, 2026 · ¥15,466 · paid",
        "2. Dec 30, 2026 · ¥15,466 · ¥10,932 left",
        "Nov 2, 2026 · ¥20,000 · Kenji Tanaka · approved by Goro Ito · Wire",
    ):
        assert line in replies(shown)
    deal = replies(await shell.type("/deal show D-1"))
    assert "Status: Won" in deal and "Shipment of O-1 confirmed by Wang Lei" in deal
    button = deal.split("] New quote")[0].rsplit("[", 1)[1]
    second = await shell.type(button)
    assert "New quote for D-1" in replies(second) and "? Item 1 · Product" in replies(second)


async def test_a_quote_without_a_deal_asks_for_one(desk: DealDesk) -> None:
    shell = Transcript(desk, "kenji")
    await shell.type(*NEW_DEAL)

    asked = replies(await shell.type("/quote"))
    assert asked.startswith("New quote  (") and "? Deal" in asked and "1) D-1 Pumps" in asked
    picked = replies(await shell.type("1"))
    assert "? Item 1 · Product" in picked
    elsewhere = replies(await shell.type("/cancel", "/as olga", "/quote D-1"))
    assert "Сделка D-1 не найдена среди доступных вам." in elsewhere  # Olga reads Russian


async def test_a_line_can_be_taken_back_and_a_wrong_answer_asked_again(desk: DealDesk) -> None:
    shell = Transcript(desk, "kenji")
    await shell.type(*NEW_DEAL)

    printed = await shell.type(
        "/deal quote D-1", "VALVE-8", "three", "3", "", "120", "", "/back", "5", "no"
    )

    text = replies(printed)
    assert "“three” is not a whole number such as 3." in text
    assert "“120” is not a percentage from 0 to 100" in text
    review = await shell.type("", "y")
    assert "Item 1 · Discount: 5" in replies(review)
    assert "Q-1 for D-1 (¥5,697) is saved" in replies(review)  # 3 × 1,999 × 0.95 = 5,697.15
