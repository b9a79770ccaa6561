"""The deal flow's events and who hears about them by default (PRODUCT.md §2, routing table)."""

from __future__ import annotations

from enum import StrEnum

from dealbot.domain.core.routing import EventRoutes, events, routes_of


class Event(StrEnum):
    DEAL_OPENED = "deal_opened"
    ADVICE_GIVEN = "advice_given"
    PROGRESS_LOGGED = "progress_logged"
    PROGRESS_SHARED = "progress_shared"
    DEAL_WON = "deal_won"
    DEAL_LOST = "deal_lost"


DEAL_EVENTS = events(
    EventRoutes(Event.DEAL_OPENED, routes_of("feed:post", "leader:task")),
    EventRoutes(Event.ADVICE_GIVEN, routes_of("feed:thread", "owner:dm")),
    EventRoutes(Event.PROGRESS_LOGGED, ()),
    EventRoutes(Event.PROGRESS_SHARED, routes_of("feed:thread")),
    EventRoutes(Event.DEAL_WON, routes_of("feed:broadcast", "leader:dm")),
    EventRoutes(Event.DEAL_LOST, routes_of("leader:dm"), never_in_feed=True),
)
