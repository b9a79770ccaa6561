"""Deal references such as `D-12`, accepted however a person types them."""

import re

from dealbot.domain.errors import NotFound

_REF = re.compile(r"^\s*(?:d-?|#)?(\d{1,9})\s*$", re.IGNORECASE)


def parse_deal_ref(text: str) -> int:
    match = _REF.match(text)
    if match is None:
        raise NotFound("error-deal-unknown", ref=text.strip())
    return int(match.group(1))
