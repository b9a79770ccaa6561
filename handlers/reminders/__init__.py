"""Reminders as conversations: every reminder's message, mute and unmute, the admins' report,
and the stagnant deal's buttons."""

from __future__ import annotations

from dealbot.domain.reminders.desk import ReminderDesk
from dealbot.domain.reminders.kinds import STAGNATION_CLOSED, STAGNATION_SNOOZED, Topic, note_kind
from dealbot.handlers.core.registry import Registry
from dealbot.handlers.reminders import messages
from dealbot.handlers.reminders.commands import ReminderCommands


def register(registry: Registry, desk: ReminderDesk) -> None:
    reminders = ReminderCommands(desk)
    registry.command("mute", reminders.mute, help_key="help-mute")
    registry.command("unmute", reminders.unmute, help_key="help-unmute")
    registry.command("reminders", reminders.reminders, help_key="help-reminders")
    registry.action(messages.PROGRESS_ACTION, reminders.log_progress)
    registry.action(messages.SNOOZE_ACTION, reminders.snooze)
    registry.action(messages.LOST_ACTION, reminders.mark_lost)
    for topic in (Topic.PAYMENTS, Topic.STOCK, Topic.KEY_DATES, Topic.CONTRACTS):
        registry.notification(note_kind(topic), messages.grouped)
    registry.notification(note_kind(Topic.STAGNATION), messages.stagnation)
    registry.notification(note_kind(Topic.DIGEST), messages.digest)
    registry.notification(STAGNATION_SNOOZED, messages.stagnation_snoozed)
    registry.notification(STAGNATION_CLOSED, messages.stagnation_closed)
