"""Approve at one tap, reject with a comment, and what waits for me."""

from __future__ import annotations

from typing import Any

from dealbot.domain.approvals.desk import ApprovalDesk
from dealbot.domain.core.refs import parse_id
from dealbot.handlers.approvals import messages
from dealbot.handlers.approvals.forms import REJECT
from dealbot.handlers.core.outcomes import FormRequest, Outcome
from dealbot.handlers.core.registry import Ask, HomeRow
from dealbot.handlers.core.router import Router
from dealbot.handlers.core.ui import Message, Reply


class ApprovalCommands:
    def __init__(self, desk: ApprovalDesk) -> None:
        self.desk = desk

    async def approve(self, ask: Ask, value: str) -> Outcome:
        """Approve decides at one tap; who may is checked here, whoever saw the card."""
        view = await Router.call(
            lambda: self.desk.decide(ask.person.id, parse_id(value), approve=True)
        )
        what = self._what(ask, {**view.summary, "approval_kind": view.kind})
        return Reply.of(Message(title=ask.t("approval-done-approved", what=what)))

    async def reject(self, ask: Ask, value: str) -> Outcome:
        """Reject asks why first; whether the person may decide is checked before asking."""
        view = await Router.call(self.desk.for_decision, ask.person.id, parse_id(value))
        return FormRequest(
            REJECT,
            context={"approval": str(view.id)},
            title_args={"what": self._what(ask, {**view.summary, "approval_kind": view.kind})},
        )

    async def submit_reject(self, ask: Ask, request: FormRequest, values: dict[str, Any]) -> Reply:
        request_id = parse_id(request.context.get("approval", ""))
        view = await Router.call(
            lambda: self.desk.decide(
                ask.person.id, request_id, approve=False, comment=values["comment"]
            )
        )
        what = self._what(ask, {**view.summary, "approval_kind": view.kind})
        return Reply.of(Message(title=ask.t("approval-done-rejected", what=what)))

    async def approvals(self, ask: Ask, args: list[str]) -> Outcome:
        views = await Router.call(self.desk.waiting, ask.person.id)
        return Reply(messages.waiting_list(ask.t, views))

    async def home_rows(self, ask: Ask) -> list[HomeRow]:
        views = await Router.call(self.desk.waiting, ask.person.id)
        rows = []
        for view in views:
            what = self._what(ask, {**view.summary, "approval_kind": view.kind})
            approve, _ = messages.buttons(ask.t, view.id, view.kind)
            rows.append(HomeRow(ask.t("approval-card", what=what), approve))
        return rows

    @staticmethod
    def _what(ask: Ask, summary: dict[str, Any]) -> str:
        return messages.what(ask.t, summary)
