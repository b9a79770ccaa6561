"""`/deal show D-12`, `/deal show Q-3`, `/deal show O-4`: each reference shown by the capability
its letter belongs to, with the buttons other capabilities put on it."""

from __future__ import annotations

from dataclasses import replace

from dealbot.domain.core.refs import letter_of
from dealbot.handlers.core.outcomes import Outcome
from dealbot.handlers.core.registry import Ask, CommandRun, Registry
from dealbot.handlers.core.router import error_reply
from dealbot.handlers.core.ui import Reply


def show_command(registry: Registry) -> CommandRun:
    async def show(ask: Ask, args: list[str]) -> Outcome:
        if not args or not registry.viewers:
            return error_reply(ask.t, ask.t("error-show-unknown"))
        ref = args[0]
        letter = letter_of(ref)
        # A bare `#12`, or a letter nobody shows, is for the first viewer (the deals'), whose
        # answer says it knows no such deal.
        if letter not in registry.viewers:
            letter = next(iter(registry.viewers))
        outcome = await registry.viewers[letter](ask, ref)
        if not isinstance(outcome, Reply) or not outcome.messages:
            return outcome
        extra = [b for add in registry.subject_buttons.get(letter, []) for b in await add(ask, ref)]
        if not extra:
            return outcome
        *first, last = outcome.messages
        return Reply((*first, replace(last, buttons=(*last.buttons, *extra))))

    return show
