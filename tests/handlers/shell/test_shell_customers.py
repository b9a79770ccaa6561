"""The customer card in the shell: created, found, edited, a contract added, and a deal opened
for it through the type-ahead picker (PRODUCT.md §3.1)."""

from __future__ import annotations

from decimal import Decimal

from dealbot.domain.deals.desk import DealDesk
from dealbot.domain.deals.enums import Industry
from dealbot.domain.deals.leads import LeadDraft
from dealbot.domain.outbox.notify import LocalAddresses, Outbox
from support.shell import Transcript, replies

NEW_CUSTOMER = [
    "/customer new",
    "Ромашка ООО",  # full name
    "2",  # industry: Retail
    "",  # company size: skipped
    "Анна Иванова",  # contact person
    "Закупки",  # position
    "Москва, Тверская 1",  # legal address
    "",  # contact address: skipped
    "",  # owner: Sam, the default
    "1",  # channel: Email
    "anna@romashka.example",  # its address
    "1998-04-01",  # founded
    "",  # first contract
    "1980-02-29",  # contact's birthday
    "y",
]


async def test_a_card_is_created_found_edited_given_a_contract_and_a_deal(
    sample_desk: DealDesk,
) -> None:
    shell = Transcript(sample_desk, "sam")

    created = replies(await shell.type(*NEW_CUSTOMER))
    assert "Saved C-1: Ромашка ООО." in created
    assert "Contact person: Анна Иванова (Закупки)" in created
    assert "Channel for proposals: Email: anna@romashka.example" in created

    found = replies(await shell.type("/customer search тверская"))
    assert "1 customer matches “тверская”" in found and "C-1 · Ромашка ООО" in found
    assert "No customers match" in replies(await shell.type("/customer search nothing"))

    edit = ["/customer edit c1", "", "", "", "Анна Петрова", *[""] * 9, "y"]
    edited = replies(await shell.type(*edit))
    assert "Updated C-1: Ромашка ООО." in edited and "Анна Петрова" in edited
    assert "Email: anna@romashka.example" in edited  # kept as it was

    contract = ["/customer contract C-1", "Supply 2027", "2027-01-01", "2027-12-31", "y"]
    added = replies(await shell.type(*contract))
    assert "Contract “Supply 2027” added to C-1: Ромашка ООО." in added

    picked = await shell.type("/deal new", "РОМ")
    assert "1) Ромашка ООО" in replies(picked) and "2) New: РОМ" in replies(picked)
    opened = replies(await shell.type("1", "Shelves", "2", "2", "9000", "", "", "", "", "y"))
    assert "Saved D-1: Shelves." in opened

    shown = replies(await shell.type("/deal show D-1"))
    assert "Customer: Ромашка ООО (C-1)" in shown
    card = replies(await shell.type("/customer show Ромашка ООО"))
    assert "C-1: Ромашка ООО" in card
    assert "Supply 2027: Jan 1, 2027 – Dec 31, 2027" in card
    assert "D-1 · Shelves · Opened" in card


async def test_a_new_name_is_still_taken_and_another_teams_card_stays_unknown(
    sample_desk: DealDesk,
) -> None:
    shell = Transcript(sample_desk, "sam")
    await shell.type(*NEW_CUSTOMER)

    picked = await shell.type("/deal new", "Ром")
    new_name = await shell.type("2")  # "New: Ром"
    assert "Deal title" in replies(new_name)
    assert "Nobody" not in replies(picked)
    assert "There is no customer C-99 that you can see." in replies(
        await shell.type("/cancel", "/customer show C-99")
    )
    again = replies(await shell.type("/customer new", "Ромашка ООО", *[""] * 11, "y"))
    assert "Your team already has a customer named “Ромашка ООО”." in again


async def test_a_leads_open_report_takes_each_answer_it_came_with_by_enter(
    sample_desk: DealDesk,
) -> None:
    lead = LeadDraft(
        external_id="crm-1",
        customer="Acme GmbH",
        title="50 pumps",
        owner="sam",
        industry=Industry.RETAIL,
        amount=Decimal("1500.5"),
    )
    # As the HTTP front end of a shell deployment would: notifications printed in the terminal.
    local = DealDesk(sample_desk.sessions, sample_desk.clock, Outbox(LocalAddresses()))
    local.intake(lead)
    shell = Transcript(sample_desk, "sam")

    task = await shell.type("/deal list")
    assert "Complete the opening report of D-1: 50 pumps" in "\n".join(task)
    form = replies(await shell.type("1"))
    assert "? Customer [Acme GmbH]" in form
    answers = ["", "", "", "2", "", "", "", "", ""]  # the size was not given: 10–49
    review = replies(await shell.type(*answers))
    assert "Amount: 1500.5" in review and "Industry: Retail" in review
    saved = await shell.type("y")
    assert "Saved D-1: 50 pumps." in replies(saved)
    assert "New deal D-1: 50 pumps" in "\n".join(saved)


async def test_a_bare_number_is_no_name_and_a_contract_ends_after_it_starts(
    sample_desk: DealDesk,
) -> None:
    shell = Transcript(sample_desk, "sam")

    named = replies(await shell.type("/customer new", "2", "Acme", *[""] * 12, "y"))
    assert "“2” is only a number: type the Full name as words" in named
    assert "Saved C-1: Acme." in named

    # The end is refused as soon as it is typed, not after the whole form.
    dates = ["/customer contract C-1", "Support", "2026-12-31", "2026-01-01"]
    refused = replies(await shell.type(*dates))
    assert refused.endswith(
        "! The contract cannot end (2026-01-01) before it starts (2026-12-31).\n"
        "? Contract end (optional, Enter to skip)\n"
        "  As YYYY-MM-DD, for example 2027-12-31"
    )
    added = replies(await shell.type("2027-12-31", "y"))
    assert "Contract “Support” added to C-1: Acme." in added
