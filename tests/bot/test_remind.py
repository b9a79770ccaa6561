"""`dealbot remind --at <instant>` (PRODUCT.md §5): one sweep as of the instant on a fresh
database, one-line errors, and several processes sweeping one database at once."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, insert, select, text

from dealbot.bot.cli import main
from dealbot.bot.schema import upgrade
from dealbot.domain.core.store import make_engine, make_session_factory
from dealbot.domain.customers.models import Customer
from dealbot.domain.outbox.models import Notification
from dealbot.domain.outbox.notify import Outbox
from dealbot.domain.reminders.desk import ReminderDesk
from dealbot.domain.reminders.models import Reminder
from support.reminders import TEAMS, add_customer, at, ids, setup
from support.store import (
    PG_URL,
    FakeClock,
    drop_scratch_postgres,
    fresh_postgres,
    scratch_postgres,
)

DEALBOT = str(Path(sys.executable).parent / "dealbot")
CUSTOMERS = 600


def _dealbot(args: list[str], cwd: Path, url: str) -> subprocess.Popen[str]:
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "DEALBOT_"))
    }
    environment["DATABASE_URL"] = url
    return subprocess.Popen(
        [DEALBOT, *args],
        cwd=cwd,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _cli(
    args: list[str], cwd: Path, url: str, monkeypatch: pytest.MonkeyPatch
) -> tuple[int, list[str], str]:
    """The `dealbot` command in this process (the same `main` the console script runs)."""
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.chdir(cwd)
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.delenv("DEALBOT_CONFIG", raising=False)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return code, out.getvalue().splitlines(), err.getvalue()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database nothing was migrated in yet, and the teams file beside it."""
    (tmp_path / "dealbot.toml").write_text(TEAMS, encoding="utf-8")
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
        return
    fresh_postgres().dispose()
    yield PG_URL


def test_remind_on_a_fresh_database_migrates_reads_the_teams_and_sweeps_once(
    database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "customers.csv").write_text(
        "name,owner,founded,contract_title,contract_end\n"
        "Acme,kenji,2001-03-01,Maintenance,2027-03-31\n",
        encoding="utf-8",
    )
    importing = ["import", "customers", "customers.csv", "--team", "Tokyo Sales"]
    assert _cli(importing, tmp_path, database, monkeypatch)[0] == 0
    code, lines, err = _cli(
        ["remind", "--at", "2027-03-01T00:00:00Z"], tmp_path, database, monkeypatch
    )
    assert code == 0, err
    assert lines[0] == (
        "Tokyo Sales (Asia/Tokyo, 09:00): reminders through 2027-03-01: 3 sent, 0 late, 0 missed"
    )
    assert [" ".join(line.split()) for line in lines[1:4]] == [
        "sent founded C-1 Acme → Kenji Tanaka (@kenji), 2027-03-01",
        "sent contract_end C-1 Acme: Maintenance → Kenji Tanaka (@kenji), 2027-03-01",
        "sent digest Tokyo Sales 2027-02-22–2027-02-28 → Sato Hanako (@sato), 2027-03-01",
    ]
    assert lines[-1] == (
        "3 reminder messages written to the outbox as of 2027-03-01T00:00:00+00:00"
    )
    again = ["remind", "--at", "2027-03-01T00:00:00Z", "--quiet"]
    code, lines, _ = _cli(again, tmp_path, database, monkeypatch)
    assert code == 0 and lines[-1].startswith("0 reminder messages written")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["remind", "--at", "tomorrow"], "dealbot: --at 'tomorrow' is not an ISO 8601 instant"),
        (
            ["remind", "--at", "2027-03-01T09:00"],
            "dealbot: --at '2027-03-01T09:00' has no time zone",
        ),
        (["remind", "--at", "2027-03-01T00:00Z", "--deliver"], "dealbot: --deliver needs"),
    ],
)
def test_operator_mistakes_are_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], said: str
) -> None:
    (tmp_path / "dealbot.toml").write_text(TEAMS, encoding="utf-8")
    database = tmp_path / "untouched.sqlite3"
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    code, out, err = _cli(args, tmp_path, f"sqlite:///{database}", monkeypatch)
    assert code == 2 and out == []
    assert err.startswith(said) and len(err.splitlines()) == 1
    assert not database.exists()  # nothing was changed


