"""`dealbot remind --at <ISO instant> [--deliver] [--quiet]`: one reminder sweep as of that
instant (PRODUCT.md §5), for operators and tests.

It writes what is due to the outbox, as `dealbot run`'s sweeps do: a running `dealbot run`
delivers it, or `--deliver` does it here. Like `dealbot import` it works on a fresh database:
it applies the migrations and reads the teams from dealbot.toml itself.
"""

from __future__ import annotations

import sys
from datetime import datetime
from typing import TextIO

from dealbot.bot.directory_file import load_directory
from dealbot.bot.errors import OperatorError
from dealbot.bot.reminders_wiring import reminder_desk
from dealbot.bot.schema import upgrade
from dealbot.bot.settings import Settings
from dealbot.domain.core.clock import Clock, SystemClock
from dealbot.domain.core.directory import sync_directory
from dealbot.domain.core.store import make_engine, make_session_factory
from dealbot.domain.outbox.notify import Outbox
from dealbot.domain.reminders.kinds import State
from dealbot.domain.reminders.sweep import SweepReport

SHOWN = (State.SENT, State.LATE, State.MISSED, State.MUTED, State.SUPERSEDED)


def parse_instant(text: str) -> datetime:
    """`2027-03-01T00:00:00Z` or with an offset; a time without its zone is refused."""
    try:
        instant = datetime.fromisoformat(text.strip())
    except ValueError:
        raise OperatorError(
            f"--at {text!r} is not an ISO 8601 instant such as 2027-03-01T00:00:00Z"
        ) from None
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise OperatorError(
            f"--at {text!r} has no time zone: add Z or an offset, such as 2027-03-01T09:00:00+09:00"
        )
    return instant


def print_report(report: SweepReport, out: TextIO, *, quiet: bool) -> None:
    for team in report.teams:
        counts = ", ".join(
            f"{team.counts[s]} {s.value}"
            for s in SHOWN
            if team.counts[s] or s in (State.SENT, State.LATE, State.MISSED)
        )
        print(
            f"{team.team} ({team.timezone}, {team.hour:02d}:00): reminders through "
            f"{team.day.isoformat()}: {counts}",
            file=out,
        )
        if quiet:
            continue
        for written in team.written:
            print(
                f"  {written.state.value:10} {written.kind.value:22} {written.label} → "
                f"{written.member} (@{written.handle}), {written.on.isoformat()}",
                file=out,
            )
    total = report.notifications
    print(
        f"{total} reminder message{'s' if total != 1 else ''} written to the outbox as of "
        f"{report.as_of.isoformat()}",
        file=out,
    )


def run(
    settings: Settings,
    at: str,
    *,
    deliver: bool = False,
    quiet: bool = False,
    out: TextIO | None = None,
    clock: Clock | None = None,
) -> int:
    out = out or sys.stdout
    as_of = parse_instant(at)
    if deliver and not (settings.slack_bot_token or settings.telegram_bot_token):
        raise OperatorError(
            "--deliver needs SLACK_BOT_TOKEN or TELEGRAM_BOT_TOKEN; without them a running "
            "`dealbot run` delivers what this writes"
        )
    teams, members, sample = load_directory(settings.config_path)
    engine = make_engine(settings.sqlalchemy_url)
    try:
        upgrade(engine)
        sessions = make_session_factory(engine)
        with sessions.begin() as session:
            sync_directory(session, teams, members, deactivate_missing=not sample)
        report = reminder_desk(sessions, clock or SystemClock(), Outbox()).sweep(as_of)
    finally:
        engine.dispose()
    print_report(report, out, quiet=quiet)
    if deliver:
        import asyncio

        from dealbot.bot.remind_delivery import deliver_now

        waiting = asyncio.run(deliver_now(settings))
        print(f"delivered; {waiting} still waiting (see `dealbot outbox`)", file=out)
    return 0
