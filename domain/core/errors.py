"""Errors a use case raises; each names a catalog message so any front end can say it."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A refusal the person can understand; `key` names the catalog message."""

    key = "error-generic"

    def __init__(self, key: str | None = None, /, **args: Any) -> None:
        self.key = key or self.key
        self.args_for_message: dict[str, Any] = args
        super().__init__(self.key, args)


class NotFound(DomainError):
    key = "error-not-found"


class NotAllowed(DomainError):
    key = "error-not-allowed"


class Invalid(DomainError):
    key = "error-invalid"


class Conflict(DomainError):
    key = "error-conflict"
