"""A Slack message as the Slack client draws it: what a reader sees, and what is formatted.

`plain_text` objects are shown literally. `mrkdwn` text is parsed as Slack does: control
sequences (`<!channel>`, `<@U…>`, `<https://…|label>`) become mentions and links, entities
(`&lt;`) become characters, `*bold*`, `_italic_`, `~strike~`, `` `code` `` and code fences
format, and bare URLs become links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from support.standins.slack_api import PostedMessage

_CONTROL = re.compile(r"<([^<>]*)>")
_STYLES = [
    ("code_block", re.compile(r"```(.+?)```", re.S)),
    ("code", re.compile(r"`([^`\n]+)`")),
    ("bold", re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")),
    ("italic", re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")),
    ("strike", re.compile(r"(?<![\w~])~(?=\S)([^~\n]+?)(?<=\S)~(?![\w~])")),
]
_BARE_URL = re.compile(r"(?<![\w/])(https?://\S+|www\.\S+\.\w+)")


@dataclass
class Drawn:
    text: list[str] = field(default_factory=list)
    formatted: list[tuple[str, str]] = field(default_factory=list)

    @property
    def seen(self) -> str:
        return "\n".join(self.text)


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _mrkdwn(text: str, drawn: Drawn) -> str:
    def control(match: re.Match[str]) -> str:
        inner = match.group(1)
        target, _, label = inner.partition("|")
        if target.startswith(("!", "@", "#")):
            drawn.formatted.append(("mention", target))
        else:
            drawn.formatted.append(("link", target))
        return label or target

    shown = _CONTROL.sub(control, text)
    for url in _BARE_URL.findall(shown):
        drawn.formatted.append(("link", url))
    for style, pattern in _STYLES:
        for match in pattern.finditer(shown):
            drawn.formatted.append((style, _unescape(match.group(1))))
        shown = pattern.sub(lambda m: m.group(1), shown)
    return _unescape(shown)


def _object(obj: Any, drawn: Drawn) -> None:
    if not isinstance(obj, dict):
        return
    if obj.get("type") == "plain_text":
        drawn.text.append(str(obj.get("text", "")))
    elif obj.get("type") == "mrkdwn":
        drawn.text.append(_mrkdwn(str(obj.get("text", "")), drawn))


def draw(message: PostedMessage | dict[str, Any]) -> Drawn:
    """The blocks of a message (or a view) as drawn; the fallback text if it has no blocks."""
    blocks = message.blocks if isinstance(message, PostedMessage) else message.get("blocks")
    drawn = Drawn()
    if not blocks:
        text = message.text if isinstance(message, PostedMessage) else message.get("text")
        drawn.text.append(_mrkdwn(str(text or ""), drawn))
        return drawn
    for block in blocks:
        _object(block.get("text"), drawn)
        for cell in block.get("fields") or []:
            _object(cell, drawn)
        for element in block.get("elements") or []:
            _object(element, drawn)
            _object(element.get("text"), drawn)
        accessory = block.get("accessory")
        if isinstance(accessory, dict):
            _object(accessory.get("text"), drawn)
    return drawn
