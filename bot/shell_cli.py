"""`dealbot shell` as a terminal program: line editing and history (readline), Ctrl-C cancels
the form being answered, Ctrl-C at the prompt or Ctrl-D leaves.

Input is read on the main thread, where Ctrl-C arrives as KeyboardInterrupt; each line is then
handled on one asyncio loop that lives as long as the shell.
"""

from __future__ import annotations

import asyncio
import sys

from dealbot.bot.errors import OperatorError
from dealbot.bot.settings import Settings
from dealbot.bot.wiring import build_core, build_shell, live_bots
from dealbot.handlers.shell.session import ShellSession


def _print(text: str) -> None:
    print(text, flush=True)


def _open(settings: Settings, handle: str | None) -> ShellSession:
    core = build_core(settings, local=True, allow_sample=True)
    running = live_bots(core)
    if running:
        core.engine.dispose()
        # The shell prints notifications instead of sending them; next to a running bot it
        # would show people's real work in this terminal.
        raise OperatorError(
            f"this database is in use by `dealbot run` ({running[0].id}); "
            "give the shell its own DATABASE_URL"
        )
    if core.sample:
        _print(f"(no {settings.config_path}: using the built-in sample team)")
    return build_shell(core, _print, handle)


def _line(shell: ShellSession, interactive: bool) -> str:
    """One typed line; EOFError at Ctrl-D or the end of piped input."""
    if interactive:
        return input(f"{shell.handle}> ")
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    _print(f"{shell.handle}> {line.rstrip()}")  # a transcript of piped input reads like a session
    return line


async def _deliver(shell: ShellSession) -> None:
    await shell.deliver()


def run(settings: Settings, handle: str | None) -> int:
    interactive = sys.stdin.isatty()
    if interactive:
        import readline  # noqa: F401  (importing it gives input() line editing and history)
    with asyncio.Runner() as loop:
        shell = _open(settings, handle)
        loop.run(shell.greet())
        loop.run(_deliver(shell))  # today's reminders, if the reminder hour has come
        while True:
            try:
                line = _line(shell, interactive)
            except EOFError:
                _print("")
                return 0
            except KeyboardInterrupt:
                _print("")
                if loop.run(shell.interrupt()):
                    continue  # the form was cancelled; another Ctrl-C leaves
                return 0
            try:
                if not loop.run(shell.feed(line)):
                    return 0
            except KeyboardInterrupt:  # Ctrl-C while the line was being handled
                _print("")
                if not loop.run(shell.interrupt()):
                    return 0
