"""Choosing the language of a run: flag, env, saved setting, system locale, English."""

from __future__ import annotations

import pytest

from depression_guide.cli import language_of
from depression_guide.languages import LANGUAGES, Choice, choose, locale_languages, normalise


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("zh", "zh-Hans"),
        ("zh-CN", "zh-Hans"),
        ("zh_CN.UTF-8", "zh-Hans"),
        ("zh-Hans", "zh-Hans"),
        ("zh-hans-cn", "zh-Hans"),
        ("zh-SG", "zh-Hans"),
        ("ar", "ar"),
        ("ar_AE.UTF-8", "ar"),
        ("AR-eg", "ar"),
        ("en", "en"),
        ("en_AU.UTF-8", "en"),
        ("C", "en"),
        ("C.UTF-8", "en"),
        ("POSIX", "en"),
        ("en-XA", "en-XA"),
        ("zh-TW", None),  # Traditional Chinese is not offered yet
        ("zh-Hant", None),
        ("zh_HK.UTF-8", None),
        ("fr_FR.UTF-8", None),
        ("xx", None),
        ("", None),
    ],
)
def test_normalise(raw: str, code: str | None) -> None:
    assert normalise(raw) == code


@pytest.mark.parametrize(
    ("flag", "env", "saved", "expected"),
    [
        ("ar", {"DEPRESSION_GUIDE_LANG": "zh", "LANG": "zh_CN.UTF-8"}, "zh", ("ar", "flag")),
        (None, {"DEPRESSION_GUIDE_LANG": "zh", "LANG": "ar_AE.UTF-8"}, "ar", ("zh-Hans", "env")),
        (None, {"LANG": "zh_CN.UTF-8"}, "ar", ("ar", "saved")),
        (None, {"LANG": "zh_CN.UTF-8"}, None, ("zh-Hans", "locale")),
        (None, {"LC_ALL": "ar_AE.UTF-8", "LANG": "zh_CN.UTF-8"}, None, ("ar", "locale")),
        (None, {"LC_MESSAGES": "ar_AE.UTF-8", "LANG": "zh_CN.UTF-8"}, None, ("ar", "locale")),
        (None, {"LANGUAGE": "fr:zh_CN", "LANG": "en_AU.UTF-8"}, None, ("zh-Hans", "locale")),
        (None, {"LANG": "fr_FR.UTF-8"}, None, ("en", "default")),
        (None, {}, None, ("en", "default")),
        # gettext ignores LANGUAGE when the locale is C
        (None, {"LANGUAGE": "zh", "LC_ALL": "C"}, None, ("en", "locale")),
    ],
)
def test_choose_order(
    flag: str | None, env: dict[str, str], saved: str | None, expected: tuple[str, str]
) -> None:
    choice = language_of(flag, env, saved)
    assert (choice.code, choice.source) == expected
    assert choice.warning is None


def test_unknown_language_falls_back_with_one_line_naming_the_languages() -> None:
    choice = language_of("xx", {"LANG": "zh_CN.UTF-8"})
    assert choice == Choice("en", "flag", refused="xx")
    warning = choice.warning
    assert warning is not None and "\n" not in warning and "'xx'" in warning
    assert all(code in warning for code in LANGUAGES)


def test_unknown_system_locale_is_english_without_a_warning() -> None:
    assert language_of(None, {"LANG": "de_DE.UTF-8"}).warning is None


def test_locale_languages_reads_only_the_first_set_variable() -> None:
    env = {"LC_ALL": "", "LC_MESSAGES": "ar_AE", "LANG": "zh_CN"}
    assert locale_languages(env) == ["ar_AE"]


def test_drafts_and_direction() -> None:
    assert choose("ar").draft and choose("ar").rtl
    assert choose("zh").draft and not choose("zh").rtl
    assert not choose("en").draft


@pytest.mark.parametrize(
    ("code", "colon", "separator"),
    [("zh-Hans", "：", "；"), ("ar", ": ", "؛ "), ("en", ": ", "; ")],
)
def test_every_region_line_joins_its_numbers_in_the_languages_punctuation(
    code: str, colon: str, separator: str
) -> None:
    # Seen in tmux: "澳大利亚: 000; Lifeline 13 11 14", ASCII ":" and ";" inside Chinese.
    from depression_guide import views
    from depression_guide.content import builtin_content

    from .conftest import speaking

    language = speaking(code)
    next(language)
    try:
        content = builtin_content(None if code == "en" else code)
        lines = views.world_callout(content).lines
    finally:
        next(language, None)
    with_a_line = [line for line in lines if "13 11 14" in line]  # Australia's Lifeline
    assert with_a_line and all(separator in line for line in with_a_line)
    for region in content.regions:
        assert any(line.startswith(f"{region.name}{colon}") for line in lines), region.name
    if code != "en":
        region_lines = [line for line in lines if any(r.emergency in line for r in content.regions)]
        assert region_lines and not any(";" in line for line in region_lines)
