"""The neutral conversation: a command, a click or a submission turned into a capability's
handler through the registry, whatever front end it came from.

It also keeps the one rule about pictures, for every capability and front end alike: a chart
reaches only one person, in their direct messages, and always through the outbox. A reply with
charts is queued for the asker's DM on the platform they asked from (retried like any
notification, and sent once) instead of being handed back to the front end; a notification
built with charts for a feed loses them. Statistics count lost deals, and nothing about a lost
deal may reach a team channel or group.
"""

from __future__ import annotations

import logging
import shlex
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar
from uuid import uuid4

from dealbot.domain.core.desk import REPLY, PeopleDesk
from dealbot.domain.core.errors import DomainError
from dealbot.domain.core.routing import PERSON_PLACEMENTS, Audience
from dealbot.domain.core.text import cleaned
from dealbot.domain.core.views import Person
from dealbot.handlers.core.forms import Choice, Field, FormContext, row_base
from dealbot.handlers.core.i18n import Translator
from dealbot.handlers.core.outcomes import FieldErrors, FormRequest, Outcome
from dealbot.handlers.core.registry import Ask, Note, Registry
from dealbot.handlers.core.store_calls import store_calls
from dealbot.handlers.core.ui import Message, Reply

log = logging.getLogger(__name__)

T = TypeVar("T")

# How many type-ahead matches a person is offered at once (a phone screen, a Slack menu).
MATCHES = 20


def error_reply(t: Translator, text: str) -> Reply:
    return Reply.of(Message(title=t("error-heading"), lines=(text,)))


def split_command(text: str) -> tuple[str, list[str]]:
    """`/deal update D-12` → ("update", ["D-12"]); `new` → ("new", [])."""
    text = cleaned(text)
    try:
        words = shlex.split(text)
    except ValueError:
        words = text.split()
    if words and words[0].lstrip("/").lower() == "deal":
        words = words[1:]
    if not words:
        return "help", []
    return words[0].lstrip("/").split("@", 1)[0].lower(), words[1:]


def to_one_person(note: Note) -> bool:
    """Whether a notification goes to one person's direct messages (not to a feed)."""
    return note.audience != Audience.FEED.value and note.placement in PERSON_PLACEMENTS


