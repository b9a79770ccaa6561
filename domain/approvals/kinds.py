"""What can be approved, declared by the capability it belongs to: who may decide it, and
what its approval or rejection changes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from dealbot.domain.approvals.models import ApprovalRequest
from dealbot.domain.core.directory import members_with_role
from dealbot.domain.core.models import Member, Role

Deciders = Callable[[Session, ApprovalRequest], list[Member]]
# The subject's own change once decided (a quote becomes approved); in the same transaction.
Decided = Callable[[Session, ApprovalRequest, Member, bool, datetime], None]


@dataclass(frozen=True)
class ApprovalKind:
    name: str
    deciders: Deciders
    decided: Decided | None = None
    # Decisions are told in the deal's thread too (quotes and orders; payments stay out of it).
    in_thread: bool = False


class ApprovalKinds:
    def __init__(self) -> None:
        self._kinds: dict[str, ApprovalKind] = {}

    def add(self, kind: ApprovalKind) -> None:
        if kind.name in self._kinds:
            raise ValueError(f"two capabilities declare the approval kind {kind.name!r}")
        self._kinds[kind.name] = kind

    def __getitem__(self, name: str) -> ApprovalKind:
        return self._kinds[name]


def team_leader(session: Session, request: ApprovalRequest) -> list[Member]:
    leader = request.team.leader
    return [leader] if leader is not None and leader.active else []


def with_role(role: Role) -> Deciders:
    def deciders(session: Session, request: ApprovalRequest) -> list[Member]:
        return members_with_role(session, role, request.team_id)

    return deciders
