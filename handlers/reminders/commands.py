"""`/deal mute|unmute <kind>`, `/deal reminders`, and the stagnant deal's buttons."""

from __future__ import annotations

from collections.abc import Callable

from dealbot.domain.core.refs import parse_id
from dealbot.domain.deals.enums import ProgressStatus
from dealbot.domain.reminders.actions import topic_named
from dealbot.domain.reminders.desk import ReminderDesk
from dealbot.handlers.core.outcomes import FormRequest, Outcome
from dealbot.handlers.core.registry import Ask
from dealbot.handlers.core.router import Router
from dealbot.handlers.core.ui import Message, Reply
from dealbot.handlers.deals.forms import PROGRESS
from dealbot.handlers.reminders import messages


class ReminderCommands:
    def __init__(self, desk: ReminderDesk) -> None:
        self.desk = desk

    async def mute(self, ask: Ask, args: list[str]) -> Outcome:
        return await self._muting(ask, args, self.desk.mute, "mute-done")

    async def unmute(self, ask: Ask, args: list[str]) -> Outcome:
        return await self._muting(ask, args, self.desk.unmute, "unmute-done")

    async def _muting(
        self, ask: Ask, args: list[str], change: Callable[[int, str], object], done: str
    ) -> Outcome:
        """`mute`/`unmute <kind>`; alone, what the person has muted."""
        if not args:
            return Reply.of(
                messages.mutes(ask.t, await Router.call(self.desk.muted, ask.person.id))
            )
        await Router.call(change, ask.person.id, args[0])
        topic = messages.topic_label(ask.t, topic_named(args[0]).value)
        return Reply.of(Message(title=ask.t(done, topic=topic)))

    async def reminders(self, ask: Ask, args: list[str]) -> Outcome:
        figures = await Router.call(self.desk.report, ask.person.id)
        return Reply.of(messages.report(ask.t, figures))

    # the stagnant deal's buttons: who may press them is checked by the desk, on every click
    async def log_progress(self, ask: Ask, value: str) -> Outcome:
        card = await Router.call(self.desk.stagnant_deal, ask.person.id, parse_id(value))
        return FormRequest(PROGRESS, fixed={"deal": card.ref})

    async def mark_lost(self, ask: Ask, value: str) -> Outcome:
        card = await Router.call(self.desk.stagnant_deal, ask.person.id, parse_id(value))
        return FormRequest(PROGRESS, fixed={"deal": card.ref, "status": ProgressStatus.LOST.value})

    async def snooze(self, ask: Ask, value: str) -> Outcome:
        snoozed = await Router.call(self.desk.snooze, ask.person.id, parse_id(value))
        return Reply.of(
            Message(
                title=ask.t(
                    "stagnant-snoozed-reply", ref=snoozed.ref, date=ask.t.date(snoozed.until)
                )
            )
        )
