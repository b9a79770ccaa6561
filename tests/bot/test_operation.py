"""`dealbot run` as an operator meets it: one line and exit 2 for a mistake, the team in the
database untouched by a process that refuses to start, a clean stop on SIGTERM, /healthz."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import select

from dealbot.bot.http_wiring import serve_api
from dealbot.bot.settings import Settings
from dealbot.bot.wiring import Core, build_core
from dealbot.domain.core.models import Member
from dealbot.domain.core.runners import Runner
from dealbot.domain.core.store import make_engine
from dealbot.handlers.core.registry import Registry
from support.standins.telegram_api import TelegramStandin
from support.store import PG_URL

DEALBOT = str(Path(sys.executable).parent / "dealbot")
CONFIG = """
[[teams]]
name = "T"
leader = "lea"
telegram_chat = -1001

[[members]]
handle = "lea"
name = "Lea"
team = "T"
roles = ["leader"]
telegram_user = 11

[[members]]
handle = "max"
name = "Max"
team = "T"
roles = ["sales"]
"""


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "DEALBOT_"))}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'team.sqlite3'}"
    env["DEALBOT_CONFIG"] = str(tmp_path / "dealbot.toml")
    env.update(extra)
    for name in ("SLACK_BOT_TOKEN", "TELEGRAM_BOT_TOKEN", "SLACK_APP_TOKEN"):
        if name not in extra:
            env.pop(name, None)
    return env


async def _run(tmp_path: Path, *args: str, **extra: str) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        DEALBOT,
        *args,
        cwd=tmp_path,
        env=_env(tmp_path, **extra),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


def _team_in_store(tmp_path: Path) -> list[tuple[str, bool]]:
    engine = make_engine(f"sqlite:///{tmp_path / 'team.sqlite3'}")
    try:
        with engine.connect() as connection:
            rows = connection.execute(select(Member.handle, Member.active).order_by(Member.id))
            return [(handle, bool(active)) for handle, active in rows]
    finally:
        engine.dispose()


def _one_line(err: str) -> str:
    assert err.count("\n") == 1 and err.startswith("dealbot: "), err
    return err


async def test_without_a_teams_file_run_names_the_path_and_exits_2(tmp_path: Path) -> None:
    code, _, err = await _run(tmp_path, "run")

    assert code == 2
    assert str(tmp_path / "dealbot.toml") in _one_line(err)
    assert not (tmp_path / "team.sqlite3").exists()  # nothing was created or changed


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"DEALBOT_HTTP_PORT": "eighty"}, "DEALBOT_HTTP_PORT"),
        ({"DATABASE_URL": "postgresql://dealbot:dealbot@127.0.0.1:1/none"}, "cannot open"),
        (
            {"DATABASE_URL": PG_URL.replace("dealbot:dealbot@", "dealbot:wrong@")},
            "password authentication failed",
        ),
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_APP_TOKEN"),
    ],
)
async def test_each_operator_mistake_is_one_line_and_exit_2(
    tmp_path: Path, extra: dict[str, str], message: str
) -> None:
    (tmp_path / "dealbot.toml").write_text(CONFIG, encoding="utf-8")

    code, _, err = await _run(tmp_path, "run", **extra)

    assert code == 2
    assert message in _one_line(err)


async def test_a_port_in_use_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "dealbot.toml").write_text(CONFIG, encoding="utf-8")
    taken = socket.socket()
    taken.bind(("0.0.0.0", 0))
    taken.listen()
    try:
        port = str(taken.getsockname()[1])
        code, _, err = await _run(tmp_path, "run", "--http", DEALBOT_HTTP_PORT=port)
    finally:
        taken.close()

    assert code == 2
    assert f"DEALBOT_HTTP_PORT {port} cannot be used" in _one_line(err)


async def test_a_refused_token_leaves_the_team_in_the_database_as_it_was(tmp_path: Path) -> None:
    (tmp_path / "dealbot.toml").write_text(CONFIG, encoding="utf-8")
    settings = Settings(
        _env_file=None,
        DATABASE_URL=f"sqlite:///{tmp_path / 'team.sqlite3'}",
        DEALBOT_CONFIG=str(tmp_path / "dealbot.toml"),
    )
    build_core(settings).engine.dispose()
    without_max = CONFIG.split('[[members]]\nhandle = "max"')[0]
    (tmp_path / "dealbot.toml").write_text(without_max, encoding="utf-8")

    async with TelegramStandin() as tg:
        code, _, err = await _run(
            tmp_path, "run", TELEGRAM_BOT_TOKEN="999:WRONG", TELEGRAM_API_URL=tg.base_url
        )

    assert code == 2
    assert "TELEGRAM_BOT_TOKEN was refused by Telegram" in _one_line(err)
    assert _team_in_store(tmp_path) == [("lea", True), ("max", True)]


async def test_version(tmp_path: Path) -> None:
    code, out, _ = await _run(tmp_path, "--version")

    assert code == 0 and out.startswith("dealbot 0.")


async def test_sigterm_stops_taking_work_lets_go_and_exits_0(tmp_path: Path) -> None:
    (tmp_path / "dealbot.toml").write_text(CONFIG, encoding="utf-8")
    async with TelegramStandin() as tg:
        process = await asyncio.create_subprocess_exec(
            DEALBOT,
            "run",
            cwd=tmp_path,
            env=_env(tmp_path, TELEGRAM_BOT_TOKEN=tg.token, TELEGRAM_API_URL=tg.base_url),
            stderr=asyncio.subprocess.PIPE,
        )
        assert process.stderr is not None
        async for line in process.stderr:
            if b"Telegram front end started" in line:
                break
        await tg.wait_for(lambda: tg.is_polling or None)
        process.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(process.wait(), timeout=10)
        await process.stderr.read()

    assert code == 0
    engine = make_engine(f"sqlite:///{tmp_path / 'team.sqlite3'}")
    with engine.connect() as connection:
        assert connection.execute(select(Runner.id)).all() == []  # it signed off
    engine.dispose()


async def test_healthz_says_whether_the_database_answers() -> None:
    async def status(url: str) -> int:
        app = web.Application()
        core = SimpleNamespace(engine=make_engine(url), registry=Registry())
        serve_api(cast(Core, core), Settings(_env_file=None), app, lambda: None)
        async with TestClient(TestServer(app)) as client:
            response = await client.get("/healthz")
            return response.status

    assert await status(PG_URL) == 200
    assert await status("postgresql+psycopg://dealbot:dealbot@127.0.0.1:1/none") == 503
