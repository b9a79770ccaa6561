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
from dealbot.handlers.core.forms import Choice
from dealbot.handlers.core.outcomes import FormRequest, Outcome
from dealbot.handlers.core.registry import Ask, HomeRow
from dealbot.handlers.core.router import Router, error_reply
from dealbot.handlers.core.ui import Button, Message, Reply
from dealbot.handlers.deals import charts, messages
from dealbot.handlers.deals.filters import parse_filters
from dealbot.handlers.deals.forms import ADVICE, NEW_DEAL, PROGRESS


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

    async def show(self, ask: Ask, args: list[str]) -> Outcome:
        if not args:
            return error_reply(ask.t, ask.t("error-show-needs-ref"))
        detail = await Router.call(self.desk.show, ask.person.id, args[0])
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

    async def submit_advice(self, ask: Ask, request: FormRequest, values: dict[str, Any]) -> Reply:
        try:
            task_id = parse_id(request.context.get("task", ""))
        except ValueError:
            raise Invalid("error-task-unknown") from None
        card = await Router.call(self.desk.give_advice, ask.person.id, task_id, values["advice"])
        return Reply.of(messages.info(ask.t("advice-reply", ref=card.ref, owner=card.owner)))

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
            HomeRow(
                messages.advice_task_line(ask.t, task),
                Button(
                    ask.t("button-give-advice"), messages.ADVICE_ACTION, str(task.task_id), True
                ),
            )
            for task in tasks
        ]
