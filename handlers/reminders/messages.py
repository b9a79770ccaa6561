"""Every reminder as a neutral `Message`, from the params stored with its notification."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from dealbot.domain.core.money import Money
from dealbot.domain.reminders.kinds import Topic
from dealbot.domain.reminders.report import ReminderReport
from dealbot.handlers.charts.model import Chart, ChartKind
from dealbot.handlers.core.i18n import Translator
from dealbot.handlers.core.registry import Note
from dealbot.handlers.core.ui import Button, Message

PROGRESS_ACTION = "stagnant-progress"
SNOOZE_ACTION = "stagnant-snooze"
LOST_ACTION = "stagnant-lost"


def _day(value: object) -> date:
    return date.fromisoformat(str(value))


def _money(t: Translator, amount: object, currency: object) -> str:
    return t.money(Money(Decimal(str(amount)), str(currency)))


def _amounts(t: Translator, amounts: Mapping[str, str]) -> str:
    return t.amounts({currency: Decimal(value) for currency, value in amounts.items()})


def _installment(t: Translator, item: dict[str, Any], today: date) -> str:
    due = _day(item["due_on"])
    args = {
        "number": str(item["number"]),
        "order": str(item["order"]),
        "deal": str(item["deal"]),
        "customer": str(item["customer"]),
        "amount": _money(t, item["left"], item["currency"]),
        "date": t.date(due),
    }
    if item["kind"] == "installment_escalation":
        owner = item.get("owner") or t("reminder-no-owner")
        return t("reminder-installment-escalation", days=(today - due).days, owner=owner, **args)
    # Said as of the sweep's day, whichever stage it was recorded at.
    if due > today:
        return t("reminder-installment-soon", days=(due - today).days, **args)
    if due == today:
        return t("reminder-installment-today", **args)
    return t("reminder-installment-overdue", days=(today - due).days, **args)


def _key_date(t: Translator, item: dict[str, Any], today: date) -> str:
    comes = _day(item["date"])
    kind = str(item["kind"]).replace("_", "-")
    stage = "soon" if comes > today else "today" if comes == today else "past"
    return t(
        f"reminder-{kind}-{stage}",
        days=(comes - today).days,
        date=t.date(comes),
        years=int(item["years"]),
        customer=str(item["customer"]),
        ref=str(item["ref"]),
        contact=str(item.get("contact") or t("reminder-contact-unnamed")),
    )


def _contract(t: Translator, item: dict[str, Any], today: date) -> str:
    ends = _day(item["ends_on"])
    return t(
        "reminder-contract-end",
        title=str(item["title"]),
        customer=str(item["customer"]),
        ref=str(item["ref"]),
        date=t.date(ends),
        days=max(0, (ends - today).days),
    )


def _stock(t: Translator, item: dict[str, Any], today: date) -> str:
    key = "reminder-stock-low" if item["kind"] == "stock_low" else "reminder-stock-high"
    limit = item["minimum"] if item["kind"] == "stock_low" else item["maximum"]
    return t(
        key,
        sku=str(item["sku"]),
        name=str(item["name"]),
        on_hand=t.number(int(item["on_hand"])),
        limit=t.number(int(limit or 0)),
    )


LINES: dict[str, Callable[[Translator, dict[str, Any], date], str]] = {
    "installment": _installment,
    "installment_escalation": _installment,
    "founded": _key_date,
    "first_contract": _key_date,
    "birthday": _key_date,
    "contract_end": _contract,
    "stock_low": _stock,
    "stock_high": _stock,
}


def _late(t: Translator, params: Mapping[str, Any]) -> str | None:
    return t("reminder-late", due=t.date(_day(params["due"]))) if params.get("late") else None


def grouped(t: Translator, note: Note) -> Message:
    """A person's reminders of one topic from one sweep: a card for one, a list for more."""
    params = note.params
    today = _day(params["today"])
    items = list(params.get("items", ()))
    more = int(params.get("more", 0))
    texts = [LINES[str(item["kind"])](t, item, today) for item in items]
    if len(items) == 1 and not more:
        late = _late(t, items[0])
        return Message(title=texts[0], lines=(late,) if late else ())
    topic = note.kind.removeprefix("reminder_").replace("_", "-")
    lines = [
        t("reminder-item-late", text=text, due=t.date(_day(item["due"])))
        if item.get("late")
        else text
        for text, item in zip(texts, items, strict=True)
    ]
    if more:
        lines.append(t("reminder-more", count=more))
    return Message(
        title=t(f"reminder-heading-{topic}", count=len(items) + more), lines=tuple(lines)
    )


def stagnation_buttons(t: Translator, deal_id: int, *, snooze: bool = True) -> tuple[Button, ...]:
    value = str(deal_id)
    buttons = [Button(t("button-log-progress"), PROGRESS_ACTION, value, primary=True)]
    if snooze:
        buttons.append(Button(t("button-snooze"), SNOOZE_ACTION, value))
    buttons.append(Button(t("button-mark-lost"), LOST_ACTION, value))
    return tuple(buttons)


def stagnation(t: Translator, note: Note) -> Message:
    params = note.params
    quiet = (_day(params["today"]) - _day(params["since"])).days
    lines = [t("reminder-stagnation-ask")]
    late = _late(t, params)
    if late:
        lines.append(late)
    return Message(
        title=t(
            "reminder-stagnation",
            ref=str(params["ref"]),
            title=str(params["title"]),
            customer=str(params["customer"]),
            days=quiet,
        ),
        fields=((t("field-owner"), str(params.get("owner") or t("reminder-no-owner"))),),
        lines=tuple(lines),
        buttons=stagnation_buttons(t, int(params["deal"])),
    )


