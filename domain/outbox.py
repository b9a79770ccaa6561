"""Writing notifications into the outbox, inside the transaction of the change that causes them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from dealbot.domain.enums import NotificationState, Role
from dealbot.domain.models import Deal, DealThread, Delivery, Member, Notification, Task
from dealbot.domain.routing import Audience, Event, Placement, Route, routes_for
from dealbot.domain.views import Person

# Params that reveal why a deal was lost: only for the people allowed to know (§2.3).
PRIVATE_PARAMS = frozenset({"lost_reason"})
MAY_SEE_PRIVATE = frozenset({Audience.LEADER, Audience.OWNER})


def deal_params(deal: Deal) -> dict[str, Any]:
    """A snapshot of the deal as it was when the event happened."""
    return {
        "ref": deal.ref,
        "title": deal.title,
        "customer": deal.customer.name,
        "amount": str(deal.money.amount),
        "currency": deal.currency,
        "owner": deal.owner.name,
        "industry": deal.industry,
        "company_size": deal.company_size,
        "expected_close": deal.expected_close.isoformat() if deal.expected_close else None,
    }


def recipient_for(route: Route, deal: Deal) -> Member | None:
    if route.audience is Audience.OWNER:
        return deal.owner
    if route.audience is Audience.LEADER:
        return deal.team.leader
    return None


def notify(
    session: Session,
    *,
    event: Event,
    deal: Deal,
    cause: str,
    actor: Member,
    now: datetime,
    params: dict[str, Any],
    task: Task | None = None,
) -> list[Notification]:
    """Queue the notifications the team's routing promises for `event`.

    `cause` names the change (a timeline entry) so that the keys, and so the deliveries,
    are unique however often the dispatcher is restarted.
    """
    written = []
    for route in routes_for(event, deal.team.routing):
        recipient = recipient_for(route, deal)
        if route.audience is not Audience.FEED and recipient is None:
            continue
        # The person who acted already saw the answer; a DM repeating it is noise.
        if recipient is not None and recipient.id == actor.id and route.placement is Placement.DM:
            continue
        visible = {
            k: v
            for k, v in params.items()
            if k not in PRIVATE_PARAMS or route.audience in MAY_SEE_PRIVATE
        }
        notification = Notification(
            key=f"{cause}:{route.audience.value}:{route.placement.value}",
            team_id=deal.team_id,
            event=event.value,
            audience=route.audience.value,
            placement=route.placement.value,
            recipient_id=recipient.id if recipient else None,
            deal_id=deal.id,
            task_id=task.id if task and route.placement is Placement.TASK else None,
            message=event.value,
            params={**deal_params(deal), **visible},
            next_attempt_at=now,
            created_at=now,
        )
        session.add(notification)
        written.append(notification)
    session.flush()
    return written


@dataclass(frozen=True)
class FeedAddress:
    team_id: int
    name: str
    locale: str
    timezone: str
    slack_channel: str | None
    telegram_chat: int | None


@dataclass(frozen=True)
class Envelope:
    """A claimed notification with everything a transport needs to send it."""

    id: int
    key: str
    event: str
    audience: str
    placement: str
    params: dict[str, Any]
    deal_id: int | None
    task_id: int | None
    attempts: int
    feed: FeedAddress
    recipient: Person | None

    @property
    def to_feed(self) -> bool:
        return self.audience == Audience.FEED.value

    @property
    def locale(self) -> str:
        return self.recipient.locale if self.recipient else self.feed.locale


def _lane(row: Notification) -> str:
    return f"feed:{row.team_id}" if row.recipient_id is None else f"dm:{row.recipient_id}"


def lane_heads(session: Session, now: datetime) -> list[int]:
    """The oldest pending notification of each place, if it is due and nobody holds it.

    Each place (a team feed, a person's DMs) is served strictly in order, so a reply that
    waits for a rate limit also holds back the replies written after it.
    """
    heads: dict[str, Notification] = {}
    pending = session.scalars(
        select(Notification)
        .where(Notification.state == NotificationState.PENDING.value)
        .order_by(Notification.id)
    )
    for row in pending:
        heads.setdefault(_lane(row), row)
    return [
        row.id
        for row in heads.values()
        if row.next_attempt_at <= now and (row.claimed_until is None or row.claimed_until <= now)
    ]


def claim(session: Session, notification_id: int, now: datetime, lease: timedelta) -> bool:
    """Take the notification for `lease`; False if another dispatcher holds it."""
    result = session.execute(
        update(Notification)
        .where(
            Notification.id == notification_id,
            Notification.state == NotificationState.PENDING.value,
            or_(Notification.claimed_until.is_(None), Notification.claimed_until <= now),
        )
        .values(claimed_until=now + lease)
    )
    return bool(getattr(result, "rowcount", 0) == 1)


def envelope(session: Session, notification_id: int) -> Envelope:
    row = session.get_one(Notification, notification_id)
    team = row.team
    return Envelope(
        id=row.id,
        key=row.key,
        event=row.event,
        audience=row.audience,
        placement=row.placement,
        params=dict(row.params),
        deal_id=row.deal_id,
        task_id=row.task_id,
        attempts=row.attempts,
        feed=FeedAddress(
            team.id, team.name, team.locale, team.timezone, team.slack_channel, team.telegram_chat
        ),
        recipient=Person.of(row.recipient) if row.recipient else None,
    )


def delivered_platforms(session: Session, notification_id: int) -> set[str]:
    query = select(Delivery.platform).where(Delivery.notification_id == notification_id)
    return set(session.scalars(query))


def record_delivery(
    session: Session,
    envelope: Envelope,
    platform: str,
    address: str,
    external_id: str | None,
    now: datetime,
) -> None:
    session.add(
        Delivery(
            notification_id=envelope.id,
            platform=platform,
            address=address,
            external_id=external_id,
            sent_at=now,
        )
    )
    if envelope.placement == Placement.POST.value and envelope.deal_id and external_id:
        existing = thread_root(session, envelope.deal_id, platform, address)
        if existing is None:
            session.add(
                DealThread(
                    deal_id=envelope.deal_id,
                    platform=platform,
                    address=address,
                    root_id=external_id,
                )
            )


def thread_root(session: Session, deal_id: int, platform: str, address: str) -> str | None:
    return session.scalar(
        select(DealThread.root_id).where(
            DealThread.deal_id == deal_id,
            DealThread.platform == platform,
            DealThread.address == address,
        )
    )


def finish(session: Session, notification_id: int, now: datetime) -> None:
    row = session.get_one(Notification, notification_id)
    row.state = NotificationState.SENT.value
    row.sent_at = now
    row.claimed_until = None


def retry_later(session: Session, notification_id: int, at: datetime, error: str) -> int:
    row = session.get_one(Notification, notification_id)
    row.attempts += 1
    row.next_attempt_at = at
    row.claimed_until = None
    row.last_error = error[:2000]
    return row.attempts


def wait_without_attempt(session: Session, notification_id: int, at: datetime) -> None:
    """Put off a notification that could not be tried yet (no thread, nobody reachable)."""
    row = session.get_one(Notification, notification_id)
    row.next_attempt_at = at
    row.claimed_until = None


DELIVERY_FAILED = "delivery_failed"


def park(session: Session, notification_id: int, error: str, now: datetime) -> None:
    """Stop trying and tell the admins, so that nothing is dropped silently."""
    row = session.get_one(Notification, notification_id)
    row.state = NotificationState.PARKED.value
    row.claimed_until = None
    row.last_error = error[:2000]
    if row.event == DELIVERY_FAILED:
        return
    admins = session.scalars(select(Member).where(Member.active.is_(True)))
    for admin in (m for m in admins if m.has_role(Role.ADMIN)):
        session.add(
            Notification(
                key=f"parked-{row.id}:admin-{admin.id}",
                team_id=admin.team_id,
                event=DELIVERY_FAILED,
                audience=Audience.OWNER.value,
                placement=Placement.DM.value,
                recipient_id=admin.id,
                deal_id=row.deal_id,
                message=DELIVERY_FAILED,
                params={"key": row.key, "error": error[:500], **row.params},
                next_attempt_at=now,
                created_at=now,
            )
        )


def root_expected(session: Session, deal_id: int) -> bool:
    """Whether the deal's first feed post is still on its way (replies should wait for it)."""
    return (
        session.scalar(
            select(Notification.id).where(
                Notification.deal_id == deal_id,
                Notification.audience == Audience.FEED.value,
                Notification.placement == Placement.POST.value,
                Notification.state == NotificationState.PENDING.value,
            )
        )
        is not None
    )


PERSON_UNREACHABLE = "person_unreachable"


def tell_about_unreachable(session: Session, member_id: int, platform: str, now: datetime) -> int:
    """Once per member and platform: their leader (or the admins, when they lead the team)
    is told that the person must start the bot before notifications can reach them.

    Returns how many notices were queued (0 when they were queued before).
    """
    key = f"unreachable-{platform}-{member_id}"
    if session.scalar(select(Notification.id).where(Notification.key.like(f"{key}:%"))):
        return 0
    member = session.get(Member, member_id)
    if member is None:
        return 0
    leader = member.team.leader
    if leader is not None and leader.id != member.id and leader.active:
        told = [(leader, Audience.LEADER)]
    else:
        admins = session.scalars(select(Member).where(Member.active.is_(True)))
        told = [(m, Audience.OWNER) for m in admins if m.has_role(Role.ADMIN) and m.id != member.id]
    for person, audience in told:
        session.add(
            Notification(
                key=f"{key}:to-{person.id}",
                team_id=person.team_id,
                event=PERSON_UNREACHABLE,
                audience=audience.value,
                placement=Placement.DM.value,
                recipient_id=person.id,
                message=PERSON_UNREACHABLE,
                params={"person": member.name, "handle": member.handle, "platform": platform},
                next_attempt_at=now,
                created_at=now,
            )
        )
    session.flush()
    return len(told)


def due_now_for(session: Session, member_id: int, now: datetime) -> int:
    """Make the member's waiting notifications due at once (they just became reachable)."""
    result = session.execute(
        update(Notification)
        .where(
            Notification.recipient_id == member_id,
            Notification.state == NotificationState.PENDING.value,
            Notification.next_attempt_at > now,
        )
        .values(next_attempt_at=now)
    )
    return int(getattr(result, "rowcount", 0) or 0)
