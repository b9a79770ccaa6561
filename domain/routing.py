"""Who hears about what: the routing table of PRODUCT.md §2 as data, with per-team overrides."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from dealbot.domain.errors import Invalid


class Event(StrEnum):
    DEAL_OPENED = "deal_opened"
    ADVICE_GIVEN = "advice_given"
    PROGRESS_LOGGED = "progress_logged"
    PROGRESS_SHARED = "progress_shared"
    DEAL_WON = "deal_won"
    DEAL_LOST = "deal_lost"


class Audience(StrEnum):
    FEED = "feed"
    OWNER = "owner"
    LEADER = "leader"


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


DEFAULT_ROUTES: Mapping[Event, tuple[Route, ...]] = {
    Event.DEAL_OPENED: (
        Route(Audience.FEED, Placement.POST),
        Route(Audience.LEADER, Placement.TASK),
    ),
    Event.ADVICE_GIVEN: (
        Route(Audience.FEED, Placement.THREAD),
        Route(Audience.OWNER, Placement.DM),
    ),
    Event.PROGRESS_LOGGED: (),
    Event.PROGRESS_SHARED: (Route(Audience.FEED, Placement.THREAD),),
    Event.DEAL_WON: (
        Route(Audience.FEED, Placement.BROADCAST),
        Route(Audience.LEADER, Placement.DM),
    ),
    Event.DEAL_LOST: (Route(Audience.LEADER, Placement.DM),),
}

# Lost deals are for the leader's analysis only (seed 000); no team may route them to the feed.
NEVER_IN_FEED = frozenset({Event.DEAL_LOST})


def parse_route(text: str) -> Route:
    audience_text, _, placement_text = text.partition(":")
    try:
        audience = Audience(audience_text.strip())
    except ValueError:
        raise Invalid(
            "config-route-audience",
            route=text,
            allowed=", ".join(a.value for a in Audience),
        ) from None
    try:
        placement = Placement(placement_text.strip())
    except ValueError:
        raise Invalid(
            "config-route-placement",
            route=text,
            allowed=", ".join(p.value for p in Placement),
        ) from None
    allowed = FEED_PLACEMENTS if audience is Audience.FEED else PERSON_PLACEMENTS
    if placement not in allowed:
        raise Invalid(
            "config-route-mismatch",
            route=text,
            allowed=", ".join(sorted(p.value for p in allowed)),
        )
    return route_of(audience, placement)


def route_of(audience: Audience, placement: Placement) -> Route:
    return Route(audience, placement)


def parse_overrides(raw: Mapping[str, Any]) -> dict[str, list[str]]:
    """Check a team's `[teams.routing]` table; returns it normalised for storage."""
    checked: dict[str, list[str]] = {}
    for event_name, routes in raw.items():
        try:
            event = Event(event_name)
        except ValueError:
            raise Invalid(
                "config-route-event",
                event=event_name,
                allowed=", ".join(e.value for e in Event),
            ) from None
        if not isinstance(routes, list) or not all(isinstance(r, str) for r in routes):
            raise Invalid("config-route-list", event=event_name)
        parsed = [parse_route(r) for r in routes]
        if event in NEVER_IN_FEED and any(r.audience is Audience.FEED for r in parsed):
            raise Invalid("config-route-lost-feed", event=event_name)
        checked[event.value] = [str(r) for r in parsed]
    return checked


def routes_for(event: Event, overrides: Mapping[str, Any]) -> tuple[Route, ...]:
    if event.value in overrides:
        return tuple(parse_route(r) for r in overrides[event.value])
    return DEFAULT_ROUTES[event]
