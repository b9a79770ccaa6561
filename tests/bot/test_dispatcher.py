"""The dispatcher: once per platform and place, in order per place, across failures, restarts
and several processes; only the platforms a process serves."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from dealbot.domain.core.models import Member
from dealbot.domain.core.routing import Placement
from dealbot.domain.deals.enums import ProgressStatus
from dealbot.domain.outbox import delivery
from dealbot.domain.outbox.models import Delivery, Lane, Notification
from dealbot.domain.outbox.notify import Note, Recipient
from dealbot.handlers.charts import Chart
from dealbot.handlers.core.transport import DeliveryError, PlaceGone, Unreachable
from dealbot.handlers.core.ui import Message, Reply
from support.deals import deliveries, draft, member_id, report
from support.outbox import RecordingTransport, World

FEED = "feed-Tokyo Sales"


def _flow(w: World) -> str:
    kenji = member_id(w.desks.deals, "kenji")
    ref = w.desks.deals.open_deal(kenji, draft(title="Forklifts")).ref
    w.desks.deals.report_progress(kenji, report(ref, ProgressStatus.NEGOTIATION))
    w.desks.deals.report_progress(kenji, report(ref, ProgressStatus.WON))
    return ref


def _states(w: World, platform: str | None = None) -> list[str]:
    return [s for _, p, _, s in deliveries(w.desks.deals) if platform in (None, p)]


def _feed(transport: RecordingTransport) -> list[tuple[str | None, bool]]:
    return [(root, broadcast) for place, _, root, broadcast in transport.sent if place == FEED]


async def test_every_notification_goes_once_to_each_platform_with_replies_in_its_thread(
    w: World,
) -> None:
    ref = _flow(w)
    alpha, beta = RecordingTransport("alpha"), RecordingTransport("beta")
    dispatcher = w.dispatcher(alpha, beta, parallel=True)

    await dispatcher.drain()
    await dispatcher.drain()

    for transport in (alpha, beta):
        # opened (post), negotiation (reply), won (reply also in the channel), plus the DMs
        root = f"{transport.platform}-{[p for p, *_ in transport.sent].index(FEED) + 1}"
        assert _feed(transport) == [(None, False), (root, False), (root, True)]
        assert len(transport.sent) == 5
        assert ref in transport.sent[0][1]
    assert set(_states(w)) == {"sent"}


def test_notifications_written_together_are_each_queued_once_per_person(w: World) -> None:
    """Several notes in one statement: the same key twice in them, or again later, is one
    notification with one delivery per platform, as with one note at a time."""
    with w.sessions.begin() as session:
        sato = session.scalars(select(Member).where(Member.handle == "sato")).one()
        to_sato = [Recipient("leader", Placement.DM, sato)]

        def note(key: str, kind: str = "advice_requested") -> Note:
            return Note(key, kind, sato.team, to_sato, {"n": key})

        now = w.clock.now()
        first = w.outbox.notify_all(session, [note("a"), note("b"), note("a", "other")], now)
        again = w.outbox.notify_all(session, [note("b"), note("c")], now)
    assert [len(ids) for ids in first] == [1, 1, 0] and [len(ids) for ids in again] == [0, 1]
    with w.sessions.begin() as session:
        queued = session.execute(
            select(Notification.key, Notification.kind, Delivery.platform)
            .join(Delivery, Delivery.notification_id == Notification.id)
            .where(Notification.recipient_id == sato.id)
            .order_by(Delivery.id)
        ).all()
    assert [(key.split(":")[0], kind, platform) for key, kind, platform in queued] == [
        (key, "advice_requested", platform) for key in "abc" for platform in ("alpha", "beta")
    ]


async def test_a_process_claims_only_the_platforms_it_serves(w: World) -> None:
    _flow(w)
    alpha = RecordingTransport("alpha")

    await w.dispatcher(alpha, holder="alpha-only").drain()

    assert set(_states(w, "alpha")) == {"sent"}
    assert set(_states(w, "beta")) == {"pending"}
    beta = RecordingTransport("beta")
    await w.dispatcher(beta, holder="beta-only").drain()
    assert set(_states(w)) == {"sent"}
    assert len(alpha.sent) == len(beta.sent) == 5


async def test_a_failing_platform_does_not_hold_up_the_other(w: World) -> None:
    w.desks.deals.open_deal(member_id(w.desks.deals, "kenji"), draft())
    alpha = RecordingTransport("alpha")
    beta = RecordingTransport("beta", failures=[DeliveryError("503", transient=True)])

    await w.dispatcher(alpha, beta).drain()

    assert [p for p, *_ in alpha.sent] == [FEED, "dm-sato"]
    assert [p for p, *_ in beta.sent] == ["dm-sato"]  # its feed waits for the retry
    w.clock.advance(seconds=5)
    await w.dispatcher(alpha, beta).drain()
    assert [p for p, *_ in beta.sent] == ["dm-sato", FEED]
    assert [p for p, *_ in alpha.sent] == [FEED, "dm-sato"]  # what alpha had is not sent again


async def test_rate_limits_and_server_errors_are_retried_in_order_and_never_twice(
    w: World,
) -> None:
    _flow(w)
    alpha = RecordingTransport(
        failures=[
            DeliveryError("ratelimited", transient=True, retry_after=30),
            DeliveryError("500", transient=True),
            DeliveryError("500", transient=True),
        ]
    )

    for _ in range(10):
        await w.dispatcher(alpha).drain()
        w.clock.advance(seconds=31)

    assert len(alpha.sent) == 5
    root = f"alpha-{[p for p, *_ in alpha.sent].index(FEED) + 1}"
    assert _feed(alpha) == [(None, False), (root, False), (root, True)]


async def test_retry_after_is_honoured(w: World) -> None:
    w.desks.deals.open_deal(member_id(w.desks.deals, "kenji"), draft())
    alpha = RecordingTransport(
        failures=[DeliveryError("ratelimited", transient=True, retry_after=120)]
    )

    await w.dispatcher(alpha).drain()
    w.clock.advance(seconds=119)
    await w.dispatcher(alpha).drain()
    before = _feed(alpha)
    w.clock.advance(seconds=2)
    await w.dispatcher(alpha).drain()

    assert before == []
    assert len(_feed(alpha)) == 1


async def test_a_process_killed_mid_pass_is_taken_over_without_repeats(w: World) -> None:
    _flow(w)
    first = RecordingTransport(crash_after=2)
    with contextlib.suppress(KeyboardInterrupt):
        # A lease of zero: the dead process's claims pass at once.
        await w.dispatcher(first, lease=timedelta(0), holder="killed").drain()
    assert len(first.sent) == 2

    second = RecordingTransport()
    await w.dispatcher(second, holder="survivor").drain()

    assert len(first.sent) + len(second.sent) == 5
    assert not set(first.sent) & set(second.sent)
    assert set(_states(w, "alpha")) == {"sent"}


async def test_a_resend_after_a_lost_claim_looks_first_and_does_not_post_twice(
    w: World,
) -> None:
    w.desks.deals.open_deal(member_id(w.desks.deals, "kenji"), draft())
    first = RecordingTransport(die_after_accept=True)
    with contextlib.suppress(KeyboardInterrupt):
        await w.dispatcher(first, lease=timedelta(0), holder="killed").drain()
    assert [p for p, *_ in first.sent] == [FEED]  # the platform has it; the bot never heard

    second = RecordingTransport(keys=dict(first.keys))
    await w.dispatcher(second, holder="survivor").drain()

    assert second.read_backs == 1
    assert [p for p, *_ in second.sent] == ["dm-sato"]  # the feed post was not sent again
    assert set(_states(w, "alpha")) == {"sent"}


def _statistics_for_kenji(w: World) -> None:
    """An answer with two charts, waiting in the outbox for kenji's DM on alpha."""
    chart = Chart.of("bar", "Win rate", ["A", "B"], [0.5, 0.25], ["50%", "25%"])
    kenji = w.desks.people.person(handle="kenji")
    stats = Message(title="Statistics", lines=("A: 50%",), charts=(chart, chart))
    w.desks.people.queue_reply(kenji.id, "alpha", "stats:1", {"reply": Reply.of(stats).to_json()})


