"""`dealbot.toml`: teams and members, validated with one clear error per broken entry."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.numbers import is_currency
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from dealbot import locales
from dealbot.bot.errors import OperatorError
from dealbot.domain.core.directory import MemberSpec, TeamSpec
from dealbot.domain.core.errors import Invalid
from dealbot.domain.reminders.settings import LIMITS, WEEKDAYS

RoleName = Literal["sales", "leader", "finance", "warehouse", "admin"]


class ConfigError(OperatorError):
    """A broken `dealbot.toml`; the message names the entry, the field and what is wrong."""


def _bounded(name: str, default: int) -> Any:
    low, high = LIMITS[name]
    return Field(default, ge=low, le=high, strict=True)


class RemindersEntry(BaseModel):
    """`[teams.reminders]` (PRODUCT.md §5); every key optional."""

    model_config = ConfigDict(extra="forbid")

    hour: int = _bounded("hour", 9)
    payment_due_days: int = _bounded("payment_due_days", 3)
    overdue_escalate_days: int = _bounded("overdue_escalate_days", 7)
    key_date_days: int = _bounded("key_date_days", 3)
    contract_end_days: int = _bounded("contract_end_days", 30)
    digest_day: str = "monday"
    catch_up_days: int = _bounded("catch_up_days", 7)

    @field_validator("digest_day")
    @classmethod
    def _weekday(cls, value: str) -> str:
        if value.lower() not in WEEKDAYS:
            raise ValueError(f"'{value}' is not one of {', '.join(WEEKDAYS)}")
        return value.lower()


class TeamEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100)
    leader: str | None = None
    timezone: str = "UTC"
    locale: str = "en"
    currency: str = "USD"
    slack_channel: str | None = Field(None, pattern=r"^[CG][A-Z0-9]{2,}$")
    telegram_chat: int | None = None
    stagnation_days: int = Field(7, ge=1, le=365)
    routing: dict[str, Any] = Field(default_factory=dict)
    reminders: RemindersEntry = Field(default_factory=RemindersEntry)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"'{value}' is not an IANA time zone such as Asia/Tokyo") from None
        return value

    @field_validator("locale")
    @classmethod
    def _known_locale(cls, value: str) -> str:
        if value not in locales.SUPPORTED:
            raise ValueError(f"'{value}' is not one of {', '.join(locales.SUPPORTED)}")
        return value

    @field_validator("currency")
    @classmethod
    def _known_currency(cls, value: str) -> str:
        if not is_currency(value):
            raise ValueError(f"'{value}' is not an ISO 4217 currency code such as JPY")
        return value

    @field_validator("routing")
    @classmethod
    def _routes(cls, value: dict[str, Any]) -> dict[str, Any]:
        if not value:
            return value
        # Every capability's events: imported only when a team routes something, so that the
        # commands that only read the file (`dealbot remind`) do not load every front end.
        from dealbot.bot.capabilities import EVENTS
        from dealbot.handlers.core.i18n import Translator

        try:
            return EVENTS.checked_overrides(value)
        except Invalid as error:
            raise ValueError(Translator("en").error(error)) from None


class MemberEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    handle: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]{0,63}$")
    name: str = Field(min_length=1, max_length=200)
    team: str
    roles: list[RoleName] = Field(min_length=1)
    slack_user: str | None = Field(None, pattern=r"^[UW][A-Z0-9]{2,}$")
    telegram_user: int | None = Field(None, gt=0)
    locale: str | None = None

    @field_validator("locale")
    @classmethod
    def _known_locale(cls, value: str | None) -> str | None:
        if value is not None and value not in locales.SUPPORTED:
            raise ValueError(f"'{value}' is not one of {', '.join(locales.SUPPORTED)}")
        return value


class DirectoryFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    teams: list[TeamEntry] = Field(min_length=1)
    members: list[MemberEntry] = Field(min_length=1)


def _entry_name(data: dict[str, Any], section: str, index: int) -> str:
    try:
        entry = data[section][index]
        label = entry.get("handle") or entry.get("name")
    except (KeyError, IndexError, TypeError, AttributeError):
        label = None
    return f"{section}[{index}]" + (f' ("{label}")' if label else "")


def _explain(path: str, data: dict[str, Any], error: ValidationError) -> ConfigError:
    first = error.errors()[0]
    location = list(first["loc"])
    where = path
    if len(location) >= 2 and isinstance(location[1], int):
        where += f": {_entry_name(data, str(location[0]), location[1])}"
        location = location[2:]
    field = ".".join(str(p) for p in location) or "(entry)"
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "literal_error":
        message = f"'{first['input']}' is not one of sales, leader, finance, warehouse, admin"
    elif first["type"] == "extra_forbidden":
        message = "is not a known key"
    more = len(error.errors()) - 1
    suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return ConfigError(f"{where}: field '{field}': {message}{suffix}")


def _cross_check(path: str, parsed: DirectoryFile) -> None:
    teams = {t.name for t in parsed.teams}
    handles: set[str] = set()
    for index, member in enumerate(parsed.members):
        where = f'{path}: members[{index}] ("{member.handle}")'
        if member.handle in handles:
            raise ConfigError(f"{where}: field 'handle': '{member.handle}' is used twice")
        handles.add(member.handle)
        if member.team not in teams:
            raise ConfigError(f"{where}: field 'team': no team is named '{member.team}'")
    for field in ("slack_user", "telegram_user"):
        seen: set[object] = set()
        for index, member in enumerate(parsed.members):
            value = getattr(member, field)
            if value is not None and value in seen:
                raise ConfigError(
                    f"{path}: members[{index}] (\"{member.handle}\"): field '{field}': "
                    f"'{value}' belongs to another member too"
                )
            seen.add(value)
    for index, team in enumerate(parsed.teams):
        if team.leader is not None and team.leader not in handles:
            raise ConfigError(
                f"{path}: teams[{index}] (\"{team.name}\"): field 'leader': "
                f"no member has the handle '{team.leader}'"
            )


def parse_directory(
    text: str, path: str = "dealbot.toml"
) -> tuple[list[TeamSpec], list[MemberSpec]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    try:
        parsed = DirectoryFile.model_validate(data)
    except ValidationError as error:
        raise _explain(path, data, error) from None
    _cross_check(path, parsed)
    teams = []
    for entry in parsed.teams:
        values = entry.model_dump()
        # Capability settings travel with the team, in its `settings`.
        values["settings"] = {"reminders": values.pop("reminders")}
        teams.append(TeamSpec(**values))
    members = [MemberSpec(**{**m.model_dump(), "roles": tuple(m.roles)}) for m in parsed.members]
    return teams, members


SAMPLE = """
# The built-in sample team, used when there is no dealbot.toml.
[[teams]]
name = "Sample Sales"
leader = "lena"
timezone = "UTC"
locale = "en"
currency = "USD"

[[members]]
handle = "lena"
name = "Lena Leader"
team = "Sample Sales"
roles = ["leader", "admin"]

[[members]]
handle = "sam"
name = "Sam Seller"
team = "Sample Sales"
roles = ["sales"]

[[members]]
handle = "kim"
name = "Kim Closer"
team = "Sample Sales"
roles = ["sales"]
"""


def load_directory(path: str) -> tuple[list[TeamSpec], list[MemberSpec], bool]:
    """The configured directory, or the sample team when the file does not exist."""
    file = Path(path)
    if not file.exists():
        return (*parse_directory(SAMPLE, "built-in sample"), True)
    return (*parse_directory(file.read_text(encoding="utf-8"), path), False)
