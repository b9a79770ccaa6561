"""Neutral forms drawn as Slack modals, and a submitted modal read back into raw answers.

Amounts and dates are plain text inputs validated by the neutral form: Slack's number_input does
not render in the mobile apps, and a text date keeps what was typed when it is wrong (a
datepicker cannot show `31/02/2026` back to the person with the reason it is refused).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dealbot.handlers.core.forms import Choice, Field, Form, FormContext, Kind
from dealbot.handlers.core.i18n import Translator
from dealbot.handlers.core.outcomes import FieldErrors, FormRequest
from dealbot.handlers.slack.blocks import clip

JSON = dict[str, Any]

CALLBACK_PREFIX = "form."
VALUE = "value"
NEW_SUFFIX = ".new"
VIEW_TEXT_MAX = 24
LABEL_MAX = 2000
OPTION_TEXT_MAX = 75
OPTION_VALUE_MAX = 150
OPTIONS_MAX = 100
TEXT_INPUT_MAX = 3000
METADATA_MAX = 3000


def _plain(text: str, limit: int) -> JSON:
    return {"type": "plain_text", "text": clip(text, limit), "emoji": True}


# The "Add item" button of a form with rows: handled by the modal itself, never a capability.
ADD_ROW_ACTION = "form.add-row"


@dataclass(frozen=True)
class ModalState:
    """What the modal carries between opening and submission (its private_metadata):
    the form, where it was opened, and how many of its rows it shows."""

    request: FormRequest
    channel: str | None = None
    rows: int = 1

    @classmethod
    def opening(cls, request: FormRequest, channel: str | None) -> ModalState:
        """As many rows as the request's defaults fill in (a revision of a quote), else one."""
        rows = request.form.rows
        shown = rows.shown({**request.defaults, **request.fixed}) if rows else 1
        return cls(request, channel, shown)

    def grown(self) -> ModalState:
        rows = self.request.form.rows
        most = rows.most if rows else 1
        return ModalState(self.request, self.channel, min(self.rows + 1, most))

    def encode(self) -> str:
        data = {**self.request.to_json(), "channel": self.channel, "rows": self.rows}
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        if len(text) > METADATA_MAX:
            raise ValueError("form state does not fit in private_metadata")
        return text

    @classmethod
    def decode(cls, metadata: object, forms: Mapping[str, Form]) -> ModalState:
        """Read back what Slack carried; ValueError when it is not what this bot wrote."""
        if not isinstance(metadata, str) or len(metadata) > METADATA_MAX:
            raise ValueError("private_metadata is missing or too long")
        data = json.loads(metadata)
        request = FormRequest.from_json(data, forms)
        channel = data.get("channel")
        if channel is not None and not isinstance(channel, str):
            raise ValueError("private_metadata channel is not a text")
        rows = data.get("rows", 1)
        most = request.form.rows.most if request.form.rows else 1
        if not isinstance(rows, int) or not 1 <= rows <= most:
            raise ValueError("private_metadata rows is out of range")
        return cls(request, channel, rows)


def _option(value: str, label: str) -> JSON:
    return {"text": _plain(label, OPTION_TEXT_MAX), "value": value[:OPTION_VALUE_MAX]}


def _text_input(field: Field, initial: str | None) -> JSON:
    element: JSON = {"type": "plain_text_input", "action_id": VALUE}
    if field.kind is Kind.LONG_TEXT:
        element["multiline"] = True
    element["max_length"] = min(field.max_length or TEXT_INPUT_MAX, TEXT_INPUT_MAX)
    if field.kind is Kind.DATE:
        element["placeholder"] = _plain("YYYY-MM-DD", 150)
    if initial:
        element["initial_value"] = initial
    return element


def _input(block_id: str, label: str, element: JSON, *, optional: bool, hint: str | None) -> JSON:
    block: JSON = {
        "type": "input",
        "block_id": block_id,
        "label": _plain(label, LABEL_MAX),
        "element": element,
        "optional": optional,
    }
    if hint:
        block["hint"] = _plain(hint, LABEL_MAX)
    return block


def option_list(choices: tuple[Choice, ...] | list[Choice]) -> list[JSON]:
    """Choices as Slack options, within its limits: 100 options, text 75, value 150."""
    return [_option(c.value, c.label) for c in list(choices)[:OPTIONS_MAX]]


def _typeahead(field: Field, context: FormContext, initial: str | None) -> JSON:
    """An external_select: Slack asks the options listener as the person types."""
    element: JSON = {
        "type": "external_select",
        "action_id": VALUE,
        "min_query_length": 1,
        "placeholder": _plain(context.translator("slack-typeahead-placeholder"), 150),
    }
    chosen = next((o for o in field.options(context) if o.value == initial), None)
    if chosen is not None:
        element["initial_option"] = _option(chosen.value, chosen.label)
    return element


