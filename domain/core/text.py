"""Text as people type it, made safe to store and to send, and checked against its limit.

What a person typed is kept as typed: only characters that a store or a platform refuses are
dropped (NUL is refused by PostgreSQL; other C0/C1 controls by Slack and Telegram), and lone
surrogates, which cannot be encoded at all.
"""

from __future__ import annotations

import re
import unicodedata

from dealbot.domain.core.errors import Invalid

_REFUSED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def cleaned(text: str) -> str:
    """`text` without refused control characters; line breaks become `\\n`."""
    return _REFUSED.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def required_text(value: str | None, field: str, limit: int) -> str:
    text = cleaned(value or "").strip()
    if not text:
        raise Invalid("error-required", field=field)
    if len(text) > limit:
        raise Invalid("error-too-long", field=field, limit=limit, length=len(text))
    return text


def optional_text(value: str | None, field: str, limit: int) -> str | None:
    if value is None or not cleaned(value).strip():
        return None
    return required_text(value, field, limit)


def contains_pattern(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, as typed: `%` and `_` stay literal (escape `\\`)."""
    literal = cleaned(text).strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{literal}%"


def search_key(text: str) -> str:
    """`text` as it is searched: compatibility forms folded (full-width `ＡＢＣ` is `abc`), case
    folded in every script (`ООО` is `ооо`), runs of white space made one space.

    Stored beside what was typed and compared with the same folding of what is typed into a
    picker, so that matching is one plain substring test that an index can serve.
    """
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return " ".join(folded.split())
