"""Neutral `Message`s drawn as Block Kit blocks plus fallback text, within Slack's limits.

Whatever a person typed is drawn as `plain_text` (headers, field values, lines, the footer):
Slack shows it literally, so `*bold*`, `_x_`, `~x~`, backticks, `<!channel>` or a bare link
format nothing and ping nobody. Only the bot's own labels are mrkdwn (bold), escaped too.
"""

from __future__ import annotations

from typing import Any

from dealbot.handlers.core.ui import Button, Message

JSON = dict[str, Any]

MAX_BLOCKS = 50
SECTION_TEXT_MAX = 3000
FIELD_TEXT_MAX = 2000
FIELDS_PER_SECTION = 10
HEADER_MAX = 150
BUTTON_TEXT_MAX = 75
BUTTON_VALUE_MAX = 2000
ACTIONS_ELEMENTS_MAX = 25
CONTEXT_TEXT_MAX = 3000
FALLBACK_TEXT_MAX = 3900
MORE = "…"


def escape(text: str) -> str:
    """Text made inert for mrkdwn control sequences: `<!channel>` shows as typed."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + MORE


def literal(text: str, limit: int = SECTION_TEXT_MAX) -> JSON:
    """A text object Slack shows exactly as typed (no mrkdwn, no `:emoji:` codes)."""
    return {"type": "plain_text", "text": clip(text, limit) or " ", "emoji": False}


def _chunks(lines: list[str], limit: int) -> list[str]:
    """Lines joined into pieces of at most `limit` characters; an over-long line is cut up."""
    pieces: list[str] = []
    current = ""
    for line in lines:
        while len(line) > limit:
            if current:
                pieces.append(current)
                current = ""
            pieces.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            pieces.append(current)
            current = line
        else:
            current = candidate
    if current:
        pieces.append(current)
    return pieces


def text_section(text: str) -> JSON:
    return {"type": "section", "text": literal(text)}


def sections(lines: list[str]) -> list[JSON]:
    """Plain-text sections holding the lines, split at Slack's 3000 characters."""
    return [text_section(piece) for piece in _chunks(lines, SECTION_TEXT_MAX) if piece.strip()]


def field_sections(fields: tuple[tuple[str, str], ...]) -> list[JSON]:
    """Label and value side by side: the label the bot's bold, the value as typed."""
    cells: list[JSON] = []
    for label, value in fields:
        cells.append({"type": "mrkdwn", "text": f"*{escape(clip(label, FIELD_TEXT_MAX - 2))}*"})
        cells.append(literal(value or "—", FIELD_TEXT_MAX))
    return [
        {"type": "section", "fields": cells[i : i + FIELDS_PER_SECTION]}
        for i in range(0, len(cells), FIELDS_PER_SECTION)
    ]


def title_block(title: str) -> JSON:
    if len(title) <= HEADER_MAX:
        return {"type": "header", "text": literal(title, HEADER_MAX)}
    return text_section(title)  # a header cannot hold it whole


def button(item: Button, action_id: str | None = None) -> JSON:
    element: JSON = {
        "type": "button",
        "text": {"type": "plain_text", "text": clip(item.label, BUTTON_TEXT_MAX), "emoji": True},
        "action_id": action_id or item.action,
        "value": item.value[:BUTTON_VALUE_MAX],
    }
    if item.primary:
        element["style"] = "primary"
    return element


def action_blocks(buttons: tuple[Button, ...]) -> list[JSON]:
    # action_ids must be unique within a message; repeats get a `:n` suffix the listener strips.
    elements: list[JSON] = []
    seen: dict[str, int] = {}
    for item in buttons:
        count = seen.get(item.action, 0)
        seen[item.action] = count + 1
        action_id = item.action if count == 0 else f"{item.action}:{count}"
        elements.append(button(item, action_id))
    return [
        {"type": "actions", "elements": elements[i : i + ACTIONS_ELEMENTS_MAX]}
        for i in range(0, len(elements), ACTIONS_ELEMENTS_MAX)
    ]


def message_blocks(message: Message) -> list[JSON]:
    blocks = [title_block(message.title)] if message.title else []
    blocks += field_sections(message.fields)
    blocks += sections(list(message.lines))
    actions = action_blocks(message.buttons)
    footer: list[JSON] = []
    if message.footer:
        footer = [{"type": "context", "elements": [literal(message.footer, CONTEXT_TEXT_MAX)]}]
    room = MAX_BLOCKS - len(actions) - len(footer)
    if len(blocks) > room:
        blocks = [*blocks[: room - 1], text_section(MORE)]
    return [*blocks, *actions, *footer]


def fallback_text(message: Message) -> str:
    """The notification and screen-reader text: the whole message, escaped, kept short."""
    return clip(escape(message.plain()), FALLBACK_TEXT_MAX) or " "


def render(message: Message) -> tuple[list[JSON], str]:
    return message_blocks(message), fallback_text(message)


def render_all(messages: tuple[Message, ...]) -> tuple[list[JSON], str]:
    """Several messages as one Slack message (a reply to a command), still within limits."""
    blocks: list[JSON] = []
    texts: list[str] = []
    for index, message in enumerate(messages):
        if index:
            blocks.append({"type": "divider"})
        blocks.extend(message_blocks(message))
        texts.append(message.plain())
    if len(blocks) > MAX_BLOCKS:
        blocks = [*blocks[: MAX_BLOCKS - 1], text_section(MORE)]
    return blocks, clip(escape("\n\n".join(texts)), FALLBACK_TEXT_MAX) or " "
