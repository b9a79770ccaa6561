"""Approvals as conversations: the card, its buttons, the rejection's comment, what waits."""

from __future__ import annotations

from dealbot.domain.approvals.desk import ApprovalDesk
from dealbot.domain.approvals.routing import APPROVAL_DECIDED
from dealbot.domain.approvals.use_cases import APPROVAL_CLOSED, APPROVAL_REQUESTED
from dealbot.handlers.approvals import messages
from dealbot.handlers.approvals.commands import ApprovalCommands
from dealbot.handlers.approvals.forms import REJECT
from dealbot.handlers.core.registry import Registry


def register(registry: Registry, desk: ApprovalDesk) -> None:
    approvals = ApprovalCommands(desk)
    registry.command("approvals", approvals.approvals, help_key="help-approvals")
    registry.action(messages.APPROVE_ACTION, approvals.approve)
    registry.action(messages.REJECT_ACTION, approvals.reject)
    registry.form(REJECT, approvals.submit_reject)
    registry.notification(APPROVAL_REQUESTED, messages.requested)
    registry.notification(APPROVAL_CLOSED, messages.closed)
    registry.notification(APPROVAL_DECIDED, messages.decided)
    registry.home_section("home-approvals", approvals.home_rows)
