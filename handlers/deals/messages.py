"""Every message of the deal flow, built once from domain values as neutral `Message`s."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from dealbot.domain.core.money import Money
from dealbot.domain.deals.views import AdviceTaskView, DealCard, DealDetail, GroupFigures, Stats
from dealbot.handlers.charts import Chart
from dealbot.handlers.core.i18n import Translator
from dealbot.handlers.core.registry import Note
from dealbot.handlers.core.ui import Button, Message

ADVICE_ACTION = "advice"
REPORT_ACTION = "open-report"
ASSIGN_ACTION = "assign-lead"
NOTHING = "—"


def _money(t: Translator, params: dict[str, Any]) -> str:
    if params.get("amount") is None:
        return NOTHING
    return t.money(Money(Decimal(params["amount"]), params["currency"]))


def _amount(t: Translator, money: Money | None) -> str:
    return t.money(money) if money is not None else NOTHING


def _choice(t: Translator, group: str, value: str | None) -> str:
    return t.choice(group, value) if value else NOTHING


def deal_fields(
    t: Translator, card: DealCard, *, customer_ref: bool = False
) -> tuple[tuple[str, str], ...]:
    customer = f"{card.customer} ({card.customer_ref})" if customer_ref else card.customer
    fields = [
        (t("field-customer"), customer),
        (t("field-amount"), _amount(t, card.money)),
        (t("field-owner"), card.owner or NOTHING),
        (t("field-industry"), _choice(t, "industry", card.industry)),
        (t("field-company-size"), _choice(t, "size", card.company_size)),
        (t("field-status"), t.choice("deal-status", card.status)),
    ]
    if card.expected_close:
        fields.append((t("field-expected-close"), t.date(card.expected_close)))
    return tuple(fields)


def _snapshot(
    t: Translator, params: dict[str, Any], *, brief: bool = False
) -> list[tuple[str, str]]:
    """The deal as it was when the event happened; `brief` keeps customer, amount, owner."""
    fields = [
        (t("field-customer"), params["customer"]),
        (t("field-amount"), _money(t, params)),
        (t("field-owner"), params["owner"] or NOTHING),
    ]
    if brief:
        return fields
    fields += [
        (t("field-industry"), _choice(t, "industry", params["industry"])),
        (t("field-company-size"), _choice(t, "size", params["company_size"])),
    ]
    if params.get("expected_close"):
        fields.append(
            (t("field-expected-close"), t.date(date.fromisoformat(params["expected_close"])))
        )
    return fields


def _notes(t: Translator, params: dict[str, Any]) -> list[tuple[str, str]]:
    return [(t("field-notes"), params["notes"])] if params.get("notes") else []


def _title(t: Translator, note: Note) -> str:
    args = {k: v for k, v in note.params.items() if isinstance(v, str)}
    audience_key = f"note-{note.kind}-{note.audience}"
    return t(audience_key if t.has(audience_key) else f"note-{note.kind}", **args)


def deal_opened(t: Translator, note: Note) -> Message:
    params = note.params
    lines: tuple[str, ...] = ()
    buttons: tuple[Button, ...] = ()
    if params.get("task") is not None:
        lines = (t("advice-task-ask", owner=params["owner"]),)
        buttons = (Button(t("button-give-advice"), ADVICE_ACTION, str(params["task"]), True),)
    return Message(
        title=_title(t, note),
        fields=tuple(_snapshot(t, params) + _notes(t, params)),
        lines=lines,
        buttons=buttons,
    )


def lead_report(t: Translator, note: Note) -> Message:
    """The owner's task: complete the opening report of a deal another system started."""
    params = note.params
    return Message(
        title=t("note-lead_report", ref=params["ref"], title=params["title"]),
        fields=tuple(_snapshot(t, params) + _notes(t, params)),
        lines=(t("lead-report-ask", source=params.get("external_id") or NOTHING),),
        buttons=(Button(t("button-open-report"), REPORT_ACTION, str(params["task"]), True),),
    )


def lead_assign(t: Translator, note: Note) -> Message:
    """The leader's task: choose the salesperson who takes a lead sent to the team."""
    params = note.params
    return Message(
        title=t("note-lead_assign", ref=params["ref"], title=params["title"]),
        fields=tuple(_snapshot(t, params) + _notes(t, params)),
        lines=(t("lead-assign-ask"),),
        buttons=(Button(t("button-assign"), ASSIGN_ACTION, str(params["task"]), True),),
    )


def advice_given(t: Translator, note: Note) -> Message:
    return Message(title=_title(t, note), lines=(note.params["advice"],))


def progress(t: Translator, note: Note) -> Message:
    fields = [(t("field-activity"), t.choice("activity", note.params["activity"]))]
    return Message(title=_title(t, note), fields=tuple(fields + _notes(t, note.params)))


def deal_won(t: Translator, note: Note) -> Message:
    fields = _snapshot(t, note.params, brief=True) + _notes(t, note.params)
    return Message(title=_title(t, note), fields=tuple(fields))


