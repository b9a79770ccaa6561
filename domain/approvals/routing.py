"""Who hears of a decision by default (PRODUCT.md §2, "approval decided")."""

from __future__ import annotations

from dealbot.domain.core.routing import EventRoutes, events, routes_of

APPROVAL_DECIDED = "approval_decided"

APPROVAL_EVENTS = events(
    EventRoutes(APPROVAL_DECIDED, routes_of("feed:thread", "requester:dm")),
)
