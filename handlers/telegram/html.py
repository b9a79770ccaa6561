"""Neutral messages as Telegram HTML: every piece of text escaped, long messages split, and a
chart's words as the caption of its photo."""

from __future__ import annotations

from html import escape

from dealbot.handlers.charts import Chart
from dealbot.handlers.core.ui import Message

MAX_TEXT = 4096
MAX_CAPTION = 1024


def _visible_length(text: str) -> int:
    # Telegram counts UTF-16 code units; characters beyond the BMP count twice.
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _text(text: str) -> str:
    return escape(text, quote=False)


def _lines(message: Message) -> list[tuple[str, str]]:
    """Each line as (what the reader sees, its HTML)."""
    lines: list[tuple[str, str]] = []
    if message.title:
        lines.append((message.title, f"<b>{_text(message.title)}</b>"))
    for label, value in message.fields:
        lines.append((f"{label}: {value}", f"<b>{_text(label)}:</b> {_text(value)}"))
    lines.extend((line, _text(line)) for line in message.lines)
    if message.footer:
        lines.append((message.footer, f"<i>{_text(message.footer)}</i>"))
    return lines


def _cut(plain: str, limit: int) -> list[tuple[str, str]]:
    """A single line longer than a message, in pieces that each fit."""
    pieces: list[tuple[str, str]] = []
    piece = ""
    for ch in plain:
        if _visible_length(piece + ch) > limit:
            pieces.append((piece, _text(piece)))
            piece = ""
        piece += ch
    if piece:
        pieces.append((piece, _text(piece)))
    return pieces


def render(message: Message, limit: int = MAX_TEXT) -> list[str]:
    """The message as one or more HTML texts, each at most `limit` visible characters."""
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for plain, html in _lines(message):
        pieces = [(plain, html)] if _visible_length(plain) <= limit else _cut(plain, limit)
        for piece_plain, piece_html in pieces:
            length = _visible_length(piece_plain)
            needed = length + (1 if current else 0)
            if current and size + needed > limit:
                chunks.append("\n".join(current))
                current, size, needed = [], 0, length
            current.append(piece_html)
            size += needed
    if current:
        chunks.append("\n".join(current))
    # Telegram refuses an empty text; a message of only buttons still needs something to show.
    return [c for c in chunks if c.strip()] or ["…"]


def chart_caption(chart: Chart) -> str:
    """The chart in words, its title in bold, as a photo caption: Telegram photos have no alt
    text, and a caption also travels with the photo when it is forwarded."""
    heading, *lines = chart.alt_text(limit=MAX_CAPTION).split("\n")
    return render(Message(title=heading, lines=tuple(lines)), limit=MAX_CAPTION)[0]
