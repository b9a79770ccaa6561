"""The neutral conversation: commands, form submissions and clicks, whatever the front end."""

from __future__ import annotations

import asyncio
import shlex
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from dealbot.domain.deals import DealDraft, ProgressReport
from dealbot.domain.desk import DealDesk
from dealbot.domain.enums import (
    ActivityKind,
    CompanySize,
    DealStatus,
    Industry,
    ProgressStatus,
    Role,
)
from dealbot.domain.errors import DomainError, Invalid
from dealbot.domain.money import Money
from dealbot.domain.queries import SearchFilters
from dealbot.domain.views import Person
from dealbot.handlers import messages
from dealbot.handlers.deal_forms import ADVICE, NEW_DEAL, PROGRESS
from dealbot.handlers.forms import Choice, Form, FormContext
from dealbot.handlers.i18n import Translator, supported_locale
from dealbot.handlers.ui import Message, Reply

T = TypeVar("T")

SUBCOMMANDS = ("new", "update", "won", "lost", "show", "list", "search", "stats", "help", "lang")


@dataclass(frozen=True)
class FormRequest:
    """A form to put in front of a person; `fixed` answers are not asked again."""

    form: Form
    fixed: dict[str, str] = field(default_factory=dict)
    context: dict[str, str] = field(default_factory=dict)
    title_args: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FieldErrors:
    """Answers that need fixing, in the person's language, keyed by field."""

    errors: dict[str, str]


Outcome = Reply | FormRequest


