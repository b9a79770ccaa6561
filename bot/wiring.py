"""Building the parts of a dealbot process; nothing heavy happens until these are called."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sqlalchemy import Engine

from dealbot.bot.capabilities import Desks, build_desks, build_registry
from dealbot.bot.directory_file import load_directory
from dealbot.bot.dispatcher import DeliveryPolicy, Dispatcher
from dealbot.bot.errors import OperatorError
from dealbot.bot.schema import upgrade
from dealbot.bot.settings import Settings
from dealbot.domain.core import runners
from dealbot.domain.core.clock import Clock, SystemClock
from dealbot.domain.core.directory import sync_directory
from dealbot.domain.core.runners import new_runner_id
from dealbot.domain.core.store import SessionFactory, make_engine, make_session_factory
from dealbot.domain.outbox.notify import Addresses, ChatAddresses, LocalAddresses, Outbox
from dealbot.handlers.core.registry import Registry
from dealbot.handlers.core.router import Router
from dealbot.handlers.core.state import FrontState
from dealbot.handlers.core.transport import Transport
from dealbot.handlers.shell.render import ActionBoard, Printer
from dealbot.handlers.shell.session import ShellSession
from dealbot.handlers.shell.transport import ShellTransport
from dealbot.scheduler.sweeps import ReminderSweeps


@dataclass
class Core:
    settings: Settings
    engine: Engine
    sessions: SessionFactory
    clock: Clock
    outbox: Outbox
    desks: Desks
    registry: Registry
    router: Router
    state: FrontState
    runner_id: str
    sample: bool


def delivery_policy(settings: Settings) -> DeliveryPolicy:
    return DeliveryPolicy(
        lease=timedelta(seconds=settings.delivery_lease_seconds),
        max_attempts=settings.delivery_max_attempts,
        retry_for=timedelta(hours=settings.delivery_retry_hours),
    )


# Store calls run on worker threads (the store is synchronous); enough of them that a burst of
# clicks does not queue behind a few slow queries, as many as the pool has connections.
STORE_THREADS = 8


def open_store(settings: Settings) -> SessionFactory:
    """The store at the newest schema, without touching the team directory."""
    engine = make_engine(settings.sqlalchemy_url)
    upgrade(engine)
    return make_session_factory(engine)


def build_core(
    settings: Settings,
    clock: Clock | None = None,
    *,
    local: bool = False,
    allow_sample: bool = False,
) -> Core:
    """Open the store (migrated to the newest schema) and load the team directory into it.

    `local` is the shell: its notifications are printed in the terminal and never reach a
    chat platform; it alone may use the built-in sample team (`allow_sample`).
    """
    teams, members, sample = load_directory(settings.config_path)
    if sample and not allow_sample:
        raise OperatorError(f"no teams file at {Path(settings.config_path).resolve()}")
    # A connection kept for each store thread: one beyond the pool's size would be closed
    # each time it is returned and opened again (a handshake) for the next busy moment.
    engine = make_engine(settings.sqlalchemy_url, pool_size=STORE_THREADS)
    upgrade(engine)
    sessions = make_session_factory(engine)
    with sessions.begin() as session:
        sync_directory(session, teams, members, deactivate_missing=not sample)
    clock = clock or SystemClock()
    addresses: Addresses = LocalAddresses() if local else ChatAddresses()
    outbox = Outbox(addresses)
    desks = build_desks(sessions, clock, outbox)
    registry = build_registry(desks)
    return Core(
        settings=settings,
        engine=engine,
        sessions=sessions,
        clock=clock,
        outbox=outbox,
        desks=desks,
        registry=registry,
        router=Router(registry, desks.people),
        state=FrontState(sessions),
        runner_id=new_runner_id(),
        sample=sample,
    )


def build_dispatcher(
    core: Core,
    transports: list[Transport] | None = None,
    *,
    parallel: bool = True,
    policy: DeliveryPolicy | None = None,
) -> Dispatcher:
    return Dispatcher(
        core.sessions,
        transports or [],
        core.router,
        core.outbox,
        holder=core.runner_id,
        clock=core.clock,
        policy=policy or delivery_policy(core.settings),
        parallel=parallel,
    )


def build_shell(core: Core, printer: Printer, handle: str | None = None) -> ShellSession:
    board = ActionBoard()
    dispatcher = build_dispatcher(core, [ShellTransport(printer, board)], parallel=False)
    sweeps = ReminderSweeps(core.desks.reminders, core.clock)

    async def deliver() -> None:
        # The shell has no timer: reminders are swept between the lines typed, every few
        # minutes, and printed with everything else.
        await sweeps.when_due()
        await dispatcher.drain()

    people = core.desks.people.people()
    start = handle or next((p.handle for p in people if "sales" in p.roles), people[0].handle)
    return ShellSession(core.router, deliver, printer, board, start)


# A bot process refreshes its heartbeat this often; one not seen for LIVE_WITHIN is gone.
HEARTBEAT = timedelta(seconds=5)
LIVE_WITHIN = timedelta(seconds=30)


def register_runner(core: Core, mode: str, platforms: list[str]) -> None:
    with core.sessions.begin() as session:
        runners.register(session, core.runner_id, mode, platforms)


def heartbeat(core: Core) -> None:
    with core.sessions.begin() as session:
        runners.heartbeat(session, core.runner_id)


def unregister_runner(core: Core) -> None:
    with core.sessions.begin() as session:
        runners.unregister(session, core.runner_id)


def live_bots(core: Core) -> list[runners.LiveRunner]:
    """The `dealbot run` processes serving this database now."""
    with core.sessions.begin() as session:
        return runners.live(session, "run", LIVE_WITHIN)


def forget_old_requests(core: Core) -> None:
    """Handled Slack requests and Telegram update ids are kept 7 days (PRODUCT.md §8)."""
    core.state.forget_handled(core.clock.now())


def prepare_loop() -> None:
    """The running loop's worker threads for store calls (`asyncio.to_thread`)."""
    asyncio.get_running_loop().set_default_executor(
        ThreadPoolExecutor(STORE_THREADS, thread_name_prefix="store")
    )
