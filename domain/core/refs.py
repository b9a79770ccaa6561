"""Short references such as `D-12`, `C-7`, `Q-3`, `O-4`, accepted however a person types them.

A reference always carries its letter (`D-12`, `d12`) or a `#` (`#12`): a bare number is never
read as one, because in a list it means the list's own numbering.
"""

from __future__ import annotations

import re
import unicodedata

_REF = re.compile(r"^(?:(?P<letter>[a-z])-?|#)(?P<number>\d{1,9})$")


def normalised(text: str) -> str:
    """Full-width letters and digits (`Ｄ－１２`) folded to ASCII, case folded, trimmed."""
    folded = unicodedata.normalize("NFKC", text).strip().casefold()
    return folded.replace("\u2010", "-").replace("\u2212", "-")


def parse_ref(text: str, letter: str) -> int | None:
    """The number in `D-12` for letter `D`, or None when `text` is not such a reference."""
    match = _REF.match(normalised(text))
    if match is None:
        return None
    given = match.group("letter")
    if given is not None and given != letter.casefold():
        return None
    return int(match.group("number"))


def letter_of(text: str) -> str | None:
    """The letter a reference is typed with (`q` for `Q-3`, `q3`), None for `#3` or no ref."""
    match = _REF.match(normalised(text))
    return match.group("letter") if match else None


def format_ref(letter: str, number: int) -> str:
    return f"{letter.upper()}-{number}"


# Row ids fit PostgreSQL's `integer`; anything larger never names a row (and must not reach
# the database, which would refuse it with an error rather than find nothing).
MAX_ID = 2**31 - 1


def parse_id(text: str) -> int:
    """A row id carried by a button or a form's context; ValueError unless 1..MAX_ID."""
    if not text.isascii() or not text.isdigit() or not 0 < int(text) <= MAX_ID:
        raise ValueError(f"not an id: {text[:20]!r}")
    return int(text)
