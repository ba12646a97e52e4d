"""Right-to-left text: numbers keep their order in plain text and Markdown.

Found by the independent back-translation (SAFETY #1): among Arabic words the
Unicode bidirectional algorithm shows "13 11 14" as "14 11 13". A left-to-right
isolate around each number keeps the order a person must dial.
"""

from __future__ import annotations

import pytest

from depression_guide.text_safety import isolate_numbers

from .conftest import run_cli

LRI, PDI = "\u2066", "\u2069"


def test_a_spaced_number_is_isolated_whole() -> None:
    assert isolate_numbers("اتصل على 13 11 14 الآن") == f"اتصل على {LRI}13 11 14{PDI} الآن"
    assert isolate_numbers("نحو 25% و 0.79") == f"نحو {LRI}25%{PDI} و {LRI}0.79{PDI}"


def test_a_number_in_one_piece_is_left_alone() -> None:
    assert isolate_numbers("اتصل على 000 [1]") == "اتصل على 000 [1]"


@pytest.mark.parametrize(
    "address",
    ["1737.org.nz", "https://doi.org/10.1002/wps.21069", "988lifeline.org", "www.example.org/1/2"],
)
def test_web_addresses_and_dois_are_isolated_whole(address: str) -> None:
    # Whole, never cut inside: "1737.org.nz" among Arabic words shows as
    # "org.nz.1737" without its isolate (libfribidi), and copies in one piece.
    assert isolate_numbers(f"انظر {address} هنا") == f"انظر {LRI}{address}{PDI} هنا"


def test_flags_and_words_ending_in_plus_are_isolated() -> None:
    # Back-translation #2 and #16: "lang en--" and "+LGBTIQ" in right-to-left text.
    assert isolate_numbers("شغّل مع --lang en.") == f"شغّل مع {LRI}--lang en{PDI}."
    assert isolate_numbers("مجتمع LGBTIQ+ هنا") == f"مجتمع {LRI}LGBTIQ+{PDI} هنا"
    assert isolate_numbers("(lifeline.org.au).") == f"({LRI}lifeline.org.au{PDI})."


def test_arabic_markdown_keeps_web_addresses_as_links() -> None:
    result = run_cli(["--lang", "ar", "show", "cbt", "--format", "markdown"])
    assert f"{LRI}<https://doi.org/10.1002/wps.21069>{PDI}" in result.stdout


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_arabic_crisis_numbers_are_isolated_in_every_text_format(fmt: str) -> None:
    result = run_cli(["--lang", "ar", "crisis", "--region", "AU", "--format", fmt])
    assert result.exit_code == 0
    assert f"{LRI}13 11 14{PDI}" in result.stdout  # Lifeline
    assert " 000" in result.stdout  # one piece: nothing to reorder, left as it is
    assert f"{LRI}131 450{PDI}" in result.stdout  # TIS National
    assert "lifeline.org.au" in result.stdout


def test_english_and_chinese_have_no_isolates() -> None:
    for lang in ("en", "zh-Hans"):
        result = run_cli(["--lang", lang, "crisis", "--region", "AU"])
        assert LRI not in result.stdout and PDI not in result.stdout
