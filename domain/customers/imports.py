"""`dealbot import customers`: rows of a CSV file checked one by one and written in chunks.

A row names a customer of one team; one whose name the team has already is updated, and an
empty cell keeps what is stored. A row may carry one contract; several rows with the same
name add that customer's contracts. Each chunk is one transaction and one upsert statement
per table, so that 100,000 rows go in within seconds and a second import changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealbot.domain.core.errors import Invalid
from dealbot.domain.core.imports import (
    RowRefused,
    Written,
    cell,
    date_cell,
    upsert,
    vocabulary_cell,
)
from dealbot.domain.core.text import search_key
from dealbot.domain.customers.models import (
    MAX_ADDRESS,
    MAX_CHANNEL_ADDRESS,
    MAX_CONTRACT_TITLE,
    MAX_NAME,
    MAX_PERSON,
    Contract,
    Customer,
)
from dealbot.domain.customers.search import customer_search_text

COLUMNS = (
    "name",
    "industry",
    "company_size",
    "contact_name",
    "contact_position",
    "legal_address",
    "contact_address",
    "owner",
    "channel",
    "channel_address",
    "founded",
    "first_contract",
    "contact_birthday",
    "contract_title",
    "contract_start",
    "contract_end",
)
REQUIRED = ("name",)
TEXT_LIMITS = {
    "contact_name": MAX_PERSON,
    "contact_position": MAX_PERSON,
    "legal_address": MAX_ADDRESS,
    "contact_address": MAX_ADDRESS,
    "channel_address": MAX_CHANNEL_ADDRESS,
}
DATES = ("founded", "first_contract", "contact_birthday")
# The card's columns, in the order the rows give them (contracts are stored apart).
CARD = (
    "industry",
    "company_size",
    "contact_name",
    "contact_position",
    "legal_address",
    "contact_address",
    "owner_id",
    "channel",
    "channel_address",
    "founded",
    "first_contract",
    "contact_birthday",
)


@dataclass(frozen=True)
class Vocabulary:
    """What closed-list cells may say: each key and English label (folded) → its key."""

    industry: Mapping[str, str]
    company_size: Mapping[str, str]
    channel: Mapping[str, str]
    # Shown in the reason a cell is refused.
    choices: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class CustomerRow:
    line: int
    name: str
    # Only the cells the row fills in: an empty one keeps what is stored.
    card: dict[str, Any]
    contract: tuple[str, date | None, date | None] | None


def _text(cells: Mapping[str, str], column: str, limit: int) -> str | None:
    value = cell(cells, column)
    if value is not None and len(value) > limit:
        raise RowRefused(
            column, Invalid("error-too-long", field=column, limit=limit, length=len(value))
        )
    return value


def read_row(
    cells: Mapping[str, str], line: int, owners: Mapping[str, int], words: Vocabulary
) -> CustomerRow:
    """The row checked cell by cell; RowRefused names the first cell at fault."""
    name = _text(cells, "name", MAX_NAME)
    if name is None:
        raise RowRefused("name", Invalid("error-required", field="name"))
    card: dict[str, Any] = {}
    for column in ("industry", "company_size", "channel"):
        value = vocabulary_cell(cells, column, getattr(words, column), words.choices[column])
        if value is not None:
            card[column] = value
    for column, limit in TEXT_LIMITS.items():
        text = _text(cells, column, limit)
        if text is not None:
            card[column] = text
    owner = cell(cells, "owner")
    if owner is not None:
        owner_id = owners.get(owner.lstrip("@").lower())
        if owner_id is None:
            raise RowRefused("owner", Invalid("error-import-owner", owner=owner))
        card["owner_id"] = owner_id
    for column in DATES:
        day = date_cell(cells, column)
        if day is not None:
            card[column] = day
    title = _text(cells, "contract_title", MAX_CONTRACT_TITLE)
    starts, ends = date_cell(cells, "contract_start"), date_cell(cells, "contract_end")
    contract = None
    if title is not None:
        if starts is not None and ends is not None and ends < starts:
            raise RowRefused(
                "contract_end",
                Invalid(
                    "error-import-contract-ends", start=starts.isoformat(), end=ends.isoformat()
                ),
            )
        contract = (title, starts, ends)
    elif starts is not None or ends is not None:
        raise RowRefused("contract_title", Invalid("error-import-contract-title"))
    return CustomerRow(line, name, card, contract)


def clash(earlier: CustomerRow, later: CustomerRow) -> str | None:
    """The first card column both rows fill in differently, if any."""
    for column in CARD:
        both = column in earlier.card and column in later.card
        if both and earlier.card[column] != later.card[column]:
            return "owner" if column == "owner_id" else column
    return None


def write_chunk(
    session: Session, team_id: int, rows: Sequence[CustomerRow], now: datetime, tally: Written
) -> None:
    """The rows of one chunk, merged per customer, in one statement per table."""
    names = list(dict.fromkeys(r.name for r in rows))
    stored = {
        c.name: c
        for c in session.scalars(
            select(Customer).where(Customer.team_id == team_id, Customer.name.in_(names))
        )
    }
    merged: dict[str, dict[str, Any]] = {}
    for name in names:
        known = stored.get(name)
        merged[name] = {column: getattr(known, column) if known else None for column in CARD}
    for row in rows:
        merged[row.name].update(row.card)
        if row.name in stored or row.name in tally.seen:
            tally.updated += 1
        else:
            tally.imported += 1
            tally.seen.add(row.name)
    values = []
    for name, card in merged.items():
        search_text = customer_search_text(
            name, card["contact_name"], card["legal_address"], card["contact_address"]
        )
        values.append(
            {
                "team_id": team_id,
                "name": name,
                "name_key": search_key(name),
                "search_text": search_text,
                **card,
                "created_at": now,
                "updated_at": now,
            }
        )
    upsert(
        session,
        Customer.__table__,  # type: ignore[arg-type]
        values,
        ["team_id", "name"],
        insert_only=["created_at"],
    )
    ids = {c.name: c.id for c in stored.values()}
    new = [n for n in names if n not in ids]
    if new:
        found = session.execute(
            select(Customer.name, Customer.id).where(
                Customer.team_id == team_id, Customer.name.in_(new)
            )
        )
        ids.update({name: customer_id for name, customer_id in found})
    contracts: dict[tuple[int, str], dict[str, Any]] = {}
    for row in rows:
        if row.contract is None:
            continue
        title, starts, ends = row.contract
        key = (ids[row.name], title)
        earlier = contracts.get(key, {})
        contracts[key] = {
            "customer_id": key[0],
            "title": title,
            "starts_on": starts if starts is not None else earlier.get("starts_on"),
            "ends_on": ends if ends is not None else earlier.get("ends_on"),
            "created_at": now,
        }
    upsert(
        session,
        Contract.__table__,  # type: ignore[arg-type]
        list(contracts.values()),
        ["customer_id", "title"],
        keep_when_empty=["starts_on", "ends_on"],
        insert_only=["created_at"],
    )
