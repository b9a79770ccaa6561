"""A capability's front door: each call is one transaction, acting as one active member."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealbot.domain.core import directory
from dealbot.domain.core.clock import Clock, SystemClock
from dealbot.domain.core.errors import NotFound
from dealbot.domain.core.models import Member, Role
from dealbot.domain.core.routing import Audience, Placement
from dealbot.domain.core.store import SessionFactory
from dealbot.domain.core.views import Person
from dealbot.domain.outbox.notify import Outbox, Recipient

T = TypeVar("T")

# An answer to the person who just acted that could not go straight to the platform.
REPLY = "reply"


class Desk:
    def __init__(
        self, sessions: SessionFactory, clock: Clock | None = None, outbox: Outbox | None = None
    ) -> None:
        self.sessions = sessions
        self.clock: Clock = clock or SystemClock()
        self.outbox = outbox or Outbox()

    def as_member(self, member_id: int, work: Callable[[Session, Member], T]) -> T:
        with self.sessions.begin() as session:
            member = session.get(Member, member_id)
            if member is None or not member.active:
                raise NotFound("error-not-on-team")
            return work(session, member)


class PeopleDesk(Desk):
    """Who is who, their language, and answers that must reach them later."""

    def person(self, **identity: object) -> Person:
        with self.sessions.begin() as session:
            return Person.of(directory.active_member(session, **identity))

    def arriving(self, profile_locale: str | None, **identity: object) -> Person:
        """The member behind a platform identity, noting their chat profile's language."""
        with self.sessions.begin() as session:
            member = directory.active_member(session, **identity)
            if profile_locale and member.profile_locale != profile_locale:
                member.profile_locale = profile_locale
            return Person.of(member)

    def people(self) -> list[Person]:
        with self.sessions.begin() as session:
            members = session.scalars(
                select(Member).where(Member.active.is_(True)).order_by(Member.id)
            )
            return [Person.of(m) for m in members]

    def teammates(self, member_id: int, roles: tuple[Role, ...]) -> list[Person]:
        """The active members of the member's team holding one of `roles`, by name."""

        def work(session: Session, member: Member) -> list[Person]:
            team = session.scalars(
                select(Member)
                .where(Member.team_id == member.team_id, Member.active.is_(True))
                .order_by(Member.name)
            )
            return [Person.of(m) for m in team if any(m.has_role(r) for r in roles)]

        return self.as_member(member_id, work)

    def choose_locale(self, member_id: int, locale: str | None) -> Person:
        def work(session: Session, member: Member) -> Person:
            member.chosen_locale = locale
            return Person.of(member)

        return self.as_member(member_id, work)

    def note_profile_locale(self, member_id: int, locale: str | None) -> None:
        with self.sessions.begin() as session:
            member = session.get_one(Member, member_id)
            if member.profile_locale != locale:
                member.profile_locale = locale

    def queue_reply(self, member_id: int, platform: str, key: str, params: dict[str, Any]) -> None:
        """The answer to what the person just did, through the outbox: its direct send failed."""

        def work(session: Session, member: Member) -> None:
            self.outbox.notify(
                session,
                key=key,
                kind=REPLY,
                team=member.team,
                recipients=[Recipient(Audience.ACTOR.value, Placement.DM, member)],
                params=params,
                now=self.clock.now(),
                platform=platform,
            )

        self.as_member(member_id, work)
