"""Approvals' front door: each call is one transaction, acting as one member."""

from __future__ import annotations

from dealbot.domain.approvals import use_cases
from dealbot.domain.approvals.kinds import ApprovalKinds
from dealbot.domain.approvals.use_cases import ApprovalView
from dealbot.domain.core.clock import Clock
from dealbot.domain.core.desk import Desk
from dealbot.domain.core.store import SessionFactory
from dealbot.domain.outbox.notify import Outbox


class ApprovalDesk(Desk):
    def __init__(
        self,
        sessions: SessionFactory,
        clock: Clock,
        outbox: Outbox,
        kinds: ApprovalKinds,
    ) -> None:
        super().__init__(sessions, clock, outbox)
        self.kinds = kinds

    def for_decision(self, member_id: int, request_id: int) -> ApprovalView:
        return self.as_member(
            member_id, lambda s, m: use_cases.for_decision(s, self.kinds, m, request_id)
        )

    def decide(
        self, member_id: int, request_id: int, *, approve: bool, comment: str | None = None
    ) -> ApprovalView:
        return self.as_member(
            member_id,
            lambda s, m: use_cases.decide(
                s,
                self.outbox,
                self.kinds,
                m,
                request_id,
                approve=approve,
                comment=comment,
                now=self.clock.now(),
            ),
        )

    def waiting(self, member_id: int) -> list[ApprovalView]:
        return self.as_member(member_id, lambda s, m: use_cases.waiting(s, self.kinds, m))
