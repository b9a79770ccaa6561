"""Installs the top-level folders as one `dealbot` namespace: `bot/` becomes `dealbot.bot`, and so
on. pyproject.toml holds everything else; only this mapping needs code, so that a new subpackage
is picked up without being listed by hand."""

from setuptools import find_packages, setup

FOLDERS = ("bot", "domain", "handlers", "scheduler", "locales")

setup(
    package_dir={f"dealbot.{folder}": folder for folder in FOLDERS},
    packages=[
        f"dealbot.{package}"
        for folder in FOLDERS
        for package in (folder, *(f"{folder}.{sub}" for sub in find_packages(folder)))
    ],
)
