"""The one font every chart is set in: it must draw Latin, Cyrillic, Japanese and Chinese, since a
team's labels can mix them. Noto Sans CJK does (Debian's `fonts-noto-cjk`, which
`scripts/install_fonts.sh` installs). Looked up once per process through matplotlib's font
manager; matplotlib is imported here only when the lookup first runs."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from matplotlib.font_manager import FontEntry

FONT_PACKAGE = "fonts-noto-cjk"
# Best first. The faces share their Latin, Cyrillic and kana; they differ in the shapes of some
# Han characters, and Japanese is the language most of our teams write.
CANDIDATE_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK JP",
    "Noto Sans CJK SC",
    "Noto Sans CJK TC",
    "Noto Sans CJK KR",
    "Noto Sans CJK HK",
    "Source Han Sans JP",
    "Source Han Sans SC",
)
# A font is taken only if it has a glyph for each of these: Latin, Cyrillic, hiragana, katakana,
# Han (simplified-only ones too), and the signs amounts and rates are written with.
COVERAGE_PROBE = "AaZz Яя Жж Щщ あいう カタカナ 日本語 简体说话 繁體 ¥￥€$%,.0123456789…—\u00a0"
# Noto Sans CJK lacks a few signs Babel writes, the ruble's ₽ and the rupee's ₹ among them; text
# falls back glyph by glyph to DejaVu Sans, which ships inside matplotlib and so is always there.
FALLBACK_FAMILY = "DejaVu Sans"


class ChartFontMissing(RuntimeError):
    """No installed font draws all of dealbot's languages, so no chart can be drawn. Callers send
    the chart's `alt_text()` instead and log this message once."""

    def __init__(self, looked_for: Iterable[str] = CANDIDATE_FAMILIES) -> None:
        super().__init__(
            "No font that draws Latin, Cyrillic, Japanese and Chinese is installed "
            f"(looked for {', '.join(looked_for)}). Install the Debian package "
            f"{FONT_PACKAGE} (apt-get install {FONT_PACKAGE}, or scripts/install_fonts.sh) "
            "and restart dealbot."
        )


@dataclass(frozen=True)
class ChartFont:
    """Where the chart font is: its family name (what matplotlib's text is given) and its file."""

    family: str
    path: str
    face_index: int

    @property
    def families(self) -> tuple[str, str]:
        """The families to give text, best first: matplotlib takes each glyph from the first that
        has it."""
        return (self.family, FALLBACK_FAMILY)


def find_chart_font() -> ChartFont:
    """The chart font; raises ChartFontMissing when none is installed."""
    font = _lookup()
    if font is None:
        raise ChartFontMissing(CANDIDATE_FAMILIES)
    return font


def font_available() -> bool:
    """Whether charts can be drawn here, for a caller that wants to decide before it renders."""
    return _lookup() is not None


def forget_chart_font() -> None:
    """Drop the remembered lookup, so that the next one looks again (after installing a font)."""
    _lookup.cache_clear()


@cache
def _lookup() -> ChartFont | None:
    # A miss is remembered as well: a bot without the font should not rescan the disk per chart.
    from matplotlib import font_manager

    found = _first_covering(font_manager.fontManager.ttflist)
    if found is None and _register_unlisted_system_fonts():
        found = _first_covering(font_manager.fontManager.ttflist)
    return found


def _first_covering(entries: list[FontEntry]) -> ChartFont | None:
    for family in CANDIDATE_FAMILIES:
        faces = [entry for entry in entries if entry.name == family and entry.style == "normal"]
        for entry in sorted(faces, key=_distance_from_regular):
            if _covers_probe(entry):
                return ChartFont(family, entry.fname, entry.index)
    return None


def _distance_from_regular(entry: FontEntry) -> int:
    from matplotlib import font_manager

    weight = entry.weight
    if isinstance(weight, str):
        weight = font_manager.weight_dict.get(weight, 400)
    return abs(int(weight) - 400)


def _covers_probe(entry: FontEntry) -> bool:
    from matplotlib import ft2font

    try:
        face = ft2font.FT2Font(entry.fname, face_index=entry.index)
    except (OSError, RuntimeError, ValueError):
        return False
    return all(face.get_char_index(ord(char)) for char in COVERAGE_PROBE if not char.isspace())


def _register_unlisted_system_fonts() -> bool:
    """Adds the system fonts matplotlib's list lacks; says whether there were any.

    Matplotlib lists the system's fonts once, in a cache file under the home directory, and never
    looks again: a font installed after matplotlib first ran here (install_fonts.sh after an
    earlier test run, say) would stay invisible. Only fonts new since then are read, so this
    costs little, and it runs only when the lookup would otherwise fail."""
    from matplotlib import font_manager

    listed = {entry.fname for entry in font_manager.fontManager.ttflist}
    added = False
    for path in font_manager.findSystemFonts():
        if path in listed:
            continue
        try:
            font_manager.fontManager.addfont(path)
        except (OSError, RuntimeError, ValueError):
            continue
        added = True
    return added
