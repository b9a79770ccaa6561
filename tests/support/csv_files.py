"""CSV files for `dealbot import`, made on the fly: many scripts, quoting, line breaks inside
cells, either separator, and bad rows of many kinds whose physical lines are known."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

HEADER = (
    "name", "industry", "company_size", "contact_name", "contact_position", "legal_address",
    "contact_address", "owner", "channel", "channel_address", "founded", "first_contract",
    "contact_birthday", "contract_title", "contract_start", "contract_end",
)  # fmt: skip
NAMES = (
    "Acme {} GmbH",
    "株式会社テスト{}",
    "ООО «Ромашка {}»",
    "Café 😀 {}",
    "Smith; Sons, {}",
    'Say "hi" {}',
    "ＦＵＬＬ Width {}",
)
# Each kind of bad row: the column it is refused at, and how the row is spoilt.
BAD = (
    ("founded", {"founded": "2025-02-30"}),
    ("industry", {"industry": "mining"}),
    ("owner", {"owner": "ghost"}),
    ("name", {"name": "N" * 201}),
    ("contract_title", {"contract_title": "", "contract_start": "2026-01-01"}),
    ("name", {"name": "  "}),
    ("contract_end", {"contract_start": "2026-05-01", "contract_end": "2026-01-01"}),
    ("channel", {"channel": "pigeon"}),
    ("first_contract", {"first_contract": "01/02/2020"}),
)


def _quoted(cell: str, separator: str) -> str:
    if any(c in cell for c in (separator, '"', "\n", ",", ";")):
        return '"' + cell.replace('"', '""') + '"'
    return cell


@dataclass
class CustomerFile:
    text: str
    rows: int
    # line → the column its refusal names
    bad: dict[int, str] = field(default_factory=dict)
    good_names: set[str] = field(default_factory=set)


def _row(i: int, owner: str) -> dict[str, str]:
    name = NAMES[i % len(NAMES)].format(i)
    address = f"{i} Main Street\nSuite {i % 9}" if i % 7 == 0 else f"{i} Main Street"
    return {
        "name": name,
        "industry": ("manufacturing", "Retail", "IT and software", "")[i % 4],
        "company_size": ("1-9", "10–49 employees", "250-999", "")[i % 4],
        "contact_name": ("Иван Петров", "佐藤花子", "Anna Schmidt", "")[i % 4],
        "contact_position": "CEO" if i % 3 else "",
        "legal_address": f"Город {i}" if i % 5 else "",
        "contact_address": address,
        "owner": owner if i % 2 else "",
        "channel": ("email", "Phone", "post", "")[i % 4],
        "channel_address": f"c{i}@example.com" if i % 4 == 0 else "",
        "founded": "1999-02-28" if i % 6 == 0 else "",
        "first_contract": "",
        "contact_birthday": "1980-02-29" if i % 11 == 0 else "",
        "contract_title": f"Service {i}" if i % 3 == 0 else "",
        "contract_start": "2026-01-01" if i % 3 == 0 else "",
        "contract_end": "2026-12-31" if i % 6 == 0 else "",
    }


def customer_file(rows: int, *, separator: str = ";", bad_every: int = 0, owner: str = "sam",
                  bom: bool = False) -> CustomerFile:  # fmt: skip
    """`rows` rows after the header; every `bad_every`-th row is spoilt (0: none)."""
    made = CustomerFile("", rows)
    lines: list[str] = [separator.join(HEADER)]
    line = 2
    for i in range(1, rows + 1):
        cells = _row(i, owner)
        spoilt = bad_every and i % bad_every == 0
        if spoilt:
            column, change = BAD[(i // bad_every) % len(BAD)]
            cells.update(change)
            made.bad[line] = column
        else:
            made.good_names.add(cells["name"])
        text = separator.join(_quoted(cells[c], separator) for c in HEADER)
        lines.append(text)
        line += 1 + text.count("\n")
    made.text = ("\ufeff" if bom else "") + "\n".join(lines) + "\n"
    return made


def customer_lines(rows: int, separator: str = ";") -> Iterator[str]:
    """The same rows, all good, as lines to write one by one (a bench's 100,000 rows)."""
    yield separator.join(HEADER) + "\n"
    for i in range(1, rows + 1):
        cells = _row(i, "sam")
        cells["name"] = f"{cells['name']} #{i}"
        yield separator.join(_quoted(cells[c], separator) for c in HEADER) + "\n"
