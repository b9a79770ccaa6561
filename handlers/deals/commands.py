"""The deal flow's commands, buttons, submitters, checks and data sources."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from dealbot.domain.core.errors import Invalid, NotAllowed
from dealbot.domain.core.models import Role
from dealbot.domain.core.money import Money
from dealbot.domain.core.refs import parse_id
from dealbot.domain.deals.desk import DealDesk
from dealbot.domain.deals.enums import (
    ActivityKind,
    CompanySize,
    Industry,
    ProgressStatus,
)
from dealbot.domain.deals.use_cases import DealDraft, ProgressReport
from dealbot.domain.deals.views import LeadTaskView
from dealbot.handlers.core.amounts import typed_amount
from dealbot.handlers.core.forms import Choice
from dealbot.handlers.core.outcomes import FormRequest, Outcome
from dealbot.handlers.core.registry import Ask, HomeRow
from dealbot.handlers.core.router import Router, error_reply
from dealbot.handlers.core.ui import Message, Reply
from dealbot.handlers.deals import charts, messages
from dealbot.handlers.deals.filters import parse_filters
from dealbot.handlers.deals.forms import ADVICE, ASSIGN, NEW_DEAL, PROGRESS

# The report task a submitted opening report completes (a lead from the intake API).
LEAD_TASK = "lead_task"


class DealCommands:
    def __init__(self, desk: DealDesk) -> None:
        self.desk = desk

    # commands
    async def new(self, ask: Ask, args: list[str]) -> Outcome:
        if not (ask.person.has_role(Role.SALES) or ask.person.has_role(Role.LEADER)):
            raise NotAllowed("error-cannot-open-deals")
        return FormRequest(NEW_DEAL, defaults={"currency": ask.person.currency})

    async def _progress(self, ask: Ask, args: list[str], status: str | None) -> Outcome:
        fixed: dict[str, str] = {}
        if args:
            # Checked now, before any question: a closed or unknown deal is said at once.
            card = await Router.call(self.desk.reportable, ask.person.id, args[0])
            fixed["deal"] = card.ref
        if status:
            fixed["status"] = status
        return FormRequest(PROGRESS, fixed=fixed)

    async def update(self, ask: Ask, args: list[str]) -> Outcome:
        return await self._progress(ask, args, None)

    async def won(self, ask: Ask, args: list[str]) -> Outcome:
        return await self._progress(ask, args, ProgressStatus.WON.value)

    async def lost(self, ask: Ask, args: list[str]) -> Outcome:
        return await self._progress(ask, args, ProgressStatus.LOST.value)

    async def show(self, ask: Ask, ref: str) -> Outcome:
        detail = await Router.call(self.desk.show, ask.person.id, ref)
        return Reply.of(messages.deal_detail(ask.t, detail))

    async def list_deals(self, ask: Ask, args: list[str]) -> Outcome:
        mine = await Router.call(self.desk.my_open_deals, ask.person.id)
        replies = [messages.deal_list(ask.t, "list-mine", mine)]
        if ask.person.has_role(Role.LEADER) or ask.person.has_role(Role.ADMIN):
            team = await Router.call(self.desk.team_open_deals, ask.person.id)
            replies.append(messages.deal_list(ask.t, "list-team", team))
        return Reply(tuple(replies))

    async def search(self, ask: Ask, args: list[str]) -> Outcome:
        filters = parse_filters(args, ask.t)
        found = await Router.call(self.desk.search, ask.person.id, filters)
        return Reply.of(messages.deal_list(ask.t, "search-found", found))

    async def stats(self, ask: Ask, args: list[str]) -> Outcome:
        """The numbers, and the funnel and both win rates as charts (to the asker's DM)."""
        figures = await Router.call(self.desk.stats, ask.person.id, parse_filters(args, ask.t))
        return Reply.of(messages.stats(ask.t, figures, charts.all_charts(ask.t, figures)))

    async def chart(self, ask: Ask, args: list[str]) -> Outcome:
        """`/deal chart funnel|industry|size [filters]`: one chart and the numbers it draws."""
        name = args[0].lower() if args else ""
        if name not in charts.NAMED:
            choices = ask.t.listing(list(charts.NAMED), "or")
            if not name:
                return error_reply(ask.t, ask.t("error-chart-which", choices=choices))
            return error_reply(ask.t, ask.t("error-chart-unknown", value=args[0], choices=choices))
        chart_of, lines_of = charts.NAMED[name]
        filters = parse_filters(args[1:], ask.t)
        figures = await Router.call(self.desk.stats, ask.person.id, filters)
        drawn = chart_of(ask.t, figures)
        return Reply.of(messages.one_chart(ask.t, figures, lines_of(ask.t, figures), drawn))

    # buttons
    async def advice_button(self, ask: Ask, value: str) -> Outcome:
        task = await Router.call(self.desk.advice_task, ask.person.id, parse_id(value))
        return FormRequest(
            ADVICE, context={"task": str(task.task_id)}, title_args={"ref": task.deal.ref}
        )

    async def report_button(self, ask: Ask, value: str) -> Outcome:
        """ "Open report": the opening-report form, pre-filled with what the lead came with."""
        task = await Router.call(self.desk.report_task, ask.person.id, int(value))
        return FormRequest(
            NEW_DEAL, context={LEAD_TASK: str(task.task_id)}, defaults=lead_defaults(ask, task)
        )

    async def assign_button(self, ask: Ask, value: str) -> Outcome:
        task = await Router.call(self.desk.assign_task, ask.person.id, int(value))
        return FormRequest(
            ASSIGN, context={"task": str(task.task_id)}, title_args={"ref": task.card.ref}
        )

    # submitters
    async def submit_new(self, ask: Ask, request: FormRequest, values: dict[str, Any]) -> Reply:
        draft = DealDraft(
            customer=values["customer"],
            title=values["title"],
            industry=Industry(values["industry"]),
            company_size=CompanySize(values["company_size"]),
            money=Money.of(Decimal(values["amount"]), values["currency"]),
            expected_close=values.get("expected_close"),
            source=values.get("source"),
            notes=values.get("notes"),
        )
        lead_task = request.context.get(LEAD_TASK)
        if lead_task is not None:
            card = await Router.call(
                self.desk.complete_lead, ask.person.id, _task_id(lead_task), draft
            )
        else:
            card = await Router.call(self.desk.open_deal, ask.person.id, draft)
        return Reply.of(
            Message(
                title=ask.t("deal-opened-reply", ref=card.ref, title=card.title),
                fields=messages.deal_fields(ask.t, card),
            )
        )

    async def submit_progress(
        self, ask: Ask, request: FormRequest, values: dict[str, Any]
    ) -> Reply:
        report = ProgressReport(
            deal_ref=values["deal"],
            activity=ActivityKind(values["activity"]),
            status=ProgressStatus(values["status"]),
            notes=values.get("notes"),
            lost_reason=values.get("lost_reason"),
        )
        card = await Router.call(self.desk.report_progress, ask.person.id, report)
        return Reply.of(messages.info(ask.t(f"progress-reply-{report.status.value}", ref=card.ref)))

    async def submit_assign(self, ask: Ask, request: FormRequest, values: dict[str, Any]) -> Reply:
        task_id = _task_id(request.context.get("task", ""))
        card = await Router.call(self.desk.assign_lead, ask.person.id, task_id, values["owner"])
        return Reply.of(
            messages.info(ask.t("lead-assigned-reply", ref=card.ref, owner=card.owner or ""))
        )

    async def submit_advice(self, ask: Ask, request: FormRequest, values: dict[str, Any]) -> Reply:
        try:
            task_id = parse_id(request.context.get("task", ""))
        except ValueError:
            raise Invalid("error-task-unknown") from None
        card = await Router.call(self.desk.give_advice, ask.person.id, task_id, values["advice"])
        return Reply.of(messages.info(ask.t("advice-reply", ref=card.ref, owner=card.owner or "")))

    # checks, as soon as the answer is given
    async def check_deal(self, ask: Ask, value: Any, values: Any) -> None:
        await Router.call(self.desk.reportable, ask.person.id, str(value))

    async def check_expected_close(self, ask: Ask, value: Any, values: Any) -> None:
        if isinstance(value, date):
            await Router.call(self.desk.check_expected_close, ask.person.id, value)

    # data sources
    async def my_open_deals(self, ask: Ask, query: str | None) -> list[Choice]:
        cards = await Router.call(self.desk.my_open_deals, ask.person.id)
        return [Choice(c.ref, f"{c.ref} {c.title} · {c.customer}") for c in cards]

    # the overview
    async def home_deals(self, ask: Ask) -> list[HomeRow]:
        cards = await Router.call(self.desk.my_open_deals, ask.person.id)
        return [HomeRow(messages.deal_line(ask.t, c)) for c in cards]

    async def home_tasks(self, ask: Ask) -> list[HomeRow]:
        tasks = await Router.call(self.desk.waiting_tasks, ask.person.id)
        return [
            HomeRow(messages.advice_task_line(ask.t, task), messages.task_button(ask.t, task))
            for task in tasks
        ]


def _task_id(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise Invalid("error-task-unknown") from None


def lead_defaults(ask: Ask, task: LeadTaskView) -> dict[str, str]:
    """A lead's details as the opening report's answers, typed the way the person types."""
    card = task.card
    values = {
        "customer": card.customer_ref,
        "title": card.title,
        "industry": card.industry,
        "company_size": card.company_size,
        "amount": typed_amount(card.money.amount, ask.t.babel) if card.money else None,
        "currency": card.money.currency if card.money else ask.person.currency,
        "expected_close": card.expected_close.isoformat() if card.expected_close else None,
        "source": task.source,
        "notes": task.notes,
    }
    return {k: v for k, v in values.items() if v}