class Conversations:
    def __init__(self, desk: DealDesk) -> None:
        self.desk = desk

    async def _call(self, fn: Callable[..., T], *args: Any) -> T:
        # The store is synchronous; keep the one event loop free for every other person.
        return await asyncio.to_thread(fn, *args)

    async def person(self, **identity: Any) -> Person:
        return await self._call(lambda: self.desk.person(**identity))

    async def desk_people(self) -> list[Person]:
        return await self._call(self.desk.people)

    async def form_context(self, person: Person, request: FormRequest) -> FormContext:
        t = Translator(person.locale)
        customers: list[str] = []
        deals: list[Choice] = []
        if request.form is NEW_DEAL:
            customers = await self._call(self.desk.customers, person.id)
        if request.form is PROGRESS and "deal" not in request.fixed:
            cards = await self._call(self.desk.my_open_deals, person.id)
            deals = [Choice(c.ref, f"{c.ref} {c.title} · {c.customer}") for c in cards]
        currency = request.context.get("currency", "USD")
        return FormContext(t, currency, tuple(customers), tuple(deals))

    # commands
    async def command(self, person: Person, text: str) -> Outcome:
        t = Translator(person.locale)
        try:
            words = shlex.split(text)
        except ValueError:
            words = text.split()
        if words and words[0].lstrip("/").lower() == "deal":
            words = words[1:]
        sub = words[0].lstrip("/").lower() if words else "help"
        args = words[1:]
        handler = getattr(self, f"_cmd_{sub}", None)
        if sub not in SUBCOMMANDS or handler is None:
            return Reply.of(messages.error(t, t("error-unknown-command", command=sub)))
        try:
            outcome: Outcome = await handler(person, t, args)
        except DomainError as error:
            return Reply.of(messages.error(t, t.error(error)))
        return outcome

    async def _team_currency(self, person: Person) -> str:
        return await self._call(self.desk.team_currency, person.id)

    async def _cmd_new(self, person: Person, t: Translator, args: list[str]) -> Outcome:
        if not (person.has_role(Role.SALES) or person.has_role(Role.LEADER)):
            return Reply.of(messages.error(t, t("error-cannot-open-deals")))
        return FormRequest(NEW_DEAL, context={"currency": await self._team_currency(person)})

    async def _progress_form(self, person: Person, args: list[str], status: str | None) -> Outcome:
        fixed: dict[str, str] = {}
        if args:
            card = (await self._call(self.desk.show, person.id, args[0])).card
            fixed["deal"] = card.ref
        if status:
            fixed["status"] = status
        return FormRequest(PROGRESS, fixed=fixed)

    async def _cmd_update(self, person: Person, t: Translator, args: list[str]) -> Outcome:
        return await self._progress_form(person, args, None)

    async def _cmd_won(self, person: Person, t: Translator, args: list[str]) -> Outcome:
        return await self._progress_form(person, args, ProgressStatus.WON.value)

    async def _cmd_lost(self, person: Person, t: Translator, args: list[str]) -> Outcome:
        return await self._progress_form(person, args, ProgressStatus.LOST.value)

    async def _cmd_show(self, person: Person, t: Translator, args: list[str]) -> Outcome:
        if not args:
            return Reply.of(messages.error(t, t("error-show-needs-ref")))
        detail = await self._call(self.desk.show, person.id, args[0])
        return Reply.of(messages.deal_detail(t, detail))

    async def _cmd_list(self, person: Person, t: Translator, args: list[str]) -> Outcome:
        mine = await self._call(self.desk.my_open_deals, person.id)
        replies = [messages.deal_list(t, "list-mine", mine)]
        if person.has_role(Role.LEADER) or person.has_role(Role.ADMIN):
            team = await self._call(self.desk.team_open_deals, person.id)
            replies.append(messages.deal_list(t, "list-team", team))
        return Reply(tuple(replies))

    async def _cmd_search(self, person: Person, t: Translator, args: list[str]) -> Outcome:
        filters = parse_filters(args)
        found = await self._call(self.desk.search, person.id, filters)
        return Reply.of(messages.deal_list(t, "search-found", found))

    async def _cmd_stats(self, person: Person, t: Translator, args: list[str]) -> Outcome:
        figures = await self._call(self.desk.stats, person.id, parse_filters(args))
        return Reply.of(messages.stats(t, figures))

    async def _cmd_help(self, person: Person, t: Translator, args: list[str]) -> Outcome:
        lines = tuple(t(f"help-{sub}") for sub in SUBCOMMANDS)
        return Reply.of(Message(title=t("help-heading"), lines=lines, footer=t("help-refs")))

    async def _cmd_lang(self, person: Person, t: Translator, args: list[str]) -> Outcome:
        if not args:
            return Reply.of(messages.info(t("lang-current", locale=t("language-name"))))
        locale = supported_locale(args[0])
        if locale is None:
            return Reply.of(messages.error(t, t("error-lang-unknown", value=args[0])))
        await self._call(self.desk.choose_locale, person.id, locale)
        chosen = Translator(locale)
        return Reply.of(messages.info(chosen("lang-set", locale=chosen("language-name"))))

    # forms
    def validate(
        self, request: FormRequest, raw: Mapping[str, str | None], context: FormContext
    ) -> tuple[dict[str, Any], FieldErrors | None]:
        values, errors = request.form.validate(raw, request.fixed, context)
        if not errors:
            return values, None
        t = context.translator
        return values, FieldErrors({k: t.error(e) for k, e in errors.items()})

    async def submit(
        self, person: Person, request: FormRequest, values: dict[str, Any]
    ) -> Reply | FieldErrors:
        """Act on a form whose answers validated; a refusal tied to a field comes back to it."""
        t = Translator(person.locale)
        try:
            return await SUBMITTERS[request.form.id](self, person, t, request, values)
        except DomainError as error:
            name = error.args_for_message.get("field")
            if isinstance(name, str) and any(f.name == name for f in request.form.fields):
                return FieldErrors({name: t.error(error)})
            return Reply.of(messages.error(t, t.error(error)))

    async def _submit_new(
        self, person: Person, t: Translator, request: FormRequest, values: dict[str, Any]
    ) -> Reply:
        draft = DealDraft(
            customer=values["customer"],
            title=values["title"],
            industry=Industry(values["industry"]),
            company_size=CompanySize(values["company_size"]),
            money=Money.of(Decimal(values["amount"]), values["currency"]),
            expected_close=values.get("expected_close"),
            source=values.get("source"),
            notes=values.get("notes"),
        )
        card = await self._call(self.desk.open_deal, person.id, draft)
        return Reply.of(
            Message(
                title=t("deal-opened-reply", ref=card.ref, title=card.title),
                fields=messages.deal_fields(t, card),
            )
        )

    async def _submit_progress(
        self, person: Person, t: Translator, request: FormRequest, values: dict[str, Any]
    ) -> Reply:
        report = ProgressReport(
            deal_ref=values["deal"],
            activity=ActivityKind(values["activity"]),
            status=ProgressStatus(values["status"]),
            notes=values.get("notes"),
            lost_reason=values.get("lost_reason"),
        )
        card = await self._call(self.desk.report_progress, person.id, report)
        return Reply.of(messages.info(t(f"progress-reply-{report.status.value}", ref=card.ref)))

    async def _submit_advice(
        self, person: Person, t: Translator, request: FormRequest, values: dict[str, Any]
    ) -> Reply:
        task_id = int(request.context["task"])
        card = await self._call(self.desk.give_advice, person.id, task_id, values["advice"])
        return Reply.of(messages.info(t("advice-reply", ref=card.ref, owner=card.owner)))

    # clicks
    async def press(self, person: Person, action: str, value: str) -> Outcome:
        """A button click: authorised here, whatever the front end showed to whom."""
        t = Translator(person.locale)
        try:
            if action == messages.ADVICE_ACTION:
                task = await self._call(self.desk.advice_task, person.id, int(value))
                return FormRequest(
                    ADVICE,
                    context={"task": str(task.task_id)},
                    title_args={"ref": task.deal.ref},
                )
        except (DomainError, ValueError) as error:
            text = t.error(error) if isinstance(error, DomainError) else t("error-task-unknown")
            return Reply.of(messages.error(t, text))
        return Reply.of(messages.error(t, t("error-task-unknown")))


SUBMITTERS = {
    NEW_DEAL.id: Conversations._submit_new,
    PROGRESS.id: Conversations._submit_progress,
    ADVICE.id: Conversations._submit_advice,
}

FILTER_KEYS = {
    "industry": ("industry", Industry),
    "size": ("company_size", CompanySize),
    "status": ("status", DealStatus),
}


def parse_filters(args: list[str]) -> SearchFilters:
    """`industry:software size:10-49 status:won owner:kim from:2026-01-01 to:… free text`."""
    found: dict[str, Any] = {}
    text: list[str] = []
    for word in args:
        key, sep, value = word.partition(":")
        key = key.lower()
        if not sep or key not in (*FILTER_KEYS, "owner", "from", "to"):
            text.append(word)
            continue
        if key in FILTER_KEYS:
            name, enum = FILTER_KEYS[key]
            try:
                found[name] = enum(value.lower())
            except ValueError:
                choices = ", ".join(e.value for e in enum)
                raise Invalid("error-filter", filter=key, value=value, choices=choices) from None
        elif key == "owner":
            found["owner"] = value
        else:
            try:
                found["opened_from" if key == "from" else "opened_to"] = date.fromisoformat(value)
            except ValueError:
                raise Invalid("error-date-format", value=value) from None
    return SearchFilters(text=" ".join(text) or None, **found)
