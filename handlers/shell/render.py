"""Drawing neutral messages and form prompts as terminal text."""

from __future__ import annotations

from collections.abc import Callable

from dealbot.handlers.core.forms import Kind
from dealbot.handlers.core.i18n import Translator
from dealbot.handlers.core.ui import Button, Message
from dealbot.handlers.core.walk import Prompt

Printer = Callable[[str], None]


class ActionBoard:
    """Buttons in the shell are numbered; typing the number clicks it."""

    def __init__(self) -> None:
        self._actions: dict[int, Button] = {}

    def add(self, button: Button) -> int:
        number = len(self._actions) + 1
        self._actions[number] = button
        return number

    def get(self, number: int) -> Button | None:
        return self._actions.get(number)


def render_message(message: Message, board: ActionBoard, indent: str = "  ") -> list[str]:
    lines: list[str] = []
    if message.title:
        lines.append(f"{indent}{message.title}")
    lines.extend(f"{indent}{label}: {value}" for label, value in message.fields)
    lines.extend(f"{indent}{line}" for line in message.lines)
    if message.footer:
        lines.append(f"{indent}{message.footer}")
    if message.buttons:
        lines.append(indent + "  ".join(f"[{board.add(b)}] {b.label}" for b in message.buttons))
    return lines


def prompt_lines(prompt: Prompt, t: Translator) -> list[str]:
    """A question, or the review before saving, as the shell prints it."""
    lines = [f"! {prompt.error}"] if prompt.error else []
    if prompt.field is None:
        lines.append(f"? {t('shell-review')}")
        lines.extend(f"  {label}: {value}" for label, value in prompt.review)
        lines.append(f"  {t('shell-review-how')}")
        return lines
    field = prompt.field
    label = field.label(t)
    if not field.required:
        label += f" ({t('shell-optional')})"
    if prompt.default_label:
        label += f" [{prompt.default_label}]"
    lines.append(f"? {label}")
    hint = field.hint(t)
    if hint:
        lines.append(f"  {hint}")
    if field.kind is Kind.CHOICE and prompt.options:
        lines.extend(f"  {n}) {o.label}" for n, o in enumerate(prompt.options, 1))
        typed = field.open_choice or field.ref_letter is not None
        lines.append(f"  {t('shell-choose-or-type' if typed else 'shell-choose')}")
    elif field.typeahead:
        lines.append(f"  {t('form-typeahead')}")
    return lines
