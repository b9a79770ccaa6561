"""The wheel installs one `dealbot` namespace and nothing else into site-packages."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def _wheel(out: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(out)],
        check=True,
        capture_output=True,
    )
    return next(out.glob("dealbot-*.whl"))


def test_the_wheel_holds_only_the_dealbot_namespace(tmp_path: Path) -> None:
    with zipfile.ZipFile(_wheel(tmp_path)) as wheel:
        names = wheel.namelist()

    tops = {name.split("/", 1)[0] for name in names}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"dealbot"}
    for part in ("bot/cli.py", "domain/deals/models.py", "handlers/core/walk.py", "locales/ja"):
        assert any(n.startswith(f"dealbot/{part}") for n in names), part
    assert any(n.startswith("dealbot/bot/migrations/versions/0002") for n in names)


def test_installing_beside_the_indexs_scheduler_package_leaves_it_working(
    tmp_path: Path,
) -> None:
    wheel = _wheel(tmp_path / "wheel")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    pip = [python, "-m", "pip", "-q", "--disable-pip-version-check"]
    # Away from the repository: `python -c` puts the working directory on sys.path.
    run: dict[str, Any] = {"check": True, "capture_output": True, "text": True, "cwd": tmp_path}
    subprocess.run([*pip, "install", "scheduler"], **run)
    probe = "from scheduler import Scheduler; import scheduler; print(scheduler.__version__)"
    before = subprocess.run([python, "-c", probe], **run)

    subprocess.run([*pip, "install", "--no-deps", str(wheel)], **run)
    beside = subprocess.run([python, "-c", probe], **run)
    subprocess.run([*pip, "uninstall", "-y", "dealbot"], **run)
    after = subprocess.run([python, "-c", probe], **run)

    assert before.stdout == beside.stdout == after.stdout
    assert before.stdout.strip()
