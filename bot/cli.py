"""The `dealbot` command: shell, run, db upgrade."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from dealbot.bot.directory_file import ConfigError
from dealbot.bot.settings import Settings


def _printer(text: str) -> None:
    print(text, flush=True)


async def _shell(settings: Settings, handle: str | None) -> int:
    from dealbot.bot.wiring import build_core, build_shell

    core = build_core(settings)
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
    from dealbot.domain.store import make_engine, upgrade

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
        if args.command == "db":
            return _db_upgrade(settings)
    except ConfigError as error:
        print(f"dealbot: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 1


if __name__ == "__main__":
    sys.exit(main())
