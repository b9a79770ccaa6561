"""The outbox for operators and front ends: what waits, what is parked, sending it again, and
a place becoming reachable (a person pressed Start on Telegram)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update

from dealbot.domain.core.desk import Desk
from dealbot.domain.outbox import delivery
from dealbot.domain.outbox.models import Delivery, DeliveryState, Lane, LaneState, Notification


@dataclass(frozen=True)
class WaitingDelivery:
    id: int
    kind: str
    platform: str
    address: str
    place: str
    state: str
    lane_state: str
    attempts: int
    last_error: str | None
    created_at: datetime


class OutboxDesk(Desk):
    def reachable(self, platform: str, address: str) -> int:
        """A held place can be reached now; returns how many deliveries became due."""
        with self.sessions.begin() as session:
            return delivery.open_lane(session, platform, address, self.clock.now())

    def waiting(self, limit: int = 200) -> list[WaitingDelivery]:
        """What is pending (and why it waits) and what is parked, oldest first."""
        with self.sessions.begin() as session:
            rows = session.execute(
                select(Delivery, Lane.state, Notification)
                .join(Lane, Lane.id == Delivery.lane_id)
                .join(Notification, Notification.id == Delivery.notification_id)
                .where(
                    Delivery.state.in_([DeliveryState.PENDING.value, DeliveryState.PARKED.value])
                )
                .order_by(Delivery.id)
                .limit(limit)
            ).all()
            return [
                WaitingDelivery(
                    id=row.id,
                    kind=note.kind,
                    platform=row.platform,
                    address=row.address,
                    place=note.recipient.handle if note.recipient else f"feed of {note.team.name}",
                    state=row.state,
                    lane_state=lane_state,
                    attempts=row.attempts,
                    last_error=row.last_error,
                    created_at=row.created_at,
                )
                for row, lane_state, note in rows
            ]

    def retry(self, delivery_id: int | None) -> tuple[int, int]:
        """Send a parked delivery (or, with None, every parked one) again, and reopen its
        parked lane; returns (deliveries made pending, lanes reopened)."""
        now = self.clock.now()
        with self.sessions.begin() as session:
            parked = select(Delivery.id).where(Delivery.state == DeliveryState.PARKED.value)
            lanes = select(Delivery.lane_id).where(
                Delivery.state.in_([DeliveryState.PARKED.value, DeliveryState.PENDING.value])
            )
            if delivery_id is not None:
                parked = select(Delivery.id).where(
                    Delivery.id == delivery_id,
                    Delivery.state.in_([DeliveryState.PARKED.value, DeliveryState.PENDING.value]),
                )
                lanes = select(Delivery.lane_id).where(Delivery.id == delivery_id)
            reopened = session.execute(
                update(Lane)
                .where(Lane.id.in_(lanes), Lane.state == LaneState.PARKED.value)
                .values(state=LaneState.OPEN.value, reason=None, changed_at=now)
            )
            retried = session.execute(
                update(Delivery)
                .where(Delivery.id.in_(parked))
                .values(
                    state=DeliveryState.PENDING.value,
                    attempts=0,
                    first_attempt_at=None,
                    next_attempt_at=now,
                    last_error=None,
                )
            )
            return (
                int(getattr(retried, "rowcount", 0) or 0),
                int(getattr(reopened, "rowcount", 0) or 0),
            )
