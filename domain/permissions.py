"""Who may see and do what: checked on the server for every command, form and click."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealbot.domain.enums import Role
from dealbot.domain.models import Deal, Member, Task, Team


def is_admin(member: Member) -> bool:
    return member.has_role(Role.ADMIN)


def leads(member: Member, team_id: int, session: Session) -> bool:
    team = session.get(Team, team_id)
    return team is not None and team.leader_id == member.id


def visible_team_ids(session: Session, viewer: Member) -> set[int] | None:
    """The teams whose deals the viewer may see; None means every team (admins)."""
    if is_admin(viewer):
        return None
    led = session.scalars(select(Team.id).where(Team.leader_id == viewer.id))
    return {viewer.team_id, *led}


def can_view_deal(session: Session, viewer: Member, deal: Deal) -> bool:
    teams = visible_team_ids(session, viewer)
    return teams is None or deal.team_id in teams


def can_see_lost_reason(session: Session, viewer: Member, deal: Deal) -> bool:
    return viewer.id == deal.owner_id or is_admin(viewer) or leads(viewer, deal.team_id, session)


def can_report_on(viewer: Member, deal: Deal) -> bool:
    return viewer.id == deal.owner_id or is_admin(viewer)


def can_open_deals(viewer: Member) -> bool:
    return viewer.has_role(Role.SALES) or viewer.has_role(Role.LEADER)


def can_complete_task(viewer: Member, task: Task) -> bool:
    return task.assignee_id == viewer.id
