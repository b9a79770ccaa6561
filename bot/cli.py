"""The `dealbot` command: shell, run, db upgrade, import, remind, outbox, --version."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from typing import Any

from dealbot.bot import preflight
from dealbot.bot.errors import OperatorError
from dealbot.bot.settings import Settings


def _db_upgrade(settings: Settings) -> int:
    from dealbot.bot.schema import upgrade
    from dealbot.domain.core.store import make_engine

    upgrade(make_engine(settings.sqlalchemy_url))
    print("database is at the newest schema")
    return 0


class _Version(argparse.Action):
    """`--version`, looking the version up only when asked (importlib.metadata is slow to
    import, and every command starts here)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        from importlib.metadata import version

        print(f"dealbot {version('dealbot')}")
        parser.exit()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dealbot", description="Chat-ops bot for sales teams")
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    commands = parser.add_subparsers(dest="command", required=True)
    shell = commands.add_parser("shell", help="talk to the bot in this terminal")
    shell.add_argument("--as", dest="handle", help="start as this member handle")
    run = commands.add_parser("run", help="serve every configured front end")
    run.add_argument(
        "--http", action="store_true", help="serve Slack HTTP mode and webhooks on one port"
    )
    db = commands.add_parser("db", help="database maintenance")
    db.add_argument("action", choices=["upgrade"])
    outbox = commands.add_parser("outbox", help="what waits to be delivered, and what is parked")
    outbox_actions = outbox.add_subparsers(dest="outbox_action")
    retry = outbox_actions.add_parser("retry", help="send parked deliveries again")
    which = retry.add_mutually_exclusive_group(required=True)
    which.add_argument("delivery", nargs="?", type=int, help="the id `dealbot outbox` shows")
    which.add_argument("--all", action="store_true", help="every parked delivery and place")
    importing = commands.add_parser(
        "import", help="load customers or products from a CSV file (UTF-8, ; or , separated)"
    )
    importing.add_argument("kind", choices=["customers", "products"])
    importing.add_argument("file", help="the CSV file; its first line names the columns")
    importing.add_argument(
        "--team", help="the team the customers belong to (needed with several teams)"
    )
    remind = commands.add_parser(
        "remind", help="one reminder sweep as of an instant (writes the reminders to the outbox)"
    )
    remind.add_argument(
        "--at", required=True, help="the instant, ISO 8601 with its zone: 2027-03-01T00:00:00Z"
    )
    remind.add_argument(
        "--deliver", action="store_true", help="deliver them now rather than by `dealbot run`"
    )
    remind.add_argument("--quiet", action="store_true", help="print only each team's summary")
    args = parser.parse_args(argv)
    try:
        settings = preflight.settings()
        if args.command == "shell":
            from dealbot.bot import shell_cli

            return shell_cli.run(settings, args.handle)
        if args.command == "run":
            import asyncio

            from dealbot.bot.run import run_until_signalled

            logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
            # httpx logs every request at INFO (each long poll of Telegram): only its problems.
            logging.getLogger("httpx").setLevel(logging.WARNING)
            asyncio.run(run_until_signalled(settings, http=args.http))
            return 0
        if args.command == "import":
            from dealbot.bot import import_cli

            return import_cli.run(settings, args.kind, args.file, args.team)
        if args.command == "remind":
            from dealbot.bot import remind_cli

            return remind_cli.run(settings, args.at, deliver=args.deliver, quiet=args.quiet)
        if args.command == "db":
            return _db_upgrade(settings)
        if args.command == "outbox":
            from dealbot.bot import outbox_cli

            if args.outbox_action == "retry":
                return outbox_cli.retry(settings, None if args.all else args.delivery)
            return outbox_cli.show(settings)
    except OperatorError as error:
        print(f"dealbot: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 1


if __name__ == "__main__":
    sys.exit(main())
