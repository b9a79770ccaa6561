"""Closed vocabularies of the deal flow; their values are stored and used as catalog keys."""

from enum import StrEnum


class DealStatus(StrEnum):
    # Started from another system (the intake API): not in the feed, not in the statistics,
    # until its owner completes the opening report.
    LEAD = "lead"
    OPEN = "open"
    NEGOTIATION = "negotiation"
    WON = "won"
    LOST = "lost"

    @property
    def is_closed(self) -> bool:
        return self in (DealStatus.WON, DealStatus.LOST)

    @property
    def is_open(self) -> bool:
        """Open to progress reports: opened and not closed (a lead is not open yet)."""
        return self in (DealStatus.OPEN, DealStatus.NEGOTIATION)


class ProgressStatus(StrEnum):
    """What a progress report does to the deal (PRODUCT.md §2.3)."""

    LOG_ONLY = "log_only"
    NEGOTIATION = "negotiation"
    WON = "won"
    LOST = "lost"


class ActivityKind(StrEnum):
    VISIT = "visit"
    CALL = "call"
    MEETING = "meeting"
    QUOTE = "quote"
    EMAIL = "email"
    OTHER = "other"


class Industry(StrEnum):
    MANUFACTURING = "manufacturing"
    RETAIL = "retail"
    SOFTWARE = "software"
    FINANCE = "finance"
    HEALTHCARE = "healthcare"
    CONSTRUCTION = "construction"
    LOGISTICS = "logistics"
    PUBLIC = "public"
    EDUCATION = "education"
    OTHER = "other"


class CompanySize(StrEnum):
    MICRO = "1-9"
    SMALL = "10-49"
    MEDIUM = "50-249"
    LARGE = "250-999"
    ENTERPRISE = "1000+"


class TimelineKind(StrEnum):
    OPENED = "opened"
    ADVICE = "advice"
    PROGRESS = "progress"
    WON = "won"
    LOST = "lost"
    # A step of another capability (a quote approved, a payment received): its `details`
    # name the catalog message that tells it.
    EVENT = "event"


class TaskKind(StrEnum):
    ADVICE = "advice"
    # A lead's owner completes its opening report ("Open report").
    REPORT = "report"
    # A lead sent to a team: its leader chooses the salesperson who takes it ("Assign").
    ASSIGN = "assign"


class TaskState(StrEnum):
    OPEN = "open"
    DONE = "done"
    # The deal closed before the task was done: its card says so and its button is refused.
    CLOSED = "closed"
