"""The deal flow as conversations: its forms, messages, commands and buttons."""

from __future__ import annotations

from dealbot.domain.deals.desk import DealDesk
from dealbot.domain.deals.leads import LEAD_ASSIGN, LEAD_REPORT
from dealbot.domain.deals.routing import Event
from dealbot.domain.deals.use_cases import TASK_CLOSED, TASK_DONE
from dealbot.handlers.core.registry import Registry
from dealbot.handlers.core.shows import show_command
from dealbot.handlers.deals import intake, messages
from dealbot.handlers.deals.commands import DealCommands
from dealbot.handlers.deals.forms import ADVICE, ASSIGN, MY_OPEN_DEALS, NEW_DEAL, PROGRESS


def register(registry: Registry, desk: DealDesk) -> None:
    deals = DealCommands(desk)
    registry.command("new", deals.new, help_key="help-new")
    registry.command("update", deals.update, help_key="help-update")
    registry.command("won", deals.won, help_key="help-won")
    registry.command("lost", deals.lost, help_key="help-lost")
    registry.command("show", show_command(registry), help_key="help-show")
    registry.viewer("d", deals.show)
    registry.command("list", deals.list_deals, help_key="help-list")
    registry.command("search", deals.search, help_key="help-search")
    registry.command("stats", deals.stats, help_key="help-stats")
    registry.command("chart", deals.chart, help_key="help-chart")
    registry.action(messages.ADVICE_ACTION, deals.advice_button)
    registry.action(messages.REPORT_ACTION, deals.report_button)
    registry.action(messages.ASSIGN_ACTION, deals.assign_button)
    registry.form(NEW_DEAL, deals.submit_new, checks={"expected_close": deals.check_expected_close})
    registry.form(PROGRESS, deals.submit_progress, checks={"deal": deals.check_deal})
    registry.form(ADVICE, deals.submit_advice)
    registry.form(ASSIGN, deals.submit_assign)
    registry.source(MY_OPEN_DEALS, deals.my_open_deals)
    registry.notification(Event.DEAL_OPENED, messages.deal_opened)
    registry.notification(Event.ADVICE_GIVEN, messages.advice_given)
    registry.notification(Event.PROGRESS_LOGGED, messages.progress)
    registry.notification(Event.PROGRESS_SHARED, messages.progress)
    registry.notification(Event.DEAL_WON, messages.deal_won)
    registry.notification(Event.DEAL_LOST, messages.deal_lost)
    registry.notification(TASK_DONE, messages.task_done)
    registry.notification(TASK_CLOSED, messages.task_closed)
    registry.notification(LEAD_REPORT, messages.lead_report)
    registry.notification(LEAD_ASSIGN, messages.lead_assign)
    registry.home_section("home-my-deals", deals.home_deals)
    registry.home_section("home-waiting", deals.home_tasks)
    intake.register(registry, desk)
