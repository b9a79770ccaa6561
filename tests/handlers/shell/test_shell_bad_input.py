"""Bad input gets a clear answer in the person's language, and nothing typed is lost."""

from __future__ import annotations

from dealbot.domain.deals.desk import DealDesk
from dealbot.domain.deals.queries import SearchFilters
from support.deals import member_id
from support.shell import Transcript, deliveries, replies


async def test_each_bad_answer_is_explained_and_asked_again_keeping_the_rest(
    sample_desk: DealDesk,
) -> None:
    shell = Transcript(sample_desk, "sam")
    long_note = "n" * 5000

    printed = await shell.type(
        "/deal new",
        "",  # empty customer
        "Acme",
        "Robots",
        "3",
        "1",
        "-5",
        "abc",
        "12,500.50",
        "",
        "31/02/2026",
        "2026-02-31",
        "2026-02-28",  # before today (2 November 2026 in these tests)
        "2027-02-28",
        "",
        long_note,
        "Short note",
        "y",
    )

    text = replies(printed)
    assert "! Customer is required." in text
    assert "! The amount must be more than zero." in text
    assert "! “abc” is not an amount. Type a number such as 1,500,000.50." in text
    assert "! “31/02/2026” is not a date in the form YYYY-MM-DD, such as 2026-12-31." in text
    assert "! “2026-02-31” is not a real date. Check the day and the month." in text
    assert "! 2026-02-28 is in the past. Give today or a later date." in text
    assert "! Notes can be at most 3,000 characters; this one has 5,000." in text
    assert "Saved D-1: Robots." in text
    detail = sample_desk.show(member_id(sample_desk, "sam"), "D-1")
    assert detail.card.money is not None
    assert (detail.card.customer, str(detail.card.money.amount)) == ("Acme", "12500.50")
    assert detail.notes == "Short note"


async def test_unknown_deal_and_unknown_command(sample_desk: DealDesk) -> None:
    shell = Transcript(sample_desk, "sam")

    text = replies(await shell.type("/deal show D-999", "/deal update D-999", "/deal fly"))

    assert text.count("There is no deal D-999 that you can see.") == 2
    assert "“fly” is not a command. Type /deal help to see them all." in text


async def test_a_bare_number_names_no_deal_and_says_how_to(sample_desk: DealDesk) -> None:
    shell = Transcript(sample_desk, "sam")
    await shell.type("/deal new", "Acme", "Robots", "3", "1", "100", "", "", "", "", "y")

    text = replies(await shell.type("/deal show 1", "/deal update １", "/deal update #1"))

    # D-1 is Sam's, yet neither "1" nor a full-width "１" is taken for it; "#1" is.
    assert text.count("“1” alone names nothing: type its reference, such as D-1 or #1.") == 2
    assert "There is no deal" not in text and "? Activity" in text
    # In the form's deal picker with nothing listed, a bare number is told the same.
    picked = replies(await shell.type("/cancel", "/as kim", "/deal update", "1"))
    assert "“1” alone names nothing: type its reference, such as D-1 or #1." in picked


async def test_a_number_beside_offered_matches_picks_from_them_or_says_their_range(
    sample_desk: DealDesk,
) -> None:
    shell = Transcript(sample_desk, "sam")
    await shell.type("/deal new", "Acme", "Robots", "3", "1", "100", "", "", "", "", "y")

    text = replies(await shell.type("/deal new", "ac", "5", "1"))

    assert "There is no number 5 in the list; type a number from 1 to 2." in text
    # The matches are still offered after the wrong number, and 1 picks Acme.
    assert text.count("1) Acme") == 2 and text.endswith("? Deal title")


async def test_too_many_decimals_for_the_currency_is_refused_at_the_amount(
    sample_desk: DealDesk,
) -> None:
    shell = Transcript(sample_desk, "sam")

    printed = await shell.type(
        "/deal new", "Acme", "Robots", "3", "1", "100.5", "JPY", "", "", "", "y", "100", "y"
    )

    assert "! JPY amounts can have at most 0 decimal places." in printed
    assert "Amount: ¥100" in replies(printed)


async def test_markup_and_emoji_in_names_are_stored_and_shown_intact(
    sample_desk: DealDesk,
) -> None:
    shell = Transcript(sample_desk, "sam")
    name = "<b>AT&T</b> <!channel> 🚀"

    printed = await shell.type("/deal new", name, name, "3", "1", "10", "", "", "", "", "y")

    assert f"New deal D-1: {name}" in deliveries(printed)[0][1]
    sam = member_id(sample_desk, "sam")
    assert [c.customer for c in sample_desk.search(sam, SearchFilters(text="AT&T"))] == [name]


async def test_cancel_saves_nothing_and_back_goes_to_the_previous_question(
    sample_desk: DealDesk,
) -> None:
    shell = Transcript(sample_desk, "sam")

    back = await shell.type("/deal new", "Acme", "/back", "Acme Corp", "Robots", "/cancel")

    assert back.count("? Customer") == 2
    assert "Cancelled; nothing was saved." in replies(back)
    assert sample_desk.my_open_deals(member_id(sample_desk, "sam")) == []


async def test_an_amount_beyond_what_the_store_holds_is_refused_at_once_with_the_limit(
    sample_desk: DealDesk,
) -> None:
    shell = Transcript(sample_desk, "sam")

    printed = await shell.type("/deal new", "Acme", "Robots", "3", "1", "1" * 23, "12")

    text = replies(printed)
    assert "! The amount can be at most 999,999,999,999.99." in text
    assert text.rindex("? Currency") > text.index("at most 999,999,999,999.99")


async def test_a_command_in_the_middle_of_a_form_is_answered_and_the_form_goes_on(
    sample_desk: DealDesk,
) -> None:
    shell = Transcript(sample_desk, "sam")

    printed = await shell.type("/deal new", "Acme", "/deal list")
    text = replies(printed)
    assert "You have no open deals" in text  # the command, not a deal called "/deal list"
    assert text.endswith("? Deal title")  # and the form asks its question again
    saved = replies(await shell.type("Pumps", "1", "3", "100", "", "", "", "", "y"))
    assert "Saved D-1: Pumps." in saved
    assert [c.customer for c in sample_desk.my_open_deals(member_id(sample_desk, "sam"))] == [
        "Acme"
    ]


async def test_quit_in_the_middle_of_a_form_leaves_and_saves_nothing(
    sample_desk: DealDesk,
) -> None:
    shell = Transcript(sample_desk, "sam")

    await shell.type("/deal new", "Acme")
    leaving = shell.shell.feed("/quit")

    assert await leaving is False
    assert "Cancelled; nothing was saved." in replies(shell.output)
    assert sample_desk.my_open_deals(member_id(sample_desk, "sam")) == []
