"""Reading a CSV file the way `dealbot import` promises (PRODUCT.md §3.1).

UTF-8 with or without a byte order mark, checked whole before anything is read (a file that
is not UTF-8 is refused whole); `;` or `,` between cells, whichever the header uses; quoted
cells may hold separators, quotes and line breaks; each row carries the physical line it
starts on, the header being line 1.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dealbot.bot.errors import OperatorError

BOM = codecs.BOM_UTF8
CHUNK = 1 << 20


class FileRefused(OperatorError):
    """The file, not one of its rows, is wrong: nothing of it is imported."""


@dataclass(frozen=True)
class Row:
    line: int
    cells: list[str]
    # Why the row could not be read as CSV (a stray quote); None for a good row.
    broken: str | None = None


def check_utf8(path: Path) -> None:
    """Refuse the file unless every byte of it is UTF-8, naming the first line that is not."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
    lines = 1
    try:
        with path.open("rb") as file:
            while chunk := file.read(CHUNK):
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError as error:
                    line = lines + chunk.count(b"\n", 0, error.start)
                    raise FileRefused(
                        f"{path}: line {line}: the file is not UTF-8; save it as UTF-8 "
                        "and import it again"
                    ) from None
                lines += chunk.count(b"\n")
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise FileRefused(f"{path}: the file ends inside a character: it is not UTF-8") from None
    except OSError as error:
        raise FileRefused(f"{path}: cannot be read: {error.strerror or error}") from None


def separator(header: str) -> str:
    """`;` when the header line has more of them than commas (outside quotes), else `,`."""
    counts = {";": 0, ",": 0}
    quoted = False
    for character in header:
        if character == '"':
            quoted = not quoted
        elif not quoted and character in counts:
            counts[character] += 1
    return ";" if counts[";"] > counts[","] else ","


def rows(path: Path) -> Iterator[Row]:
    """Every row, the header first, with the physical line it starts on; blank lines left out.

    A row that is not valid CSV (a quote that does not close where it should) comes back
    `broken`, and reading goes on with the next line.
    """
    with path.open("r", encoding="utf-8-sig", newline="") as file:
        first = file.readline()
        file.seek(0)  # the decoder starts again, and skips the byte order mark again
        reader = csv.reader(file, delimiter=separator(first), strict=True)
        start = 1
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                yield Row(start, [], str(error))
            else:
                if any(c.strip() for c in cells):
                    yield Row(start, cells)
            start = reader.line_num + 1