async def test_a_chart_message_whose_text_is_found_sends_only_its_pictures(w: World) -> None:
    _statistics_for_kenji(w)
    first = RecordingTransport(die_after_part=0)
    with contextlib.suppress(KeyboardInterrupt):
        await w.dispatcher(first, lease=timedelta(0), holder="killed").drain()
    assert [title for _, title, *_ in first.sent] == ["Statistics [1/3]"]  # never recorded

    second = RecordingTransport(keys=dict(first.keys))
    await w.dispatcher(second, holder="survivor").drain()

    assert second.read_backs == 1
    assert [title for _, title, *_ in second.sent] == ["Statistics [2/3]", "Statistics [3/3]"]
    assert _states(w, "alpha") == ["sent"]
    with w.sessions.begin() as session:
        [row] = session.scalars(select(Delivery).where(Delivery.platform == "alpha"))
        assert row.external_ids == ["alpha-1", "alpha-1", "alpha-2"]  # the text, then pictures


async def test_a_picture_caught_in_the_send_window_goes_again_and_the_rest_once(
    w: World,
) -> None:
    _statistics_for_kenji(w)
    first = RecordingTransport(die_after_part=1)
    with contextlib.suppress(KeyboardInterrupt):
        await w.dispatcher(first, lease=timedelta(0), holder="killed").drain()
    assert [title for _, title, *_ in first.sent] == ["Statistics [1/3]", "Statistics [2/3]"]

    second = RecordingTransport(keys=dict(first.keys))
    await w.dispatcher(second, holder="survivor").drain()

    # The text was recorded: not looked for, not sent again. A picture cannot be looked
    # for, so the one in flight goes again (at-least-once, as the README says).
    assert second.read_backs == 0
    assert [title for _, title, *_ in second.sent] == ["Statistics [2/3]", "Statistics [3/3]"]
    assert _states(w, "alpha") == ["sent"]


