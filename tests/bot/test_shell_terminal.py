"""`dealbot shell` in a real terminal: Ctrl-C cancels the form, a second Ctrl-C leaves."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

DEALBOT = str(Path(sys.executable).parent / "dealbot")


class Terminal:
    """The shell on a pseudo-terminal, read until the expected text shows."""

    def __init__(self, cwd: Path) -> None:
        self.master, slave = pty.openpty()
        env = {
            k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "DEALBOT_"))
        }
        self.process = subprocess.Popen(
            [DEALBOT, "shell"], cwd=cwd, stdin=slave, stdout=slave, stderr=slave, env=env
        )
        os.close(slave)
        self.seen = ""

    def expect(self, text: str, timeout: float = 30, after: str = "") -> str:
        """Read until `text` shows (after the last `after`, when given)."""
        deadline = time.monotonic() + timeout
        while text not in self.seen[self.seen.rfind(after) if after else 0 :]:
            if time.monotonic() > deadline:
                raise AssertionError(f"never saw {text!r}; the terminal shows:\n{self.seen}")
            ready, _, _ = select.select([self.master], [], [], 0.5)
            if ready:
                try:
                    self.seen += os.read(self.master, 4096).decode(errors="replace")
                except OSError:
                    break
        return self.seen

    def type(self, line: str) -> None:
        os.write(self.master, (line + "\n").encode())

    def waiting_for_a_key(self) -> bool:
        """Whether the shell sits in readline's wait for a key (the kernel says so).

        A Ctrl-C that arrives while readline is still getting ready is seen only at the next
        key: CPython checks for it just before it waits. A person presses Ctrl-C while the
        prompt waits, so the test does too.
        """
        wchan = Path(f"/proc/{self.process.pid}/wchan").read_text()
        return "select" in wchan or "poll" in wchan

    def interrupt(self) -> None:
        deadline = time.monotonic() + 30
        while not self.waiting_for_a_key():
            if time.monotonic() > deadline:
                raise AssertionError("the shell never waited for a key")
            select.select([], [], [], 0.01)  # poll the kernel's view, not a fixed wait
        self.process.send_signal(signal.SIGINT)  # what the terminal sends for Ctrl-C


def test_ctrl_c_cancels_the_form_and_a_second_ctrl_c_leaves(tmp_path: Path) -> None:
    terminal = Terminal(tmp_path)
    terminal.expect("sam> ")
    terminal.type("/deal new")
    terminal.expect("? Customer")
    terminal.type("Acme")
    terminal.expect("sam> ", after="? Deal title")  # waiting at the prompt

    terminal.interrupt()
    terminal.expect("Cancelled; nothing was saved.")
    terminal.expect("sam> ")
    terminal.type("/deal list")
    terminal.expect("You have no open deals")
    shown = terminal.expect("sam> ", after="You have no open deals")
    terminal.interrupt()

    assert terminal.process.wait(timeout=10) == 0
    assert "Traceback" not in shown


def test_ctrl_d_leaves_cleanly(tmp_path: Path) -> None:
    terminal = Terminal(tmp_path)
    terminal.expect("sam> ")
    os.write(terminal.master, b"\x04")  # Ctrl-D at an empty line

    assert terminal.process.wait(timeout=10) == 0
    assert "Traceback" not in terminal.seen
