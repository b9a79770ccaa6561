"""The router: whatever a front end hands it (a command, a button value, a form's state), the
answer is a reply in the person's language, never an error from the store."""

from __future__ import annotations

import pytest

from dealbot.domain.core.store import SessionFactory
from dealbot.handlers.core.outcomes import Outcome
from dealbot.handlers.core.ui import Reply
from support.deals import draft
from support.outbox import World, world
from support.store import TEAMS, FakeClock, load


def _reply(outcome: Outcome) -> Reply:
    assert isinstance(outcome, Reply), outcome
    return outcome


@pytest.fixture
def w(sessions: SessionFactory, clock: FakeClock) -> World:
    load(sessions, TEAMS)
    return world(sessions, clock)


@pytest.mark.parametrize(
    "value", ["99999999999999999999", "-1", "0", "１２", "1e3", "", "12\x00", "<!channel>"]
)
async def test_a_button_value_no_button_of_ours_carries_is_refused_plainly(
    w: World, value: str
) -> None:
    sato = w.desks.people.person(handle="sato")

    outcome = _reply(await w.router.press(sato, "advice", value, "slack"))

    assert outcome.messages[0].lines == ("このボタンはもう使えません。",)  # sato reads Japanese


async def test_a_form_state_that_was_tampered_with_is_refused(w: World) -> None:
    for data in (
        {"form": "no-such-form"},
        {"form": "advice", "context": {"task": 5}},
        {"form": "advice", "fixed": ["x"]},
        "not a map",
    ):
        with pytest.raises(ValueError):
            w.router.decode_request(data)


async def test_control_characters_in_a_command_never_reach_the_store(w: World) -> None:
    kenji = w.desks.people.person(handle="kenji")
    w.desks.deals.open_deal(kenji.id, draft(title="Fork\x00lifts 100%"))
    w.desks.deals.open_deal(kenji.id, draft(title="Cranes"))

    nul = _reply(await w.router.command(kenji, "search Fork\x00lifts", "slack"))
    percent = _reply(await w.router.command(kenji, "search 100%", "slack"))
    wildcard = _reply(await w.router.command(kenji, "search %", "slack"))

    assert nul.messages[0].title == "1 件の案件が見つかりました" or "1" in str(
        nul.messages[0].title
    )
    assert [line.split(" · ")[1] for line in percent.messages[0].lines] == ["Forklifts 100%"]
    assert [line.split(" · ")[1] for line in wildcard.messages[0].lines] == ["Forklifts 100%"]


async def test_the_languages_are_listed_in_the_readers_language(w: World) -> None:
    sato = w.desks.people.person(handle="sato")
    ivan = w.desks.people.person(handle="ivan")

    japanese = _reply(await w.router.command(sato, "lang xx", "shell"))
    russian = _reply(await w.router.command(ivan, "lang", "shell"))

    assert "、またはru (Русский)" in japanese.messages[0].lines[0]
    assert " or " not in japanese.messages[0].lines[0]
    assert "на языке: русский" in str(russian.messages[0].title)
