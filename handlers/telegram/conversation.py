"""A neutral form as a Telegram conversation: one question a step, held in the database.

The state of a half-answered form lives in the store (keyed by chat and person), so a restart
of the bot in the middle of a form loses nothing; every step is a fresh read of that state.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from telegram import InlineKeyboardMarkup

from dealbot.domain.errors import Invalid
from dealbot.domain.views import Person
from dealbot.handlers.conversation import Conversations, FieldErrors, FormRequest
from dealbot.handlers.deal_forms import FORMS
from dealbot.handlers.forms import Choice, Field, FormContext, Kind
from dealbot.handlers.i18n import Translator
from dealbot.handlers.telegram import keyboards
from dealbot.handlers.ui import Message, Reply

PLATFORM = "telegram"
MAX_OPTIONS = 30  # a keyboard taller than this is unusable on a phone; typing still works
SKIP, DEFAULT, BACK, CANCEL, SAVE = "skip", "default", "back", "cancel", "save"


@dataclass(frozen=True)
class Screen:
    """One message to send: HTML is made from `message` by the sender."""

    message: Message
    keyboard: InlineKeyboardMarkup | None = None


@dataclass
class Turn:
    """What one update did to the form: what to show, what to say in a click's answer."""

    screens: list[Screen] = field(default_factory=list)
    notice: str | None = None
    saved: bool = False


def chat_key(chat_id: int, user_id: int) -> str:
    return f"{chat_id}:{user_id}"


def reply_screens(reply: Reply) -> list[Screen]:
    return [Screen(m, keyboards.message_buttons(m.buttons)) for m in reply.messages]


@dataclass(frozen=True)
class _Prompt:
    """A question or the summary, with its buttons as (choice id, label)."""

    message: Message
    choices: list[tuple[str, str]]
    controls: list[tuple[str, str]]


@dataclass
class _Run:
    """A form being answered, as loaded from the store (JSON-shaped so it can go back)."""

    request: FormRequest
    context: FormContext
    answers: dict[str, str]
    asked: list[str]
    step: int
    options: list[str]
    confirming: bool

    @property
    def t(self) -> Translator:
        return self.context.translator

    def state(self) -> dict[str, Any]:
        return {
            "form": self.request.form.id,
            "fixed": self.request.fixed,
            "context": self.request.context,
            "title_args": self.request.title_args,
            "answers": self.answers,
            "asked": self.asked,
            "step": self.step,
            "options": self.options,
            "confirming": self.confirming,
        }

    def pending(self) -> list[Field]:
        known: dict[str, Any] = {**self.request.fixed, **self.answers}
        return [
            f
            for f in self.request.form.visible_fields(self.request.fixed)
            if f.name not in self.answers and f.applies(known)
        ]

    def forget(self, name: str) -> None:
        self.answers.pop(name, None)
        if name in self.asked:
            self.asked.remove(name)