def stagnation_snoozed(t: Translator, note: Note) -> Message:
    params = note.params
    return Message(
        title=t(
            "reminder-stagnation-snoozed",
            ref=str(params["ref"]),
            title=str(params["title"]),
            date=t.date(_day(params["until"])),
            by=str(params["by"]),
        ),
        buttons=stagnation_buttons(t, int(params["deal"]), snooze=False),
    )


def stagnation_closed(t: Translator, note: Note) -> Message:
    params = note.params
    return Message(
        title=t(
            "reminder-stagnation-closed",
            ref=str(params["ref"]),
            title=str(params["title"]),
            status=t.choice("deal-status", str(params["status"])),
        )
    )


# The digest's parts, each drawn from what its `DigestSection` stored; a part this version
# does not know is left out rather than breaking the message.
def _pipeline(t: Translator, part: dict[str, Any]) -> list[str]:
    lines = [t("digest-pipeline")]
    for stage in part["stages"]:
        lines.append(
            t(
                "digest-stage",
                stage=t.choice("deal-status", str(stage["status"])),
                count=int(stage["deals"]),
                amounts=_amounts(t, stage["amounts"]),
            )
        )
    return lines


def _closed(t: Translator, part: dict[str, Any]) -> list[str]:
    lines = []
    for status in ("won", "lost"):
        figures = part[status]
        lines.append(
            t(
                f"digest-{status}",
                count=int(figures["deals"]),
                amounts=_amounts(t, figures["amounts"]),
            )
        )
        lines += [t("digest-deal-line", ref=str(r), title=str(ti)) for r, ti in figures["listed"]]
    return lines


def _stagnant(t: Translator, part: dict[str, Any]) -> list[str]:
    lines = [t("digest-stagnant", count=int(part["deals"]))]
    for ref, title, owner, since in part["listed"]:
        lines.append(
            t(
                "digest-stagnant-line",
                ref=str(ref),
                title=str(title),
                owner=str(owner or t("reminder-no-owner")),
                date=t.date(_day(since)),
            )
        )
    return lines


def _overdue(t: Translator, part: dict[str, Any]) -> list[str]:
    lines = [t("digest-overdue", count=int(part["count"]), amounts=_amounts(t, part["amounts"]))]
    for order, number, deal, due, left, currency in part["listed"]:
        lines.append(
            t(
                "digest-overdue-line",
                order=str(order),
                number=str(number),
                deal=str(deal),
                amount=_money(t, left, currency),
                date=t.date(_day(due)),
            )
        )
    return lines


DIGEST_PARTS: dict[str, Callable[[Translator, dict[str, Any]], list[str]]] = {
    "pipeline": _pipeline,
    "closed": _closed,
    "stagnant": _stagnant,
    "overdue": _overdue,
}


def digest_chart(t: Translator, params: Mapping[str, Any]) -> Chart | None:
    """The week in one picture: open deals by stage, then the deals won and lost this week,
    each bar labelled with the number the text says; None when there is no deal at all."""
    sections = params.get("sections", {})
    bars: list[tuple[str, int]] = [
        (str(stage["status"]), int(stage["deals"]))
        for stage in sections.get("pipeline", {}).get("stages", [])
    ]
    closed = sections.get("closed", {})
    bars += [
        (status, int(closed[status]["deals"])) for status in ("won", "lost") if status in closed
    ]
    if not any(count for _, count in bars):
        return None
    return Chart.of(
        ChartKind.BAR,
        t("digest-chart-title"),
        [t.choice("deal-status", status) for status, _ in bars],
        [count for _, count in bars],
        [t.number(count) for _, count in bars],
        value_axis_label=t("chart-axis-deals"),
    )


def digest(t: Translator, note: Note) -> Message:
    params = note.params
    lines: list[str] = []
    for name, part in params.get("sections", {}).items():
        draw = DIGEST_PARTS.get(name)
        if draw is not None:
            lines += draw(t, part)
    late = _late(t, params)
    if late:
        lines.append(late)
    return Message(
        title=t(
            "reminder-digest",
            team=str(params["team"]),
            first=t.date(_day(params["first"])),
            last=t.date(_day(params["last"])),
        ),
        lines=tuple(lines),
        # The digest goes to the leader's direct messages: the one place charts go.
        charts=tuple(chart for chart in (digest_chart(t, params),) if chart is not None),
    )


def topic_label(t: Translator, topic: str) -> str:
    return t(f"reminder-topic-{topic.replace('_', '-')}")


def mutes(t: Translator, muted: list[str]) -> Message:
    choices = ", ".join(topic.value for topic in Topic)
    title = (
        t("mute-list", topics=t.listing([topic_label(t, m) for m in muted]))
        if muted
        else t("mute-none")
    )
    return Message(title=title, lines=(t("mute-usage", choices=choices),))


def report(t: Translator, figures: ReminderReport) -> Message:
    counts = figures.counts
    title = t(
        "reminders-report",
        sent=counts.get("sent", 0),
        late=counts.get("late", 0),
        missed=counts.get("missed", 0),
    )
    if not figures.by_kind:
        return Message(title=title, lines=(t("reminders-report-none"),))
    lines = [
        t(
            "reminders-report-kind",
            kind=t(f"reminder-kind-{kind.replace('_', '-')}"),
            sent=states.get("sent", 0),
            late=states.get("late", 0),
            missed=states.get("missed", 0),
        )
        for kind, states in figures.by_kind.items()
    ]
    lines += [
        t(
            "reminders-report-line",
            state=t(f"reminder-state-{line.state}"),
            date=t.date(line.occasion),
            kind=t(f"reminder-kind-{line.kind.replace('_', '-')}"),
            label=line.label,
            member=line.member,
            team=line.team,
        )
        for line in figures.lines
    ]
    return Message(title=title, lines=tuple(lines))
