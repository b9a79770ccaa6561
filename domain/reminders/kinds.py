"""The kinds of reminder: what the ledger records, and the topics a person can mute."""

from __future__ import annotations

from enum import StrEnum


class Topic(StrEnum):
    """What `/deal mute <kind>` names: a group of reminder kinds a person can silence."""

    PAYMENTS = "payments"
    STOCK = "stock"
    KEY_DATES = "key_dates"
    CONTRACTS = "contracts"
    STAGNATION = "stagnation"
    DIGEST = "digest"


class Kind(StrEnum):
    """One kind of occasion in the ledger (its key is kind, subject, person, occasion)."""

    # An installment to its owner: due in N days, due today, overdue (one a day).
    INSTALLMENT = "installment"
    # An installment overdue for M days, to finance and the leader (once).
    ESCALATION = "installment_escalation"
    STOCK_LOW = "stock_low"
    STOCK_HIGH = "stock_high"
    FOUNDED = "founded"
    FIRST_CONTRACT = "first_contract"
    BIRTHDAY = "birthday"
    CONTRACT_END = "contract_end"
    STAGNATION = "stagnation"
    DIGEST = "digest"

    @property
    def topic(self) -> Topic:
        return TOPICS[self]


TOPICS = {
    Kind.INSTALLMENT: Topic.PAYMENTS,
    Kind.ESCALATION: Topic.PAYMENTS,
    Kind.STOCK_LOW: Topic.STOCK,
    Kind.STOCK_HIGH: Topic.STOCK,
    Kind.FOUNDED: Topic.KEY_DATES,
    Kind.FIRST_CONTRACT: Topic.KEY_DATES,
    Kind.BIRTHDAY: Topic.KEY_DATES,
    Kind.CONTRACT_END: Topic.CONTRACTS,
    Kind.STAGNATION: Topic.STAGNATION,
    Kind.DIGEST: Topic.DIGEST,
}


class State(StrEnum):
    """What became of an occasion."""

    SENT = "sent"
    # Sent on a later local day than it was due (made up after the bot was down).
    LATE = "late"
    # Older than the team's catch_up_days when a sweep came: recorded, never sent.
    MISSED = "missed"
    # The person muted its kind: recorded, never sent (unmuting does not bring it back).
    MUTED = "muted"
    # A later occasion of the same kind, subject and person was due in the same sweep and
    # was sent instead (one "overdue" after a week down, not seven).
    SUPERSEDED = "superseded"


# The notification kinds of reminders, one per topic (a person's reminders of one topic in
# one sweep are one message), and the changes of a stagnant deal's card.
NOTE_PREFIX = "reminder_"
STAGNATION_SNOOZED = "reminder_stagnation_snoozed"
STAGNATION_CLOSED = "reminder_stagnation_closed"


def note_kind(topic: Topic) -> str:
    return f"{NOTE_PREFIX}{topic.value}"
