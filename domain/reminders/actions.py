"""What people do about reminders: mute and unmute a topic, snooze a stagnant deal, and the
checks behind the stagnant deal's buttons (made on the server, whoever saw the card)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from dealbot.domain.core.errors import Conflict, Invalid, NotAllowed, NotFound
from dealbot.domain.core.models import Member
from dealbot.domain.core.permissions import leads
from dealbot.domain.core.store import insert_ignoring
from dealbot.domain.deals.enums import DealStatus
from dealbot.domain.deals.models import Deal
from dealbot.domain.outbox.notify import Outbox
from dealbot.domain.reminders.calendar import local_date
from dealbot.domain.reminders.kinds import STAGNATION_CLOSED, STAGNATION_SNOOZED, Topic
from dealbot.domain.reminders.models import DealSnooze, ReminderMute
from dealbot.domain.reminders.stagnation import SNOOZE_DAYS, card_key


def topic_named(text: str) -> Topic:
    try:
        return Topic(text.strip().lower().replace("-", "_"))
    except ValueError:
        raise Invalid(
            "error-reminder-topic",
            value=text.strip()[:40],
            choices=", ".join(t.value for t in Topic),
        ) from None


def mute(session: Session, member: Member, topic: Topic, now: datetime) -> list[str]:
    """Silence a topic for the member (muting twice is muting once); their muted topics."""
    insert_ignoring(
        session,
        ReminderMute.__table__,  # type: ignore[arg-type]
        {"member_id": member.id, "topic": topic.value, "at": now},
        ["member_id", "topic"],
    )
    return muted_topics(session, member)


def unmute(session: Session, member: Member, topic: Topic) -> list[str]:
    session.execute(
        delete(ReminderMute).where(
            ReminderMute.member_id == member.id, ReminderMute.topic == topic.value
        )
    )
    return muted_topics(session, member)


def muted_topics(session: Session, member: Member) -> list[str]:
    found = set(
        session.scalars(select(ReminderMute.topic).where(ReminderMute.member_id == member.id))
    )
    return [t.value for t in Topic if t.value in found]


def stagnant_deal(session: Session, actor: Member, deal_id: int) -> Deal:
    """The deal a stagnation button names, if the actor is its owner or its team's leader and
    it is still open; else the reason why not."""
    deal = session.get(Deal, deal_id)
    if deal is None:
        raise NotFound("error-deal-unknown", ref=f"D-{deal_id}")
    if actor.id != deal.owner_id and not leads(actor, deal.team_id, session):
        raise NotAllowed("error-stagnant-not-yours", ref=deal.ref)
    if deal.deal_status.is_closed:
        raise Conflict("error-deal-closed", ref=deal.ref, status=deal.status)
    return deal


@dataclass(frozen=True)
class Snoozed:
    ref: str
    title: str
    until: date


def snooze(session: Session, outbox: Outbox, actor: Member, deal_id: int, now: datetime) -> Snoozed:
    """No stagnation reminder for the deal before three days from today (the team's today).

    Pressing again the same day changes nothing; every card of the deal says it was snoozed.
    """
    deal = stagnant_deal(session, actor, deal_id)
    until = local_date(deal.team.timezone, now) + timedelta(days=SNOOZE_DAYS)
    insert_ignoring(
        session,
        DealSnooze.__table__,  # type: ignore[arg-type]
        {"deal_id": deal.id, "until": until, "by_id": actor.id, "at": now},
        ["deal_id"],
    )
    # A conditional write: a later snooze moves it on, an earlier one never back.
    session.execute(
        update(DealSnooze)
        .where(DealSnooze.deal_id == deal.id, DealSnooze.until < until)
        .values(until=until, by_id=actor.id, at=now)
    )
    outbox.edit_card(
        session,
        key=f"{card_key(deal.id)}:snoozed:{until.isoformat()}",
        card_key=card_key(deal.id),
        kind=STAGNATION_SNOOZED,
        params={
            "deal": deal.id,
            "ref": deal.ref,
            "title": deal.title,
            "until": until.isoformat(),
            "by": actor.name,
        },
        now=now,
    )
    return Snoozed(deal.ref, deal.title, until)


def close_stagnation_cards(
    session: Session, outbox: Outbox, deal: Deal, status: DealStatus, now: datetime
) -> None:
    """A deal closed: its stagnation cards say so and lose their buttons (a closing hook)."""
    outbox.edit_card(
        session,
        key=f"{card_key(deal.id)}:closed",
        card_key=card_key(deal.id),
        kind=STAGNATION_CLOSED,
        params={"ref": deal.ref, "title": deal.title, "status": status.value},
        now=now,
    )
