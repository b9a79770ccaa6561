"""A form as a Telegram conversation: the shared form walk, one question a message, with an
inline keyboard for its choices and controls, and its state kept in the store.

The walk's state lives in the store (keyed by chat and person), so a restart of the bot in
the middle of a form loses nothing; every update is a fresh read of that state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from telegram import InlineKeyboardMarkup

from dealbot.domain.core.clock import Clock
from dealbot.handlers.core.forms import Kind
from dealbot.handlers.core.outcomes import FormRequest
from dealbot.handlers.core.registry import Ask
from dealbot.handlers.core.router import Router
from dealbot.handlers.core.state import FrontState
from dealbot.handlers.core.ui import Message, Reply
from dealbot.handlers.core.walk import Control, FormWalk, Prompt, Turn, WalkState
from dealbot.handlers.telegram import keyboards

PLATFORM = "telegram"
MAX_OPTIONS = 30  # a keyboard taller than this is unusable on a phone; typing still works


@dataclass(frozen=True)
class Screen:
    """One message to send: HTML is made from `message` by the sender."""

    message: Message
    keyboard: InlineKeyboardMarkup | None = None


@dataclass
class Shown:
    """What one update did to the form: what to show, what to say in a click's answer."""

    screens: list[Screen] = field(default_factory=list)
    notice: str | None = None
    saved: bool = False
    reply: Reply | None = None


@dataclass(frozen=True)
class Preloaded:
    """A form's stored state, read along with the update it answers."""

    key: str
    data: dict[str, Any] | None


def chat_key(chat_id: int, user_id: int) -> str:
    return f"{chat_id}:{user_id}"


def reply_screens(reply: Reply) -> list[Screen]:
    return [Screen(m, keyboards.message_buttons(m.buttons)) for m in reply.messages]


def prompt_screen(prompt: Prompt, ask: Ask) -> Screen:
    t = ask.t
    lines = [f"⚠ {prompt.error}"] if prompt.error else []
    controls: list[tuple[str, str]] = []
    choices: list[tuple[str, str]] = []
    fields: tuple[tuple[str, str], ...] = ()
    if prompt.field is None:
        fields = prompt.review
        lines.append(t("telegram-confirm"))
        controls.append((Control.SAVE.value, t("form-submit")))
    else:
        current = prompt.field
        label = current.label(t)
        if not current.required:
            label += f" ({t('telegram-optional')})"
        lines.append(label)
        hint = current.hint(t)
        if hint:
            lines.append(hint)
        if current.kind is Kind.CHOICE and prompt.options:
            typed = current.open_choice or current.ref_letter is not None or current.typeahead
            lines.append(t("telegram-choose-or-type" if typed else "telegram-choose"))
            choices = [(str(i), o.label) for i, o in enumerate(prompt.options[:MAX_OPTIONS])]
        elif current.typeahead:
            lines.append(t("form-typeahead"))
        if prompt.default_label:
            controls.append((Control.DEFAULT.value, prompt.default_label))
        if not current.required:
            controls.append((Control.SKIP.value, t("telegram-button-skip")))
    if prompt.can_back:
        controls.append((Control.BACK.value, t("telegram-button-back")))
    controls.append((Control.CANCEL.value, t("telegram-button-cancel")))
    rows = [*keyboards.in_rows(choices, 2), controls]
    labelled = [[(label, keyboards.form_data(prompt.step, c)) for c, label in row] for row in rows]
    message = Message(title=prompt.title, fields=fields, lines=tuple(lines))
    return Screen(message, keyboards.markup(labelled))


class FormConversations:
    def __init__(self, router: Router, state: FrontState, clock: Clock) -> None:
        self.router = router
        self.walk = FormWalk(router)
        self.state = state
        self.clock = clock

    async def _load(self, key: str, preloaded: Preloaded | None) -> WalkState | None:
        if preloaded is not None and preloaded.key == key:
            data = preloaded.data
        else:
            data = await Router.call(self.state.load, PLATFORM, key)
        if data is None:
            return None
        try:
            return WalkState.from_json(data, self.router)
        except (KeyError, TypeError, ValueError):  # a form this version no longer has
            await Router.call(self.state.clear, PLATFORM, key)
            return None

    async def _settle(self, ask: Ask, key: str, turn: Turn) -> Shown:
        if turn.state is None:
            await Router.call(self.state.clear, PLATFORM, key)
        else:
            now: datetime = self.clock.now()
            await Router.call(self.state.save, PLATFORM, key, turn.state.to_json(), now)
        screens = [prompt_screen(turn.prompt, ask)] if turn.prompt is not None else []
        if turn.reply is not None:
            screens += reply_screens(turn.reply)
        return Shown(screens, turn.notice, turn.saved, turn.reply if turn.saved else None)

    async def start(self, ask: Ask, key: str, request: FormRequest) -> Shown:
        return await self._settle(ask, key, await self.walk.start(ask, request))

    async def cancel(self, key: str) -> bool:
        return await Router.call(self.state.clear, PLATFORM, key)

    async def text(
        self, ask: Ask, key: str, text: str, preloaded: Preloaded | None = None
    ) -> Shown | None:
        """A typed answer; None when no form is open in this chat for this person."""
        state = await self._load(key, preloaded)
        if state is None:
            return None
        return await self._settle(ask, key, await self.walk.typed(ask, state, text))

    async def click(
        self, ask: Ask, key: str, step: str, choice: str, preloaded: Preloaded | None = None
    ) -> Shown:
        state = await self._load(key, preloaded)
        if state is None:
            return Shown(notice=ask.t("telegram-form-gone"))
        if not step.isdigit():
            return Shown(notice=ask.t("form-stale"))
        if choice.isdigit():
            turn = await self.walk.choose(ask, state, int(choice), int(step))
        else:
            try:
                control = Control(choice)
            except ValueError:
                return Shown(notice=ask.t("form-stale"))
            turn = await self.walk.control(ask, state, control, int(step))
        if turn.state is not None and turn.prompt is None:  # stale: nothing changed
            return Shown(notice=turn.notice)
        return await self._settle(ask, key, turn)
