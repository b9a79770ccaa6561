"""Message catalogs (Fluent), one folder per language: en, ja, zh, ru."""

from importlib.resources import files
from importlib.resources.abc import Traversable

SUPPORTED = ("en", "ja", "zh", "ru")
DEFAULT = "en"


def catalog_files(locale: str) -> list[Traversable]:
    folder = files(__name__).joinpath(locale)
    return sorted((f for f in folder.iterdir() if f.name.endswith(".ftl")), key=lambda f: f.name)