class FormConversations:
    def __init__(self, conversations: Conversations) -> None:
        self.conversations = conversations
        self.desk = conversations.desk

    async def _save(self, key: str, run: _Run) -> None:
        await asyncio.to_thread(self.desk.save_conversation, PLATFORM, key, run.state())

    async def _clear(self, key: str) -> None:
        await asyncio.to_thread(self.desk.clear_conversation, PLATFORM, key)

    async def _load(self, person: Person, key: str) -> _Run | None:
        state = await asyncio.to_thread(self.desk.load_conversation, PLATFORM, key)
        if state is None or state.get("form") not in FORMS:
            return None
        request = FormRequest(
            FORMS[state["form"]], state["fixed"], state["context"], state["title_args"]
        )
        context = await self.conversations.form_context(person, request)
        return _Run(
            request,
            context,
            dict(state["answers"]),
            list(state["asked"]),
            int(state["step"]),
            list(state["options"]),
            bool(state["confirming"]),
        )

    async def is_open(self, key: str) -> bool:
        return await asyncio.to_thread(self.desk.load_conversation, PLATFORM, key) is not None

    # entry points
    async def start(self, person: Person, key: str, request: FormRequest) -> Turn:
        context = await self.conversations.form_context(person, request)
        run = _Run(request, context, {}, [], 0, [], False)
        return await self._next(key, run, error=None)

    async def cancel(self, key: str) -> bool:
        had_form = await self.is_open(key)
        await self._clear(key)
        return had_form

    async def text(self, person: Person, key: str, text: str) -> Turn | None:
        """A typed answer; None when no form is open in this chat for this person."""
        run = await self._load(person, key)
        if run is None:
            return None
        if run.confirming:
            return await self._show(key, run, self._summary(run, run.t("telegram-use-buttons")))
        return await self._answer(person, key, run, text.strip(), typed=True)

    async def click(self, person: Person, key: str, step: str, choice: str) -> Turn:
        run = await self._load(person, key)
        if run is None:
            return Turn(notice=Translator(person.locale)("telegram-form-gone"))
        if choice == CANCEL:
            await self._clear(key)
            return Turn([Screen(Message(title=run.t("form-cancelled")))])
        if step != str(run.step):
            return Turn(notice=run.t("telegram-stale"))
        if choice == BACK:
            return await self._back(key, run)
        if run.confirming:
            if choice == SAVE:
                return await self._save_form(person, key, run)
            return Turn(notice=run.t("telegram-stale"))
        return await self._answer(person, key, run, choice, typed=False)

    # steps
    async def _answer(self, person: Person, key: str, run: _Run, given: str, typed: bool) -> Turn:
        pending = run.pending()
        if not pending:
            return await self._next(key, run, error=None)
        current = pending[0]
        default = current.default(run.context) if current.default else None
        text = given
        if not typed:
            text = self._clicked_value(run, given, default)
        elif current.kind is Kind.CHOICE and text.isdigit() and 0 < int(text) <= len(run.options):
            text = run.options[int(text) - 1]
        if not text and default:
            text = default
        try:
            value = current.parse(text, run.context)
        except Invalid as error:
            return await self._next(key, run, error=run.t.error(error))
        run.answers[current.name] = str(value) if current.kind is Kind.CHOICE else text
        run.asked.append(current.name)
        return await self._next(key, run, error=None)

    @staticmethod
    def _clicked_value(run: _Run, choice: str, default: str | None) -> str:
        if choice == SKIP:
            return ""
        if choice == DEFAULT:
            return default or ""
        if choice.isdigit() and int(choice) < len(run.options):
            return run.options[int(choice)]
        return ""

    async def _back(self, key: str, run: _Run) -> Turn:
        run.confirming = False
        if run.asked:
            run.forget(run.asked[-1])
        return await self._next(key, run, error=None)

    async def _next(self, key: str, run: _Run, error: str | None) -> Turn:
        pending = run.pending()
        if not pending:
            return await self._show(key, run, self._summary(run, None))
        return await self._show(key, run, self._question(run, pending[0], error))

    async def _show(self, key: str, run: _Run, prompt: _Prompt) -> Turn:
        """Number the step so that a click on an older question is recognised as stale."""
        run.step += 1
        rows = [*keyboards.in_rows(prompt.choices, 2), prompt.controls]
        labelled = [[(label, keyboards.form_data(run.step, c)) for c, label in row] for row in rows]
        await self._save(key, run)
        return Turn([Screen(prompt.message, keyboards.markup(labelled))])

    def _question(self, run: _Run, current: Field, error: str | None) -> _Prompt:
        t = run.t
        options: list[Choice] = current.options(run.context)[:MAX_OPTIONS]
        run.options = [o.value for o in options]
        run.confirming = False
        label = current.label(t)
        if not current.required:
            label += f" ({t('telegram-optional')})"
        lines = [f"⚠ {error}", label] if error else [label]
        hint = current.hint(t)
        if hint:
            lines.append(hint)
        if options:
            lines.append(t("telegram-choose-or-type" if current.open_choice else "telegram-choose"))
        choices = [(str(i), o.label) for i, o in enumerate(options)]
        default = current.default(run.context) if current.default else None
        controls: list[tuple[str, str]] = []
        if default:
            controls.append((DEFAULT, default))
        if not current.required:
            controls.append((SKIP, t("telegram-button-skip")))
        if run.asked:
            controls.append((BACK, t("telegram-button-back")))
        controls.append((CANCEL, t("telegram-button-cancel")))
        title = run.request.form.title(t, **run.request.title_args)
        return _Prompt(Message(title=title, lines=tuple(lines)), choices, controls)

    def _summary(self, run: _Run, note: str | None) -> _Prompt:
        t = run.t
        run.confirming = True
        run.options = []
        asked = [f for f in run.request.form.fields if f.name in run.asked]
        fields = tuple((f.label(t), self._shown(run, f)) for f in asked)
        lines = (note,) if note else (t("telegram-confirm"),)
        controls = [
            (SAVE, t(run.request.form.submit_key)),
            (BACK, t("telegram-button-back")),
            (CANCEL, t("telegram-button-cancel")),
        ]
        title = run.request.form.title(t, **run.request.title_args)
        return _Prompt(Message(title=title, fields=fields, lines=lines), [], controls)

    @staticmethod
    def _shown(run: _Run, f: Field) -> str:
        answer = run.answers.get(f.name) or ""
        for option in f.options(run.context):
            if option.value == answer:
                return option.label
        return answer or "—"

    async def _save_form(self, person: Person, key: str, run: _Run) -> Turn:
        raw: dict[str, str | None] = dict(run.answers)
        values, errors = self.conversations.validate(run.request, raw, run.context)
        result: Reply | FieldErrors = errors or await self.conversations.submit(
            person, run.request, values
        )
        if isinstance(result, FieldErrors):
            name, text = next(iter(result.errors.items()))
            run.forget(name)
            return await self._next(key, run, error=text)
        await self._clear(key)
        return Turn(reply_screens(result), saved=True)
