"""Fitting labels into a width counted in columns: a Latin or Cyrillic letter takes one, a kana or
hanzi two (Unicode's East Asian Width), which is close enough to how a proportional font sets them
to keep a label inside its slot. Plain text in, plain text out: no matplotlib here."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

ELLIPSIS = "…"


def columns(text: str) -> int:
    """How wide `text` sets, in columns (one per narrow character, two per wide one)."""
    return sum(_char_columns(char) for char in text)


def shorten(text: str, max_columns: int) -> str:
    """`text` on one line, cut with an ellipsis if it would be wider than `max_columns`."""
    text = " ".join(text.split())
    if columns(text) <= max_columns:
        return text
    kept: list[str] = []
    used = columns(ELLIPSIS)
    for char in text:
        used += _char_columns(char)
        if used > max_columns:
            break
        kept.append(char)
    return "".join(kept).rstrip() + ELLIPSIS


def wrap(text: str, max_columns: int, max_lines: int) -> str:
    """`text` broken into at most `max_lines` lines of `max_columns`, joined with newlines.

    Breaks at spaces, and between any two wide characters (Japanese and Chinese need no spaces to
    break); a word too long for a line is split. What does not fit in the last line is cut with
    an ellipsis, so the result never needs more room than it was given."""
    max_columns = max(max_columns, 2)
    max_lines = max(max_lines, 1)
    lines: list[str] = []
    current = ""
    for piece in _pieces(text, max_columns):
        joined = (
            f"{current} {piece.text}" if current and piece.after_space else current + piece.text
        )
        if columns(joined) <= max_columns:
            current = joined
            continue
        lines.append(current)
        current = piece.text
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1 :])
        lines = [*lines[: max_lines - 1], shorten(rest, max_columns)]
    return "\n".join(lines)


@dataclass(frozen=True)
class _Piece:
    """A run that must stay on one line; `after_space` says whether a space stood before it."""

    text: str
    after_space: bool


def _pieces(text: str, max_columns: int) -> list[_Piece]:
    pieces: list[_Piece] = []
    for word in text.split():
        after_space = True
        for run in _runs(word):
            for part in _split_to_width(run, max_columns):
                pieces.append(_Piece(part, after_space))
                after_space = False
    return pieces


def _runs(word: str) -> list[str]:
    """A word cut before and after each wide character: narrow runs stay whole."""
    runs: list[str] = []
    narrow = ""
    for char in word:
        if _char_columns(char) == 2:
            if narrow:
                runs.append(narrow)
                narrow = ""
            runs.append(char)
        else:
            narrow += char
    if narrow:
        runs.append(narrow)
    return runs


def _split_to_width(run: str, max_columns: int) -> list[str]:
    parts: list[str] = []
    part = ""
    for char in run:
        if part and columns(part + char) > max_columns:
            parts.append(part)
            part = ""
        part += char
    if part:
        parts.append(part)
    return parts


def _char_columns(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
