"""State the front ends keep in the store (outside the domain), on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.orm import Session

from dealbot.domain.core.desk import PeopleDesk
from dealbot.domain.core.errors import NotFound
from dealbot.domain.core.store import SessionFactory
from dealbot.handlers.core.state import FrontState, first_time_in, noted_with_state
from support.store import TEAMS, FakeClock, load


def test_a_request_is_handled_the_first_time_only(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    state = FrontState(sessions)
    assert state.first_time("slack", "Ev123", clock.now()) is True
    assert state.first_time("slack", "Ev123", clock.now()) is False
    assert state.first_time("telegram", "Ev123", clock.now()) is True


def test_a_refused_request_can_be_let_through_again(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    state = FrontState(sessions)
    state.first_time("slack", "view:V1", clock.now())
    state.forget("slack", "view:V1")
    assert state.first_time("slack", "view:V1", clock.now()) is True


def test_handled_requests_are_kept_a_week(sessions: SessionFactory, clock: FakeClock) -> None:
    state = FrontState(sessions)
    state.first_time("telegram", "update:1", clock.now())
    clock.advance(days=6)
    state.first_time("telegram", "update:2", clock.now())
    clock.advance(days=2)

    assert state.forget_handled(clock.now()) == 1
    assert state.first_time("telegram", "update:1", clock.now()) is True
    assert state.first_time("telegram", "update:2", clock.now()) is False


def test_a_half_filled_form_survives_and_can_be_cleared(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    state = FrontState(sessions)
    form = {"form": "deal-new", "answers": {"customer": "<b>AT&T</b> 🚀"}}

    state.save("telegram", "42:7", form, clock.now())
    state.save("telegram", "42:7", {**form, "step": 2}, clock.now())

    assert state.load("telegram", "42:7") == {**form, "step": 2}
    assert state.clear("telegram", "42:7") is True
    assert state.load("telegram", "42:7") is None
    assert state.clear("telegram", "42:7") is False


def test_a_strangers_request_noted_on_arrival_stays_noted(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    # Two processes given the same update each look for its sender in the same trip that notes
    # it: the first to note it must keep its note even though nobody was found.
    load(sessions, TEAMS)
    people = PeopleDesk(sessions, clock)
    state = FrontState(sessions)

    def note(session: Session) -> bool:
        return first_time_in(session, "telegram", "update:7", clock.now())

    with pytest.raises(NotFound):
        people.arriving("en", first_time=note, telegram_user=4242)

    assert state.first_time("telegram", "update:7", clock.now()) is False
    assert people.arriving("en", first_time=note, telegram_user=4242) is None


def test_an_update_is_noted_with_its_forms_state_the_first_time_only(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    state = FrontState(sessions)
    form = {"form": "deal-new", "answers": {"customer": "Acme"}}
    state.save("telegram", "42:7", form, clock.now())

    def note(update: str, chat: str) -> tuple[bool, dict[str, Any] | None]:
        with sessions.begin() as session:
            return noted_with_state(session, "telegram", update, chat, clock.now())

    assert note("update:1", "42:7") == (True, form)
    assert note("update:1", "42:7") == (False, None)
    assert note("update:2", "42:8") == (True, None)  # no form open in that chat
    assert state.first_time("telegram", "update:2", clock.now()) is False
