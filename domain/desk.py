"""The domain's front door: each call is one transaction, acting as one member."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealbot.domain import deals, directory, platform_state, queries
from dealbot.domain.clock import Clock, SystemClock
from dealbot.domain.errors import NotFound
from dealbot.domain.models import Member
from dealbot.domain.queries import SearchFilters
from dealbot.domain.store import SessionFactory
from dealbot.domain.views import AdviceTaskView, DealCard, DealDetail, Person, Stats

T = TypeVar("T")


class DealDesk:
    def __init__(self, sessions: SessionFactory, clock: Clock | None = None) -> None:
        self.sessions = sessions
        self.clock: Clock = clock or SystemClock()

    def _as(self, member_id: int, work: Callable[[Session, Member], T]) -> T:
        with self.sessions.begin() as session:
            member = session.get(Member, member_id)
            if member is None or not member.active:
                raise NotFound("error-not-on-team")
            return work(session, member)

    # people
    def person(self, **identity: object) -> Person:
        with self.sessions.begin() as session:
            return Person.of(directory.active_member(session, **identity))

    def people(self) -> list[Person]:

        with self.sessions.begin() as session:
            members = session.scalars(
                select(Member).where(Member.active.is_(True)).order_by(Member.id)
            )
            return [Person.of(m) for m in members]

    def choose_locale(self, member_id: int, locale: str | None) -> Person:
        def work(session: Session, member: Member) -> Person:
            directory.set_chosen_locale(session, member.id, locale)
            return Person.of(member)

        return self._as(member_id, work)

    def note_profile_locale(self, member_id: int, locale: str | None) -> None:
        with self.sessions.begin() as session:
            directory.set_profile_locale(session, member_id, locale)

    # the deal flow
    def open_deal(self, member_id: int, draft: deals.DealDraft) -> DealCard:
        return self._as(member_id, lambda s, m: deals.open_deal(s, m, draft, self.clock))

    def advice_task(self, member_id: int, task_id: int) -> AdviceTaskView:
        return self._as(member_id, lambda s, m: deals.advice_task(s, m, task_id))

    def give_advice(self, member_id: int, task_id: int, advice: str) -> DealCard:
        return self._as(
            member_id, lambda s, m: deals.give_advice(s, m, task_id, advice, self.clock)
        )

    def report_progress(self, member_id: int, report: deals.ProgressReport) -> DealCard:
        return self._as(member_id, lambda s, m: deals.report_progress(s, m, report, self.clock))

    # reading
    def show(self, member_id: int, ref: str) -> DealDetail:
        return self._as(member_id, lambda s, m: queries.show_deal(s, m, ref))

    def my_open_deals(self, member_id: int) -> list[DealCard]:
        return self._as(member_id, queries.open_deals_of)

    def team_open_deals(self, member_id: int) -> list[DealCard]:
        return self._as(member_id, queries.team_open_deals)

    def customers(self, member_id: int) -> list[str]:
        return self._as(member_id, queries.customer_names)

    def waiting_tasks(self, member_id: int) -> list[AdviceTaskView]:
        return self._as(member_id, queries.waiting_tasks)

    def search(self, member_id: int, filters: SearchFilters) -> list[DealCard]:
        return self._as(member_id, lambda s, m: queries.search_deals(s, m, filters))

    def stats(self, member_id: int, filters: SearchFilters) -> Stats:
        return self._as(member_id, lambda s, m: queries.deal_stats(s, m, filters))

    def team_currency(self, member_id: int) -> str:
        return self._as(member_id, lambda s, m: m.team.currency)

    # front-end state
    def load_conversation(self, platform: str, chat_key: str) -> dict[str, Any] | None:
        with self.sessions.begin() as session:
            return platform_state.load_conversation(session, platform, chat_key)

    def save_conversation(self, platform: str, chat_key: str, state: dict[str, Any]) -> None:
        with self.sessions.begin() as session:
            platform_state.save_conversation(session, platform, chat_key, state, self.clock.now())

    def clear_conversation(self, platform: str, chat_key: str) -> None:
        with self.sessions.begin() as session:
            platform_state.clear_conversation(session, platform, chat_key)

    def first_time(self, platform: str, request_key: str) -> bool:
        with self.sessions.begin() as session:
            return platform_state.first_time(session, platform, request_key, self.clock.now())

    def mark_telegram_started(self, telegram_user: int) -> int | None:
        with self.sessions.begin() as session:
            return platform_state.mark_telegram_started(session, telegram_user)
