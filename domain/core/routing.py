"""Who hears about what: each capability declares its events with default routes, and a team
may override them in `dealbot.toml` (PRODUCT.md §2, "Routing table")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from dealbot.domain.core.errors import Invalid


class Audience(StrEnum):
    FEED = "feed"
    OWNER = "owner"
    LEADER = "leader"
    REQUESTER = "requester"
    FINANCE = "finance"
    WAREHOUSE = "warehouse"
    ADMINS = "admins"
    ACTOR = "actor"


class Placement(StrEnum):
    POST = "post"
    THREAD = "thread"
    BROADCAST = "broadcast"
    DM = "dm"
    TASK = "task"


FEED_PLACEMENTS = frozenset({Placement.POST, Placement.THREAD, Placement.BROADCAST})
PERSON_PLACEMENTS = frozenset({Placement.DM, Placement.TASK})


@dataclass(frozen=True, slots=True)
class Route:
    audience: Audience
    placement: Placement

    def __str__(self) -> str:
        return f"{self.audience.value}:{self.placement.value}"


def route(text: str) -> Route:
    """`feed:thread` as a Route; Invalid names what is wrong."""
    audience_text, _, placement_text = text.partition(":")
    try:
        audience = Audience(audience_text.strip())
    except ValueError:
        raise Invalid(
            "config-route-audience", route=text, allowed=", ".join(a.value for a in Audience)
        ) from None
    try:
        placement = Placement(placement_text.strip())
    except ValueError:
        raise Invalid(
            "config-route-placement", route=text, allowed=", ".join(p.value for p in Placement)
        ) from None
    allowed = FEED_PLACEMENTS if audience is Audience.FEED else PERSON_PLACEMENTS
    if placement not in allowed:
        raise Invalid(
            "config-route-mismatch", route=text, allowed=", ".join(sorted(p.value for p in allowed))
        )
    return Route(audience, placement)


@dataclass(frozen=True)
class EventRoutes:
    """One event a capability announces, with the routes a team gets unless it overrides them."""

    event: str
    defaults: tuple[Route, ...]
    # Lost deals are for the leader's analysis only (seed 000): no team may route them to the feed.
    never_in_feed: bool = False


class EventTable:
    """The events of one capability (or of all of them, for checking a team's overrides)."""

    def __init__(self, events: Iterable[EventRoutes]) -> None:
        self.events = {e.event: e for e in events}

    def __add__(self, other: EventTable) -> EventTable:
        return EventTable([*self.events.values(), *other.events.values()])

    def routes(self, event: str, overrides: Mapping[str, Any]) -> tuple[Route, ...]:
        declared = self.events[event]
        if event not in overrides:
            return declared.defaults
        chosen = tuple(route(r) for r in overrides[event])
        if declared.never_in_feed:
            chosen = tuple(r for r in chosen if r.audience is not Audience.FEED)
        return chosen

    def checked_overrides(self, raw: Mapping[str, Any]) -> dict[str, list[str]]:
        """A team's `[teams.routing]` table checked, normalised for storage."""
        checked: dict[str, list[str]] = {}
        for event_name, routes in raw.items():
            declared = self.events.get(event_name)
            if declared is None:
                raise Invalid(
                    "config-route-event", event=event_name, allowed=", ".join(self.events)
                )
            if not isinstance(routes, list) or not all(isinstance(r, str) for r in routes):
                raise Invalid("config-route-list", event=event_name)
            parsed = [route(r) for r in routes]
            if declared.never_in_feed and any(r.audience is Audience.FEED for r in parsed):
                raise Invalid("config-route-lost-feed", event=event_name)
            checked[event_name] = [str(r) for r in parsed]
        return checked


def events(*declared: EventRoutes) -> EventTable:
    return EventTable(declared)


def routes_of(*texts: str) -> tuple[Route, ...]:
    return tuple(route(t) for t in texts)


def audiences_needed(routes: Sequence[Route]) -> set[Audience]:
    return {r.audience for r in routes}
