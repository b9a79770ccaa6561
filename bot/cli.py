"""The `dealbot` command: shell, run, db upgrade, import, outbox."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from dealbot.bot.errors import OperatorError
from dealbot.bot.settings import Settings


def _printer(text: str) -> None:
    print(text, flush=True)


async def _shell(settings: Settings, handle: str | None) -> int:
    from dealbot.bot.wiring import build_core, build_shell, live_bots

    core = build_core(settings, local=True)
    running = live_bots(core)
    if running:
        # The shell prints notifications instead of sending them; next to a running bot it
        # would show people's real work in this terminal.
        raise OperatorError(
            f"this database is in use by `dealbot run` ({running[0].id}); "
            "give the shell its own DATABASE_URL"
        )
    shell = build_shell(core, _printer, handle)
    if core.sample:
        _printer(f"(no {settings.config_path}: using the built-in sample team)")
    await shell.greet()
    interactive = sys.stdin.isatty()
    while True:
        if interactive:
            prompt = f"{shell.handle}> "
            line = await asyncio.to_thread(_read_line, prompt)
        else:
            line = await asyncio.to_thread(sys.stdin.readline)
            if line:
                _printer(f"{shell.handle}> {line.rstrip()}")
        if line is None or line == "":
            return 0
        if not await shell.feed(line):
            return 0


def _read_line(prompt: str) -> str | None:
    try:
        return input(prompt) + "\n"
    except EOFError:
        return None


def _db_upgrade(settings: Settings) -> int:
    from dealbot.bot.schema import upgrade
    from dealbot.domain.core.store import make_engine

    upgrade(make_engine(settings.sqlalchemy_url))
    print("database is at the newest schema")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dealbot", description="Chat-ops bot for sales teams")
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
    args = parser.parse_args(argv)
    settings = Settings()
    try:
        if args.command == "shell":
            return asyncio.run(_shell(settings, args.handle))
        if args.command == "run":
            from dealbot.bot.run import serve

            logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
            asyncio.run(serve(settings, http=args.http))
            return 0
        if args.command == "import":
            from dealbot.bot import import_cli

            return import_cli.run(settings, args.kind, args.file, args.team)
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
