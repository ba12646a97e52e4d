"""The saved HTML summary in a real browser: Debian's chromium, driven by
playwright with `executable_path` (never a browser download).

What a GP gets: the overview and the crisis lines on the first two printed
pages, nothing wider than a phone's screen, links that work, no request to
anywhere.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from .conftest import CHROMIUM, ROOT, run_cli

if CHROMIUM is None and not os.environ.get("CI"):
    pytest.skip("Debian's chromium is not installed (.ci/run installs it)", allow_module_level=True)

pypdf = pytest.importorskip("pypdf")
pytest.importorskip("playwright.sync_api")


PATHS = sorted(p.stem for p in (ROOT / "examples" / "paths").glob("*.yaml"))


def saved_html(tmp_path: Path, path: str = "default", *extra: str) -> str:
    target = tmp_path / "summary.html"
    target.unlink(missing_ok=True)
    answers = ROOT / "examples" / "paths" / f"{path}.yaml"
    result = run_cli(["explore", "--answers", str(answers), "--save", str(target), *extra])
    assert result.exit_code == 0, result.stderr
    return target.read_text()


def open_page(browser: Any, html: str, width: int = 1000) -> tuple[Any, list[str]]:
    """The page, and every request it tried to make (each one refused)."""
    page = browser.new_page(viewport={"width": width, "height": 800})
    requests: list[str] = []

    def refuse(route: Any) -> None:
        requests.append(route.request.url)
        route.abort()

    page.route("**/*", refuse)
    page.set_content(html, wait_until="load")
    return page, requests


def pages_of_pdf(page: Any, paper: str) -> list[str]:
    pdf = page.pdf(format=paper, print_background=True)
    return [
        " ".join((p.extract_text() or "").split()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages
    ]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_overview_and_help_on_the_first_two_pages(browser: Any, tmp_path: Path, paper: str) -> None:
    page, _ = open_page(browser, saved_html(tmp_path))
    pages = pages_of_pdf(page, paper)
    first_two = " ".join(pages[:2])
    for part in (
        "Made on 28 November 2026",
        "Your options at a glance",
        "Online CBT programs",  # the last card
        "Questions you could ask",
        "If you need help (Australia)",
        "emergency number: 000",
        "See a professional",
    ):
        assert part in first_two, (paper, part)
    # The appendix is not printed unless opened (page 1 only points to it).
    assert "What it involves" not in " ".join(pages)
    assert pages[0].count("The options in full") <= 1


# --- the printout a GP reads ----------------------------------------------------------


def help_at_the_end(pages: list[str]) -> None:
    """The help lines and the disclaimer are on the last printed page, help last."""
    last = pages[-1]
    assert "See a professional" in last
    assert "If you need help" in last
    assert last.rindex("If you need help") > last.rindex("See a professional")


@pytest.mark.parametrize("path", PATHS)
def test_a_common_path_prints_on_at_most_three_a4_pages(
    browser: Any, tmp_path: Path, path: str
) -> None:
    html = saved_html(tmp_path, path)
    page, _ = open_page(browser, html)
    pages = pages_of_pdf(page, "A4")
    assert len(pages) <= 3, (path, len(pages))
    help_at_the_end(pages)
    assert "What it involves" not in " ".join(pages)
    # The details are still in the file, for the screen: a section to open.
    assert page.locator("details.appendix:not([open])").count() == 1
    assert "What it involves" in html


def test_opened_details_print_too(browser: Any, tmp_path: Path) -> None:
    page, _ = open_page(browser, saved_html(tmp_path, "tried-two-antidepressants"))
    page.locator("details.appendix summary").click()  # the person opens it
    pages = pages_of_pdf(page, "A4")
    assert len(pages) > 3
    assert "What it involves" in " ".join(pages[2:])
    help_at_the_end(pages)


@pytest.mark.parametrize("path", ["default", "tried-two-antidepressants"])
def test_saved_with_detail_the_details_print(browser: Any, tmp_path: Path, path: str) -> None:
    page, _ = open_page(browser, saved_html(tmp_path, path, "--detail"))
    pages = pages_of_pdf(page, "A4")
    assert len(pages) > 3
    printed = " ".join(pages)
    assert "What it involves" in printed
    # The appendix starts on a page of its own, after the overview.
    start = next(i for i, text in enumerate(pages) if "What it involves" in text)
    assert "Questions you could ask" not in pages[start]
    help_at_the_end(pages)


def test_at_risk_the_crisis_lines_open_the_first_page(browser: Any, tmp_path: Path) -> None:
    page, _ = open_page(browser, saved_html(tmp_path, "at-risk"))
    first = pages_of_pdf(page, "A4")[0]
    assert first.index("13 11 14") < first.index("What you told us")


def test_nothing_is_wider_than_a_phone(browser: Any, tmp_path: Path) -> None:
    page, _ = open_page(browser, saved_html(tmp_path, "tried-two-antidepressants"), width=390)
    too_wide = page.evaluate(
        """() => Array.from(document.querySelectorAll('body *'))
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
            .map(e => e.tagName + ': ' + e.textContent.slice(0, 40))"""
    )
    assert too_wide == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_links_are_well_formed(browser: Any, tmp_path: Path) -> None:
    page, _ = open_page(browser, saved_html(tmp_path, "at-risk"))
    links = page.evaluate("Array.from(document.querySelectorAll('a')).map(a => a.href)")
    assert any(link.startswith("tel:") for link in links)
    assert any(link.startswith("https://doi.org/") for link in links)
    for link in links:
        if link.startswith(("tel:", "sms:")):  # from crisis.yaml's phone and text fields
            assert re.fullmatch(r"(tel|sms):\d{3,12}", link), link
        else:
            parts = urlparse(link)
            assert parts.scheme == "https" and "." in parts.netloc and " " not in link, link
    assert "tel:131114" in links  # Lifeline, dialled as one number


def test_no_request_is_made(browser: Any, tmp_path: Path) -> None:
    html = saved_html(tmp_path, "tried-two-antidepressants")
    page, requests = open_page(browser, html)
    page.pdf(format="A4")
    assert requests == []
    assert "<script" not in html and "<link" not in html and "@import" not in html


def test_icon_arrays_draw_their_numbers(browser: Any, tmp_path: Path) -> None:
    page, _ = open_page(browser, saved_html(tmp_path))
    drawn = page.evaluate(
        """() => Array.from(document.querySelectorAll('svg[role=img]')).map(svg => [
            svg.getAttribute('aria-label'),
            svg.querySelectorAll('circle[fill="#1f5fa8"]').length,
            svg.querySelectorAll('circle').length])"""
    )
    assert drawn, "no icon arrays in the appendix"
    for label, filled, total in drawn:
        count = int(label.split(" in ")[0])
        assert (filled, total) == (count, 100), label
    # The two arms of a picture sit side by side on a page.
    tops = page.evaluate(
        """() => Array.from(document.querySelector('.arrays').querySelectorAll('figure'))
            .map(f => f.getBoundingClientRect().top)"""
    )
    assert len(tops) == 2 and tops[0] == tops[1]