def field_blocks(field: Field, context: FormContext) -> list[JSON]:
    t = context.translator
    label = field.label(t)
    # A field asked only under a condition is optional here; the neutral form decides.
    optional = not field.required or field.ask_if is not None
    initial = context.defaults.get(field.name)
    hint = field.hint(t)
    if field.kind is not Kind.CHOICE:
        return [
            _input(field.name, label, _text_input(field, initial), optional=optional, hint=hint)
        ]
    if field.typeahead:
        picker = _typeahead(field, context, initial)
        if not field.open_choice:
            return [_input(field.name, label, picker, optional=optional, hint=hint)]
        new_label = t("slack-open-choice-new", field=label)
        typed = _text_input(field, None)
        return [
            _input(field.name, label, picker, optional=True, hint=hint),
            _input(field.name + NEW_SUFFIX, new_label, typed, optional=True, hint=None),
        ]
    options = field.options(context)[:OPTIONS_MAX]
    if not options:  # an open choice with nothing to pick yet: just type it
        return [
            _input(field.name, label, _text_input(field, initial), optional=optional, hint=hint)
        ]
    select: JSON = {
        "type": "static_select",
        "action_id": VALUE,
        "options": [_option(o.value, o.label) for o in options],
    }
    chosen = next((o for o in options if o.value == initial), None)
    if chosen is not None:
        select["initial_option"] = _option(chosen.value, chosen.label)
    if not (field.open_choice or field.ref_letter):
        return [_input(field.name, label, select, optional=optional, hint=hint)]
    typed = _text_input(field, None)
    new_label = t("slack-open-choice-new", field=label)
    return [
        _input(field.name, label, select, optional=True, hint=hint),
        _input(field.name + NEW_SUFFIX, new_label, typed, optional=True, hint=None),
    ]


def _add_row(t: Translator, label_key: str) -> JSON:
    button = {"type": "button", "action_id": ADD_ROW_ACTION, "text": _plain(t(label_key), 75)}
    return {"type": "actions", "block_id": ADD_ROW_ACTION, "elements": [button]}


def modal_view(state: ModalState, context: FormContext) -> JSON:
    """Every field the form asks, its rows as many as the modal shows, then "Add item" after
    the last row while there is room for another."""
    t: Translator = context.translator
    form = state.request.form
    blocks: list[JSON] = []
    for field in form.visible_fields(state.request.fixed):
        if field.row is not None and (field.asks_more or field.row > state.rows):
            continue
        blocks.extend(field_blocks(field, context))
        rows = form.rows
        last_of_row = rows is not None and field.base_name == rows.fields[-1].name
        if rows is not None and last_of_row and field.row == state.rows < rows.most:
            blocks.append(_add_row(t, rows.add_key))
    return {
        "type": "modal",
        "callback_id": CALLBACK_PREFIX + form.id,
        "title": _plain(form.title(t, **state.request.title_args), VIEW_TEXT_MAX),
        "submit": _plain(t(form.submit_key), VIEW_TEXT_MAX),
        "close": _plain(t("slack-modal-close"), VIEW_TEXT_MAX),
        "private_metadata": state.encode(),
        "blocks": blocks,
    }


def _entry_value(entry: dict[str, Any]) -> str | None:
    if entry.get("selected_option"):
        return str(entry["selected_option"]["value"])
    if entry.get("selected_date"):
        return str(entry["selected_date"])
    value = entry.get("value")
    return str(value) if value is not None else None


def submitted_answers(state: ModalState, view: JSON) -> dict[str, str | None]:
    """The raw answers of a submitted modal; its rows as many as it showed."""
    answers = raw_answers(view)
    rows = state.request.form.rows
    if rows is not None:
        answers.update(rows.answers_for(state.rows))
    return answers


def raw_answers(view: JSON) -> dict[str, str | None]:
    """`view.state.values` as the neutral form's raw answers; a typed new choice wins."""
    values: dict[str, Any] = view.get("state", {}).get("values", {})
    answers: dict[str, str | None] = {}
    for block_id, actions in values.items():
        entry = actions.get(VALUE) or {}
        if block_id.endswith(NEW_SUFFIX):
            continue
        answers[block_id] = _entry_value(entry)
    for block_id, actions in values.items():
        if block_id.endswith(NEW_SUFFIX):
            typed = _entry_value(actions.get(VALUE) or {})
            if typed and typed.strip():
                answers[block_id.removesuffix(NEW_SUFFIX)] = typed
    return answers


def error_response(errors: FieldErrors, view: JSON) -> JSON:
    """`response_action: errors` on the blocks at fault; Slack keeps everything typed."""
    inputs = [b["block_id"] for b in view.get("blocks", []) if b.get("type") == "input"]
    typed = view.get("state", {}).get("values", {})
    shown: dict[str, str] = {}
    for name, text in errors.errors.items():
        block_id = name if name in inputs else inputs[0]
        new = name + NEW_SUFFIX
        if new in inputs and _entry_value((typed.get(new) or {}).get(VALUE) or {}):
            block_id = new  # the error shows beside what was typed, not beside the list
        shown[block_id] = clip(f"{shown[block_id]} {text}" if block_id in shown else text, 2000)
    return {"response_action": "errors", "errors": shown}
