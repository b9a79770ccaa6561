"""Order to cash across front ends and processes: the salesperson and finance on Slack while
the leader and the warehouse are on Telegram, in one process; and on PostgreSQL two bot
processes taking two finance members' clicks on one payment at the same moment."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from dealbot.domain.approvals.models import ApprovalRequest
from dealbot.domain.outbox.models import Delivery, Notification
from dealbot.domain.selling.models import Order
from dealbot.domain.selling.payments import PaymentDraft
from dealbot.domain.selling.plans import PlanDraft
from support.mixed import Deployment, deployment
from support.selling import add_product, line, on_hand, quote_draft
from support.slack_bot import SlackBot
from support.slack_flow import NEW_DEAL_ANSWERS, open_modal, submit
from support.slack_options import suggest
from support.standins.slack_api import PostedMessage, SlackStandin, plain_text
from support.standins.telegram_api import SentMessage
from support.store import drop_scratch_postgres, scratch_postgres

FEED, GROUP = "C0FEED001", -1001000000007
SAM, FIONA, FRED, LENA_SLACK = "U0SAM0001", "U0FIONA01", "U0FRED001", "U0LENA001"
LENA, WALT = 2001, 2002


def directory(*, leader_on_slack: bool) -> str:
    lena = f'slack_user = "{LENA_SLACK}"' if leader_on_slack else f"telegram_user = {LENA}"
    members = [
        ("lena", "Lena Leader", "leader", lena),
        ("sam", "Sam Seller", "sales", f'slack_user = "{SAM}"'),
        ("fiona", "Fiona Finance", "finance", f'slack_user = "{FIONA}"'),
        ("fred", "Fred Finance", "finance", f'slack_user = "{FRED}"'),
        ("walt", "Walt Warehouse", "warehouse", f"telegram_user = {WALT}"),
    ]
    team = f"""
[[teams]]
name = "Mixed Sales"
leader = "lena"
currency = "USD"
slack_channel = "{FEED}"
telegram_chat = {GROUP}
"""
    return team + "".join(
        f"""