class _SlowRenewals:
    """A store whose renewals are slow: each waits on its worker thread until let go."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.started = asyncio.Event()
        self.let_go = threading.Event()
        self.running = 0
        self.real = delivery.renew

    def renew(self, session: Session, claimed: delivery.Claim, lease: timedelta) -> bool:
        self.running += 1
        self.loop.call_soon_threadsafe(self.started.set)
        self.let_go.wait(timeout=10)
        try:
            return self.real(session, claimed, lease)
        finally:
            self.running -= 1


async def test_a_send_cut_short_leaves_no_renewal_running_behind_it(
    w: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    w.desks.deals.open_deal(member_id(w.desks.deals, "kenji"), draft())
    store = _SlowRenewals(asyncio.get_running_loop())
    monkeypatch.setattr(delivery, "renew", store.renew)

    class DiesDuringARenewal(RecordingTransport):
        async def send(self, *args: Any, **kwargs: Any) -> list[str]:
            await store.started.wait()
            asyncio.get_running_loop().call_later(0.05, store.let_go.set)
            raise KeyboardInterrupt

    with contextlib.suppress(KeyboardInterrupt):
        await w.dispatcher(DiesDuringARenewal(), lease=timedelta(0), holder="killed").drain()

    # A renewal landing after the pass ended would stretch a claim the process let go of,
    # and could turn away the process taking it over.
    assert store.running == 0


async def test_a_first_attempt_does_not_read_back(w: World) -> None:
    w.desks.deals.open_deal(member_id(w.desks.deals, "kenji"), draft())
    alpha = RecordingTransport()

    await w.dispatcher(alpha).drain()

    assert alpha.read_backs == 0
    assert len(alpha.sent) == 2


async def test_settling_a_lost_claim_changes_nothing(w: World) -> None:
    w.desks.deals.open_deal(member_id(w.desks.deals, "kenji"), draft())
    dispatcher = w.dispatcher(RecordingTransport())
    head = (await dispatcher._store(delivery.lane_heads, {"alpha"}, w.clock.now()))[0]
    slow = await dispatcher._store(delivery.claim, head, "slow", timedelta(0))
    fast = await dispatcher._store(delivery.claim, head, "fast", timedelta(seconds=30))
    assert slow is not None and fast is not None

    assert await dispatcher._store(delivery.finish, slow, ["slow-1"], w.clock.now()) is False
    assert await dispatcher._store(delivery.finish, fast, ["fast-1"], w.clock.now()) is True
    with w.sessions.begin() as session:
        row = session.get_one(Delivery, head)
        assert (row.state, row.external_ids) == ("sent", ["fast-1"])


async def test_a_claim_still_held_is_not_taken(w: World) -> None:
    w.desks.deals.open_deal(member_id(w.desks.deals, "kenji"), draft())
    dispatcher = w.dispatcher(RecordingTransport())
    head = (await dispatcher._store(delivery.lane_heads, {"alpha"}, w.clock.now()))[0]

    held = await dispatcher._store(delivery.claim, head, "one", timedelta(seconds=30))
    again = await dispatcher._store(delivery.claim, head, "two", timedelta(seconds=30))

    assert held is not None and again is None
    assert head not in await dispatcher._store(delivery.lane_heads, {"alpha"}, w.clock.now())


async def test_each_part_of_a_split_message_is_sent_once(w: World) -> None:
    w.desks.deals.open_deal(member_id(w.desks.deals, "kenji"), draft())
    # The feed's first part goes, then the process dies: the next one sends parts 2 and 3.
    first = RecordingTransport(parts=3, crash_after=1)
    alpha = RecordingTransport(parts=3)
    with contextlib.suppress(KeyboardInterrupt):
        await w.dispatcher(first, lease=timedelta(0), holder="killed").drain()
    await w.dispatcher(alpha, holder="survivor").drain()

    feed_parts = [t for p, t, *_ in first.sent + alpha.sent if p == FEED]
    assert [t.rsplit(" ", 1)[-1] for t in feed_parts] == ["[1/3]", "[2/3]", "[3/3]"]


async def test_two_dispatchers_at_once_send_each_delivery_once(w: World) -> None:
    _flow(w)
    one, two = RecordingTransport(), RecordingTransport()

    await asyncio.gather(
        w.dispatcher(one, holder="one", parallel=True).drain(),
        w.dispatcher(two, holder="two", parallel=True).drain(),
    )

    assert len(one.sent) + len(two.sent) == 5
    assert set(_states(w, "alpha")) == {"sent"}


async def test_a_delivery_that_keeps_failing_is_parked_and_admins_told_once(w: World) -> None:
    w.desks.deals.open_deal(member_id(w.desks.deals, "kenji"), draft())
    alpha = RecordingTransport(refuse={FEED: DeliveryError("500", transient=True)})

    for _ in range(8):
        await w.dispatcher(alpha, max_attempts=5).drain()
        w.clock.advance(minutes=2)

    with w.sessions.begin() as session:
        feed = session.scalars(select(Delivery).where(Delivery.address == FEED)).all()
        assert [(d.platform, d.state, d.attempts) for d in feed if d.platform == "alpha"] == [
            ("alpha", "parked", 5)
        ]
    told = [t for p, t, *_ in alpha.sent if p == "dm-root"]
    assert len(told) == 1 and "Tokyo Sales" in told[0]


async def test_a_place_that_refuses_for_good_parks_only_its_lane(w: World) -> None:
    kenji = member_id(w.desks.deals, "kenji")
    ref = w.desks.deals.open_deal(kenji, draft()).ref
    alpha = RecordingTransport(failures=[PlaceGone("bot was kicked from the group chat")])

    await w.dispatcher(alpha).drain()
    w.desks.deals.report_progress(kenji, report(ref, ProgressStatus.WON))
    w.clock.advance(minutes=1)
    await w.dispatcher(alpha).drain()

    assert FEED not in [p for p, *_ in alpha.sent]  # nothing more goes to the dead feed
    assert "dm-sato" in [p for p, *_ in alpha.sent]  # other places go on
    told = [t for p, t, *_ in alpha.sent if p == "dm-root"]
    assert len(told) == 1  # once per parked lane, however much waits in it
    with w.sessions.begin() as session:
        lane = session.scalars(
            select(Lane).where(Lane.platform == "alpha", Lane.address == FEED)
        ).one()
        assert lane.state == "parked"

    assert w.desks.outbox.retry(None) == (0, 1)
    await w.dispatcher(alpha).drain()
    assert [p for p, *_ in alpha.sent].count(FEED) == 2  # both waiting posts, in order


async def test_a_person_who_never_started_the_bot_waits_and_their_leader_is_told_once(
    w: World,
) -> None:
    kenji = member_id(w.desks.deals, "kenji")
    yui = member_id(w.desks.deals, "yui")
    never_started = Unreachable("Forbidden: bot can't initiate conversation with a user")
    alpha = RecordingTransport(refuse={"dm-kenji": never_started})
    task = w.desks.deals.open_deal(kenji, draft()).ref
    w.desks.deals.open_deal(yui, draft())

    await w.dispatcher(alpha).drain()
    sato = member_id(w.desks.deals, "sato")
    for advice in w.desks.deals.waiting_tasks(sato):
        w.desks.deals.give_advice(sato, advice.task_id, f"advice on {advice.deal.ref}")
    await w.dispatcher(alpha).drain()
    w.clock.advance(hours=1)
    await w.dispatcher(alpha).drain()

    with w.sessions.begin() as session:
        lane = session.scalars(
            select(Lane).where(Lane.platform == "alpha", Lane.address == "dm-kenji")
        ).one()
        assert lane.state == "held"
    told = [t for p, t, *_ in alpha.sent if p == "dm-sato" and "Kenji" in t]
    assert len(told) == 1  # the leader hears once, not once per waiting message
    assert "dm-yui" in [p for p, *_ in alpha.sent]  # others are not held up

    del alpha.refuse["dm-kenji"]  # kenji presses Start
    assert w.desks.outbox.reachable("alpha", "dm-kenji") == 1
    await w.dispatcher(alpha).drain()
    assert [t for p, t, *_ in alpha.sent if p == "dm-kenji"] == [
        next(t for p, t, *_ in alpha.sent if p == "dm-kenji")
    ]
    assert task in next(t for p, t, *_ in alpha.sent if p == "dm-kenji")


async def test_an_answer_that_could_not_be_sent_directly_goes_through_the_outbox(
    w: World,
) -> None:
    kenji = w.desks.people.person(handle="kenji")
    reply = Reply.of(Message(title="Saved D-1: <b>Forklifts</b>", lines=("*as typed*",)))

    await w.router.queue_reply(kenji, "beta", "view:V123", reply)
    await w.router.queue_reply(kenji, "beta", "view:V123", reply)  # a retried request
    alpha, beta = RecordingTransport("alpha"), RecordingTransport("beta")
    await w.dispatcher(alpha, beta).drain()

    assert alpha.sent == []  # only where the person acted
    assert beta.sent == [("dm-kenji", "Saved D-1: <b>Forklifts</b>", None, False)]


async def test_nothing_queued_for_the_feed_goes_out_once_the_deal_is_lost(w: World) -> None:
    kenji = member_id(w.desks.deals, "kenji")
    ref = w.desks.deals.open_deal(kenji, draft(title="Secret")).ref
    w.desks.deals.report_progress(kenji, report(ref, ProgressStatus.NEGOTIATION))
    w.desks.deals.report_progress(kenji, report(ref, ProgressStatus.LOST, lost_reason="price"))
    alpha = RecordingTransport()

    await w.dispatcher(alpha).drain()

    assert FEED not in [p for p, *_ in alpha.sent]
    assert "dropped" in _states(w, "alpha")


async def test_a_card_is_changed_in_place_on_every_platform_after_it_went_out(w: World) -> None:
    kenji, sato = member_id(w.desks.deals, "kenji"), member_id(w.desks.deals, "sato")
    w.desks.deals.open_deal(kenji, draft(title="Forklifts"))
    (task,) = w.desks.deals.waiting_tasks(sato)
    w.desks.deals.give_advice(sato, task.task_id, "Bring the CFO")  # before anything was sent
    alpha, beta = RecordingTransport("alpha"), RecordingTransport("beta")

    await w.dispatcher(alpha, beta).drain()

    for transport in (alpha, beta):
        card = next(i for i, (p, *_) in enumerate(transport.sent) if p == "dm-sato")
        card_id = f"{transport.platform}-{card + 1}"
        ((place, edited_id, text),) = transport.edits
        assert (place, edited_id) == ("dm-sato", card_id)
        assert "Forklifts" in text and "Give advice" not in text


async def test_a_card_held_in_a_parked_place_is_changed_once_it_goes_out(w: World) -> None:
    kenji = member_id(w.desks.deals, "kenji")
    ref = w.desks.deals.open_deal(kenji, draft()).ref
    alpha = RecordingTransport(refuse={"dm-sato": PlaceGone("user_not_found")})
    await w.dispatcher(alpha).drain()

    w.desks.deals.report_progress(kenji, report(ref, ProgressStatus.LOST, lost_reason="x"))
    assert w.desks.outbox.retry(None) == (0, 1)  # the admin fixed the place; the card waits
    del alpha.refuse["dm-sato"]
    await w.dispatcher(alpha).drain()

    assert [p for p, *_ in alpha.sent].count("dm-sato") >= 2  # the task, then the lost DM
    assert len(alpha.edits) == 1  # the card, once out, is changed once


async def test_a_card_that_never_went_out_has_nothing_to_change(w: World) -> None:
    kenji = member_id(w.desks.deals, "kenji")
    ref = w.desks.deals.open_deal(kenji, draft()).ref
    alpha = RecordingTransport(refuse={"dm-sato": DeliveryError("500", transient=True)})
    for _ in range(6):
        await w.dispatcher(alpha, max_attempts=5).drain()
        w.clock.advance(minutes=2)

    w.desks.deals.report_progress(kenji, report(ref, ProgressStatus.LOST, lost_reason="x"))
    del alpha.refuse["dm-sato"]
    await w.dispatcher(alpha).drain()

    assert alpha.edits == []
    assert "pending" not in _states(w, "alpha")


async def test_cancelling_the_loop_just_as_it_is_woken_stops_it(w: World) -> None:
    # Python 3.11's asyncio.wait_for loses a cancellation that arrives as its awaitable
    # finishes; a dispatcher loop built on it would then run on after being cancelled.
    for _ in range(50):
        dispatcher = w.dispatcher(RecordingTransport())
        task = asyncio.create_task(dispatcher.run_forever(tick=5.0))
        for _ in range(3):  # into its first wait for a wake-up
            await asyncio.sleep(0)
        dispatcher.wake()
        task.cancel()
        done, _ = await asyncio.wait([task], timeout=2.0)
        assert done == {task} and task.cancelled()
