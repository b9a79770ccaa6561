"""Plain values about people and teams, safe to use after the transaction."""

from __future__ import annotations

from dataclasses import dataclass

from dealbot.domain.core.models import Member, Role, Team


@dataclass(frozen=True)
class Person:
    """A member as front ends need them: who they are and which language they read."""

    id: int
    handle: str
    name: str
    team: str
    team_id: int
    roles: tuple[str, ...]
    locale: str
    timezone: str
    currency: str
    slack_user: str | None
    telegram_user: int | None

    @classmethod
    def of(cls, member: Member) -> Person:
        return cls(
            id=member.id,
            handle=member.handle,
            name=member.name,
            team=member.team.name,
            team_id=member.team_id,
            roles=tuple(member.roles),
            locale=member.locale,
            timezone=member.team.timezone,
            currency=member.team.currency,
            slack_user=member.slack_user,
            telegram_user=member.telegram_user,
        )

    def has_role(self, role: Role) -> bool:
        return role.value in self.roles


@dataclass(frozen=True)
class TeamView:
    id: int
    name: str
    locale: str
    timezone: str
    currency: str

    @classmethod
    def of(cls, team: Team) -> TeamView:
        return cls(team.id, team.name, team.locale, team.timezone, team.currency)
