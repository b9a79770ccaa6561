"""The installed `dealbot` command, run as a newcomer would on a fresh machine."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import update

from dealbot.bot.settings import Settings
from dealbot.bot.wiring import build_core, register_runner
from dealbot.domain.outbox.models import Delivery
from support.deals import draft

# The console script installed beside the interpreter running the tests.
DEALBOT = str(Path(sys.executable).parent / "dealbot")


def _run(
    args: list[str], cwd: Path, stdin: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "DEALBOT_"))
    }
    environment.update(env)
    return subprocess.run(
        [DEALBOT, *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env=environment,
        check=False,
    )


def test_shell_on_a_fresh_directory_plays_the_flow_with_the_sample_team(tmp_path: Path) -> None:
    typed = "\n".join(
        [
            "/deal new",
            "Acme",
            "Robots",
            "3",
            "2",
            "5000",
            "",
            "",
            "",
            "",
            "y",
            "/as lena",
            "1",
            "Go!",
            "y",
            "/quit",
        ]
    )

    result = _run(["shell"], tmp_path, typed + "\n")

    assert result.returncode == 0, result.stderr
    assert "using the built-in sample team" in result.stdout
    assert "→ team feed · Sample Sales" in result.stdout
    assert "→ DM to Lena Leader (@lena)" in result.stdout
    assert "→ DM to Sam Seller (@sam)" in result.stdout
    assert (tmp_path / "dealbot.sqlite3").exists()


def test_the_store_survives_a_restart(tmp_path: Path) -> None:
    _run(["shell"], tmp_path, "/deal new\nAcme\nRobots\n3\n2\n5000\n\n\n\n\ny\n")

    again = _run(["shell", "--as", "kim"], tmp_path, "/deal show D-1\n")

    assert "D-1: Robots" in again.stdout


def test_a_broken_config_file_stops_with_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "dealbot.toml").write_text(
        '[[teams]]\nname = "T"\n'
        '[[members]]\nhandle = "a"\nname = "A"\nteam = "T"\nroles = ["boss"]\n'
    )

    result = _run(["shell"], tmp_path)

    assert result.returncode == 2
    assert result.stderr.strip() == (
        "dealbot: dealbot.toml: members[0] (\"a\"): field 'roles.0': "
        "'boss' is not one of sales, leader, finance, warehouse, admin"
    )


def test_db_upgrade(tmp_path: Path) -> None:
    result = _run(["db", "upgrade"], tmp_path, DATABASE_URL=f"sqlite:///{tmp_path}/x.sqlite3")

    assert result.returncode == 0 and "newest schema" in result.stdout


def test_the_shell_refuses_a_database_a_running_bot_uses(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/shared.sqlite3"
    settings = Settings(_env_file=None, DATABASE_URL=url, DEALBOT_CONFIG="none.toml")
    core = build_core(settings, allow_sample=True)
    register_runner(core, "run", ["slack"])
    core.engine.dispose()

    result = _run(["shell"], tmp_path, "/deal list\n", DATABASE_URL=url)

    assert result.returncode == 2
    assert result.stderr.startswith("dealbot: this database is in use by `dealbot run`")
    assert result.stderr.count("\n") == 1


def test_the_outbox_lists_what_waits_and_retry_sends_a_parked_delivery_again(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path}/outbox.sqlite3"
    config = tmp_path / "dealbot.toml"
    config.write_text(
        '[[teams]]\nname = "T"\nleader = "lea"\nslack_channel = "C0FEED001"\n'
        '[[members]]\nhandle = "lea"\nname = "Lea"\nteam = "T"\nroles = ["leader"]\n'
        'slack_user = "U0LEA0001"\n',
        encoding="utf-8",
    )
    core = build_core(Settings(_env_file=None, DATABASE_URL=url, DEALBOT_CONFIG=str(config)))
    lea = core.desks.people.person(handle="lea")
    core.desks.deals.open_deal(lea.id, draft())
    with core.sessions.begin() as session:
        session.execute(
            update(Delivery).where(Delivery.id == 1).values(state="parked", last_error="boom")
        )
    core.engine.dispose()

    listed = _run(["outbox"], tmp_path, DATABASE_URL=url)
    retried = _run(["outbox", "retry", "1"], tmp_path, DATABASE_URL=url)
    again = _run(["outbox", "retry", "1"], tmp_path, DATABASE_URL=url)

    assert listed.returncode == 0
    assert "parked" in listed.stdout and "feed of T" in listed.stdout and "boom" in listed.stdout
    assert retried.returncode == 0 and retried.stdout.startswith("1 deliveries")
    assert again.returncode == 0  # still waiting (pending), so made due again
