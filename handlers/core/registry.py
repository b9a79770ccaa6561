"""The registries a capability adds to: commands, buttons, forms with their submitters, checks
and data sources, notification kinds with their message builders, overview sections, and the
routes of the HTTP API.

Renderers (Slack, Telegram, shell) only ever ask the registry; they know no capability.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from dealbot.domain.core.views import Person
from dealbot.handlers.core.forms import Choice, Form
from dealbot.handlers.core.i18n import Translator
from dealbot.handlers.core.outcomes import FormRequest, Outcome
from dealbot.handlers.core.ui import Button, Message, Reply


@dataclass(frozen=True)
class Ask:
    """Who is asking, in their language, on which platform."""

    person: Person
    t: Translator
    platform: str


@dataclass(frozen=True)
class Note:
    """A notification as a message builder reads it."""

    kind: str
    audience: str
    placement: str
    params: dict[str, Any]


CommandRun = Callable[[Ask, list[str]], Awaitable[Outcome]]
ActionRun = Callable[[Ask, str], Awaitable[Outcome]]
Submit = Callable[[Ask, FormRequest, dict[str, Any]], Awaitable[Reply]]
# Checks an answer as soon as it is given (the deal named exists and is open); raises DomainError.
Check = Callable[[Ask, Any, Mapping[str, Any]], Awaitable[None]]
# The choices of a field; `query` is what the person typed so far for a type-ahead field.
Source = Callable[[Ask, str | None], Awaitable[list[Choice]]]
# A default that follows from earlier answers (a line's unit price from its product), offered
# where a form is asked one question at a time; a field of rows sees its own row's answers
# under the fields' plain names. None when there is none.
Default = Callable[[Ask, FormRequest, Mapping[str, str]], Awaitable[str | None]]
NoteBuilder = Callable[[Translator, Note], Message]


# What `/deal show X-12` shows for a reference with X's letter.
Viewer = Callable[[Ask, str], Awaitable[Outcome]]
# Buttons another capability puts on what a viewer shows ("New quote" on a deal); `ref` is
# the reference shown.
SubjectButtons = Callable[[Ask, str], Awaitable[list[Button]]]


@dataclass(frozen=True)
class HomeRow:
    """One line of a person's overview (Slack's App Home), with the button that acts on it."""

    text: str
    button: Button | None = None


# A section of the overview: its rows for the person asking.
HomeSection = Callable[[Ask], Awaitable[list[HomeRow]]]


@dataclass(frozen=True)
class ApiCall:
    """A request to the HTTP API, its token already checked: path values and the JSON body
    (None for a request without one)."""

    path: Mapping[str, str]
    body: object


@dataclass(frozen=True)
class ApiAnswer:
    status: int
    body: dict[str, Any]


ApiRun = Callable[[ApiCall], Awaitable[ApiAnswer]]


@dataclass(frozen=True)
class ApiRoute:
    """`POST /api/deals`: what runs it, and its OpenAPI operation object for the document."""

    method: str
    path: str  # with `{name}` for path values
    run: ApiRun
    operation: dict[str, Any]
    takes_body: bool = False


@dataclass(frozen=True)
class Command:
    name: str
    run: CommandRun
    help_key: str
    # Shown in Telegram's command menu and usable there as `/name` on its own.
    menu: bool = True


@dataclass(frozen=True)
class FormEntry:
    form: Form
    submit: Submit
    checks: Mapping[str, Check] = field(default_factory=dict)
    # By the field's name without its row (`unit_price` for every row's unit price).
    defaults: Mapping[str, Default] = field(default_factory=dict)


class Registry:
    def __init__(self) -> None:
        self.commands: dict[str, Command] = {}
        self.actions: dict[str, ActionRun] = {}
        self.forms: dict[str, FormEntry] = {}
        self.sources: dict[str, Source] = {}
        self.notes: dict[str, NoteBuilder] = {}
        self.home: dict[str, HomeSection] = {}
        self.viewers: dict[str, Viewer] = {}
        self.subject_buttons: dict[str, list[SubjectButtons]] = {}
        self.api_routes: dict[str, ApiRoute] = {}
        # OpenAPI component schemas the routes refer to (`#/components/schemas/…`).
        self.api_schemas: dict[str, dict[str, Any]] = {}

    @staticmethod
    def _add(table: dict[str, Any], name: str, item: Any, what: str) -> None:
        if name in table:
            raise ValueError(f"two capabilities register the {what} {name!r}")
        table[name] = item

    def command(self, name: str, run: CommandRun, *, help_key: str, menu: bool = True) -> None:
        self._add(self.commands, name, Command(name, run, help_key, menu), "command")

    def action(self, name: str, run: ActionRun) -> None:
        """A button: its value arrives as typed by the platform, to be checked by `run`."""
        if ":" in name:
            raise ValueError("an action name may not contain ':'")
        self._add(self.actions, name, run, "button action")

    def form(
        self,
        form: Form,
        submit: Submit,
        checks: Mapping[str, Check] | None = None,
        defaults: Mapping[str, Default] | None = None,
    ) -> None:
        names = {f.name for f in form.fields} | {f.base_name for f in form.fields}
        unknown = (set(checks or {}) | set(defaults or {})) - names
        if unknown:
            raise ValueError(f"checks for fields {sorted(unknown)} that {form.id} does not have")
        entry = FormEntry(form, submit, dict(checks or {}), dict(defaults or {}))
        self._add(self.forms, form.id, entry, "form")

    def source(self, name: str, fetch: Source) -> None:
        self._add(self.sources, name, fetch, "data source")

    def notification(self, kind: str, build: NoteBuilder) -> None:
        self._add(self.notes, kind, build, "notification kind")

    def viewer(self, letter: str, show: Viewer) -> None:
        """What `/deal show` shows for references with `letter` (`d` for `D-12`)."""
        self._add(self.viewers, letter.casefold(), show, "viewer of references")

    def buttons_on(self, letter: str, buttons: SubjectButtons) -> None:
        """Buttons added to what the viewer of `letter` shows."""
        self.subject_buttons.setdefault(letter.casefold(), []).append(buttons)

    def home_section(self, title_key: str, rows: HomeSection) -> None:
        """A section of the person's overview, titled by the catalog message `title_key`."""
        self._add(self.home, title_key, rows, "home section")

    def api(
        self,
        method: str,
        path: str,
        run: ApiRun,
        *,
        operation: dict[str, Any],
        takes_body: bool = False,
        schemas: Mapping[str, dict[str, Any]] | None = None,
    ) -> None:
        """A route of the HTTP API, served behind the intake bearer token."""
        route = ApiRoute(method.upper(), path, run, operation, takes_body)
        self._add(self.api_routes, f"{route.method} {path}", route, "API route")
        for name, schema in (schemas or {}).items():
            self._add(self.api_schemas, name, schema, "API schema")

    @property
    def form_declarations(self) -> dict[str, Form]:
        return {name: entry.form for name, entry in self.forms.items()}
