"""The whole §2 flow played in the shell as the sample salesperson and leader."""

from __future__ import annotations

from dealbot.domain.deals.desk import DealDesk
from support.deals import member_id
from support.shell import Transcript, deliveries, places, replies

NEW_DEAL = [
    "/deal new",
    "Acme Robotics",  # customer (new)
    "Warehouse robots",  # title
    "3",  # industry: IT and software
    "2",  # company size: 10–49
    "48000",  # amount
    "",  # currency: the team's (USD)
    "2026-12-31",  # expected close
    "referral",  # source
    "Met the CTO",  # notes
    "y",  # the review: save
]


async def test_new_deal_reaches_the_feed_and_the_advice_task_the_leader_only(
    sample_desk: DealDesk,
) -> None:
    shell = Transcript(sample_desk, "sam")

    printed = await shell.type(*NEW_DEAL)

    assert "Saved D-1: Warehouse robots." in replies(printed)
    assert places(printed) == ["team feed · Sample Sales", "DM to Lena Leader (@lena)"]
    feed, task = (text for _, text in deliveries(printed))
    assert "New deal D-1: Warehouse robots" in feed
    assert "Amount: $48,000.00" in feed and "Customer: Acme Robotics" in feed
    assert "Advice wanted on D-1" in task and "[1] Give advice" in task


async def test_the_whole_flow_from_opening_to_won(sample_desk: DealDesk) -> None:
    shell = Transcript(sample_desk, "sam")
    await shell.type(*NEW_DEAL)

    advice = await shell.type("/as lena", "1", "Bring a reference customer", "y")
    assert places(advice) == [
        "card changed · DM to Lena Leader (@lena)",
        "thread of D-1 · Sample Sales feed",
        "DM to Sam Seller (@sam)",
    ]
    card, *told = deliveries(advice)
    assert "Advice on D-1 given" in card[1] and "Give advice" not in card[1]
    assert all("Bring a reference customer" in text for _, text in told)

    log_only = await shell.type("/as sam", "/deal update D-1", "2", "1", "left a voicemail", "y")
    assert "Logged on D-1's timeline" in replies(log_only)
    assert places(log_only) == []

    shared = await shell.type("/deal update", "1", "4", "2", "Quote sent: 45k", "y")
    assert places(shared) == ["thread of D-1 · Sample Sales feed"]
    assert "Quote sent: 45k" in deliveries(shared)[0][1]

    won = await shell.type("/deal won D-1", "3", "Signed!", "y")
    assert places(won) == [
        "thread of D-1 · Sample Sales feed, also sent to the channel",
        "DM to Lena Leader (@lena)",
    ]
    assert "We won it! D-1: Warehouse robots" in deliveries(won)[0][1]

    shown = await shell.type("/as kim", "/deal show D-1")
    text = replies(shown)
    for expected in ("Opened by Sam Seller", "Advice from Lena Leader", "Won, reported by"):
        assert expected in text


async def test_lost_reaches_only_the_leader_and_a_teammate_never_sees_the_reason(
    sample_desk: DealDesk,
) -> None:
    shell = Transcript(sample_desk, "sam")
    await shell.type(*NEW_DEAL)

    lost = await shell.type("/deal lost D-1", "1", "", "", "Budget frozen until 2028", "y")
    assert "! Lost reason is required." in lost
    assert places(lost) == ["card changed · DM to Lena Leader (@lena)", "DM to Lena Leader (@lena)"]
    card, told = (text for _, text in deliveries(lost))
    assert "D-1 was closed (Lost) before this task was done" in card
    assert "Give advice" not in card
    assert "Lost reason: Budget frozen until 2028" in told

    teammate = replies(await shell.type("/as kim", "/deal show D-1"))
    assert "Status: Lost" in teammate and "Budget frozen" not in teammate
    leader = replies(await shell.type("/as lena", "/deal show D-1"))
    assert "Lost reason: Budget frozen until 2028" in leader


async def test_a_salesperson_cannot_click_the_leaders_advice_button(
    sample_desk: DealDesk,
) -> None:
    shell = Transcript(sample_desk, "sam")
    await shell.type(*NEW_DEAL)

    refused = await shell.type("/as kim", "1")

    assert "Only the leader asked for advice on D-1 can give it." in replies(refused)
    assert places(refused) == []
    assert len(sample_desk.waiting_tasks(member_id(sample_desk, "lena"))) == 1


async def test_search_and_stats_in_the_shell(sample_desk: DealDesk) -> None:
    shell = Transcript(sample_desk, "sam")
    await shell.type(*NEW_DEAL)
    await shell.type(
        "/as kim", "/deal new", "Bolt Bakery", "Ovens", "2", "1", "900", "EUR", "", "", "", "y"
    )

    software = replies(await shell.type("/deal search industry:software"))
    assert "Found 1 deal" in software and "D-1 · Warehouse robots" in software
    small = replies(await shell.type("/deal search size:1-9"))
    assert "D-2 · Ovens · Bolt Bakery · €900.00" in small and "D-1" not in small
    [(where, stats)] = deliveries(await shell.type("/deal stats"))
    assert where == "DM to Kim Closer (@kim)"  # it holds a chart: only ever in a DM
    assert "All deals: 2 deals, 0 won, 0 lost" in stats
    assert "IT and software: 1 deal" in stats and "Retail: 1 deal" in stats
