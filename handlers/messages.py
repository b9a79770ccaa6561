"""Every message the bot sends, built once from domain values as neutral `Message`s."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from dealbot.domain.money import Money
from dealbot.domain.views import DealCard, DealDetail, GroupFigures, Stats
from dealbot.handlers.i18n import Translator
from dealbot.handlers.ui import Button, Message

ADVICE_ACTION = "advice"


def _money(t: Translator, params: dict[str, Any]) -> str:
    return t.money(Money(Decimal(params["amount"]), params["currency"]))


def deal_fields(t: Translator, card: DealCard) -> tuple[tuple[str, str], ...]:
    fields = [
        (t("field-customer"), card.customer),
        (t("field-amount"), t.money(card.money)),
        (t("field-owner"), card.owner),
        (t("field-industry"), t.choice("industry", card.industry)),
        (t("field-company-size"), t.choice("size", card.company_size)),
        (t("field-status"), t.choice("deal-status", card.status)),
    ]
    if card.expected_close:
        fields.append((t("field-expected-close"), t.date(card.expected_close)))
    return tuple(fields)


def _snapshot_fields(t: Translator, params: dict[str, Any]) -> list[tuple[str, str]]:
    fields = [
        (t("field-customer"), params["customer"]),
        (t("field-amount"), _money(t, params)),
        (t("field-owner"), params["owner"]),
        (t("field-industry"), t.choice("industry", params["industry"])),
        (t("field-company-size"), t.choice("size", params["company_size"])),
    ]
    if params.get("expected_close"):
        fields.append(
            (t("field-expected-close"), t.date(date.fromisoformat(params["expected_close"])))
        )
    return fields


def notification(
    t: Translator, event: str, audience: str, params: dict[str, Any], task_id: int | None
) -> Message:
    """The message of one outbox row, in the reader's language."""
    args = {k: v for k, v in params.items() if isinstance(v, str)}
    title_key = f"note-{event}-{audience}"
    title = t(title_key if t.has(title_key) else f"note-{event}", **args)
    lines: list[str] = []
    fields: list[tuple[str, str]] = []
    buttons: list[Button] = []
    if event == "deal_opened":
        fields = _snapshot_fields(t, params)
        if params.get("notes"):
            fields.append((t("field-notes"), params["notes"]))
        if task_id is not None:
            lines.append(t("advice-task-ask", owner=params["owner"]))
            buttons.append(Button(t("button-give-advice"), ADVICE_ACTION, str(task_id), True))
    elif event == "advice_given":
        lines.append(params["advice"])
    elif event in ("progress_shared", "progress_logged"):
        fields.append((t("field-activity"), t.choice("activity", params["activity"])))
        if params.get("notes"):
            fields.append((t("field-notes"), params["notes"]))
    elif event == "deal_won":
        fields = _snapshot_fields(t, params)[:3]
        if params.get("notes"):
            fields.append((t("field-notes"), params["notes"]))
    elif event == "deal_lost":
        fields = _snapshot_fields(t, params)[:3]
        if params.get("lost_reason"):
            fields.append((t("field-lost-reason"), params["lost_reason"]))
        if params.get("notes"):
            fields.append((t("field-notes"), params["notes"]))
    return Message(title=title, lines=tuple(lines), fields=tuple(fields), buttons=tuple(buttons))


def deal_detail(t: Translator, detail: DealDetail, timezone: str = "UTC") -> Message:
    card = detail.card
    fields = list(deal_fields(t, card))
    if detail.source:
        fields.append((t("field-source"), detail.source))
    if detail.notes:
        fields.append((t("field-notes"), detail.notes))
    if detail.lost_reason:
        fields.append((t("field-lost-reason"), detail.lost_reason))
    lines = [t("timeline-heading")]
    for item in detail.timeline:
        what = t(f"timeline-{item.kind}", actor=item.actor)
        if item.activity:
            what += f" · {t.choice('activity', item.activity)}"
        if item.progress and item.kind == "progress":
            what += f" · {t.choice('status', item.progress)}"
        line = f"{t.moment(item.at, timezone)} — {what}"
        if item.notes:
            line += f": {item.notes}"
        lines.append(line)
    return Message(
        title=t("deal-heading", ref=card.ref, title=card.title),
        fields=tuple(fields),
        lines=tuple(lines),
    )


def deal_line(t: Translator, card: DealCard) -> str:
    return t(
        "deal-line",
        ref=card.ref,
        title=card.title,
        customer=card.customer,
        amount=t.money(card.money),
        owner=card.owner,
        status=t.choice("deal-status", card.status),
    )


def deal_list(t: Translator, heading_key: str, cards: Sequence[DealCard]) -> Message:
    if not cards:
        return Message(title=t(heading_key, count=0))
    return Message(
        title=t(heading_key, count=len(cards)),
        lines=tuple(deal_line(t, c) for c in cards),
    )


def _figures_line(t: Translator, label: str, figures: GroupFigures) -> str:
    rate = figures.win_rate
    return t(
        "stats-line",
        label=label,
        count=figures.deals,
        won=figures.won,
        lost=figures.lost,
        rate=t.percent(rate) if rate is not None else "—",
        amount=t.amounts(figures.amounts),
    )


def stats(t: Translator, figures: Stats) -> Message:
    lines = [_figures_line(t, t("stats-total"), figures.total), t("stats-by-industry")]
    lines += [_figures_line(t, t.choice("industry", g.key), g) for g in figures.by_industry] or [
        t("list-empty")
    ]
    lines.append(t("stats-by-size"))
    lines += [_figures_line(t, t.choice("size", g.key), g) for g in figures.by_company_size] or [
        t("list-empty")
    ]
    lines.append(t("stats-funnel"))
    lines += [
        t("stats-funnel-step", stage=t.choice("deal-status", stage), count=count)
        for stage, count in figures.funnel
    ]
    return Message(title=t("stats-heading", count=figures.total.deals), lines=tuple(lines))


def error(t: Translator, text: str) -> Message:
    return Message(title=t("error-heading"), lines=(text,))


def info(text: str, *lines: str) -> Message:
    return Message(title=text, lines=lines)