def test_a_broken_reminders_setting_is_one_line_naming_the_team_and_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = TEAMS.replace("key_date_days = 0", "key_date_days = 0\nhour = 24")
    (tmp_path / "dealbot.toml").write_text(broken, encoding="utf-8")
    code, _, err = _cli(
        ["remind", "--at", "2027-03-01T00:00Z"], tmp_path, "sqlite:///x.db", monkeypatch
    )
    assert code == 2
    assert err == (
        "dealbot: dealbot.toml: teams[1] (\"New York Sales\"): field 'reminders.hour': "
        "Input should be less than or equal to 23\n"
    )


def test_processes_sweeping_one_postgresql_at_once_send_every_reminder_once(
    tmp_path: Path, clock: FakeClock
) -> None:
    (tmp_path / "dealbot.toml").write_text(TEAMS, encoding="utf-8")
    url = scratch_postgres("remind")
    engine = make_engine(url)
    try:
        upgrade(engine)
        sessions = make_session_factory(engine)
        setup(sessions, clock)
        owners = ids(sessions)
        with sessions.begin() as session:
            session.execute(
                insert(Customer),
                [
                    {
                        "team_id": owners["Tokyo Sales"],
                        "name": f"Customer {n:04d}",
                        "owner_id": owners[("kenji", "yui")[n % 2]],
                        "founded": date(1950 + n % 70, 3, 1),
                        "created_at": clock.now(),
                    }
                    for n in range(CUSTOMERS)
                ],
            )
        sweeps = [
            _dealbot(["remind", "--at", "2027-03-01T00:00:00Z", "--quiet"], tmp_path, url)
            for _ in range(3)
        ]
        outputs = [process.communicate(timeout=60) for process in sweeps]
        assert [process.returncode for process in sweeps] == [0, 0, 0], outputs
        sent = [int(out.splitlines()[0].split(": ")[-1].split(" sent")[0]) for out, _ in outputs]
        assert sum(sent) == CUSTOMERS + 1  # every key date and the digest, by one process each
        with engine.connect() as connection:
            notes = connection.execute(
                select(Notification.recipient_id, func.count())
                .where(Notification.kind.like("reminder%"))
                .group_by(Notification.recipient_id)
            ).all()
            ledger = connection.execute(select(func.count()).select_from(Reminder)).scalar()
        assert len(notes) == 3 and all(count == 1 for _, count in notes)  # kenji, yui, sato
        assert ledger == CUSTOMERS + 1
    finally:
        engine.dispose()
        drop_scratch_postgres(url)


def test_a_sweep_waiting_on_another_ones_ledger_rows_on_postgresql_sends_nothing_twice(
    clock: FakeClock,
) -> None:
    """Two sweeps interleaved on purpose: the first holds its ledger rows uncommitted while
    the second reaches them; the second waits on the unique key, then finds them taken."""
    engine = fresh_postgres()
    upgrade(engine)
    sessions = make_session_factory(engine)
    setup(sessions, clock)
    for n in range(20):
        add_customer(sessions, "Tokyo Sales", f"C{n}", owner="kenji", founded=date(1980 + n, 3, 1))
    holding, release = threading.Event(), threading.Event()

    class Holding(Outbox):
        def notify_all(self, *args: object, **kwargs: object) -> list[list[int]]:
            if not holding.is_set():
                holding.set()  # the ledger rows are written, not committed
                assert release.wait(20)
            return super().notify_all(*args, **kwargs)  # type: ignore[arg-type]

    first = ReminderDesk(sessions, clock, Holding())
    second = ReminderDesk(sessions, clock, Outbox())
    instant = at("2027-03-01T00:00Z")
    try:
        with ThreadPoolExecutor(2) as pool:
            one = pool.submit(first.sweep, instant)
            assert holding.wait(20)
            two = pool.submit(second.sweep, instant)
            _wait_for_a_lock_wait(engine)
            release.set()
            reports = [one.result(timeout=30), two.result(timeout=30)]
        with sessions.begin() as session:
            count = session.scalar(
                select(func.count())
                .select_from(Notification)
                .where(Notification.kind.like("reminder%"))
            )
        assert [r.notifications for r in reports] == [2, 0]  # kenji's key dates, the digest
        assert count == 2
    finally:
        release.set()
        engine.dispose()


def _wait_for_a_lock_wait(engine: Engine, timeout: float = 20.0) -> None:
    """Until a backend of this database waits for a lock (the second sweep on the key)."""
    deadline = time.monotonic() + timeout
    with engine.connect() as connection:
        while time.monotonic() < deadline:
            waiting = connection.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND wait_event_type = 'Lock'"
                )
            ).scalar()
            connection.rollback()
            if waiting:
                return
            time.sleep(0.01)  # polled: the condition, not the pause, is what is waited for
    raise AssertionError("the second sweep never waited on the first one's ledger rows")
