"""The approval card, the card once decided, and the outcome told to the requester."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from dealbot.domain.approvals.models import ApprovalState
from dealbot.domain.approvals.use_cases import ApprovalView
from dealbot.domain.core.money import Money
from dealbot.handlers.core.i18n import Translator
from dealbot.handlers.core.registry import Note
from dealbot.handlers.core.ui import Button, Message

APPROVE_ACTION = "approve"
REJECT_ACTION = "reject"


def _fields(t: Translator, summary: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    fields = []
    if summary.get("customer"):
        fields.append((t("field-customer"), str(summary["customer"])))
    if summary.get("amount") and summary.get("currency"):
        money = Money(Decimal(str(summary["amount"])), str(summary["currency"]))
        fields.append((t("field-amount"), t.money(money)))
    if summary.get("requester"):
        fields.append((t("field-requested-by"), str(summary["requester"])))
    return tuple(fields)


def what(t: Translator, summary: dict[str, Any]) -> str:
    kind = str(summary.get("approval_kind", ""))
    key = f"approval-what-{kind}"
    args = {"ref": str(summary.get("ref", "")), "deal": str(summary.get("deal", ""))}
    return t(key, **args) if t.has(key) else str(summary.get("ref", ""))


def buttons(t: Translator, request_id: int, kind: str) -> tuple[Button, ...]:
    approve_key = f"button-approve-{kind}"
    approve = t(approve_key) if t.has(approve_key) else t("button-approve")
    return (
        Button(approve, APPROVE_ACTION, str(request_id), primary=True),
        Button(t("button-reject"), REJECT_ACTION, str(request_id)),
    )


def card(t: Translator, summary: dict[str, Any], request_id: int) -> Message:
    """What waits for a decision, with Approve and Reject."""
    return Message(
        title=t("approval-card", what=what(t, summary)),
        fields=_fields(t, summary),
        lines=tuple(str(line) for line in summary.get("lines", ())),
        buttons=buttons(t, request_id, str(summary.get("approval_kind", ""))),
    )


def requested(t: Translator, note: Note) -> Message:
    return card(t, note.params, int(note.params["approval"]))


def closed(t: Translator, note: Note) -> Message:
    """The card once decided (or closed with its deal): who decided, why, and no buttons."""
    params = note.params
    state = str(params["state"])
    subject = what(t, params)
    if state == ApprovalState.CLOSED.value:
        status = t.choice("deal-status", str(params.get("status", "lost")))
        title = t("approval-card-closed", what=subject, status=status)
    else:
        key = _for_kind(t, f"approval-card-{state}", params)
        title = t(key, what=subject, by=str(params["by"]))
    return Message(title=title, fields=_fields(t, params), lines=_comment(t, params))


def _for_kind(t: Translator, key: str, params: dict[str, Any]) -> str:
    """The kind's own wording when the catalog has one (a shipment is "confirmed")."""
    own = f"{key}-{params.get('approval_kind', '')}"
    return own if t.has(own) else key


def decided(t: Translator, note: Note) -> Message:
    """The outcome, to the requester (and the deal's thread for quotes and orders)."""
    params = note.params
    key = _for_kind(t, f"approval-told-{params['state']}", params)
    title = t(key, what=what(t, params), by=str(params["by"]))
    return Message(title=title, lines=_comment(t, params))


def _comment(t: Translator, params: dict[str, Any]) -> tuple[str, ...]:
    if not params.get("comment"):
        return ()
    return (t("approval-comment", comment=str(params["comment"])),)


def waiting_list(t: Translator, views: list[ApprovalView]) -> tuple[Message, ...]:
    if not views:
        return (Message(title=t("approvals-none")),)
    heading = Message(title=t("approvals-heading", count=len(views)))
    cards = [
        card(t, {**v.summary, "approval_kind": v.kind, "requester": v.requester}, v.id)
        for v in views
    ]
    return (heading, *cards)
