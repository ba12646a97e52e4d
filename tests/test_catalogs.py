"""The interface's catalogs: up to date with strings.py, compiled, with plural forms."""

from __future__ import annotations

import re
import sys

import pytest

from depression_guide import catalogs, strings

from .conftest import ROOT


def test_the_po_and_mo_files_are_up_to_date_with_strings_py() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import catalogs as tool  # type: ignore[import-not-found]  # tools/catalogs.py
    finally:
        sys.path.remove(str(ROOT / "tools"))
    assert tool.main(["--check"]) == 0, "run: python tools/catalogs.py"
    for code in ("zh-Hans", "ar"):  # the committed .mo is what its .po compiles to
        assert catalogs.catalog_path(code).read_bytes() == tool.compiled(code)


@pytest.mark.parametrize(
    ("lang", "count", "expected"),
    [
        ("en", 1, "1 star"),
        ("en", 3, "3 stars"),
        ("zh-Hans", 1, "1 颗星"),
        ("zh-Hans", 5, "5 颗星"),
        ("ar", 0, "0 نجوم"),
        ("ar", 1, "1 نجمة"),
        ("ar", 2, "2 نجمتان"),
        ("ar", 3, "3 نجوم"),
        ("ar", 11, "11 نجمة"),
    ],
)
def test_plural_forms_come_from_the_catalog(lang: str, count: int, expected: str) -> None:
    catalogs.install(lang)
    assert strings.plural("STARS", count) == expected


def test_every_interface_string_is_translated_in_both_languages() -> None:
    # The command as typed stays English on purpose, and so does a name
    # ("Markdown (.md)"); a template of placeholders and punctuation has no words.
    kept = {"CARD_COMMAND", "SAVE_CHOICES"}

    def has_words(text: str) -> bool:
        return any(ch.isalpha() for ch in re.sub(r"\{[^}]*\}", "", text))

    for code in ("zh-Hans", "ar"):
        catalog = catalogs.translations(code)
        missing = {
            context
            for context, text in strings.messages()
            if has_words(text) and catalog.pgettext(context, text) == text and context not in kept
        }
        assert missing == set(), (code, missing)
