"""python-telegram-bot handlers: commands, typed answers and clicks, all through the router.

Commands typed in a group get their answers and forms in the person's private chat: with
privacy mode on (Telegram's default) the bot never sees plain answers typed in a group, a
form there would interleave with other people's messages, and answers such as a deal's lost
reason must not be shown to the whole team.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session
from telegram import BotCommand, Update, User
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from dealbot.domain.core.clock import Clock
from dealbot.domain.core.errors import DomainError
from dealbot.domain.core.views import Person
from dealbot.handlers.core.i18n import Translator, supported_locale
from dealbot.handlers.core.outcomes import FormRequest
from dealbot.handlers.core.registry import Ask
from dealbot.handlers.core.router import Router
from dealbot.handlers.core.state import FrontState, first_time_in, noted_with_state
from dealbot.handlers.core.ui import Message, Reply
from dealbot.handlers.telegram import html, keyboards
from dealbot.handlers.telegram.conversation import (
    PLATFORM,
    FormConversations,
    Preloaded,
    Screen,
    Shown,
    chat_key,
    reply_screens,
)

log = logging.getLogger(__name__)

ANSWER_LIMIT = 200  # answerCallbackQuery text
ARRIVED = "dealbot_person"
PRELOADED = "dealbot_form"
LOCAL_COMMANDS = ("cancel", "start")


# What Telegram takes as a command name: `/quote-sent` is not one, so it is only reached as
# `/deal quote-sent …`.
COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")


def own_commands(names: Sequence[str]) -> list[str]:
    return [name for name in names if COMMAND_NAME.fullmatch(name)]


def menu(router: Router, locale: str) -> list[BotCommand]:
    """The command menu in one language: every registered command, and /cancel."""
    t = Translator(locale)
    names = own_commands([c.name for c in router.registry.commands.values() if c.menu])
    return [BotCommand(name, t(f"telegram-menu-{name}")) for name in [*names, "cancel"]]


@dataclass(frozen=True)
class Hooks:
    """What the composition root does when something happened here."""

    changed: Callable[[], None]  # something was saved: its notifications can go now
    started: Callable[[int], Awaitable[None]]  # this Telegram user pressed Start


def _short(text: str) -> str:
    return text if len(text) <= ANSWER_LIMIT else text[: ANSWER_LIMIT - 1] + "…"


def _form_key(update: Update) -> str | None:
    """The form an update may answer: a text typed in a private chat, or a click."""
    user = update.effective_user
    if user is None:
        return None
    query = update.callback_query
    if query is not None:
        return chat_key(query.message.chat.id if query.message else user.id, user.id)
    message, chat = update.message, update.effective_chat
    if message is None or chat is None or chat.type != ChatType.PRIVATE or not message.text:
        return None
    return None if message.text.startswith("/") else chat_key(chat.id, user.id)


def _command_text(text: str) -> tuple[str, str]:
    """`/new@bot args` → ("new", "args"); `/deal new args` → ("new", "args")."""
    head, _, rest = text.strip().partition(" ")
    name = head.lstrip("/").split("@", 1)[0].lower()
    rest = rest.strip()
    if name == "deal":
        sub, _, rest = rest.partition(" ")
        name = sub.lower() or "help"
    return name, rest.strip()


class TelegramHandlers:
    def __init__(self, router: Router, state: FrontState, clock: Clock, hooks: Hooks) -> None:
        self.router = router
        self.state = state
        self.clock = clock
        self.forms = FormConversations(router, state, clock)
        self.hooks = hooks

    def register(self, application: Application) -> None:  # type: ignore[type-arg]
        application.add_handler(TypeHandler(Update, self.once), group=-1)
        application.add_handler(
            CommandHandler("start", self.on_start, filters=filters.ChatType.PRIVATE)
        )
        names = ["deal", *LOCAL_COMMANDS, *own_commands(self.router.command_names())]
        application.add_handler(CommandHandler(names, self.on_command))
        application.add_handler(
            MessageHandler(filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND, self.on_text)
        )
        application.add_handler(CallbackQueryHandler(self.on_click))
        application.add_error_handler(self.on_error)

    async def once(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Each update is handled once, whichever process Telegram or a balancer gave it to.

        Who sent it, and the form it may answer, are read in the same trip to the store, for
        the handlers to use: the processor keeps this chat's updates in order, so nothing
        changes them before the handler runs.
        """
        key = f"update:{update.update_id}"
        user = update.effective_user
        locale = supported_locale(user.language_code) if user else None
        people = self.router.people
        form_key = _form_key(update)

        now = self.clock.now()
        noted = seen_before = False
        form: Preloaded | None = None

        def note_handled(session: Session) -> bool:
            nonlocal noted, seen_before, form
            if form_key is None:
                seen_before = not first_time_in(session, PLATFORM, key, now)
            else:
                fresh, data = noted_with_state(session, PLATFORM, key, form_key, now)
                seen_before = not fresh
                form = Preloaded(form_key, data) if fresh else None
            noted = True
            return not seen_before

        def arrive() -> tuple[bool, Person | None]:
            if user is None:
                return self.state.first_time(PLATFORM, key, now), None
            try:  # one trip: noting the update as handled, and who sent it
                person = people.arriving(locale, first_time=note_handled, telegram_user=user.id)
            except DomainError:  # a stranger: the update was noted all the same
                return noted and not seen_before, None
            return not seen_before, person

        is_new, person = await Router.call(arrive)
        if not is_new:
            raise ApplicationHandlerStop
        # CallbackContext is one per update, shared by every handler group, and takes attributes.
        setattr(context, ARRIVED, person)
        setattr(context, PRELOADED, form)

    # people
    async def _person(self, user: User, context: ContextTypes.DEFAULT_TYPE) -> Person | None:
        """The member who sent the update: as `once` found them, else looked up now."""
        if hasattr(context, ARRIVED):
            arrived: Person | None = getattr(context, ARRIVED)
            if arrived is None or arrived.telegram_user == user.id:
                return arrived
        locale = supported_locale(user.language_code)
        people = self.router.people
        try:
            return await Router.call(lambda: people.arriving(locale, telegram_user=user.id))
        except DomainError:
            return None

    @staticmethod
    def _stranger(user: User) -> Translator:
        return Translator(supported_locale(user.language_code) or "en")

    # sending
    async def _send(
        self, context: ContextTypes.DEFAULT_TYPE, chat_id: int, screens: Sequence[Screen]
    ) -> bool:
        """Send to a chat; False if the person has not started the bot (no private chat)."""
        try:
            for screen in screens:
                chunks = html.render(screen.message)
                for number, text in enumerate(chunks, 1):
                    await context.bot.send_message(
                        chat_id,
                        text,
                        parse_mode=ParseMode.HTML,
                        reply_markup=screen.keyboard if number == len(chunks) else None,
                    )
        except Forbidden:
            return False
        except BadRequest as error:
            if "chat not found" not in error.message.lower():
                raise
            return False
        return True

    async def _answer(
        self,
        update: Update,
        context: ContextTypes.DEFAULT_TYPE,
        ask: Ask,
        chat_id: int,
        shown: Shown,
    ) -> None:
        """Show what a step produced; a saved form's answer that fails goes via the outbox."""
        if shown.saved:
            self.hooks.changed()
        try:
            sent = await self._send(context, chat_id, shown.screens)
        except TelegramError as error:
            log.warning("answer to %s not sent: %s", ask.person.handle, error)
            sent = False
        if not sent and shown.reply is not None:
            await self._queue(ask, update, shown.reply)

    async def _queue(self, ask: Ask, update: Update, reply: Reply) -> None:
        await self.router.queue_reply(ask.person, PLATFORM, f"tg-{update.update_id}", reply)
        self.hooks.changed()

    async def _send_private(
        self,
        update: Update,
        context: ContextTypes.DEFAULT_TYPE,
        t: Translator,
        screens: Sequence[Screen],
    ) -> bool:
        """To the person's private chat; in a group, point them there if that is not possible."""
        user, chat, message = update.effective_user, update.effective_chat, update.effective_message
        assert user is not None and chat is not None
        if await self._send(context, user.id, screens):
            return True
        if chat.type != ChatType.PRIVATE and message is not None:
            link = f"https://t.me/{context.bot.username}?start=start"
            await message.reply_text(
                html.render(Message(title=t("telegram-open-private", link=link)))[0],
                parse_mode=ParseMode.HTML,
            )
        return False

    # commands
    async def on_start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        user, chat = update.effective_user, update.effective_chat
        assert user is not None and chat is not None
        person = await self._person(user, context)
        if person is None:
            t = self._stranger(user)
            await self._send(context, chat.id, [Screen(Message(title=t("error-not-on-team")))])
            return
        await self.hooks.started(user.id)
        t = self.router.ask(person, PLATFORM).t
        welcome = Message(
            title=t("telegram-welcome", name=person.name, team=person.team),
            lines=(t("telegram-start-help"),),
        )
        await self._send(context, chat.id, [Screen(welcome)])

    async def on_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        user, message = update.effective_user, update.effective_message
        if user is None or message is None or not message.text:
            return
        person = await self._person(user, context)
        if person is None:
            t = self._stranger(user)
            await message.reply_text(
                html.render(Message(title=t("error-not-on-team")))[0], parse_mode=ParseMode.HTML
            )
            return
        ask = self.router.ask(person, PLATFORM)
        name, rest = _command_text(message.text)
        key = chat_key(user.id, user.id)
        if name == "cancel":
            cancelled = await self.forms.cancel(key)
            said = ask.t("form-cancelled" if cancelled else "telegram-nothing-to-cancel")
            await self._send_private(update, context, ask.t, [Screen(Message(title=said))])
            return
        if name == "start":  # typed in a group: what the bot can do, in private
            name = "help"
        outcome = await self.router.command(person, f"{name} {rest}".strip(), PLATFORM)
        if isinstance(outcome, FormRequest):
            shown = await self.forms.start(ask, key, outcome)
            if not await self._send_private(update, context, ask.t, shown.screens):
                await self.forms.cancel(key)
            return
        if name == "lang" and rest:  # the answer is in the language just chosen
            ask = self.router.ask(await self.router.person(telegram_user=user.id), PLATFORM)
        if outcome.queued:  # charts: on their way to the private chat through the outbox
            self.hooks.changed()
        await self._send_private(update, context, ask.t, reply_screens(outcome))

    async def on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        user, chat, message = update.effective_user, update.effective_chat, update.effective_message
        if user is None or chat is None or message is None or message.text is None:
            return
        person = await self._person(user, context)
        if person is None:
            t = self._stranger(user)
            await self._send(context, chat.id, [Screen(Message(title=t("error-not-on-team")))])
            return
        ask = self.router.ask(person, PLATFORM)
        preloaded = getattr(context, PRELOADED, None)
        shown = await self.forms.text(ask, chat_key(chat.id, user.id), message.text, preloaded)
        if shown is None:
            await self._send(context, chat.id, [Screen(Message(title=ask.t("telegram-no-form")))])
            return
        await self._answer(update, context, ask, chat.id, shown)

    # clicks
    async def on_click(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None:
            return
        answered = False
        try:
            person = await self._person(query.from_user, context)
            if person is None:
                t = self._stranger(query.from_user)
                await query.answer(_short(t("error-not-on-team")), show_alert=True)
                answered = True
                return
            ask = self.router.ask(person, PLATFORM)
            click = keyboards.parse(query.data)
            if click is None:
                await query.answer(_short(ask.t("error-button-unknown")), show_alert=True)
                answered = True
                return
            if click.prefix == keyboards.FORM_PREFIX:
                chat_id = query.message.chat.id if query.message else query.from_user.id
                key = chat_key(chat_id, query.from_user.id)
                preloaded = getattr(context, PRELOADED, None)
                shown = await self.forms.click(ask, key, click.action, click.value, preloaded)
                await query.answer(_short(shown.notice) if shown.notice else None)
                answered = True
                await self._answer(update, context, ask, chat_id, shown)
                return
            # Authorised here, on the server, whoever could see the button.
            outcome = await self.router.press(person, click.action, click.value, PLATFORM)
            if not isinstance(outcome, FormRequest) and not outcome.messages:
                if outcome.queued:  # charts: on their way to this chat through the outbox
                    self.hooks.changed()
                return  # answered below, with nothing to show
            if not isinstance(outcome, FormRequest):
                refusal = "\n".join(m.plain() for m in outcome.messages)
                await query.answer(_short(refusal), show_alert=True)
                answered = True
                return
            key = chat_key(query.from_user.id, query.from_user.id)
            shown = await self.forms.start(ask, key, outcome)
            await query.answer()
            answered = True
            if not await self._send(context, query.from_user.id, shown.screens):
                await self.forms.cancel(key)
        finally:
            if not answered:
                await query.answer()

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        log.error("handling a Telegram update failed", exc_info=context.error)
