"""What a command, a click or a submission comes to: a reply, a form to fill, or field errors."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from dealbot.handlers.core.forms import Form
from dealbot.handlers.core.ui import Reply


@dataclass(frozen=True)
class FormRequest:
    """A form to put in front of a person.

    `fixed` answers are not asked again (the deal named in `/deal update D-12`), `defaults` are
    offered (the team's currency, a lead's details from the intake API), `context` is carried
    to the submitter (the task a form completes).
    """

    form: Form
    fixed: dict[str, str] = field(default_factory=dict)
    context: dict[str, str] = field(default_factory=dict)
    title_args: dict[str, str] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "form": self.form.id,
            "fixed": self.fixed,
            "context": self.context,
            "title": self.title_args,
            "defaults": self.defaults,
        }

    @classmethod
    def from_json(cls, data: object, forms: Mapping[str, Form]) -> FormRequest:
        """Read back what a platform carried for us; ValueError if it was tampered with."""
        if not isinstance(data, dict) or data.get("form") not in forms:
            raise ValueError("not a form this bot knows")
        parts = {}
        for name in ("fixed", "context", "title", "defaults"):
            part = data.get(name) or {}
            if not isinstance(part, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in part.items()
            ):
                raise ValueError(f"form state {name!r} is not a map of texts")
            parts[name] = dict(part)
        return cls(
            forms[data["form"]],
            fixed=parts["fixed"],
            context=parts["context"],
            title_args=parts["title"],
            defaults=parts["defaults"],
        )


@dataclass(frozen=True)
class FieldErrors:
    """Answers that need fixing, in the person's language, keyed by field."""

    errors: dict[str, str]


Outcome = Reply | FormRequest
