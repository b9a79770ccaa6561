"""The installed `dealbot` command, run as a newcomer would on a fresh machine."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
            "/as lena",
            "1",
            "Go!",
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
    _run(["shell"], tmp_path, "/deal new\nAcme\nRobots\n3\n2\n5000\n\n\n\n\n")

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
