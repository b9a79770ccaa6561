"""The core's rule about pictures, whatever a capability does: a chart reaches only one person,
in their direct messages, through the outbox; it never reaches a feed. Statistics count lost
deals, and nothing about a lost deal may reach a team channel or group."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select

from dealbot.domain.core.desk import REPLY
from dealbot.domain.core.models import Member
from dealbot.domain.core.routing import Placement as Route
from dealbot.domain.core.store import SessionFactory
from dealbot.domain.outbox.delivery import Envelope
from dealbot.domain.outbox.notify import Recipient
from dealbot.handlers.charts import Chart
from dealbot.handlers.core.forms import Form
from dealbot.handlers.core.outcomes import FormRequest, Outcome
from dealbot.handlers.core.registry import Ask, Note
from dealbot.handlers.core.transport import PartsSent, Placement
from dealbot.handlers.core.ui import Message, Reply
from support.deals import deliveries, draft
from support.outbox import World, world
from support.store import TEAMS, FakeClock, load

CHART = Chart.of("bar", "Win rate by size", ["1–9", "10–49"], [0.5, 0.25], ["50%", "25%"])
PICTURE = Message(title="Statistics", lines=("1–9: 50%", "10–49: 25%"), charts=(CHART,))


@pytest.fixture
def w(sessions: SessionFactory, clock: FakeClock) -> World:
    load(sessions, TEAMS)
    return world(sessions, clock)


@dataclass
class Screen:
    """A platform that keeps every message it was given, with its charts."""

    platform: str = "alpha"
    got: list[tuple[str, Message]] = field(default_factory=list)

    async def send(
        self, envelope: Envelope, message: Message, placement: Placement, parts_sent: PartsSent
    ) -> list[str]:
        self.got.append((envelope.address, message))
        return [f"{envelope.address}-{len(self.got)}-{n}" for n in range(1 + len(message.charts))]

    async def edit(self, envelope: Envelope, message: Message, card_ids: list[str]) -> None:
        raise AssertionError("nothing is edited here")

    async def find_sent(self, envelope: Envelope, placement: Placement) -> list[str] | None:
        return None


def _reply(outcome: Outcome) -> Reply:
    assert isinstance(outcome, Reply), outcome
    return outcome


def _queued_replies(w: World) -> list[tuple[str, str, str]]:
    return [(p, a, s) for kind, p, a, s in deliveries(w.desks.deals) if kind == REPLY]


async def test_a_command_answering_with_a_chart_sends_it_to_the_askers_dm_only(w: World) -> None:
    kenji = w.desks.people.person(handle="kenji")
    w.desks.deals.open_deal(kenji.id, draft(title="Forklifts"))
    before = len(deliveries(w.desks.deals))

    answer = _reply(await w.router.command(kenji, "stats", "alpha"))

    assert answer.messages == () and answer.queued == 1
    new = deliveries(w.desks.deals)[before:]
    assert new == [(REPLY, "alpha", "dm-kenji", "pending")]  # not beta, not the feed
    screen = Screen()
    await w.dispatcher(screen).drain()
    [message] = [m for where, m in screen.got if where == "dm-kenji"]
    assert message.charts and message.title == "案件 1 件の統計"  # kenji reads Japanese
    assert not any(m.charts for where, m in screen.got if where != "dm-kenji")


async def test_a_reply_without_charts_still_comes_straight_back(w: World) -> None:
    kenji = w.desks.people.person(handle="kenji")

    answer = _reply(await w.router.command(kenji, "list", "alpha"))

    assert answer.messages and answer.queued == 0
    assert _queued_replies(w) == []


async def test_a_button_and_a_form_answering_with_charts_go_to_the_dm_as_well(w: World) -> None:
    async def press(ask: Ask, value: str) -> Outcome:
        return Reply.of(Message(title="first"), PICTURE)

    async def submit(ask: Ask, request: FormRequest, values: dict[str, Any]) -> Reply:
        return Reply.of(PICTURE)

    form = Form("picture", fields=())
    w.router.registry.action("picture", press)
    w.router.registry.form(form, submit)
    sato = w.desks.people.person(handle="sato")

    pressed = _reply(await w.router.press(sato, "picture", "1", "beta"))
    submitted = await w.router.submit(w.router.ask(sato, "beta"), FormRequest(form), {})

    # The whole reply goes as one message, its text before its charts, so the text is not
    # overtaken by the pictures.
    assert pressed == Reply(queued=1) and submitted == Reply(queued=1)
    assert _queued_replies(w) == [("beta", "dm-sato", "pending")] * 2
    screen = Screen("beta")
    await w.dispatcher(screen).drain()
    assert sorted((where, m.title, m.lines[:1], len(m.charts)) for where, m in screen.got) == [
        ("dm-sato", "Statistics", PICTURE.lines[:1], 1),
        ("dm-sato", "first", ("Statistics",), 1),
    ]


async def test_a_notification_built_with_charts_reaches_the_feed_without_them(
    w: World, caplog: pytest.LogCaptureFixture
) -> None:
    w.router.registry.notification("weekly_picture", lambda t, note: PICTURE)
    with w.sessions.begin() as session:
        leader = session.scalars(select(Member).where(Member.handle == "sato")).one()
        w.outbox.notify(
            session,
            key="weekly-1",
            kind="weekly_picture",
            team=leader.team,
            recipients=[
                Recipient("feed", Route.POST),
                Recipient("leader", Route.DM, leader),
            ],
            params={},
            now=datetime(2026, 11, 2, tzinfo=UTC),
        )
    screen = Screen()

    with caplog.at_level(logging.ERROR, logger="dealbot.handlers.core.router"):
        await w.dispatcher(screen).drain()

    got = dict(screen.got)
    assert got["feed-Tokyo Sales"] == PICTURE.without_charts()
    assert got["dm-sato"] == PICTURE
    [record] = caplog.records
    assert "weekly_picture" in record.getMessage() and "left out" in record.getMessage()


@pytest.mark.parametrize(
    ("audience", "placement", "kept"),
    [
        ("feed", "post", False),
        ("feed", "thread", False),
        ("feed", "broadcast", False),
        ("owner", "thread", False),  # a person's event placed in a feed's thread
        ("leader", "dm", True),
        ("leader", "task", True),
        ("actor", "dm", True),
    ],
)
def test_only_a_note_to_one_persons_dm_keeps_its_charts(
    w: World, audience: str, placement: str, kept: bool
) -> None:
    t = w.router.ask(w.desks.people.person(handle="sato"), "alpha").t
    note = Note(REPLY, audience, placement, {"reply": Reply.of(PICTURE).to_json()})

    assert bool(w.router.message(t, note).charts) is kept
