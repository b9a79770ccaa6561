"""Inline keyboards whose callback_data carries only short ids, never payloads."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from dealbot.handlers.core.ui import Button

MAX_CALLBACK_BYTES = 64
BUTTON_PREFIX = "b"  # a button on a message: b:<action>:<id>, e.g. b:advice:12
FORM_PREFIX = "f"  # a control of the form being answered: f:<step>:<choice>


@dataclass(frozen=True)
class Click:
    """A decoded callback_data."""

    prefix: str
    action: str
    value: str


def _checked(data: str) -> str:
    if not data or len(data.encode()) > MAX_CALLBACK_BYTES:
        raise ValueError(f"callback_data must be 1–{MAX_CALLBACK_BYTES} bytes: {data!r}")
    return data


def button_data(button: Button) -> str:
    return _checked(f"{BUTTON_PREFIX}:{button.action}:{button.value}")


def form_data(step: int, choice: str) -> str:
    return _checked(f"{FORM_PREFIX}:{step}:{choice}")


def parse(data: str | None) -> Click | None:
    prefix, _, rest = (data or "").partition(":")
    action, sep, value = rest.partition(":")
    if prefix not in (BUTTON_PREFIX, FORM_PREFIX) or not sep:
        return None
    return Click(prefix, action, value)


def markup(rows: Sequence[Sequence[tuple[str, str]]]) -> InlineKeyboardMarkup | None:
    """Rows of (label, callback_data)."""
    keyboard = [
        [InlineKeyboardButton(label, callback_data=_checked(data)) for label, data in row]
        for row in rows
        if row
    ]
    return InlineKeyboardMarkup(keyboard) if keyboard else None


def message_buttons(buttons: Sequence[Button]) -> InlineKeyboardMarkup | None:
    """A message's buttons (the advice task, approvals), side by side."""
    return markup([[(b.label, button_data(b)) for b in buttons]])


def in_rows(items: Sequence[tuple[str, str]], per_row: int) -> list[list[tuple[str, str]]]:
    return [list(items[i : i + per_row]) for i in range(0, len(items), per_row)]
