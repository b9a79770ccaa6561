"""A message as every front end draws it: plain text parts, escaped by each renderer, and
charts, drawn as pictures (a PNG uploaded on Slack, a photo on Telegram, a file in the shell).

Charts only ever reach one person, in their direct messages (see `Router`): statistics count
lost deals, which a team channel must never see.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from dealbot.handlers.charts.model import Chart


@dataclass(frozen=True)
class Button:
    """A click that asks the server to do `action` on `value` (a short id, never a payload)."""

    label: str
    action: str
    value: str
    primary: bool = False


@dataclass(frozen=True)
class Message:
    """A post, DM or reply. Every string is plain text as a person should read it.

    `charts` go out as pictures after the text, each with its words (`Chart.alt_text`) for
    screen readers and search; the text should say the same numbers, so that nothing is lost
    where a picture cannot be drawn.
    """

    title: str | None = None
    fields: tuple[tuple[str, str], ...] = ()
    lines: tuple[str, ...] = ()
    buttons: tuple[Button, ...] = ()
    footer: str | None = None
    charts: tuple[Chart, ...] = ()

    def without_charts(self) -> Message:
        return replace(self, charts=())

    def plain(self) -> str:
        """The text of the message (not its charts), for logs, the shell and notifications'
        fallback text."""
        parts = [self.title] if self.title else []
        parts.extend(f"{label}: {value}" for label, value in self.fields)
        parts.extend(self.lines)
        if self.footer:
            parts.append(self.footer)
        return "\n".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "fields": [list(f) for f in self.fields],
            "lines": list(self.lines),
            "buttons": [[b.label, b.action, b.value, b.primary] for b in self.buttons],
            "footer": self.footer,
            "charts": [chart.to_json() for chart in self.charts],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Message:
        return cls(
            title=data.get("title"),
            fields=tuple((str(k), str(v)) for k, v in data.get("fields", ())),
            lines=tuple(str(line) for line in data.get("lines", ())),
            buttons=tuple(
                Button(str(label), str(action), str(value), bool(primary))
                for label, action, value, primary in data.get("buttons", ())
            ),
            footer=data.get("footer"),
            charts=tuple(Chart.from_json(chart) for chart in data.get("charts", ())),
        )


@dataclass(frozen=True)
class Reply:
    """What the person who acted sees in answer.

    `queued` says the answer went through the outbox to the person's direct messages
    instead (a reply with charts does): the front end shows only `messages`, and may say where
    the rest went.
    """

    messages: tuple[Message, ...] = field(default_factory=tuple)
    queued: int = 0

    @classmethod
    def of(cls, *messages: Message) -> Reply:
        return cls(tuple(messages))

    @property
    def has_charts(self) -> bool:
        return any(message.charts for message in self.messages)

    def to_json(self) -> dict[str, Any]:
        return {"messages": [m.to_json() for m in self.messages], "queued": self.queued}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Reply:
        return cls(
            tuple(Message.from_json(m) for m in data.get("messages", ())),
            int(data.get("queued", 0)),
        )

    def as_one_message(self) -> Message:
        """The answer as one message (as it goes through the outbox): the later messages'
        titles become lines of it, and every chart follows the text."""
        if len(self.messages) == 1:
            return self.messages[0]
        first, *rest = self.messages
        fields = list(first.fields)
        lines = list(first.lines)
        for message in rest:
            lines += [m for m in (message.title,) if m]
            lines += [f"{label}: {value}" for label, value in message.fields]
            lines += list(message.lines)
        return Message(
            title=first.title,
            fields=tuple(fields),
            lines=tuple(lines),
            buttons=tuple(b for m in self.messages for b in m.buttons),
            footer=first.footer,
            charts=tuple(c for m in self.messages for c in m.charts),
        )
