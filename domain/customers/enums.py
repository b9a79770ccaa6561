"""Closed vocabularies of the customer card; their values are stored and used as catalog keys."""

from enum import StrEnum


class Channel(StrEnum):
    """How a customer wants to receive proposals (seed 004)."""

    EMAIL = "email"
    PHONE = "phone"
    POST = "post"
    MESSENGER = "messenger"
    VISIT = "visit"
