"""Labels fitted to their room: never wider than allowed, never more lines, nothing dropped
silently (a cut ends in an ellipsis)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dealbot.handlers.charts.labels import ELLIPSIS, columns, shorten, wrap

MIXED_SCRIPTS = st.text(
    alphabet=st.sampled_from("abc XYZ 12 Яблоко Жук  日本語のラベル 简体中文 ﾊﾝｶｸ ＡＢ\u0301"),
    max_size=120,
)


def test_wide_characters_take_two_columns() -> None:
    assert columns("Acme") == 4
    assert columns("Рога") == 4
    assert columns("株式会社") == 8
    assert columns("ＡＢ") == 4
    assert columns("e\u0301") == 1


def test_latin_and_cyrillic_break_at_spaces() -> None:
    assert wrap("Производство промышленного оборудования", 26, 3) == (
        "Производство промышленного\nоборудования"
    )
    assert wrap("Retail and consumer goods", 12, 3) == "Retail and\nconsumer\ngoods"


def test_japanese_and_chinese_break_between_any_two_characters() -> None:
    assert wrap("製造業向け産業機械", 8, 3) == "製造業向\nけ産業機\n械"
    assert wrap("信息技术服务", 6, 2) == "信息技\n术服务"


def test_what_does_not_fit_in_the_last_line_is_cut_with_an_ellipsis() -> None:
    assert wrap("one two three four five six", 9, 2) == "one two\nthree fo…"
    assert shorten("Сельское хозяйство", 10) == "Сельское…"
    assert shorten("株式会社アクメ", 7) == "株式会…"


def test_a_word_longer_than_a_line_is_split() -> None:
    assert wrap("Telecommunications", 8, 3) == "Telecomm\nunicatio\nns"


def test_text_that_fits_is_left_alone_but_for_runs_of_space() -> None:
    assert wrap("Логистика", 20, 1) == "Логистика"
    assert shorten("  two   words ", 20) == "two words"


@given(MIXED_SCRIPTS, st.integers(min_value=2, max_value=40), st.integers(1, 4))
def test_wrapped_text_never_needs_more_room_than_it_was_given(
    text: str, max_columns: int, max_lines: int
) -> None:
    wrapped = wrap(text, max_columns, max_lines)

    lines = wrapped.split("\n") if wrapped else []
    assert len(lines) <= max_lines
    assert all(columns(line) <= max_columns for line in lines)


@given(MIXED_SCRIPTS, st.integers(min_value=2, max_value=40), st.integers(1, 4))
def test_wrapping_keeps_every_character_unless_it_marks_a_cut(
    text: str, max_columns: int, max_lines: int
) -> None:
    wrapped = wrap(text, max_columns, max_lines)

    def bare(value: str) -> str:
        return "".join(value.split())

    if wrapped.endswith(ELLIPSIS):
        assert bare(text).startswith(bare(wrapped)[:-1])
    else:
        assert bare(wrapped) == bare(text)


@given(MIXED_SCRIPTS, st.integers(min_value=1, max_value=40))
def test_shortened_text_fits(text: str, max_columns: int) -> None:
    assert columns(shorten(text, max_columns)) <= max(max_columns, columns(ELLIPSIS))
