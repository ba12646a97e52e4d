"""Measuring and wrapping text without wcwidth when it can't matter.

`cells` counts a character from its short list of narrow ones as one column
without importing wcwidth, and `wrap` splits text with no wide character with
a small pattern: both must give exactly what the full way gives.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from wcwidth import wcswidth, wcwidth

from depression_guide import text_safety
from depression_guide.text_safety import cells, wrap


def _narrow_ranges() -> list[tuple[int, int]]:
    """The code point ranges in text_safety's list of narrow characters."""
    body = text_safety._NARROW.pattern.removeprefix("[").removesuffix("]*")
    return [(ord(a), ord(b)) for a, b in re.findall(r"(.)-(.)", body, re.S)]


NARROW = [chr(c) for start, end in _narrow_ranges() for c in range(start, end + 1)]


def test_the_narrow_list_is_read_whole() -> None:
    # A guard for the helper above: the list has seven ranges, from the space on.
    ranges = _narrow_ranges()
    assert len(ranges) == 7 and ranges[0] == (0x20, 0x7E)


def test_every_narrow_character_is_one_column_for_wcwidth() -> None:
    wrong = [hex(ord(ch)) for ch in NARROW if wcwidth(ch) != 1]
    assert not wrong
    assert cells("".join(NARROW)) == wcswidth("".join(NARROW)) == len(NARROW)


@given(st.text(alphabet=st.sampled_from(NARROW), max_size=60))
def test_narrow_text_measures_as_wcwidth_says(text: str) -> None:
    assert cells(text) == wcswidth(text)


@given(
    st.text(
        alphabet=st.sampled_from(
            [*"ab 1 ●○–—’", "\u00a0", "\u200d", "\ufe0f", "\u0301", "中", "文", "한", "ع", "😀"]
        ),
        max_size=40,
    )
)
def test_any_text_measures_as_wcwidth_says(text: str) -> None:
    expected = wcswidth(text)
    assert cells(text) == (expected if expected >= 0 else len(text))


def test_wide_and_joined_characters_still_go_to_wcwidth() -> None:
    assert cells("中文") == 4
    assert cells("e\u0301") == 1  # a combining accent takes no column
    assert cells("\u25fd") == 2  # an emoji square, just past the narrow circles


@given(
    st.text(
        alphabet=st.sampled_from(
            # narrow ones, and wide ones from the first (U+2E80) to the last
            [
                *["a", "b", "1", " ", ",", "\u00a0", "–", "●", "é", "ع", "\u2066", "\u2e7f"],
                *["\u2e80", "、", "。", "ア", "中", "한", "\uffef", "\ufff0"],
            ]
        )
    )
)
def test_text_splits_into_units_as_the_full_pattern_does(text: str) -> None:
    assert text_safety._units(text) == text_safety._wide_units().findall(text)


def test_text_with_a_wide_character_uses_the_full_pattern() -> None:
    assert text_safety._units("see 中文。 now") == ["see", " ", "中", "文。", " ", "now"]


def test_a_phone_number_stays_whole_in_narrow_non_ascii_text() -> None:
    lines = wrap("Call Lifeline – 13 11 14 – any time, day or night ●", 22)
    assert "13 11 14" in "\n".join(lines)
    assert all(cells(line) <= 22 for line in lines)


SURELY_WIDE = [
    chr(c) for low, high in text_safety._SURELY_WIDE for c in range(ord(low), ord(high) + 1)
]


def test_every_surely_wide_character_is_two_columns_for_wcwidth() -> None:
    wrong = [hex(ord(ch)) for ch in SURELY_WIDE if wcwidth(ch) != 2]
    assert not wrong
    assert len(SURELY_WIDE) > 30_000


@given(st.text(alphabet=st.sampled_from([*NARROW[::97], *SURELY_WIDE[::211]]), max_size=60))
def test_chinese_and_narrow_text_measures_as_wcwidth_says(text: str) -> None:
    assert cells(text) == wcswidth(text)