[[members]]
handle = "{handle}"
name = "{name}"
team = "Mixed Sales"
roles = ["{role}"]
{where}
"""
        for handle, name, role, where in members
    )


SLACK_USERS = ((SAM, "sam"), (FIONA, "fiona"), (FRED, "fred"), (LENA_SLACK, "lena"))


def stock_up(found: Deployment) -> None:
    sessions = found.processes[0].core.sessions
    add_product(sessions, "PUMP-50", "Pump 50 l/min", 12345, "USD", on_hand=10)


async def slack_dm(found: Deployment, user: str, text: str) -> PostedMessage:
    def seen(s: Any) -> PostedMessage | None:
        return next((m for m in reversed(s.dm_messages(user)) if text in plain_text(m)), None)

    message = await found.slack.wait_for(seen, what=f"{text!r} to {user}")
    assert message is not None
    return message


async def slack_answer(found: Deployment | SlackBot, user: str, text: str) -> str:
    def seen(s: Any) -> str | None:
        return next((plain_text(m) for m in s.ephemerals(user) if text in plain_text(m)), None)

    said = await found.slack.wait_for(seen, what=f"an answer {text!r} to {user}")
    assert said is not None
    return said


async def telegram_card(found: Deployment, user: int, text: str) -> SentMessage:
    tg = found.tg
    message: SentMessage = await tg.wait_for(
        lambda: next((m for m in tg.chat_messages(user) if text in m.plain and m.buttons()), None)
    )
    return message


async def tap(found: Deployment, user: int, message: SentMessage, label: str) -> None:
    data = next(d for text, d in message.buttons() if text == label)
    query = found.tg.press(user, message, data or "")
    await found.tg.wait_for(lambda: found.tg.answered(query))


async def slash(bot: SlackBot, user: str, text: str, answered: str) -> str:
    """A command, and its answer (commands are answered after Slack's ack, one by one here)."""
    assert (await bot.driver.slash_command(user, "/deal", text)).status == 200
    return await slack_answer(bot, user, answered)


async def modal(bot: SlackBot, user: str, text: str, answers: dict[str, str]) -> None:
    view = await open_modal(bot, user, text)
    assert (await submit(bot, user, view, answers)).body == ""


async def test_the_leader_and_the_warehouse_on_telegram_the_rest_on_slack(
    tmp_path: Path,
) -> None:
    database = f"sqlite:///{tmp_path / 'mixed.sqlite3'}"
    async with deployment(
        tmp_path,
        database,
        [(True, True)],
        directory=directory(leader_on_slack=False),
        slack_users=SLACK_USERS,
    ) as found:
        stock_up(found)
        bot, tg = found.slack_bot(), found.tg
        for user in (LENA, WALT):
            tg.send_private(user, "/start")
            await tg.wait_for(partial(tg.last_message, user))
        await modal(bot, SAM, "new", NEW_DEAL_ANSWERS)
        post = await tg.wait_for(lambda: tg.last_message(GROUP))

        view = await open_modal(bot, SAM, "quote D-1")
        await suggest(bot, SAM, view, "product.1", "pump")
        valid = (date.today() + timedelta(days=20)).isoformat()
        await submit(
            bot, SAM, view, {"product.1": "PUMP-50", "quantity.1": "4", "valid_until": valid}
        )
        quote = await telegram_card(found, LENA, "Quote Q-1 for D-1 waits")
        assert "4 × 123.45 USD = 493.80 USD" in quote.plain
        await tap(found, LENA, quote, "Approve")
        await tg.wait_for(lambda: quote.history)
        assert quote.buttons() == [] and "approved by Lena Leader" in quote.plain
        await slack_dm(found, SAM, "Quote Q-1 for D-1 was approved by Lena Leader")
        told = await tg.wait_for(
            lambda: next((m for m in tg.chat_messages(GROUP) if "was approved" in m.plain), None)
        )
        assert told.reply_to_message_id == post.message_id  # in the deal's thread there too
        root = found.slack.channel_messages(FEED)[0]
        await found.slack.wait_for(
            lambda s: any("was approved" in plain_text(m) for m in s.thread(FEED, root.ts))
        )

        await slash(bot, SAM, "quote-accepted Q-1", "Q-1 is accepted by the customer")
        await slash(bot, SAM, "order q1", "Order O-1 for D-1 ($493.80) is saved")
        await tap(
            found, LENA, await telegram_card(found, LENA, "Order O-1 for D-1 waits"), "Approve"
        )
        await slack_dm(found, SAM, "Order O-1 for D-1 was approved")
        first_due = (date.today() + timedelta(days=5)).isoformat()
        await modal(bot, SAM, "plan O-1", {"installments": "2", "first_due_date": first_due})
        await modal(bot, SAM, "payment O-1", {"amount_received": "300"})
        fionas = await slack_dm(found, FIONA, "Payment for O-1 (D-1) waits")
        await bot.driver.block_action(FIONA, "approve", message=fionas)
        await slack_dm(found, FRED, "Payment for O-1 (D-1): approved by Fiona Finance")

        await slash(bot, SAM, "ship O-1", "The warehouse is asked to ship O-1")
        shipment = await telegram_card(found, WALT, "Shipment of O-1 (D-1) waits")
        await tap(found, WALT, shipment, "Confirm shipment")
        await tg.wait_for(lambda: shipment.history)
        assert "confirmed by Walt Warehouse" in shipment.plain
        assert on_hand(found.processes[0].core.sessions, "PUMP-50") == 6
        await slash(bot, SAM, "invoiced O-1", "O-1 is marked invoiced")
        shown = await slash(bot, SAM, "show O-1", "Left to pay")
        # $493.80 in two: $246.90 each; $300 pays the first and $53.10 of the second.
        assert "Paid: $300.00" in shown and "Left to pay: $193.80" in shown
        assert "· $246.90 · $193.80 left" in shown
        assert found.slack.errors == [] and tg.errors == []


def _order_with_a_plan(found: Deployment) -> None:
    """D-1's quote for four pumps, accepted; its order approved and planned in two."""
    core = found.processes[0].core
    people, selling, approvals = core.desks.people, core.desks.selling, core.desks.approvals
    sam, lena = people.person(slack_user=SAM), people.person(slack_user=LENA_SLACK)
    selling.draft_quote(sam.id, "D-1", quote_draft(line("PUMP-50", 4)))
    approvals.decide(lena.id, approvals.waiting(lena.id)[0].id, approve=True)
    selling.mark_accepted(sam.id, "Q-1")
    selling.make_order(sam.id, "Q-1")
    approvals.decide(lena.id, approvals.waiting(lena.id)[0].id, approve=True)
    first = date.today() + timedelta(days=5)
    selling.set_plan(sam.id, "O-1", PlanDraft(count=2, first_due=first))


def _payment(found: Deployment, amount: str) -> None:
    core = found.processes[0].core
    sam = core.desks.people.person(slack_user=SAM)
    core.desks.selling.record_payment(sam.id, "O-1", PaymentDraft(Decimal(amount), date.today()))


async def finance_cards(found: Deployment, amount: str) -> tuple[PostedMessage, PostedMessage]:
    waiting = "Payment for O-1 (D-1) waits for your decision"

    async def of(user: str) -> PostedMessage:
        def seen(s: Any) -> PostedMessage | None:
            return next(
                (
                    m
                    for m in s.dm_messages(user)
                    if waiting in plain_text(m) and amount in plain_text(m)
                ),
                None,
            )

        card = await found.slack.wait_for(seen, what=f"{amount} to {user}")
        assert card is not None
        return card

    return await of(FIONA), await of(FRED)


async def test_two_processes_on_postgresql_decide_a_payment_once(tmp_path: Path) -> None:
    url = scratch_postgres("selling")
    try:
        async with deployment(
            tmp_path,
            url,
            [(True, False), (True, False)],
            directory=directory(leader_on_slack=True),
            slack_users=SLACK_USERS,
        ) as found:
            stock_up(found)
            first, second = found.slack_bot(0), found.slack_bot(1)
            await modal(first, SAM, "new", NEW_DEAL_ANSWERS)
            await asyncio.to_thread(_order_with_a_plan, found)
            amounts = ("100", "50.50", "20")
            for amount in amounts:
                await asyncio.to_thread(_payment, found, amount)
                for process in found.processes:
                    process.dispatcher.wake()
                fionas, freds = await finance_cards(found, f"${Decimal(amount):.2f}")
                answers = len(found.slack.ephemerals(FIONA)) + len(found.slack.ephemerals(FRED))
                # The same moment, through two processes: each click to its own.
                await asyncio.gather(
                    first.driver.block_action(FIONA, "approve", message=fionas),
                    second.driver.block_action(FRED, "approve", message=freds),
                )

                def both_answered(s: SlackStandin, before: int = answers) -> bool:
                    return len(s.ephemerals(FIONA)) + len(s.ephemerals(FRED)) == before + 2

                await found.slack.wait_for(both_answered, what="both clicks answered")
                said = [plain_text(m) for m in found.slack.ephemerals(FIONA)][-1:] + [
                    plain_text(m) for m in found.slack.ephemerals(FRED)
                ][-1:]
                assert sorted("already approved" in text for text in said) == [False, True]

                def both_changed(
                    s: SlackStandin, a: PostedMessage = fionas, b: PostedMessage = freds
                ) -> bool:
                    return bool(a.edits) and bool(b.edits)

                await found.slack.wait_for(both_changed, what="both cards changed")
            for process in found.processes:
                await process.dispatcher.drain()

            with found.processes[0].core.sessions.begin() as session:
                requests = session.scalars(
                    select(ApprovalRequest).where(ApprovalRequest.kind == "payment")
                ).all()
                assert [r.state for r in requests] == ["approved"] * 3
                payments = [
                    n
                    for n in session.scalars(select(Notification))
                    if n.params.get("approval_kind") == "payment"
                ]
                decided = [n for n in payments if n.kind == "approval_decided"]
                assert len(decided) == 3  # one set of notifications per decision
                changed = [n.id for n in payments if n.kind == "approval_closed"]
                edits = session.scalar(
                    select(func.count())
                    .select_from(Delivery)
                    .where(Delivery.notification_id.in_(changed), Delivery.edit_of.is_not(None))
                )
                assert len(changed) == edits == 6  # each finance card changed once per payment
                order = session.scalars(select(Order)).one()
                assert order.paid_minor == 17050  # $170.50: nothing counted twice
            told = [
                m
                for m in found.slack.dm_messages(SAM)
                if "was approved by Fi" in plain_text(m) or "was approved by Fred" in plain_text(m)
            ]
            assert len([m for m in told if "Payment" in plain_text(m)]) == 3
            for user in (FIONA, FRED):
                cards = [m for m in found.slack.dm_messages(user) if "Payment for" in plain_text(m)]
                assert len(cards) == 3 and all(len(m.edits) == 1 for m in cards)
                assert all("approved by" in plain_text(m) for m in cards)
            assert found.slack.errors == []
    finally:
        drop_scratch_postgres(url)
