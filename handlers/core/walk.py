"""One form walk for every front end that asks one question at a time (the shell, Telegram).

A walk is a plain state (JSON, so Telegram can keep it in the store between updates) and a
few moves: answer by typing, pick a listed option, go back, skip, take the default, review
everything, then save or cancel. Slack draws the same form declaration as a modal instead.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from dealbot.domain.core.errors import Invalid
from dealbot.handlers.core.forms import Choice, Field, FormContext, Kind, pick
from dealbot.handlers.core.outcomes import FieldErrors, FormRequest
from dealbot.handlers.core.registry import Ask
from dealbot.handlers.core.router import Router
from dealbot.handlers.core.ui import Message, Reply


class Control(StrEnum):
    BACK = "back"
    SKIP = "skip"
    DEFAULT = "default"
    CANCEL = "cancel"
    SAVE = "save"


@dataclass
class WalkState:
    """Everything typed so far; it survives every mistake and every restart."""

    request: FormRequest
    answers: dict[str, str] = field(default_factory=dict)
    asked: list[str] = field(default_factory=list)
    # What a type-ahead field offered for the person's last query.
    offered: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    reviewing: bool = False
    # Numbers each prompt, so that a click on an older prompt's button is recognised as stale.
    step: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "request": self.request.to_json(),
            "answers": self.answers,
            "asked": self.asked,
            "offered": {k: [list(c) for c in v] for k, v in self.offered.items()},
            "reviewing": self.reviewing,
            "step": self.step,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], router: Router) -> WalkState:
        return cls(
            request=router.decode_request(data["request"]),
            answers={str(k): str(v) for k, v in data.get("answers", {}).items()},
            asked=[str(n) for n in data.get("asked", [])],
            offered={
                str(k): [(str(v), str(label)) for v, label in items]
                for k, items in data.get("offered", {}).items()
            },
            reviewing=bool(data.get("reviewing")),
            step=int(data.get("step", 0)),
        )

    def offered_choices(self) -> dict[str, tuple[Choice, ...]]:
        return {
            k: tuple(Choice(v, label) for v, label in items) for k, items in self.offered.items()
        }

    def known(self) -> dict[str, Any]:
        return {**self.request.fixed, **self.answers}

    def pending(self) -> list[Field]:
        known = self.known()
        return [
            f
            for f in self.request.form.visible_fields(self.request.fixed)
            if f.name not in self.answers and f.applies(known)
        ]

    def forget(self, name: str) -> None:
        self.answers.pop(name, None)
        if name in self.asked:
            self.asked.remove(name)


@dataclass(frozen=True)
class Prompt:
    """What the person is shown now: one question, or the review of every answer."""

    title: str
    step: int
    field: Field | None = None
    options: tuple[Choice, ...] = ()
    default: str | None = None
    default_label: str | None = None
    error: str | None = None
    can_back: bool = False
    review: tuple[tuple[str, str], ...] = ()

    @property
    def reviewing(self) -> bool:
        return self.field is None


@dataclass(frozen=True)
class Turn:
    """What one move did: the walk goes on (`state` and `prompt`), or it is over (`reply`)."""

    state: WalkState | None
    prompt: Prompt | None = None
    reply: Reply | None = None
    saved: bool = False
    notice: str | None = None


class FormWalk:
    def __init__(self, router: Router) -> None:
        self.router = router

    async def start(self, ask: Ask, request: FormRequest) -> Turn:
        return await self._next(ask, WalkState(request))

    async def typed(self, ask: Ask, state: WalkState, text: str) -> Turn:
        """A typed answer to the current question (a list number picks from its list)."""
        if state.reviewing:
            return await self._next(ask, state, error=ask.t("form-use-review-controls"))
        pending = state.pending()
        if not pending:
            return await self._next(ask, state)
        return await self._answer(ask, state, pending[0], text.strip())

    async def again(self, ask: Ask, state: WalkState) -> Turn:
        """The question the form is at, asked again (something else was shown meanwhile)."""
        return await self._next(ask, state)

    async def choose(self, ask: Ask, state: WalkState, index: int, step: int) -> Turn:
        """A listed option picked by its button."""
        if step != state.step or state.reviewing or not state.pending():
            return Turn(state, notice=ask.t("form-stale"))
        current = state.pending()[0]
        options = await self._options(ask, state, current)
        if not 0 <= index < len(options):
            return Turn(state, notice=ask.t("form-stale"))
        return await self._answer(ask, state, current, options[index].value, picked=True)

    async def control(
        self, ask: Ask, state: WalkState, control: Control, step: int | None = None
    ) -> Turn:
        if control is Control.CANCEL:
            return Turn(None, reply=Reply.of(Message(title=ask.t("form-cancelled"))))
        if step is not None and step != state.step:
            return Turn(state, notice=ask.t("form-stale"))
        if control is Control.BACK:
            state.reviewing = False
            if state.asked:
                state.forget(state.asked[-1])
            return await self._next(ask, state)
        if control is Control.SAVE:
            if not state.reviewing:
                return Turn(state, notice=ask.t("form-stale"))
            return await self._save(ask, state)
        pending = state.pending()
        if state.reviewing or not pending:
            return Turn(state, notice=ask.t("form-stale"))
        current = pending[0]
        if control is Control.SKIP and not current.required:
            return await self._answer(ask, state, current, "")
        if control is Control.DEFAULT:
            default = await self._default(ask, state, current)
            if default is not None:
                return await self._answer(ask, state, current, default)
        return Turn(state, notice=ask.t("form-stale"))

    async def _default(self, ask: Ask, state: WalkState, current: Field) -> str | None:
        return await self.router.default(ask, state.request, current, state.known())

    # the moves
    async def _options(self, ask: Ask, state: WalkState, current: Field) -> tuple[Choice, ...]:
        offered = state.offered_choices()
        context = await self.router.context(ask, state.request, {current.name}, offered)
        return current.options(context)

    async def _answer(
        self, ask: Ask, state: WalkState, current: Field, text: str, *, picked: bool = False
    ) -> Turn:
        default = await self._default(ask, state, current)
        if not text and default is not None:
            text = default
        offered = state.offered_choices()
        context = await self.router.context(ask, state.request, {current.name}, offered)
        if not picked and _searched_for(current, text, context):
            found = await self._look_up(ask, state, current, text)
            if found is not None:
                return found
            context = await self.router.context(
                ask, state.request, {current.name}, state.offered_choices()
            )
        try:
            value = current.parse(text, context)
        except Invalid as error:
            return await self._next(ask, state, error=ask.t.error(error))
        problem = await self.router.check(ask, state.request, current.name, value, state.known())
        if problem is None:
            problem = self._together(ask, state, current, value, context)
        if problem is not None:
            return await self._next(ask, state, error=problem)
        # A choice is kept by its value; an optional one left empty stays empty, not "None".
        chosen = "" if value is None else str(value)
        state.answers[current.name] = chosen if current.kind is Kind.CHOICE else text
        state.asked.append(current.name)
        return await self._next(ask, state)

    @staticmethod
    def _together(
        ask: Ask, state: WalkState, current: Field, value: Any, context: FormContext
    ) -> str | None:
        """The form's check of answers that go together (a contract ending before it starts),
        as soon as the answer it finds wrong is given; what it finds wrong with an earlier
        answer waits for the review, where that answer can be changed."""
        check = state.request.form.check
        if check is None:
            return None
        values: dict[str, Any] = dict(state.request.fixed)
        for f in state.request.form.fields:
            typed = state.answers.get(f.name)
            if typed is None:
                continue
            try:
                values[f.name] = f.parse(typed, context)
            except Invalid:  # a choice whose list is not loaded now: the review checks it
                continue
        values[current.name] = value
        try:
            check(values)
        except Invalid as error:
            if error.args_for_message.get("field") == current.name:
                return ask.t.error(error)
        return None

    async def _look_up(self, ask: Ask, state: WalkState, current: Field, text: str) -> Turn | None:
        """Offer the matches for what was typed; None when the text can be taken as it is."""
        matches = await self.router.matches(ask, state.request, current.name, text)
        # What was typed names one match exactly: its label, or its value (an SKU).
        folded = text.casefold()
        exact = [m for m in matches if folded in (m.label.casefold(), m.value.casefold())]
        if len(exact) == 1:
            state.offered[current.name] = [(exact[0].value, exact[0].label)]
            return None
        if not matches:
            state.offered.pop(current.name, None)
            if current.open_choice:
                return None
            return await self._next(ask, state, error=ask.t("form-no-match", value=text))
        offered = [(m.value, m.label) for m in matches]
        if current.open_choice:
            offered.append((text, ask.t("form-new-value", value=text)))
        state.offered[current.name] = offered
        return await self._next(ask, state, note=ask.t("form-pick-match", value=text))

    async def _save(self, ask: Ask, state: WalkState) -> Turn:
        offered = state.offered_choices()
        context = await self.router.context(ask, state.request, None, offered)
        raw: dict[str, str | None] = dict(state.answers)
        values, errors = await self.router.validate(ask, state.request, raw, context)
        result: Reply | FieldErrors = errors or await self.router.submit(ask, state.request, values)
        if isinstance(result, FieldErrors):
            name, text = next(iter(result.errors.items()))
            state.reviewing = False
            state.forget(name)
            return await self._next(ask, state, error=text)
        return Turn(None, reply=result, saved=True)

    async def _next(
        self, ask: Ask, state: WalkState, *, error: str | None = None, note: str | None = None
    ) -> Turn:
        state.step += 1
        form = state.request.form
        title = form.title(ask.t, **state.request.title_args)
        pending = state.pending()
        if not pending:
            state.reviewing = True
            return Turn(
                state,
                Prompt(
                    title=title,
                    step=state.step,
                    error=error,
                    can_back=bool(state.asked),
                    review=await self._review(ask, state),
                ),
            )
        current = pending[0]
        options = await self._options(ask, state, current)
        default = await self._default(ask, state, current)
        default_label = next((o.label for o in options if o.value == default), default)
        return Turn(
            state,
            Prompt(
                title=title,
                step=state.step,
                field=current,
                options=options,
                default=default,
                default_label=default_label,
                error=error or note,
                can_back=bool(state.asked),
            ),
        )

    async def _review(self, ask: Ask, state: WalkState) -> tuple[tuple[str, str], ...]:
        context = await self.router.context(
            ask, state.request, set(state.answers), state.offered_choices()
        )
        shown: list[tuple[str, str]] = []
        for f in state.request.form.fields:
            # Whether another row follows shows in the rows themselves.
            if f.name in state.answers and not f.asks_more:
                shown.append((f.label(ask.t), _shown(f, state.answers[f.name], context)))
        return tuple(shown)


def _shown(f: Field, answer: str, context: FormContext) -> str:
    for option in f.options(context):
        if option.value == answer:
            return option.label
    return answer or "—"


def _searched_for(current: Field, text: str, context: FormContext) -> bool:
    """Whether a typed answer is looked up among the stored values (a type-ahead query)."""
    if not current.typeahead or not text:
        return False
    if current.max_length is not None and len(text) > current.max_length:
        return False  # nothing stored can match it, and parsing refuses it
    options = current.options(context)
    if options and unicodedata.normalize("NFKC", text).isdigit():
        return False  # a list number: out of the list, parsing says the list's range
    return pick(options, text) is None
