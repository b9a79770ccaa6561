"""What every deployment answers whatever its capabilities: help, language, delivery notices."""

from __future__ import annotations

from functools import cache

from dealbot import locales
from dealbot.domain.core.desk import PeopleDesk
from dealbot.domain.core.models import Role
from dealbot.domain.outbox.delivery import (
    CHAT_MOVED,
    DELIVERY_PARKED,
    LANE_PARKED,
    PERSON_UNREACHABLE,
)
from dealbot.handlers.core.forms import Choice
from dealbot.handlers.core.i18n import Translator, supported_locale
from dealbot.handlers.core.outcomes import Outcome
from dealbot.handlers.core.registry import Ask, Note, Registry, Source
from dealbot.handlers.core.router import Router, error_reply
from dealbot.handlers.core.ui import Message, Reply

# Data sources any capability's forms may use: the person's team's salespeople and leaders
# (a customer's owner), and its salespeople alone (who takes a lead).
TEAMMATES = "teammates"
TEAM_SELLERS = "team-sellers"


def register(registry: Registry, people: PeopleDesk) -> None:
    async def help_(ask: Ask, args: list[str]) -> Outcome:
        lines = tuple(ask.t(c.help_key) for c in registry.commands.values())
        return Reply.of(
            Message(title=ask.t("help-heading"), lines=lines, footer=ask.t("help-refs"))
        )

    async def lang(ask: Ask, args: list[str]) -> Outcome:
        choices = language_choices(ask.t)
        if not args:
            current = ask.t("language-name-in-sentence")
            return Reply.of(Message(title=ask.t("lang-current", locale=current, choices=choices)))
        locale = supported_locale(args[0])
        if locale is None:
            return error_reply(ask.t, ask.t("error-lang-unknown", value=args[0], choices=choices))
        await Router.call(people.choose_locale, ask.person.id, locale)
        chosen = Translator(locale, ask.person.timezone)
        return Reply.of(
            Message(title=chosen("lang-set", locale=chosen("language-name-in-sentence")))
        )

    def members_with(*roles: Role) -> Source:
        async def listed(ask: Ask, query: str | None) -> list[Choice]:
            people_ = await Router.call(people.teammates, ask.person.id, roles)
            return [Choice(p.handle, p.name) for p in people_]

        return listed

    registry.source(TEAMMATES, members_with(Role.SALES, Role.LEADER))
    registry.source(TEAM_SELLERS, members_with(Role.SALES))
    registry.command("help", help_, help_key="help-help")
    registry.command("lang", lang, help_key="help-lang")
    for kind in (DELIVERY_PARKED, LANE_PARKED, PERSON_UNREACHABLE, CHAT_MOVED):
        registry.notification(kind, notice)


def language_choices(t: Translator) -> str:
    """`en (English), ja (日本語), zh (简体中文) or ru (Русский)`, listed the reader's way."""
    return _language_choices(t.locale)


@cache  # the same words for every reader of a language: made once, not on every /lang
def _language_choices(locale: str) -> str:
    names = [f"{code} ({Translator(code)('language-name')})" for code in locales.SUPPORTED]
    return Translator(locale).listing(names, "or")


def notice(t: Translator, note: Note) -> Message:
    """Something about delivery that an admin or a leader should act on."""
    args = {k: str(v) for k, v in note.params.items() if v is not None}
    if "platform" in args:  # a brand name, the same in every language
        args["platform"] = args["platform"].capitalize()
    return Message(
        title=t(f"note-{note.kind}", **args), lines=(t(f"note-{note.kind}-what", **args),)
    )
