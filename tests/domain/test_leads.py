"""Leads from the intake API through the deal desk, on SQLite and PostgreSQL (PRODUCT.md §4)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from dealbot.domain.core.errors import Conflict, Invalid, NotAllowed
from dealbot.domain.deals.desk import DealDesk
from dealbot.domain.deals.enums import ProgressStatus
from dealbot.domain.deals.leads import LeadDraft
from dealbot.domain.deals.queries import SearchFilters
from support.deals import draft, member_id, outbox, report


def lead(**changes: object) -> LeadDraft:
    values: dict[str, object] = {
        "external_id": "web-4711",
        "customer": "Acme GmbH",
        "title": "50 pumps",
        "owner": "kenji",
        "amount": Decimal("1200000"),
    }
    values.update(changes)
    return LeadDraft(**values)  # type: ignore[arg-type]


def test_a_lead_is_made_once_outside_the_feed_and_the_statistics(desk: DealDesk) -> None:
    first = desk.intake(lead())
    again = desk.intake(lead(title="something else", customer="Other Co"))

    assert (first.ref, first.status, first.created) == ("D-1", "lead", True)
    assert (again.ref, again.created) == ("D-1", False)
    assert outbox(desk) == [("lead_report", "owner", "task", "kenji")]
    kenji = member_id(desk, "kenji")
    assert desk.stats(kenji, SearchFilters()).total.deals == 0
    assert desk.my_open_deals(kenji) == []
    with pytest.raises(Conflict, match="error-deal-lead"):
        desk.report_progress(kenji, report("D-1", ProgressStatus.LOG_ONLY))
    assert desk.deal_state("D-1").card.customer == "Acme GmbH"


def test_completing_the_report_opens_the_deal_and_routes_it_once(desk: DealDesk) -> None:
    desk.intake(lead())
    kenji = member_id(desk, "kenji")
    (task,) = [t for t in desk.waiting_tasks(kenji) if t.kind == "report"]
    with pytest.raises(NotAllowed):
        desk.complete_lead(member_id(desk, "yui"), task.task_id, draft())

    card = desk.complete_lead(kenji, task.task_id, draft(customer="Acme GmbH", title="Pumps"))

    assert (card.ref, card.status, card.title) == ("D-1", "open", "Pumps")
    assert outbox(desk)[1:] == [
        ("deal_opened", "feed", "post", None),
        ("deal_opened", "leader", "task", "sato"),
    ]
    with pytest.raises(Conflict):
        desk.complete_lead(kenji, task.task_id, draft())
    assert desk.stats(kenji, SearchFilters()).total.deals == 1


def test_a_lead_for_a_team_goes_through_its_leader_to_a_salesperson(desk: DealDesk) -> None:
    desk.intake(lead(owner=None, team="Tokyo Sales"))
    sato = member_id(desk, "sato")
    (task,) = desk.waiting_tasks(sato)
    assert task.kind == "assign" and task.deal.owner is None
    assert [p.handle for p in desk.sellers_for(sato, task.task_id)] == ["kenji", "yui"]
    with pytest.raises(Invalid):
        desk.assign_lead(sato, task.task_id, "olga")  # another team's

    desk.assign_lead(sato, task.task_id, "yui")

    assert [t.kind for t in desk.waiting_tasks(member_id(desk, "yui"))] == ["report"]
    with pytest.raises(Conflict):
        desk.assign_lead(sato, task.task_id, "kenji")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"owner": None}, "owner"),
        ({"owner": "nobody"}, "owner"),
        ({"owner": "olga", "team": "Tokyo Sales"}, "owner"),
        ({"owner": None, "team": "Nowhere"}, "team"),
        ({"amount": Decimal("1000000000000")}, "amount"),
        ({"amount": Decimal("1.5")}, "amount"),  # yen have no decimals
    ],
)
def test_what_is_wrong_with_a_lead_names_its_field(
    desk: DealDesk, changes: dict[str, object], field: str
) -> None:
    with pytest.raises(Invalid) as refused:
        desk.intake(lead(**changes))
    assert refused.value.args_for_message["field"] == field
    assert outbox(desk) == []
