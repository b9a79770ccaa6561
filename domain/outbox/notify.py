"""Writing notifications into the outbox, inside the transaction of the change that causes them.

`notify` takes what the notification is about (a subject and a kind), who gets it (recipients
resolved by the routing policy) and an idempotency key; it writes one notification per
recipient and one delivery per platform address that recipient has.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from dealbot.domain.core.models import Member, Team
from dealbot.domain.core.routing import Audience, Placement, Route
from dealbot.domain.core.store import insert_all_ignoring, insert_ignoring
from dealbot.domain.outbox.models import Delivery, DeliveryState, Lane, Notification


@dataclass(frozen=True)
class Subject:
    """What a notification is about; `thread_key` groups posts about it in one thread."""

    type: str
    id: int
    thread_key: str | None = None


@dataclass(frozen=True)
class Recipient:
    """The team feed (no member) or one member, and where the message goes for them."""

    audience: str
    placement: Placement
    member: Member | None = None

    @property
    def to_feed(self) -> bool:
        return self.member is None


class Addresses(Protocol):
    """Where a team's feed or a member is reached: (platform, address) pairs."""

    def of(self, team: Team, member: Member | None) -> list[tuple[str, str]]: ...


class ChatAddresses:
    """Slack and Telegram, as the directory knows each person and team."""

    def of(self, team: Team, member: Member | None) -> list[tuple[str, str]]:
        if member is None:
            places = [("slack", team.slack_channel), ("telegram", team.telegram_chat)]
        else:
            places = [("slack", member.slack_user), ("telegram", member.telegram_user)]
        return [(platform, str(address)) for platform, address in places if address is not None]


class LocalAddresses:
    """The shell: everything is printed in the terminal, nothing reaches a chat platform."""

    def of(self, team: Team, member: Member | None) -> list[tuple[str, str]]:
        return [("shell", f"dm:{member.handle}" if member else f"feed:{team.id}")]


def resolve(
    routes: Iterable[Route], audiences: Mapping[Audience, Sequence[Member | None]]
) -> list[Recipient]:
    """The routes a team uses for an event, turned into the people and feeds they name."""
    recipients: list[Recipient] = []
    for chosen in routes:
        if chosen.audience is Audience.FEED:
            recipients.append(Recipient(chosen.audience.value, chosen.placement))
            continue
        for member in audiences.get(chosen.audience, ()):
            if member is not None and member.active:
                recipients.append(Recipient(chosen.audience.value, chosen.placement, member))
    return recipients


def notification_key(key: str, audience: str, placement: Placement, member_id: int | None) -> str:
    """The notification's own key: the caller's idempotency key, for one recipient."""
    return f"{key}:{audience}:{placement.value}:{member_id if member_id is not None else 'feed'}"


def delivery_key(notification_key: str, platform: str) -> str:
    """What a platform message carries to be found again (Slack message metadata)."""
    return f"{notification_key}@{platform}"


Params = dict[str, Any] | Callable[[Recipient], dict[str, Any]]
CardKey = str | Callable[[Recipient], str | None] | None


@dataclass(frozen=True)
class Note:
    """One notification to queue, as `Outbox.notify` takes it."""

    key: str
    kind: str
    team: Team
    recipients: Sequence[Recipient]
    params: Params
    subject: Subject | None = None
    platform: str | None = None
    card: CardKey = None


