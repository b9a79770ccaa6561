"""Claiming and settling deliveries: what a dispatcher does with the outbox, decision by decision.

Every decision here is one conditional write. A claim is taken with the database's clock and a
fresh token; every later write about that delivery names the token, so a dispatcher that lost
its claim (it was too slow, the lease passed, another took over) changes nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import uuid4

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from dealbot.domain.core.models import Member, Role
from dealbot.domain.core.routing import Audience, Placement
from dealbot.domain.core.store import database_now, insert_ignoring
from dealbot.domain.core.views import Person, TeamView
from dealbot.domain.outbox.models import (
    Delivery,
    DeliveryState,
    Lane,
    LaneState,
    Notification,
    Thread,
)
from dealbot.domain.outbox.notify import Outbox, Recipient, delivery_key, lane_id

PENDING = DeliveryState.PENDING.value
ERROR_LIMIT = 2000

DELIVERY_PARKED = "delivery_parked"
LANE_PARKED = "lane_parked"
PERSON_UNREACHABLE = "person_unreachable"
CHAT_MOVED = "chat_moved"


@dataclass(frozen=True)
class Claim:
    delivery_id: int
    token: str


@dataclass(frozen=True)
class Envelope:
    """A claimed delivery with everything a transport needs to send it."""

    claim: Claim
    key: str
    kind: str
    audience: str
    placement: str
    params: dict[str, Any]
    platform: str
    address: str
    thread_key: str | None
    attempts: int
    parts_sent: int
    external_ids: tuple[str, ...]
    # An earlier claim started sending and never settled: the platform may have it already.
    resend: bool
    first_attempt_at: datetime | None
    team: TeamView
    recipient: Person | None
    # An edit of an earlier card: the platform ids of that card's message, when it is out.
    edit_of: int | None = None
    card_ids: tuple[str, ...] = ()
    card_state: str | None = None

    @property
    def to_feed(self) -> bool:
        return self.recipient is None

    @property
    def locale(self) -> str:
        return self.recipient.locale if self.recipient else self.team.locale


def _held(claim: Claim) -> Any:
    return (
        (Delivery.id == claim.delivery_id)
        & (Delivery.claim_token == claim.token)
        & (Delivery.state == PENDING)
    )


def _changed(result: Any) -> bool:
    return bool(getattr(result, "rowcount", 0) == 1)


def lane_heads(
    session: Session, platforms: Collection[str], now: datetime, limit: int = 500
) -> list[int]:
    """The oldest pending delivery of each open lane on `platforms`, if due and not held.

    Each place is served strictly in order: a message that waits (for a rate limit, for its
    thread's first post) holds back the ones written after it in the same place only.
    """
    if not platforms:
        return []
    heads = (
        select(func.min(Delivery.id))
        .join(Lane, Lane.id == Delivery.lane_id)
        .where(
            Delivery.state == PENDING,
            Delivery.platform.in_(list(platforms)),
            Lane.state == LaneState.OPEN.value,
        )
        .group_by(Delivery.lane_id)
    )
    database = database_now(session)
    due = (
        select(Delivery.id)
        .where(
            Delivery.id.in_(heads),
            Delivery.next_attempt_at <= now,
            or_(Delivery.claimed_until.is_(None), Delivery.claimed_until <= database),
        )
        .order_by(Delivery.id)
        .limit(limit)
    )
    return list(session.scalars(due))


def claim(session: Session, delivery_id: int, holder: str, lease: timedelta) -> Claim | None:
    """Take the delivery for `lease`; None when another dispatcher holds it or it is settled."""
    database = database_now(session)
    token = uuid4().hex
    result = session.execute(
        update(Delivery)
        .where(
            Delivery.id == delivery_id,
            Delivery.state == PENDING,
            or_(Delivery.claimed_until.is_(None), Delivery.claimed_until <= database),
        )
        .values(claimed_by=holder[:80], claim_token=token, claimed_until=database + lease)
    )
    return Claim(delivery_id, token) if _changed(result) else None


def envelope(session: Session, claimed: Claim) -> Envelope:
    row = session.get_one(Delivery, claimed.delivery_id)
    note = row.notification
    card = session.get(Delivery, row.edit_of) if row.edit_of is not None else None
    return Envelope(
        claim=claimed,
        key=delivery_key(note.key, row.platform),
        kind=note.kind,
        audience=note.audience,
        placement=note.placement,
        params=dict(note.params),
        platform=row.platform,
        address=row.address,
        thread_key=note.thread_key,
        attempts=row.attempts,
        parts_sent=row.parts_sent,
        external_ids=tuple(str(i) for i in row.external_ids or ()),
        resend=row.send_started_at is not None,
        first_attempt_at=row.first_attempt_at,
        team=TeamView.of(note.team),
        recipient=Person.of(note.recipient) if note.recipient else None,
        edit_of=row.edit_of,
        card_ids=tuple(str(i) for i in card.external_ids or ()) if card else (),
        card_state=card.state if card else None,
    )


def renew(session: Session, claimed: Claim, lease: timedelta) -> bool:
    """Extend a claim still held (a long send); False when it was lost."""
    database = database_now(session)
    result = session.execute(
        update(Delivery).where(_held(claimed)).values(claimed_until=database + lease)
    )
    return _changed(result)


def start_sending(session: Session, claimed: Claim, now: datetime) -> bool:
    """Note that a send begins, before it goes out; False when the claim was lost."""
    result = session.execute(
        update(Delivery)
        .where(_held(claimed))
        .values(
            send_started_at=func.coalesce(Delivery.send_started_at, now),
            first_attempt_at=func.coalesce(Delivery.first_attempt_at, now),
        )
    )
    return _changed(result)


def record_parts(session: Session, claimed: Claim, external_ids: Sequence[str]) -> bool:
    """The parts of a split message that are out, so that a retry sends only the rest."""
    result = session.execute(
        update(Delivery)
        .where(_held(claimed))
        .values(parts_sent=len(external_ids), external_ids=list(external_ids))
    )
    return _changed(result)


def finish(
    session: Session,
    claimed: Claim,
    external_ids: Sequence[str],
    now: datetime,
) -> bool:
    """Settle a sent delivery; does nothing (False) when the claim was lost meanwhile."""
    result = session.execute(
        update(Delivery)
        .where(_held(claimed))
        .values(
            state=DeliveryState.SENT.value,
            sent_at=now,
            claim_token=None,
            claimed_until=None,
            parts_sent=len(external_ids),
            external_ids=list(external_ids),
        )
    )
    if not _changed(result):
        return False
    row = session.get_one(Delivery, claimed.delivery_id)
    note = row.notification
    first_post = note.placement == Placement.POST.value and row.edit_of is None
    if first_post and note.thread_key and external_ids:
        insert_ignoring(
            session,
            Thread.__table__,  # type: ignore[arg-type]
            {
                "thread_key": note.thread_key,
                "platform": row.platform,
                "address": row.address,
                "root_id": external_ids[0],
            },
            ["thread_key", "platform", "address"],
        )
    return True


def retry_later(
    session: Session, claimed: Claim, at: datetime, error: str, *, maybe_sent: bool
) -> bool:
    """Count a failed attempt and try again at `at`.

    `maybe_sent` keeps the mark that the platform may have the message (a timeout after the
    request went out), so that the next attempt looks before it posts again.
    """
    values: dict[str, Any] = {
        "attempts": Delivery.attempts + 1,
        "next_attempt_at": at,
        "claim_token": None,
        "claimed_until": None,
        "last_error": error[:ERROR_LIMIT],
    }
    if not maybe_sent:
        values["send_started_at"] = None
    return _changed(session.execute(update(Delivery).where(_held(claimed)).values(**values)))


def postpone(session: Session, claimed: Claim, at: datetime) -> bool:
    """Put off a delivery that could not be tried yet (its thread's first post is not out)."""
    result = session.execute(
        update(Delivery)
        .where(_held(claimed))
        .values(next_attempt_at=at, claim_token=None, claimed_until=None)
    )
    return _changed(result)


def thread_root(session: Session, thread_key: str, platform: str, address: str) -> str | None:
    return session.scalar(
        select(Thread.root_id).where(
            Thread.thread_key == thread_key, Thread.platform == platform, Thread.address == address
        )
    )


def root_pending(session: Session, thread_key: str, platform: str, address: str) -> bool:
    """Whether the first post of a thread is still on its way to this place."""
    found = session.scalar(
        select(Delivery.id)
        .join(Notification, Notification.id == Delivery.notification_id)
        .where(
            Notification.thread_key == thread_key,
            Notification.placement == Placement.POST.value,
            Delivery.platform == platform,
            Delivery.address == address,
            Delivery.state == PENDING,
        )
        .limit(1)
    )
    return found is not None


# Failures that stop more than one delivery, and the people told about them.


def _admins(session: Session) -> list[Member]:
    members = session.scalars(select(Member).where(Member.active.is_(True)).order_by(Member.id))
    return [m for m in members if m.has_role(Role.ADMIN)]


def _tell(
    session: Session,
    outbox: Outbox,
    people: Sequence[tuple[Member, Audience]],
    *,
    key: str,
    kind: str,
    params: dict[str, Any],
    now: datetime,
) -> int:
    written = 0
    for person, audience in people:
        written += len(
            outbox.notify(
                session,
                key=key,
                kind=kind,
                team=person.team,
                recipients=[Recipient(audience.value, Placement.DM, person)],
                params=params,
                now=now,
            )
        )
    return written


def _about(row: Delivery) -> dict[str, Any]:
    note = row.notification
    place = note.recipient.name if note.recipient else note.team.name
    return {
        "platform": row.platform,
        "place": place,
        "feed": note.recipient is None,
        "kind": note.kind,
        "ref": note.params.get("ref"),
        "delivery": row.id,
    }


def park_delivery(
    session: Session, claimed: Claim, error: str, now: datetime, outbox: Outbox
) -> bool:
    """Stop trying one delivery and tell the admins once, so nothing is dropped silently."""
    result = session.execute(
        update(Delivery)
        .where(_held(claimed))
        .values(
            state=DeliveryState.PARKED.value,
            attempts=Delivery.attempts + 1,
            claim_token=None,
            claimed_until=None,
            last_error=error[:ERROR_LIMIT],
        )
    )
    if not _changed(result):
        return False
    row = session.get_one(Delivery, claimed.delivery_id)
    if row.notification.kind not in NOTICES:
        _tell(
            session,
            outbox,
            [(a, Audience.ADMINS) for a in _admins(session)],
            key=f"parked-delivery-{row.id}",
            kind=DELIVERY_PARKED,
            params={**_about(row), "error": error[:500]},
            now=now,
        )
    return True


def park_lane(session: Session, claimed: Claim, error: str, now: datetime, outbox: Outbox) -> bool:
    """The place refused for good: its lane waits for an admin; admins are told once."""
    row = session.get_one(Delivery, claimed.delivery_id)
    parked = session.execute(
        update(Lane)
        .where(Lane.id == row.lane_id, Lane.state != LaneState.PARKED.value)
        .values(
            state=LaneState.PARKED.value,
            reason=error[:ERROR_LIMIT],
            changed_at=now,
            parkings=Lane.parkings + 1,
        )
    )
    retry_later(session, claimed, now, error, maybe_sent=False)
    if not _changed(parked):
        return False
    session.refresh(row.lane)
    _tell(
        session,
        outbox,
        [(a, Audience.ADMINS) for a in _admins(session)],
        key=f"parked-lane-{row.lane_id}-{row.lane.parkings}",
        kind=LANE_PARKED,
        params={**_about(row), "error": error[:500]},
        now=now,
    )
    return True


def hold_lane(session: Session, claimed: Claim, error: str, now: datetime, outbox: Outbox) -> bool:
    """The person never started the bot: their messages wait until they do (not a failure).

    Their leader, or the admins when they lead the team themselves, hear once.
    """
    row = session.get_one(Delivery, claimed.delivery_id)
    session.execute(
        update(Lane)
        .where(Lane.id == row.lane_id, Lane.state == LaneState.OPEN.value)
        .values(state=LaneState.HELD.value, reason=error[:ERROR_LIMIT], changed_at=now)
    )
    retry_later(session, claimed, now, error, maybe_sent=False)
    member = row.notification.recipient
    if member is None:
        return False
    leader = member.team.leader
    if leader is not None and leader.id != member.id and leader.active:
        told = [(leader, Audience.LEADER)]
    else:
        told = [(a, Audience.ADMINS) for a in _admins(session) if a.id != member.id]
    return (
        _tell(
            session,
            outbox,
            told,
            key=f"unreachable-{row.platform}-{member.id}",
            kind=PERSON_UNREACHABLE,
            params={"person": member.name, "handle": member.handle, "platform": row.platform},
            now=now,
        )
        > 0
    )


def open_lane(session: Session, platform: str, address: str, now: datetime) -> int:
    """A held place can be reached now (the person pressed Start): send what waited at once."""
    lane = session.scalar(select(Lane).where(Lane.platform == platform, Lane.address == address))
    if lane is None:
        return 0
    session.execute(
        update(Lane)
        .where(Lane.id == lane.id, Lane.state == LaneState.HELD.value)
        .values(state=LaneState.OPEN.value, reason=None, changed_at=now)
    )
    result = session.execute(
        update(Delivery)
        .where(Delivery.lane_id == lane.id, Delivery.state == PENDING)
        .values(next_attempt_at=now)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def move_lane(
    session: Session, claimed: Claim, new_address: str, now: datetime, outbox: Outbox
) -> None:
    """Telegram moved a group to a new id (it became a supergroup): its messages follow it."""
    row = session.get_one(Delivery, claimed.delivery_id)
    old_lane = row.lane
    new_lane = lane_id(session, row.platform, new_address)
    session.execute(
        update(Lane).where(Lane.id == old_lane.id).values(moved_to=new_address, changed_at=now)
    )
    session.execute(
        update(Delivery)
        .where(Delivery.lane_id == old_lane.id, Delivery.state == PENDING)
        .values(address=new_address, lane_id=new_lane, claim_token=None, claimed_until=None)
    )
    _tell(
        session,
        outbox,
        [(a, Audience.ADMINS) for a in _admins(session)],
        key=f"moved-{old_lane.id}",
        kind=CHAT_MOVED,
        params={
            "platform": row.platform,
            "place": row.notification.team.name,
            "old": old_lane.address,
            "new": new_address,
        },
        now=now,
    )


NOTICES = frozenset({DELIVERY_PARKED, LANE_PARKED, PERSON_UNREACHABLE, CHAT_MOVED})


def release(session: Session, claimed: Claim) -> bool:
    """Give a claim back unfinished (the process is stopping): another may take it at once.

    The mark that a send began stays, so the next holder looks before it posts again.
    """
    result = session.execute(
        update(Delivery).where(_held(claimed)).values(claim_token=None, claimed_until=None)
    )
    return _changed(result)