def deal_lost(t: Translator, note: Note) -> Message:
    fields = _snapshot(t, note.params, brief=True)
    if note.params.get("lost_reason"):
        fields.append((t("field-lost-reason"), note.params["lost_reason"]))
    return Message(title=_title(t, note), fields=tuple(fields + _notes(t, note.params)))


def deal_detail(t: Translator, detail: DealDetail) -> Message:
    card = detail.card
    fields = list(deal_fields(t, card, customer_ref=True))
    if detail.source:
        fields.append((t("field-source"), detail.source))
    if detail.notes:
        fields.append((t("field-notes"), detail.notes))
    if detail.lost_reason:
        fields.append((t("field-lost-reason"), detail.lost_reason))
    lines = [t("timeline-heading")]
    for item in detail.timeline:
        if item.details is not None:
            what = t(item.details["key"], actor=item.actor, **item.details.get("args", {}))
        else:
            what = t(f"timeline-{item.kind}", actor=item.actor)
        if item.activity:
            what += f" · {t.choice('activity', item.activity)}"
        if item.progress and item.kind == "progress":
            what += f" · {t.choice('status', item.progress)}"
        line = f"{t.moment(item.at)} — {what}"
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
        amount=_amount(t, card.money),
        owner=card.owner or NOTHING,
        status=t.choice("deal-status", card.status),
    )


def deal_list(t: Translator, heading_key: str, cards: Sequence[DealCard]) -> Message:
    if not cards:
        return Message(title=t(heading_key, count=0))
    return Message(
        title=t(heading_key, count=len(cards)),
        lines=tuple(deal_line(t, c) for c in cards),
    )


TASK_LINES = {
    "advice": "home-advice-task",
    "report": "home-report-task",
    "assign": "home-assign-task",
}
TASK_BUTTONS = {
    "advice": ("button-give-advice", ADVICE_ACTION),
    "report": ("button-open-report", REPORT_ACTION),
    "assign": ("button-assign", ASSIGN_ACTION),
}


def advice_task_line(t: Translator, task: AdviceTaskView) -> str:
    return t(TASK_LINES[task.kind], ref=task.deal.ref, title=task.deal.title)


def task_button(t: Translator, task: AdviceTaskView) -> Button:
    label, action = TASK_BUTTONS[task.kind]
    return Button(t(label), action, str(task.task_id), True)


def win_rate_text(t: Translator, figures: GroupFigures) -> str:
    """A group's win rate as the text and the charts both show it."""
    rate = figures.win_rate
    return t.percent(rate) if rate is not None else "—"


def _figures_line(t: Translator, label: str, figures: GroupFigures) -> str:
    return t(
        "stats-line",
        label=label,
        count=figures.deals,
        won=figures.won,
        lost=figures.lost,
        rate=win_rate_text(t, figures),
        amount=t.amounts(figures.amounts),
    )


def industry_lines(t: Translator, figures: Stats) -> list[str]:
    lines = [_figures_line(t, t.choice("industry", g.key), g) for g in figures.by_industry]
    return [t("stats-by-industry"), *(lines or [t("list-empty")])]


def size_lines(t: Translator, figures: Stats) -> list[str]:
    lines = [_figures_line(t, t.choice("size", g.key), g) for g in figures.by_company_size]
    return [t("stats-by-size"), *(lines or [t("list-empty")])]


def funnel_lines(t: Translator, figures: Stats) -> list[str]:
    steps = [
        t("stats-funnel-step", stage=t.choice("deal-status", stage), count=count)
        for stage, count in figures.funnel
    ]
    return [t("stats-funnel"), *steps]


def stats(t: Translator, figures: Stats, charts: tuple[Chart, ...] = ()) -> Message:
    lines = [
        _figures_line(t, t("stats-total"), figures.total),
        *industry_lines(t, figures),
        *size_lines(t, figures),
        *funnel_lines(t, figures),
    ]
    return Message(
        title=t("stats-heading", count=figures.total.deals), lines=tuple(lines), charts=charts
    )


def one_chart(t: Translator, figures: Stats, lines: list[str], chart: Chart | None) -> Message:
    """`/deal chart …`: the chart, and beside it the lines of the statistics it draws."""
    return Message(
        title=t("stats-heading", count=figures.total.deals),
        lines=tuple(lines),
        footer=None if chart is not None else t("chart-nothing-to-draw"),
        charts=(chart,) if chart is not None else (),
    )


def info(text: str, *lines: str) -> Message:
    return Message(title=text, lines=lines)


def task_done(t: Translator, note: Note) -> Message:
    """The advice task's card once the advice is given: no button any more."""
    return Message(
        title=t("card-task-done", ref=note.params["ref"], title=note.params["title"]),
        lines=(t("card-task-done-by", actor=note.params["actor"]),),
    )


def task_closed(t: Translator, note: Note) -> Message:
    """The task's card once its deal closed before the task was done."""
    status = t.choice("deal-status", note.params["status"])
    return Message(
        title=t("card-task-closed", ref=note.params["ref"], title=note.params["title"]),
        lines=(t("card-task-closed-why", ref=note.params["ref"], status=status),),
    )
