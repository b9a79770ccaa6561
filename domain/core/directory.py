"""Teams and members: kept in step with the configuration and found by platform identity."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, cast

from sqlalchemy import Select, Table, Update, bindparam, select, update
from sqlalchemy.orm import Session, joinedload

from dealbot.domain.core.errors import NotFound
from dealbot.domain.core.models import Member, Role, Team, member_locale
from dealbot.domain.core.views import Person


@dataclass(frozen=True)
class TeamSpec:
    name: str
    leader: str | None = None
    timezone: str = "UTC"
    locale: str = "en"
    currency: str = "USD"
    slack_channel: str | None = None
    telegram_chat: int | None = None
    stagnation_days: int = 7
    routing: dict[str, Any] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class MemberSpec:
    handle: str
    name: str
    team: str
    roles: tuple[str, ...]
    slack_user: str | None = None
    telegram_user: int | None = None
    locale: str | None = None


def sync_directory(
    session: Session,
    teams: Sequence[TeamSpec],
    members: Sequence[MemberSpec],
    *,
    deactivate_missing: bool = True,
) -> None:
    """Make the stored directory match the configuration.

    Members left out of the file are deactivated (never deleted: their deals keep their
    history), but only when `deactivate_missing`: the shell's built-in sample team must not
    switch off a real team that shares the database.
    """
    teams_by_name = {t.name: t for t in session.scalars(select(Team))}
    for spec in teams:
        team = teams_by_name.get(spec.name) or Team(name=spec.name)
        team.timezone = spec.timezone
        team.locale = spec.locale
        team.currency = spec.currency
        team.slack_channel = spec.slack_channel
        team.telegram_chat = spec.telegram_chat
        team.stagnation_days = spec.stagnation_days
        team.routing = dict(spec.routing)
        team.settings = dict(spec.settings)
        session.add(team)
        teams_by_name[spec.name] = team
    session.flush()

    members_by_handle = {m.handle: m for m in session.scalars(select(Member))}
    wanted = {spec.handle for spec in members}
    stale_members = [m for h, m in members_by_handle.items() if h not in wanted]
    for stale in stale_members if deactivate_missing else []:
        stale.active = False
        stale.slack_user = None
        stale.telegram_user = None
    session.flush()
    for person in members:
        member = members_by_handle.get(person.handle) or Member(handle=person.handle)
        member.name = person.name
        member.team_id = teams_by_name[person.team].id
        member.roles = list(person.roles)
        member.slack_user = person.slack_user
        member.telegram_user = person.telegram_user
        member.configured_locale = person.locale
        member.active = True
        session.add(member)
        members_by_handle[person.handle] = member
    session.flush()
    for spec in teams:
        leader = members_by_handle.get(spec.leader) if spec.leader else None
        teams_by_name[spec.name].leader_id = leader.id if leader else None
    session.flush()


IDENTITIES = frozenset({"handle", "slack_user", "telegram_user"})


def active_member(session: Session, **identity: Any) -> Member:
    """The active member with this handle, slack_user or telegram_user."""
    ((column, value),) = identity.items()
    if column not in IDENTITIES:
        raise ValueError(f"members are not found by {column}")
    member = session.scalar(
        select(Member)
        .options(joinedload(Member.team))  # every caller reads the team too: one query
        .where(getattr(Member, column) == value, Member.active.is_(True))
    )
    if member is None:
        raise NotFound("error-not-on-team")
    return member


@cache
def _person_query(column: str) -> Select[Any]:
    # Built once per identity and read as plain columns: this runs for every update and
    # request a front end receives, where building the statement and loading ORM objects
    # would cost more than the query.
    members, teams = Member.__table__.c, Team.__table__.c
    return (
        select(
            members.id,
            members.handle,
            members.name,
            teams.name.label("team"),
            members.team_id,
            members.roles,
            members.chosen_locale,
            members.configured_locale,
            members.profile_locale,
            teams.locale.label("team_locale"),
            teams.timezone,
            teams.currency,
            members.slack_user,
            members.telegram_user,
        )
        .join_from(Member.__table__, Team.__table__, teams.id == members.team_id)
        .where(members[column] == bindparam("identity"), members.active.is_(True))
    )


@cache
def _profile_locale_update() -> Update:
    members = Member.__table__.c
    return (
        update(cast(Table, Member.__table__))
        .where(members.id == bindparam("member"))
        .values(profile_locale=bindparam("locale"))
    )


def arriving_person(session: Session, profile_locale: str | None, **identity: Any) -> Person:
    """The active member behind a platform identity, noting their chat profile's language.

    One query; a second statement only when the profile's language changed.
    """
    ((column, value),) = identity.items()
    if column not in IDENTITIES:
        raise ValueError(f"members are not found by {column}")
    row = session.execute(_person_query(column), {"identity": value}).one_or_none()
    if row is None:
        raise NotFound("error-not-on-team")
    profile = row.profile_locale
    if profile_locale and profile != profile_locale:
        session.execute(_profile_locale_update(), {"member": row.id, "locale": profile_locale})
        profile = profile_locale
    return Person(
        id=row.id,
        handle=row.handle,
        name=row.name,
        team=row.team,
        team_id=row.team_id,
        roles=tuple(row.roles),
        locale=member_locale(row.chosen_locale, row.configured_locale, profile, row.team_locale),
        timezone=row.timezone,
        currency=row.currency,
        slack_user=row.slack_user,
        telegram_user=row.telegram_user,
    )


def find_member(session: Session, handle: str) -> Member | None:
    return session.scalar(
        select(Member).where(Member.handle == handle.lstrip("@"), Member.active.is_(True))
    )


def members_with_role(session: Session, role: Role, team_id: int | None = None) -> list[Member]:
    """Active members holding `role`: of the team when it has some, else of every team."""
    everyone = [
        m
        for m in session.scalars(select(Member).where(Member.active.is_(True)).order_by(Member.id))
        if m.has_role(role)
    ]
    in_team = [m for m in everyone if m.team_id == team_id]
    return in_team or everyone
