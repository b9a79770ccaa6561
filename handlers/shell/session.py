"""A shell conversation: one line in at a time, as whichever configured person is speaking."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from dealbot.domain.errors import DomainError, Invalid
from dealbot.domain.views import Person
from dealbot.handlers.conversation import Conversations, FieldErrors, FormRequest, Outcome
from dealbot.handlers.forms import Choice, Field, FormContext, Kind
from dealbot.handlers.i18n import Translator
from dealbot.handlers.shell.render import ActionBoard, Printer, prompt_lines, render_message
from dealbot.handlers.ui import Reply


@dataclass
class FormRun:
    """A form being answered: what is typed so far survives every mistake."""

    request: FormRequest
    context: FormContext
    answers: dict[str, str] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)
    asked: list[Field] = field(default_factory=list)
    current: Field | None = None
    options: list[Choice] = field(default_factory=list)


class ShellSession:
    def __init__(
        self,
        conversations: Conversations,
        deliver: Callable[[], Awaitable[None]],
        printer: Printer,
        board: ActionBoard,
        handle: str,
    ) -> None:
        self.conversations = conversations
        self.deliver = deliver
        self.print = printer
        self.board = board
        self.handle = handle
        self.form: FormRun | None = None

    async def me(self) -> Person:
        return await self.conversations.person(handle=self.handle)

    async def greet(self) -> None:
        person = await self.me()
        t = Translator(person.locale)
        self.print(t("shell-welcome"))
        self.print(t("shell-you-are", name=person.name, handle=person.handle, team=person.team))

    async def feed(self, line: str) -> bool:
        """Handle one typed line; False when the person asked to quit."""
        text = line.strip()
        person = await self.me()
        t = Translator(person.locale)
        if self.form is not None:
            await self._answer(person, t, text)
            return True
        if not text:
            return True
        word, _, rest = text.partition(" ")
        word = word.lower()
        if word in ("/quit", "/exit"):
            return False
        if word == "/as":
            await self._switch(t, rest.strip())
        elif word == "/who":
            for other in await self.conversations.desk_people():
                mark = "*" if other.handle == person.handle else " "
                roles = ", ".join(other.roles)
                self.print(f" {mark} {other.handle} — {other.name} ({other.team}; {roles})")
        elif word == "/help":
            self.print(t("shell-help"))
            await self._show(person, await self.conversations.command(person, "help"))
        elif word == "/press" or text.isdigit():
            await self._press(person, t, rest.strip() if word == "/press" else text)
        elif word == "/deal" or word.lstrip("/") in ("new", "update", "won", "lost", "show"):
            await self._show(person, await self.conversations.command(person, text))
        else:
            self.print(t("shell-unknown", text=text))
        return True

    async def _switch(self, t: Translator, handle: str) -> None:
        try:
            person = await self.conversations.person(handle=handle.lstrip("@"))
        except DomainError:
            self.print(t("shell-no-such-person", handle=handle))
            return
        self.handle = person.handle
        t = Translator(person.locale)
        self.print(t("shell-you-are", name=person.name, handle=person.handle, team=person.team))

    async def _press(self, person: Person, t: Translator, number: str) -> None:
        button = self.board.get(int(number)) if number.isdigit() else None
        if button is None:
            self.print(t("shell-no-such-button", number=number))
            return
        await self._show(
            person, await self.conversations.press(person, button.action, button.value)
        )

    async def _show(self, person: Person, outcome: Outcome) -> None:
        if isinstance(outcome, FormRequest):
            await self._start_form(person, outcome)
            return
        for message in outcome.messages:
            for line in render_message(message, self.board):
                self.print(line)
        await self.deliver()

    # forms
    async def _start_form(self, person: Person, request: FormRequest) -> None:
        context = await self.conversations.form_context(person, request)
        t = context.translator
        self.form = FormRun(request, context, values=dict(request.fixed))
        self.print(request.form.title(t, **request.title_args) + f"  ({t('shell-cancel-hint')})")
        self._ask_next()

    def _ask_next(self) -> None:
        run = self.form
        assert run is not None
        pending = [
            f
            for f in run.request.form.visible_fields(run.request.fixed)
            if f.name not in run.values and f.applies(run.values)
        ]
        if not pending:
            run.current = None
            return
        run.current = pending[0]
        run.options = run.current.options(run.context)
        default = run.current.default(run.context) if run.current.default else None
        for line in prompt_lines(run.current, run.options, run.context.translator, default):
            self.print(line)

    async def _answer(self, person: Person, t: Translator, text: str) -> None:
        run = self.form
        assert run is not None and run.current is not None
        if text.lower() == "/cancel":
            self.form = None
            self.print(t("form-cancelled"))
            return
        if text.lower() == "/back":
            self._back(run)
            self._ask_next()
            return
        current = run.current
        if current.kind is Kind.CHOICE and text.isdigit() and 0 < int(text) <= len(run.options):
            text = run.options[int(text) - 1].value
        if not text and current.default is not None:
            text = current.default(run.context) or ""
        try:
            value = current.parse(text, run.context)
        except Invalid as error:
            self.print(f"! {t.error(error)}")
            self._ask_next()
            return
        run.answers[current.name] = text
        run.values[current.name] = value
        run.asked.append(current)
        self._ask_next()
        if run.current is None:
            await self._submit(person, t, run)

    def _back(self, run: FormRun) -> None:
        if run.asked:
            previous = run.asked.pop()
            run.values.pop(previous.name, None)
            run.answers.pop(previous.name, None)

    async def _submit(self, person: Person, t: Translator, run: FormRun) -> None:
        values, errors = self.conversations.validate(run.request, run.answers, run.context)
        result: Reply | FieldErrors = errors or await self.conversations.submit(
            person, run.request, values
        )
        if isinstance(result, FieldErrors):
            for name, message in result.errors.items():
                self.print(f"! {message}")
                run.values.pop(name, None)
                run.answers.pop(name, None)
            self._ask_next()
            if run.current is not None:
                return
        self.form = None
        if isinstance(result, Reply):
            await self._show(person, result)