class Router:
    def __init__(self, registry: Registry, people: PeopleDesk) -> None:
        self.registry = registry
        self.people = people

    @staticmethod
    async def call(fn: Callable[..., T], *args: Any) -> T:
        # The store is synchronous; keep the one event loop free for everyone else.
        return await store_calls().call(fn, *args)

    # who is asking
    async def person(self, **identity: Any) -> Person:
        return await self.call(lambda: self.people.person(**identity))

    async def everyone(self) -> list[Person]:
        return await self.call(self.people.people)

    @staticmethod
    def ask(person: Person, platform: str) -> Ask:
        return Ask(person, Translator(person.locale, person.timezone), platform)

    # commands and clicks
    def command_names(self) -> list[str]:
        return list(self.registry.commands)

    async def command(self, person: Person, text: str, platform: str) -> Outcome:
        ask = self.ask(person, platform)
        name, args = split_command(text)
        command = self.registry.commands.get(name)
        if command is None:
            return error_reply(ask.t, ask.t("error-unknown-command", command=name))
        try:
            outcome = await command.run(ask, args)
        except DomainError as error:
            return error_reply(ask.t, ask.t.error(error))
        return await self._charts_by_dm(ask, outcome) if isinstance(outcome, Reply) else outcome

    async def press(self, person: Person, action: str, value: str, platform: str) -> Outcome:
        """A button click: authorised by the capability, whatever the front end showed to whom."""
        ask = self.ask(person, platform)
        run = self.registry.actions.get(action)
        if run is None:
            return error_reply(ask.t, ask.t("error-button-unknown"))
        try:
            outcome = await run(ask, value)
        except DomainError as error:
            return error_reply(ask.t, ask.t.error(error))
        except ValueError:  # a value that no button of ours carries
            return error_reply(ask.t, ask.t("error-button-unknown"))
        return await self._charts_by_dm(ask, outcome) if isinstance(outcome, Reply) else outcome

    # forms
    def decode_request(self, data: object) -> FormRequest:
        return FormRequest.from_json(data, self.registry.form_declarations)

    async def context(
        self,
        ask: Ask,
        request: FormRequest,
        need: Iterable[str] | None = None,
        offered: Mapping[str, tuple[Choice, ...]] | None = None,
        answers: Mapping[str, str | None] | None = None,
    ) -> FormContext:
        """The lists the fields in `need` (all by default) choose from, and the defaults.

        Type-ahead fields are not loaded whole: they choose from what was `offered` for the
        person's last query, and a default they were opened with (`C-7`) is looked up alone,
        so that it can be shown by its name; so is an option picked in a modal (`answers`),
        so that it can be checked.
        """
        names = set(need) if need is not None else {f.name for f in request.form.fields}
        choices: dict[str, tuple[Choice, ...]] = dict(offered or {})
        for f in request.form.fields:
            if f.name not in names or not f.source or f.name in request.fixed:
                continue
            if not f.typeahead:
                choices[f.name] = tuple(await self.registry.sources[f.source](ask, None))
                continue
            picked = (answers or {}).get(f.name) if not f.open_choice else None
            for wanted in dict.fromkeys(v for v in (request.defaults.get(f.name), picked) if v):
                known = choices.get(f.name, ())
                if not any(c.value == wanted for c in known):
                    found = await self.registry.sources[f.source](ask, wanted)
                    choices[f.name] = (*known, *(c for c in found if c.value == wanted))
        return FormContext(ask.t, choices, dict(request.defaults))

    async def matches(self, ask: Ask, request: FormRequest, name: str, query: str) -> list[Choice]:
        """What a type-ahead field offers for what the person typed."""
        field = request.form.field(name)
        if field.source is None:
            return []
        found = await self.registry.sources[field.source](ask, query)
        return found[:MATCHES]

    async def check(
        self, ask: Ask, request: FormRequest, name: str, value: Any, values: Mapping[str, Any]
    ) -> str | None:
        """An answer checked as soon as it is given: None if fine, else what is wrong."""
        checks = self.registry.forms[request.form.id].checks
        check = checks.get(name) or checks.get(row_base(name))
        if check is None or value is None:
            return None
        try:
            await check(ask, value, values)
        except DomainError as error:
            return ask.t.error(error)
        return None

    async def validate(
        self, ask: Ask, request: FormRequest, raw: Mapping[str, str | None], context: FormContext
    ) -> tuple[dict[str, Any], FieldErrors | None]:
        """Every answer parsed and checked; what is wrong keyed by field, nothing typed lost."""
        values, errors = request.form.validate(raw, request.fixed, context)
        shown = {k: ask.t.error(e) for k, e in errors.items()}
        checks = self.registry.forms[request.form.id].checks
        for f in request.form.fields:
            checked = f.name in checks or f.base_name in checks
            if checked and f.name not in shown and f.name not in request.fixed:
                problem = await self.check(ask, request, f.name, values.get(f.name), values)
                if problem is not None:
                    shown[f.name] = problem
        return values, FieldErrors(shown) if shown else None

    async def default(
        self, ask: Ask, request: FormRequest, field: Field, known: Mapping[str, str]
    ) -> str | None:
        """What a field offers when nothing is typed: the request's default for it, else one
        that follows from the answers so far (a line's unit price from its product)."""
        given = request.defaults.get(field.name)
        if given is not None:
            return given
        derive = self.registry.forms[request.form.id].defaults.get(field.base_name)
        if derive is None:
            return None
        own_row = {}
        if field.row is not None:
            suffix = f".{field.row}"
            own_row = {k.removesuffix(suffix): v for k, v in known.items() if k.endswith(suffix)}
        return await derive(ask, request, {**known, **own_row})

    async def submit(
        self, ask: Ask, request: FormRequest, values: dict[str, Any]
    ) -> Reply | FieldErrors:
        """Act on a form whose answers validated; a refusal tied to a field comes back to it."""
        entry = self.registry.forms[request.form.id]
        try:
            reply = await entry.submit(ask, request, values)
        except DomainError as error:
            name = error.args_for_message.get("field")
            if isinstance(name, str) and request.form.has_field(name) and name not in request.fixed:
                return FieldErrors({name: ask.t.error(error)})
            return error_reply(ask.t, ask.t.error(error))
        return await self._charts_by_dm(ask, reply)

    async def _charts_by_dm(self, ask: Ask, reply: Reply) -> Reply:
        """A reply with charts goes, whole and in order, through the outbox to the asker's DM;
        the front end gets back an empty reply that says how many messages went there.

        Whoever asked has been let through once already (each front end handles a request
        once), so a fresh key is enough to queue it once.
        """
        if not reply.has_charts:
            return reply
        await self.queue_reply(ask.person, ask.platform, f"charts:{uuid4().hex}", reply)
        return Reply(queued=1)

    # what the dispatcher sends
    def message(self, t: Translator, note: Note) -> Message:
        """The message a notification shows; charts only where it goes to one person's DM."""
        if note.kind == REPLY:
            message = Reply.from_json(note.params["reply"]).as_one_message()
        else:
            message = self.registry.notes[note.kind](t, note)
        if message.charts and not to_one_person(note):
            log.error(
                "%s for %s (%s) was built with charts; they are left out: charts go only to "
                "one person's direct messages",
                note.kind,
                note.audience,
                note.placement,
            )
            return message.without_charts()
        return message

    @staticmethod
    def reply_key(person: Person, platform: str, key: str) -> str:
        """The key a direct answer carries: the same its outbox row would have."""
        return PeopleDesk.reply_key(person.id, platform, key)

    async def queue_reply(
        self, person: Person, platform: str, key: str, reply: Reply, *, maybe_sent: bool = False
    ) -> None:
        """An answer whose direct send failed goes through the outbox, so it is never lost.

        `maybe_sent`: the platform may have taken it after all (the connection broke); the
        outbox looks for it before sending it again.
        """
        params = {"reply": reply.to_json()}
        await self.call(
            lambda: self.people.queue_reply(person.id, platform, key, params, maybe_sent=maybe_sent)
        )
