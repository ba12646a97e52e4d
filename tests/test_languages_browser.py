"""Saved Chinese and Arabic pages in Debian's chromium (with Debian's Noto fonts:
the page names system font families, never a web font)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT, run_cli
from .test_html_browser import open_page, pages_of_pdf


def saved(tmp_path: Path, lang: str) -> str:
    target = tmp_path / "summary.html"
    answers = ROOT / "examples" / "paths" / "default.yaml"
    result = run_cli(["--lang", lang, "explore", "--answers", str(answers), "--save", str(target)])
    assert result.exit_code == 0, result.stderr
    return target.read_text(encoding="utf-8")


@pytest.mark.parametrize(("lang", "root"), [("ar", '<html lang="ar" dir="rtl">'),
                                            ("zh-Hans", '<html lang="zh-Hans">')])  # fmt: skip
def test_a_phone_sized_page_without_sideways_scrolling(
    browser: Any, tmp_path: Path, lang: str, root: str
) -> None:
    html = saved(tmp_path, lang)
    assert root in html and "@font-face" not in html and "url(" not in html
    page, requests = open_page(browser, html, width=390)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.evaluate("getComputedStyle(document.body).direction") == (
        "rtl" if lang == "ar" else "ltr"
    )
    assert requests == []


def test_arabic_phone_numbers_read_left_to_right(browser: Any, tmp_path: Path) -> None:
    page, _ = open_page(browser, saved(tmp_path, "ar"), width=390)
    # Each number sits in its own left-to-right isolate inside the right-to-left page.
    directions = page.evaluate(
        "[...document.querySelectorAll('bdi')].filter(b => b.textContent === '13 11 14')"
        ".map(b => getComputedStyle(b).direction)"
    )
    assert directions and set(directions) == {"ltr"}


@pytest.mark.parametrize("lang", ["ar", "zh-Hans"])
def test_overview_and_help_on_the_first_two_printed_pages(
    browser: Any, tmp_path: Path, lang: str
) -> None:
    page, _ = open_page(browser, saved(tmp_path, lang))
    pages = pages_of_pdf(page, "A4")
    first_two = "".join("".join(pages[:2]).split())  # PDF text: spacing varies by script
    # The overview's last card (its command: PDF text of Arabic comes out in visual
    # order and presentation forms, so ASCII marks the place), then the help lines.
    for mark in ("digital-cbt", "131450", "131114", "000"):
        assert mark in first_two
