"""State the front ends keep in the store, on SQLite and PostgreSQL."""

from __future__ import annotations

from dealbot.domain.desk import DealDesk
from support.store import TEAMS, load


def test_a_request_is_handled_the_first_time_only(desk: DealDesk) -> None:
    assert desk.first_time("slack", "Ev123") is True
    assert desk.first_time("slack", "Ev123") is False
    assert desk.first_time("telegram", "Ev123") is True


def test_a_half_filled_form_survives_and_can_be_cleared(desk: DealDesk) -> None:
    state = {"form": "deal-new", "answers": {"customer": "<b>AT&T</b> 🚀"}}

    desk.save_conversation("telegram", "42:7", state)
    desk.save_conversation("telegram", "42:7", {**state, "step": 2})

    assert desk.load_conversation("telegram", "42:7") == {**state, "step": 2}
    desk.clear_conversation("telegram", "42:7")
    assert desk.load_conversation("telegram", "42:7") is None


def test_starting_the_bot_on_telegram_is_remembered(desk: DealDesk) -> None:
    load(desk.sessions, TEAMS.replace('handle = "kenji"', 'handle = "kenji"\ntelegram_user = 2002'))
    assert desk.person(handle="kenji").telegram_started is False

    assert desk.mark_telegram_started(2002) == desk.person(handle="kenji").id
    assert desk.person(handle="kenji").telegram_started is True
    assert desk.mark_telegram_started(999) is None
