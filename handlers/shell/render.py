"""Drawing neutral messages and forms as terminal text."""

from __future__ import annotations

from collections.abc import Callable

from dealbot.handlers.forms import Choice, Field, Kind
from dealbot.handlers.i18n import Translator
from dealbot.handlers.ui import Button, Message


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


def prompt_lines(
    field: Field, options: list[Choice], t: Translator, default: str | None
) -> list[str]:
    label = field.label(t)
    if not field.required:
        label += f" ({t('shell-optional')})"
    if default:
        label += f" [{default}]"
    lines = [f"? {label}"]
    hint = field.hint(t)
    if hint:
        lines.append(f"  {hint}")
    if field.kind is Kind.CHOICE and options:
        lines.extend(f"  {n}) {o.label}" for n, o in enumerate(options, 1))
        lines.append(f"  {t('shell-choose-or-type' if field.open_choice else 'shell-choose')}")
    return lines


Printer = Callable[[str], None]
