"""The customer card (PRODUCT.md §3.1) through its desk, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest

from dealbot.domain.core.errors import Conflict, Invalid, NotFound
from dealbot.domain.customers.desk import CustomerDesk
from dealbot.domain.customers.enums import Channel
from dealbot.domain.customers.use_cases import ContractDraft, CustomerDraft
from dealbot.domain.deals.desk import DealDesk
from dealbot.domain.deals.enums import CompanySize, Industry
from support.deals import draft, member_id


@pytest.fixture
def customers(desk: DealDesk) -> CustomerDesk:
    return CustomerDesk(desk.sessions, desk.clock)


def card(**overrides: object) -> CustomerDraft:
    values: dict[str, object] = {
        "name": "Acme GmbH",
        "industry": Industry.MANUFACTURING,
        "company_size": CompanySize.LARGE,
        "contact_name": "Hans Müller",
        "contact_position": "Einkaufsleiter",
        "legal_address": "Hauptstraße 1, Berlin",
        "contact_address": "Werkstraße 5, Potsdam",
        "owner": "kenji",
        "channel": Channel.EMAIL,
        "channel_address": "hans@acme.example",
        "founded": date(1990, 4, 1),
        "first_contract": date(2020, 1, 15),
        "contact_birthday": date(1975, 7, 2),
    }
    values.update(overrides)
    return CustomerDraft(**values)  # type: ignore[arg-type]


def test_a_card_keeps_every_field_and_is_found_by_its_reference_and_its_name(
    desk: DealDesk, customers: CustomerDesk
) -> None:
    kenji = member_id(desk, "kenji")
    made = customers.create(kenji, card())

    assert made.ref == f"C-{made.id}"
    for ref in (made.ref, made.ref.lower(), f"c{made.id}", "Acme GmbH", "acme gmbh"):
        shown = customers.show(member_id(desk, "yui"), ref).card
        assert shown == made
    assert (made.contact_position, made.channel_address, made.owner) == (
        "Einkaufsleiter",
        "hans@acme.example",
        "Kenji Tanaka",
    )
    assert made.contact_birthday == date(1975, 7, 2)


def test_another_teams_customer_is_unknown_and_the_name_is_unique_per_team(
    desk: DealDesk, customers: CustomerDesk
) -> None:
    made = customers.create(member_id(desk, "kenji"), card())

    with pytest.raises(NotFound):
        customers.show(member_id(desk, "olga"), made.ref)
    with pytest.raises(Conflict):
        customers.create(member_id(desk, "yui"), card(owner=None))
    moscow = customers.create(member_id(desk, "olga"), card(owner="olga"))
    assert moscow.id != made.id
    with pytest.raises(Invalid):  # an owner from another team
        customers.create(member_id(desk, "olga"), card(name="Other", owner="kenji"))


def test_editing_changes_the_card_and_what_it_is_found_by(
    desk: DealDesk, customers: CustomerDesk
) -> None:
    kenji = member_id(desk, "kenji")
    made = customers.create(kenji, card())

    edited = customers.edit(kenji, made.ref, card(name="Acme Robotics", contact_name="Ольга"))

    assert edited.ref == made.ref and edited.name == "Acme Robotics"
    assert [m.ref for m in customers.matches(kenji, "ОЛЬ")] == [made.ref]
    assert customers.matches(kenji, "hans") == []
    customers.create(kenji, card(name="Beta"))
    with pytest.raises(Conflict):
        customers.edit(kenji, made.ref, card(name="Beta"))


def test_contracts_are_added_once_and_the_card_lists_them_with_its_deals(
    desk: DealDesk, customers: CustomerDesk
) -> None:
    kenji = member_id(desk, "kenji")
    made = customers.create(kenji, card())
    deal = desk.open_deal(kenji, draft(customer=made.ref, title="Pumps"))

    detail = customers.add_contract(
        kenji, made.ref, ContractDraft("Service 2027", date(2027, 1, 1), date(2027, 12, 31))
    )

    assert [(c.title, c.ends_on) for c in detail.contracts] == [
        ("Service 2027", date(2027, 12, 31))
    ]
    assert [(d.ref, d.title) for d in detail.deals] == [(deal.ref, "Pumps")]
    assert deal.customer == "Acme GmbH"
    with pytest.raises(Conflict):
        customers.add_contract(kenji, made.ref, ContractDraft("Service 2027"))
    with pytest.raises(Invalid):
        customers.add_contract(
            kenji, made.ref, ContractDraft("Backwards", date(2027, 2, 1), date(2027, 1, 1))
        )


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("a", ["ACME Robotics", "東京ポンプ株式会社"]),  # one letter: "Sato" too
        ("а", ["Ромашка ООО"]),  # Cyrillic а, not Latin a
        ("acme", ["ACME Robotics"]),
        ("ＡＣＭＥ", ["ACME Robotics"]),  # full-width letters
        ("ромашка", ["Ромашка ООО"]),  # Cyrillic, any case
        ("РОМ", ["Ромашка ООО"]),
        ("ポンプ", ["東京ポンプ株式会社"]),
        ("千代田", ["東京ポンプ株式会社"]),  # part of the address
        ("sato", ["東京ポンプ株式会社"]),  # the contact
        ("100%", []),  # LIKE's wildcards are plain letters here
        ("x", []),
    ],
)
def test_the_picker_matches_any_part_of_name_contact_or_address_in_every_script(
    desk: DealDesk, customers: CustomerDesk, typed: str, found: list[str]
) -> None:
    kenji = member_id(desk, "kenji")
    customers.create(
        kenji,
        card(
            name="ACME Robotics", contact_name=None, legal_address=None, contact_address="Main St 1"
        ),
    )
    customers.create(
        kenji,
        card(name="Ромашка ООО", contact_name="Анна", legal_address=None, contact_address="Москва"),
    )
    customers.create(
        kenji,
        card(
            name="東京ポンプ株式会社",
            contact_name="Sato Ichiro",
            legal_address="東京都千代田区1-1",
            contact_address=None,
        ),
    )
    customers.create(member_id(desk, "olga"), card(name="ACME Moscow", owner="olga"))

    names = [m.name for m in customers.matches(kenji, typed)]

    assert sorted(names) == sorted(found)  # never another team's "ACME Moscow"
