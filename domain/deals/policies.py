"""Who may see and do what with deals: checked on the server for every command and click."""

from __future__ import annotations

from sqlalchemy.orm import Session

from dealbot.domain.core.models import Member, Role
from dealbot.domain.core.permissions import is_admin, leads, visible_team_ids
from dealbot.domain.deals.models import Deal, Task


def can_view_deal(session: Session, viewer: Member, deal: Deal) -> bool:
    teams = visible_team_ids(session, viewer)
    return teams is None or deal.team_id in teams


def can_see_lost_reason(session: Session, viewer: Member, deal: Deal) -> bool:
    return viewer.id == deal.owner_id or is_admin(viewer) or leads(viewer, deal.team_id, session)


def can_report_on(session: Session, viewer: Member, deal: Deal) -> bool:
    """The owner, the leader of the deal's team, or an admin."""
    return viewer.id == deal.owner_id or is_admin(viewer) or leads(viewer, deal.team_id, session)


def can_open_deals(viewer: Member) -> bool:
    return viewer.has_role(Role.SALES) or viewer.has_role(Role.LEADER)


def can_complete_task(viewer: Member, task: Task) -> bool:
    return task.assignee_id == viewer.id
