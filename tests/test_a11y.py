"""axe-core, the standard automated accessibility check (WCAG 2.x A and AA rules),
against the saved HTML summary, the saved decide guide and the compare grid in
Debian's chromium, in the light and the dark colour scheme.

axe-core is vendored (tests/vendor/axe.min.js, from the npm registry by
tests/vendor/fetch-axe.sh) and checked against its SHA-256: nothing is
downloaded when the tests run.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import pytest

from .conftest import CHROMIUM, ROOT, run_cli

if CHROMIUM is None and not os.environ.get("CI"):
    pytest.skip("Debian's chromium is not installed (.ci/run installs it)", allow_module_level=True)

pytest.importorskip("playwright.sync_api")

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"  # 4.14.1
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# Rules switched off, each with the reason. None: every WCAG A/AA rule runs.
DISABLED: dict[str, str] = {}


@pytest.fixture(scope="module")
def axe_source() -> str:
    source = AXE.read_text(encoding="utf-8")
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
    assert digest == AXE_SHA256, "tests/vendor/axe.min.js is not the pinned axe-core"
    return source


def summary_html(tmp_path: Path) -> str:
    target = tmp_path / "summary.html"
    answers = ROOT / "examples" / "paths" / "tried-two-antidepressants.yaml"
    result = run_cli(["explore", "--answers", str(answers), "--save", str(target)])
    assert result.exit_code == 0, result.stderr
    return target.read_text(encoding="utf-8")


def decide_html(tmp_path: Path) -> str:
    target = tmp_path / "guide.html"
    answers = ROOT / "examples" / "decide.yaml"
    result = run_cli(["decide", "--answers", str(answers), "--save", str(target)])
    assert result.exit_code == 0, result.stderr
    return target.read_text(encoding="utf-8")


def compare_html(tmp_path: Path) -> str:
    # compare prints no HTML itself; its grid is drawn by the same HTML renderer
    # as the saved pages, which is what a future saved grid would be.
    from depression_guide.content import builtin_content
    from depression_guide.logic.topics import resolve
    from depression_guide.render.html import render
    from depression_guide.views.compare import chosen_options, compare_document

    content = builtin_content()
    options = chosen_options(content, resolve(content, ["cbt", "ssri", "exercise", "ba"]))
    return render(compare_document(content, options, "AU"))


PAGES = {"summary": summary_html, "decide": decide_html, "compare": compare_html}


def violations(browser: Any, axe_source: str, html: str, scheme: str) -> list[str]:
    page = browser.new_page(viewport={"width": 1000, "height": 800})
    page.route("**/*", lambda route: route.abort())  # nothing leaves the machine
    page.emulate_media(color_scheme=scheme)
    page.set_content(html, wait_until="load")
    # The page has a dark palette of its own: check the scheme took effect.
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == ("rgb(18, 18, 18)" if scheme == "dark" else "rgb(255, 255, 255)")
    page.add_script_tag(content=axe_source)
    # Open the appendix too, so its contents are checked as well.
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    result = page.evaluate(
        """async ([tags, disabled]) => {
            const rules = Object.fromEntries(disabled.map(id => [id, {enabled: false}]));
            return await axe.run(document, {runOnly: {type: 'tag', values: tags}, rules});
        }""",
        [WCAG_TAGS, list(DISABLED)],
    )
    page.close()
    return [
        f"{v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. "
        f"{v['nodes'][0]['html'][:80]})"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_or_critical_violations(
    browser: Any, axe_source: str, tmp_path: Path, name: str, scheme: str
) -> None:
    html = PAGES[name](tmp_path)
    assert violations(browser, axe_source, html, scheme) == []


def test_axe_catches_low_contrast(browser: Any, axe_source: str) -> None:
    # The check is live: grey on white text is reported (so a pass means something).
    html = (
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body style="background:#fff">'
        '<main><p style="color:#bbb;background:#fff">Hard to read</p></main></body></html>'
    )
    found = violations(browser, axe_source, html, "light")
    assert any("color-contrast" in v for v in found), found
