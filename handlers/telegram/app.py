"""python-telegram-bot handlers: commands, typed answers and clicks, all through the neutral core.

Commands typed in a group get their answers and forms in the person's private chat: with
privacy mode on (Telegram's default) the bot never sees plain answers typed in a group, a
form there would interleave with other people's messages, and answers such as a deal's lost
reason must not be shown to the whole team.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from telegram import BotCommand, Update, User
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, Forbidden
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from dealbot.domain.errors import DomainError
from dealbot.domain.views import Person
from dealbot.handlers.conversation import SUBCOMMANDS, Conversations, FormRequest
from dealbot.handlers.i18n import Translator, supported_locale
from dealbot.handlers.telegram import html, keyboards
from dealbot.handlers.telegram.conversation import (
    FormConversations,
    Screen,
    Turn,
    chat_key,
    reply_screens,
)
from dealbot.handlers.ui import Message

log = logging.getLogger(__name__)

MENU = ("new", "update", "won", "lost", "show", "list", "search", "stats", "lang", "help", "cancel")
ANSWER_LIMIT = 200  # answerCallbackQuery text


def menu(locale: str) -> list[BotCommand]:
    """The command menu in one language."""
    t = Translator(locale)
    return [BotCommand(name, t(f"telegram-menu-{name}")) for name in MENU]


@dataclass(frozen=True)
class Hooks:
    """What the composition root does when something happened here."""

    changed: Callable[[], None]  # something was saved: its notifications can go now
    started: Callable[[int], Awaitable[None]]  # a member started the bot (id of the member)


def _short(text: str) -> str:
    return text if len(text) <= ANSWER_LIMIT else text[: ANSWER_LIMIT - 1] + "…"


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
    def __init__(self, conversations: Conversations, hooks: Hooks) -> None:
        self.conversations = conversations
        self.forms = FormConversations(conversations)
        self.hooks = hooks
        self._noted_locale: dict[int, str] = {}

    def register(self, application: Application) -> None:  # type: ignore[type-arg]
        application.add_handler(
            CommandHandler("start", self.on_start, filters=filters.ChatType.PRIVATE)
        )
        names = ["deal", "cancel", "start", *SUBCOMMANDS]
        application.add_handler(CommandHandler(names, self.on_command))
        application.add_handler(
            MessageHandler(filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND, self.on_text)
        )
        application.add_handler(CallbackQueryHandler(self.on_click))
        application.add_error_handler(self.on_error)

    # people
    async def _person(self, user: User) -> Person | None:
        try:
            person = await self.conversations.person(telegram_user=user.id)
        except DomainError:
            return None
        locale = supported_locale(user.language_code)
        if locale and self._noted_locale.get(person.id) != locale:
            await asyncio.to_thread(self.conversations.desk.note_profile_locale, person.id, locale)
            self._noted_locale[person.id] = locale
            person = await self.conversations.person(telegram_user=user.id)
        return person

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

    async def _send_private(
        self,
        update: Update,
        context: ContextTypes.DEFAULT_TYPE,
        t: Translator,
        screens: Sequence[Screen],
    ) -> None:
        """To the person's private chat; in a group, point them there if that is not possible."""
        user, chat, message = update.effective_user, update.effective_chat, update.effective_message
        assert user is not None and chat is not None
        if await self._send(context, user.id, screens):
            return
        if chat.type != ChatType.PRIVATE and message is not None:
            link = f"https://t.me/{context.bot.username}?start=start"
            await message.reply_text(
                html.render(Message(title=t("telegram-open-private", link=link)))[0],
                parse_mode=ParseMode.HTML,
            )

    def _after(self, turn: Turn) -> list[Screen]:
        if turn.saved:
            self.hooks.changed()
        return turn.screens

    # commands
    async def on_start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        user, chat = update.effective_user, update.effective_chat
        assert user is not None and chat is not None
        member_id = await asyncio.to_thread(self.conversations.desk.mark_telegram_started, user.id)
        person = await self._person(user) if member_id is not None else None
        if person is None:
            t = self._stranger(user)
            await self._send(context, chat.id, [Screen(Message(title=t("error-not-on-team")))])
            return
        await self.hooks.started(person.id)
        t = Translator(person.locale)
        welcome = Message(
            title=t("telegram-welcome", name=person.name, team=person.team),
            lines=(t("telegram-start-help"),),
        )
        await self._send(context, chat.id, [Screen(welcome)])

    async def on_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        user, message = update.effective_user, update.effective_message
        if user is None or message is None or not message.text:
            return
        person = await self._person(user)
        if person is None:
            t = self._stranger(user)
            await message.reply_text(
                html.render(Message(title=t("error-not-on-team")))[0], parse_mode=ParseMode.HTML
            )
            return
        t = Translator(person.locale)
        name, rest = _command_text(message.text)
        key = chat_key(user.id, user.id)
        if name == "cancel":
            cancelled = await self.forms.cancel(key)
            said = t("form-cancelled" if cancelled else "telegram-nothing-to-cancel")
            await self._send_private(update, context, t, [Screen(Message(title=said))])
            return
        if name == "start":  # typed in a group: what the bot can do, in private
            name = "help"
        outcome = await self.conversations.command(person, f"{name} {rest}".strip())
        if isinstance(outcome, FormRequest):
            screens = self._after(await self.forms.start(person, key, outcome))
        else:
            screens = reply_screens(outcome)
            if name == "lang":
                self._noted_locale.pop(person.id, None)
        await self._send_private(update, context, t, screens)

    async def on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        user, chat, message = update.effective_user, update.effective_chat, update.effective_message
        if user is None or chat is None or message is None or message.text is None:
            return
        person = await self._person(user)
        if person is None:
            t = self._stranger(user)
            await self._send(context, chat.id, [Screen(Message(title=t("error-not-on-team")))])
            return
        turn = await self.forms.text(person, chat_key(chat.id, user.id), message.text)
        if turn is None:
            t = Translator(person.locale)
            await self._send(context, chat.id, [Screen(Message(title=t("telegram-no-form")))])
            return
        await self._send(context, chat.id, self._after(turn))

    # clicks
    async def on_click(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None:
            return
        answered = False
        try:
            person = await self._person(query.from_user)
            if person is None:
                await query.answer(
                    _short(self._stranger(query.from_user)("error-not-on-team")), show_alert=True
                )
                answered = True
                return
            t = Translator(person.locale)
            click = keyboards.parse(query.data)
            if click is None:
                await query.answer(_short(t("error-task-unknown")), show_alert=True)
                answered = True
                return
            if click.prefix == keyboards.FORM_PREFIX:
                chat_id = query.message.chat.id if query.message else query.from_user.id
                key = chat_key(chat_id, query.from_user.id)
                turn = await self.forms.click(person, key, click.action, click.value)
                await query.answer(_short(turn.notice) if turn.notice else None)
                answered = True
                await self._send(context, chat_id, self._after(turn))
                return
            # Authorised here, on the server, whoever could see the button.
            outcome = await self.conversations.press(person, click.action, click.value)
            if not isinstance(outcome, FormRequest):
                refusal = "\n".join(m.plain() for m in outcome.messages)
                await query.answer(_short(refusal), show_alert=True)
                answered = True
                return
            key = chat_key(query.from_user.id, query.from_user.id)
            turn = await self.forms.start(person, key, outcome)
            await query.answer()
            answered = True
            if not await self._send(context, query.from_user.id, self._after(turn)):
                await self.forms.cancel(key)
        finally:
            if not answered:
                await query.answer()

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        log.error("handling a Telegram update failed", exc_info=context.error)
