"""The form of a rejection: it says why (PRODUCT.md §3.3)."""

from __future__ import annotations

from dealbot.domain.approvals.use_cases import MAX_COMMENT
from dealbot.handlers.core.forms import Field, Form, Kind

REJECT = Form(
    id="approval-reject",
    fields=(Field("comment", Kind.LONG_TEXT, max_length=MAX_COMMENT),),
    submit_key="button-reject",
)
