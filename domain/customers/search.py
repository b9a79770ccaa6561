"""Finding customers by any part of their name, contact or address, at 100,000 per team.

Both stores keep `search_text`: the name, the contact and both addresses folded by
`search_key` (NFKC, then case folding), so that `ＡＣＭＥ`, `Acme` and `acme` are one text and
`ООО «Ромашка»` is found by `ромаш`. A match is then a plain substring test of the folded query
in `search_text`, which each store answers through a trigram index once three letters are
typed:

- PostgreSQL: a GIN index with `gin_trgm_ops` (pg_trgm) serves `search_text LIKE '%…%'`.
- SQLite: an FTS5 table with the `trigram` tokenizer (`customer_search`, kept in step by
  triggers) serves `MATCH '"…"'`, a substring match of the phrase.

With one or two letters a trigram index cannot narrow anything, but nearly every customer
matches so few letters: the query walks the `(team_id, name_key)` index in name order and stops
at the first page of matches. Either way a picker asks for one page, in name order.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from sqlalchemy import Select, select, text
from sqlalchemy.orm import Session

from dealbot.domain.core.text import search_key
from dealbot.domain.customers.models import Customer

# The FTS5 table of SQLite, made by migration 0004; the store keeps it beside the models.
SQLITE_SEARCH_TABLE = "customer_search"
TRIGRAM = 3
S = TypeVar("S", bound=Select[Any])


def customer_search_text(
    name: str,
    contact_name: str | None,
    legal_address: str | None,
    contact_address: str | None,
) -> str:
    """What a customer is found by; parts are kept apart so no match spans two of them."""
    parts = (name, contact_name, legal_address, contact_address)
    return "\n".join(search_key(p) for p in parts if p)


def _like_pattern(key: str) -> str:
    escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _fts_phrase(key: str) -> str:
    return '"' + key.replace('"', '""') + '"'


def matching(query: str, statement: S, dialect: str) -> S:
    """`statement` narrowed to the customers whose search text contains `query`."""
    key = search_key(query)
    if not key:
        return statement
    if dialect == "sqlite" and len(key) >= TRIGRAM:
        found = text(
            f"SELECT rowid FROM {SQLITE_SEARCH_TABLE} WHERE {SQLITE_SEARCH_TABLE} MATCH :q"
        )
        return statement.where(Customer.id.in_(found.bindparams(q=_fts_phrase(key))))
    return statement.where(Customer.search_text.like(_like_pattern(key), escape="\\"))


def find_page(
    session: Session, team_ids: Iterable[int] | None, query: str | None, limit: int
) -> list[Customer]:
    """One page of the customers of `team_ids` (None: every team) matching `query`."""
    statement = select(Customer)
    if team_ids is not None:
        statement = statement.where(Customer.team_id.in_(list(team_ids)))
    dialect = session.get_bind().dialect.name
    statement = matching(query or "", statement, dialect)
    return list(session.scalars(statement.order_by(Customer.name_key, Customer.id).limit(limit)))
