"""Neutral `Message`s drawn as Block Kit blocks plus fallback text, within Slack's limits."""

from __future__ import annotations

from typing import Any

from dealbot.handlers.core.ui import Button, Message

JSON = dict[str, Any]

MAX_BLOCKS = 50
SECTION_TEXT_MAX = 3000
BUTTON_TEXT_MAX = 75
BUTTON_VALUE_MAX = 2000
ACTIONS_ELEMENTS_MAX = 25
CONTEXT_TEXT_MAX = 3000
FALLBACK_TEXT_MAX = 3900
MORE = "…"


def escape(text: str) -> str:
    """User text made inert for mrkdwn: `<!channel>` shows as typed and pings nobody."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + MORE


def _chunks(lines: list[str], limit: int) -> list[str]:
    """Lines joined into pieces of at most `limit` characters; an over-long line is cut up."""
    pieces: list[str] = []
    current = ""
    for line in lines:
        while len(line) > limit:
            if current:
                pieces.append(current)
                current = ""
            # never cut an escape such as `&amp;` in half
            cut = limit
            amp = line.rfind("&", max(0, cut - 5), cut)
            if amp != -1 and ";" not in line[amp:cut]:
                cut = amp
            pieces.append(line[:cut])
            line = line[cut:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            pieces.append(current)
            current = line
        else:
            current = candidate
    if current:
        pieces.append(current)
    return pieces


def mrkdwn_section(text: str) -> JSON:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def sections(lines: list[str]) -> list[JSON]:
    """mrkdwn sections holding already escaped lines, split at Slack's 3000 characters."""
    return [mrkdwn_section(piece) for piece in _chunks(lines, SECTION_TEXT_MAX) if piece.strip()]


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
    body: list[str] = []
    if message.title:
        body.append(f"*{escape(message.title)}*")
    body.extend(f"*{escape(label)}:* {escape(value)}" for label, value in message.fields)
    blocks = sections(body)
    blocks += sections([escape(line) for line in message.lines])
    actions = action_blocks(message.buttons)
    footer: list[JSON] = []
    if message.footer:
        text = clip(escape(message.footer), CONTEXT_TEXT_MAX)
        footer = [{"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}]
    room = MAX_BLOCKS - len(actions) - len(footer)
    if len(blocks) > room:
        blocks = [*blocks[: room - 1], mrkdwn_section(MORE)]
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
        blocks = [*blocks[: MAX_BLOCKS - 1], mrkdwn_section(MORE)]
    return blocks, clip(escape("\n\n".join(texts)), FALLBACK_TEXT_MAX) or " "
