"""Who may see what, the parts every capability shares: admins, leaders and their teams."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealbot.domain.core.models import Member, Role, Team


def is_admin(member: Member) -> bool:
    return member.has_role(Role.ADMIN)


def leads(member: Member, team_id: int, session: Session) -> bool:
    team = session.get(Team, team_id)
    return team is not None and team.leader_id == member.id


def visible_team_ids(session: Session, viewer: Member) -> set[int] | None:
    """The teams whose work the viewer may see; None means every team (admins)."""
    if is_admin(viewer):
        return None
    led = session.scalars(select(Team.id).where(Team.leader_id == viewer.id))
    return {viewer.team_id, *led}
