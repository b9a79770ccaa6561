"""Building the parts of a dealbot process; nothing heavy happens until these are called."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from dealbot.bot.directory_file import load_directory
from dealbot.bot.dispatcher import Dispatcher
from dealbot.bot.settings import Settings
from dealbot.domain.clock import Clock, SystemClock
from dealbot.domain.desk import DealDesk
from dealbot.domain.directory import sync_directory
from dealbot.domain.store import SessionFactory, make_engine, make_session_factory, upgrade
from dealbot.handlers.conversation import Conversations
from dealbot.handlers.shell.render import ActionBoard, Printer
from dealbot.handlers.shell.session import ShellSession
from dealbot.handlers.shell.transport import ShellTransport


@dataclass
class Core:
    engine: Engine
    sessions: SessionFactory
    desk: DealDesk
    conversations: Conversations
    sample: bool


def build_core(settings: Settings, clock: Clock | None = None) -> Core:
    """Open the store (migrated to the newest schema) and load the team directory into it."""
    teams, members, sample = load_directory(settings.config_path)
    engine = make_engine(settings.sqlalchemy_url)
    upgrade(engine)
    sessions = make_session_factory(engine)
    with sessions.begin() as session:
        sync_directory(session, teams, members)
    desk = DealDesk(sessions, clock or SystemClock())
    return Core(engine, sessions, desk, Conversations(desk), sample)


def build_shell(core: Core, printer: Printer, handle: str | None = None) -> ShellSession:
    board = ActionBoard()
    dispatcher = Dispatcher(
        core.sessions, [ShellTransport(printer, board)], clock=core.desk.clock, parallel=False
    )
    people = core.desk.people()
    start = handle or next((p.handle for p in people if "sales" in p.roles), people[0].handle)
    return ShellSession(core.conversations, dispatcher.drain, printer, board, start)