class Outbox:
    def __init__(self, addresses: Addresses | None = None) -> None:
        self.addresses: Addresses = addresses or ChatAddresses()

    def notify(
        self,
        session: Session,
        *,
        key: str,
        kind: str,
        team: Team,
        recipients: Iterable[Recipient],
        params: Params,
        now: datetime,
        subject: Subject | None = None,
        platform: str | None = None,
        card: CardKey = None,
    ) -> list[int]:
        """Queue `kind` for each recipient; returns the new notifications' ids.

        `key` makes the notification idempotent: written again (a retried request, a second
        reminder sweep) it is not queued twice. `platform` limits it to one platform (an
        answer to the person who acted goes back where they acted). `card` names the card a
        message is (see `edit_card`), for every recipient or per recipient.
        """
        note = Note(key, kind, team, tuple(recipients), params, subject, platform, card)
        return self.notify_all(session, [note], now)[0]

    def notify_all(self, session: Session, notes: Sequence[Note], now: datetime) -> list[list[int]]:
        """`notify` for many notifications at once (a reminder sweep writes a hundred): one
        statement for the notifications and one for their deliveries, not a few round trips
        each. Returns the new notifications' ids of each note, in order."""
        rows: list[dict[str, Any]] = []
        places: list[tuple[int, list[tuple[str, str]]]] = []
        keys: set[str] = set()
        for index, note in enumerate(notes):
            subject = note.subject
            for recipient in note.recipients:
                member = recipient.member
                key = notification_key(
                    note.key, recipient.audience, recipient.placement, member.id if member else None
                )
                if key in keys:
                    continue  # written once, as a second insert-or-ignore would leave it
                keys.add(key)
                values = note.params(recipient) if callable(note.params) else note.params
                card_key = note.card(recipient) if callable(note.card) else note.card
                rows.append(
                    {
                        "key": key,
                        "kind": note.kind,
                        "team_id": note.team.id,
                        "subject_type": subject.type if subject else None,
                        "subject_id": subject.id if subject else None,
                        "thread_key": subject.thread_key if subject else None,
                        "card_key": card_key,
                        "audience": recipient.audience,
                        "placement": recipient.placement.value,
                        "recipient_id": member.id if member else None,
                        "params": values,
                        "created_at": now,
                    }
                )
                wanted = [
                    (place, address)
                    for place, address in self.addresses.of(note.team, member)
                    if note.platform is None or place == note.platform
                ]
                places.append((index, wanted))
        written: list[list[int]] = [[] for _ in notes]
        if not rows:
            return written
        new_ids = insert_all_ignoring(session, Notification.__table__, rows, "key")  # type: ignore[arg-type]
        lanes: dict[tuple[str, str], tuple[str, int]] = {}
        deliveries: list[dict[str, Any]] = []
        for row, (index, wanted) in zip(rows, places, strict=True):
            notification_id = new_ids.get(row["key"])
            if notification_id is None:
                continue
            written[index].append(notification_id)
            for place in wanted:
                lane = lanes.get(place)
                if lane is None:
                    address = current_address(session, *place)
                    lane = lanes[place] = (address, lane_id(session, place[0], address))
                deliveries.append(_delivery(notification_id, place[0], *lane, now))
        if deliveries:
            session.execute(insert(Delivery), deliveries)
        return written

    def edit_card(
        self,
        session: Session,
        *,
        key: str,
        card_key: str,
        kind: str,
        params: dict[str, Any],
        now: datetime,
    ) -> int:
        """Change a card wherever it was posted (every platform, every person it went to).

        Each edit is a delivery in the same place as the card, so it goes out after it, and it
        edits that message rather than posting a new one. Returns how many places change.
        """
        shown = session.execute(
            select(Delivery, Notification)
            .join(Notification, Notification.id == Delivery.notification_id)
            .where(
                Notification.card_key == card_key,
                Delivery.edit_of.is_(None),
                Delivery.state.in_([DeliveryState.PENDING.value, DeliveryState.SENT.value]),
            )
            .order_by(Delivery.id)
        ).all()
        edits = 0
        edit_of_note: dict[int, int | None] = {}
        for card_delivery, note in shown:
            if note.id not in edit_of_note:  # one edit per card, delivered wherever it went
                edit_of_note[note.id] = insert_ignoring(
                    session,
                    Notification.__table__,  # type: ignore[arg-type]
                    {
                        "key": f"{key}:edit:{note.id}",
                        "kind": kind,
                        "team_id": note.team_id,
                        "subject_type": note.subject_type,
                        "subject_id": note.subject_id,
                        "thread_key": note.thread_key,
                        "audience": note.audience,
                        "placement": note.placement,
                        "recipient_id": note.recipient_id,
                        "params": params,
                        "created_at": now,
                    },
                    ["key"],
                )
            notification_id = edit_of_note[note.id]
            if notification_id is None:
                continue
            session.add(
                Delivery(
                    notification_id=notification_id,
                    platform=card_delivery.platform,
                    address=card_delivery.address,
                    lane_id=card_delivery.lane_id,
                    edit_of=card_delivery.id,
                    state=DeliveryState.PENDING.value,
                    attempts=0,
                    parts_sent=0,
                    external_ids=[],
                    next_attempt_at=now,
                    created_at=now,
                )
            )
            edits += 1
        session.flush()
        return edits


def lane_id(session: Session, platform: str, address: str) -> int:
    """The lane of a place, made on first use (by whichever process gets there first)."""
    insert_ignoring(
        session,
        Lane.__table__,  # type: ignore[arg-type]
        {"platform": platform, "address": address, "state": "open", "parkings": 0},
        ["platform", "address"],
    )
    return session.scalars(
        select(Lane.id).where(Lane.platform == platform, Lane.address == address)
    ).one()


def current_address(session: Session, platform: str, address: str) -> str:
    """Where a place is now: a Telegram group that became a supergroup has a new id."""
    for _ in range(3):
        moved = session.scalar(
            select(Lane.moved_to).where(Lane.platform == platform, Lane.address == address)
        )
        if moved is None:
            break
        address = moved
    return address


def _delivery(
    notification_id: int, platform: str, address: str, lane: int, now: datetime
) -> dict[str, Any]:
    return {
        "notification_id": notification_id,
        "platform": platform,
        "address": address,
        "lane_id": lane,
        "state": DeliveryState.PENDING.value,
        "attempts": 0,
        "parts_sent": 0,
        "external_ids": [],
        "next_attempt_at": now,
        "created_at": now,
    }


def drop_feed_deliveries(session: Session, thread_key: str) -> int:
    """Take back what has not yet reached the feed about a subject (a deal that was lost)."""
    feed_notes = select(Notification.id).where(
        Notification.thread_key == thread_key, Notification.audience == Audience.FEED.value
    )
    result = session.execute(
        update(Delivery)
        .where(
            Delivery.notification_id.in_(feed_notes),
            Delivery.state == DeliveryState.PENDING.value,
        )
        .values(state=DeliveryState.DROPPED.value)
    )
    return int(getattr(result, "rowcount", 0) or 0)
