"""A shell conversation: one line in at a time, as whichever configured person is speaking."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from dealbot.domain.core.errors import DomainError
from dealbot.domain.core.views import Person
from dealbot.handlers.core.i18n import Translator
from dealbot.handlers.core.outcomes import FormRequest, Outcome
from dealbot.handlers.core.registry import Ask
from dealbot.handlers.core.router import Router
from dealbot.handlers.core.ui import Reply
from dealbot.handlers.core.walk import Control, FormWalk, Turn, WalkState
from dealbot.handlers.shell.render import ActionBoard, Printer, prompt_lines, render_message

PLATFORM = "shell"
CONTROLS = {"/back": Control.BACK, "/cancel": Control.CANCEL, "/skip": Control.SKIP}
SAVE_WORDS = {"y", "yes", "/save"}
SHELL_COMMANDS = {"/quit", "/exit", "/as", "/who", "/help", "/press", "/deal"}


class ShellSession:
    def __init__(
        self,
        router: Router,
        deliver: Callable[[], Awaitable[None]],
        printer: Printer,
        board: ActionBoard,
        handle: str,
    ) -> None:
        self.router = router
        self.walk = FormWalk(router)
        self.deliver = deliver
        self.print = printer
        self.board = board
        self.handle = handle
        self.form: WalkState | None = None

    async def me(self) -> Person:
        return await self.router.person(handle=self.handle)

    async def greet(self) -> None:
        t = self.router.ask(await self.me(), PLATFORM).t
        person = await self.me()
        self.print(t("shell-welcome"))
        self.print(t("shell-you-are", name=person.name, handle=person.handle, team=person.team))

    @property
    def in_form(self) -> bool:
        return self.form is not None

    async def interrupt(self) -> bool:
        """Ctrl-C: cancel the form being answered (True), or nothing to cancel (False)."""
        if self.form is None:
            return False
        ask = self.router.ask(await self.me(), PLATFORM)
        await self._turn(ask, await self.walk.control(ask, self.form, Control.CANCEL))
        return True

    async def feed(self, line: str) -> bool:
        """Handle one typed line; False when the person asked to quit."""
        text = line.strip()
        person = await self.me()
        ask = self.router.ask(person, PLATFORM)
        word, _, rest = text.partition(" ")
        word = word.lower()
        open_form = self.form
        if open_form is not None and not self._is_command(word):
            await self._answer(ask, open_form, text)
            return True
        if not text:
            return True
        if word in ("/quit", "/exit"):
            if open_form is not None:
                await self.interrupt()
            return False
        if word == "/as" and open_form is not None:
            await self.interrupt()  # the form was the other person's
            open_form = None
        if word == "/as":
            await self._switch(ask.t, rest.strip())
        elif word == "/who":
            await self._who(ask)
        elif word == "/help":
            self.print(ask.t("shell-help"))
            await self._show(ask, await self.router.command(person, "help", PLATFORM))
        elif word == "/press" or text.isdigit():
            await self._press(ask, rest.strip() if word == "/press" else text)
        elif word == "/deal" or word.lstrip("/") in self.router.command_names():
            await self._show(ask, await self.router.command(person, text, PLATFORM))
        else:
            self.print(ask.t("shell-unknown", text=text))
        if open_form is not None and self.form is open_form:
            # A command in the middle of a form, as on Telegram: answered, and the form stays
            # open at its question, asked again so that the next line clearly answers it.
            await self._turn(ask, await self.walk.again(ask, open_form))
        return True

    def _is_command(self, word: str) -> bool:
        """A line that is a command of its own rather than an answer to the open form."""
        if word in CONTROLS or word in SAVE_WORDS or not word.startswith("/"):
            return False
        return word in SHELL_COMMANDS or word.lstrip("/") in self.router.command_names()

    async def _who(self, ask: Ask) -> None:
        for other in await self.router.everyone():
            mark = "*" if other.handle == ask.person.handle else " "
            roles = ask.t.listing([ask.t(f"role-{role}") for role in other.roles])
            self.print(f" {mark} {other.handle} — {other.name} ({other.team}; {roles})")

    async def _switch(self, t: Translator, handle: str) -> None:
        try:
            person = await self.router.person(handle=handle.lstrip("@"))
        except DomainError:
            self.print(t("shell-no-such-person", handle=handle))
            return
        self.handle = person.handle
        t = self.router.ask(person, PLATFORM).t
        self.print(t("shell-you-are", name=person.name, handle=person.handle, team=person.team))

    async def _press(self, ask: Ask, number: str) -> None:
        button = self.board.get(int(number)) if number.isdigit() else None
        if button is None:
            self.print(ask.t("shell-no-such-button", number=number))
            return
        outcome = await self.router.press(ask.person, button.action, button.value, PLATFORM)
        await self._show(ask, outcome)

    async def _show(self, ask: Ask, outcome: Outcome) -> None:
        if isinstance(outcome, FormRequest):
            self.print(
                f"{outcome.form.title(ask.t, **outcome.title_args)}  ({ask.t('shell-cancel-hint')})"
            )
            await self._turn(ask, await self.walk.start(ask, outcome))
            return
        self._print_reply(outcome)
        await self.deliver()

    def _print_reply(self, reply: Reply) -> None:
        for message in reply.messages:
            for line in render_message(message, self.board):
                self.print(line)

    async def _answer(self, ask: Ask, state: WalkState, text: str) -> None:
        command = text.lower()
        if command in CONTROLS:
            turn = await self.walk.control(ask, state, CONTROLS[command])
        elif state.reviewing and command in SAVE_WORDS:
            turn = await self.walk.control(ask, state, Control.SAVE)
        else:
            turn = await self.walk.typed(ask, state, text)
        await self._turn(ask, turn)

    async def _turn(self, ask: Ask, turn: Turn) -> None:
        self.form = turn.state
        if turn.notice:
            self.print(f"! {turn.notice}")
        if turn.prompt is not None:
            for line in prompt_lines(turn.prompt, ask.t):
                self.print(line)
        if turn.reply is not None:
            self._print_reply(turn.reply)
            await self.deliver()
