"""Key customer dates (PRODUCT.md §5): company founding and first-contract anniversaries and
contact birthdays, to the customer's owner on the day and `key_date_days` before."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Date, Subquery, func, select, text
from sqlalchemy.orm import InstrumentedAttribute

from dealbot.domain.customers.models import Customer
from dealbot.domain.reminders.calendar import anniversary, key_date_ranges
from dealbot.domain.reminders.kinds import Kind
from dealbot.domain.reminders.occasions import Occasion, SweepContext

COLUMNS: dict[Kind, InstrumentedAttribute[date | None]] = {
    Kind.FOUNDED: Customer.founded,
    Kind.FIRST_CONTRACT: Customer.first_contract,
    Kind.BIRTHDAY: Customer.contact_birthday,
}
# Stages of one key date's reminders: days before, then on the day.
SOON, TODAY = 0, 1


def _targets(context: SweepContext) -> list[tuple[date, date]]:
    """The days an anniversary must fall on to be reminded in this window: the window's
    days (on the day) and the same days `key_date_days` later (before)."""
    window, ahead = context.window, context.settings.key_date_days
    spans = [(window.first, window.day)]
    if ahead:
        later = (window.first + timedelta(days=ahead), window.day + timedelta(days=ahead))
        if later[0] <= spans[0][1] + timedelta(days=1):
            spans = [(window.first, later[1])]
        else:
            spans.append(later)
    return spans


# The ranges as one JSON array of [low, high] pairs: one statement of one shape whatever
# their number (a condition per range made a statement of a new shape, compiled anew, for
# each count of years), still one walk of the (team, date) index per range.
RANGES = {
    "postgresql": "SELECT CAST(r->>0 AS date) AS low, CAST(r->>1 AS date) AS high "
    "FROM jsonb_array_elements(CAST(:ranges AS jsonb)) AS r",
    "sqlite": "SELECT json_extract(value, '$[0]') AS low, json_extract(value, '$[1]') AS high "
    "FROM json_each(:ranges)",
}


def _ranges(dialect: str) -> Subquery:
    return text(RANGES[dialect]).columns(low=Date, high=Date).subquery("ranges")


def key_dates(context: SweepContext) -> Iterator[Occasion]:
    team = context.team
    for kind, column in COLUMNS.items():
        oldest = context.session.scalar(
            select(func.min(column)).where(Customer.team_id == team.id, column.is_not(None))
        )
        if oldest is None:
            continue
        ranges = [
            r
            for first, last in _targets(context)
            for r in key_date_ranges(first, last, oldest.year)
        ]
        if not ranges:
            continue
        found = _ranges(context.session.get_bind().dialect.name)
        rows = context.session.connection().execute(
            select(Customer.id, Customer.name, Customer.owner_id, Customer.contact_name, column)
            .select_from(found)
            .join(Customer, column.between(found.c.low, found.c.high))
            .where(Customer.team_id == team.id),
            {"ranges": json.dumps([[low.isoformat(), high.isoformat()] for low, high in ranges])},
        )
        for customer_id, name, owner_id, contact, key in rows:
            if key is None:
                continue
            yield from _occasions(context, kind, customer_id, name, owner_id, contact, key)


def _occasions(
    context: SweepContext,
    kind: Kind,
    customer_id: int,
    name: str,
    owner_id: int | None,
    contact: str | None,
    key: date,
) -> Iterator[Occasion]:
    recipient = context.people.owner(owner_id)
    if recipient is None:
        return
    member, audience = recipient
    window, ahead = context.window, context.settings.key_date_days
    years = {window.first.year, (window.day + timedelta(days=ahead)).year}
    for year in sorted(years):
        if year <= key.year:
            continue  # the day itself is no anniversary
        comes = anniversary(key, year)
        for stage, on in ((SOON, comes - timedelta(days=ahead)), (TODAY, comes)):
            if stage == SOON and not ahead:
                continue
            if not window.holds(on):
                continue
            item: dict[str, Any] = {
                "kind": kind.value,
                "stage": "today" if stage == TODAY else "soon",
                "ref": f"C-{customer_id}",
                "customer": name,
                "contact": contact,
                "date": comes.isoformat(),
                "years": year - key.year,
            }
            yield Occasion(
                kind=kind,
                subject_type="customer",
                subject_id=customer_id,
                member=member,
                audience=audience,
                on=on,
                label=f"C-{customer_id} {name}",
                item=item,
                stage=stage,
            )
