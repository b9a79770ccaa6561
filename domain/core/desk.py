"""A capability's front door: each call is one transaction, acting as one active member."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from dealbot.domain.core import directory
from dealbot.domain.core.clock import Clock, SystemClock
from dealbot.domain.core.errors import NotFound
from dealbot.domain.core.models import Member, Role
from dealbot.domain.core.routing import Audience, Placement
from dealbot.domain.core.store import SessionFactory, statement_sessions
from dealbot.domain.core.views import Person
from dealbot.domain.outbox.models import Delivery
from dealbot.domain.outbox.notify import Outbox, Recipient, delivery_key, notification_key

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

    def __init__(
        self, sessions: SessionFactory, clock: Clock | None = None, outbox: Outbox | None = None
    ) -> None:
        super().__init__(sessions, clock, outbox)
        self.statements = statement_sessions(sessions)

    def person(self, **identity: object) -> Person:
        with self.statements.begin() as session:  # one query
            return directory.arriving_person(session, None, **identity)

    def arriving(
        self,
        profile_locale: str | None,
        *,
        first_time: Callable[[Session], bool] | None = None,
        **identity: object,
    ) -> Person | None:
        """The member behind a platform identity, noting their chat profile's language.

        `first_time` runs first, on the same connection (a front end noting the request as
        handled); when it answers False the request was handled before, and None comes back.
        What `first_time` noted stays noted when the member is not found: the transaction
        commits before `NotFound` is raised, so a stranger's request is answered once too.
        """
        with self.statements.begin() as session:
            if first_time is not None and not first_time(session):
                return None
            try:
                return directory.arriving_person(session, profile_locale, **identity)
            except NotFound as stranger:
                missing = stranger
        raise missing

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

    def queue_reply(
        self,
        member_id: int,
        platform: str,
        key: str,
        params: dict[str, Any],
        *,
        maybe_sent: bool = False,
    ) -> None:
        """The answer to what the person just did, through the outbox: its direct send failed.

        `maybe_sent`: the platform may have taken it after all (the connection broke); the
        outbox then looks for it before sending, as after a lost claim.
        """

        def work(session: Session, member: Member) -> None:
            now = self.clock.now()
            written = self.outbox.notify(
                session,
                key=key,
                kind=REPLY,
                team=member.team,
                recipients=[Recipient(Audience.ACTOR.value, Placement.DM, member)],
                params=params,
                now=now,
                platform=platform,
            )
            if maybe_sent and written:
                session.execute(
                    update(Delivery)
                    .where(Delivery.notification_id.in_(written))
                    .values(send_started_at=now, first_attempt_at=now)
                )

        self.as_member(member_id, work)

    @staticmethod
    def reply_key(member_id: int, platform: str, key: str) -> str:
        """The delivery key a direct answer carries, the same its outbox row would have."""
        return delivery_key(
            notification_key(key, Audience.ACTOR.value, Placement.DM, member_id), platform
        )
