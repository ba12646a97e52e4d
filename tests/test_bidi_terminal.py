"""Arabic on the terminal (rich): every crisis panel line, run through a real
bidi implementation (GNU FriBidi), shows its phone numbers in dialling order.

Back-translation SAFETY #1 and #2: among Arabic words "13 11 14" is shown as
"14 11 13" and "--lang en" as "lang en--". The terminal renderer wraps the
text itself (numbers whole) and isolates each left-to-right run per line.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pytest
from rich.cells import cell_len
from wcwidth import wcswidth

from depression_guide import document as d
from depression_guide import strings as S
from depression_guide import views
from depression_guide.content import builtin_content
from depression_guide.render import terminal as render_terminal

from .bidi import LTR, RTL, display
from .conftest import speaking
from .test_pty import ANSI, spawn

LRI, PDI = "\u2066", "\u2069"
SPACED = re.compile(r"\d+(?:[ -]\d+)+")  # "13 11 14", "1-800-668-6868"


@pytest.fixture
def arabic() -> Iterator[None]:
    yield from speaking("ar")


def numbers_to_dial() -> set[str]:
    """Every phone and text number in crisis.yaml in more than one group, and TIS's."""
    content = builtin_content()
    found = {"131 450"}
    for region in content.regions:
        for line in region.lines:
            found.update(SPACED.findall(f"{line.phone} {line.text}"))
        found.update(SPACED.findall(region.emergency))
    return found


def terminal_lines(doc: d.Document, width: int) -> list[str]:
    buffer = io.StringIO()
    render_terminal.render(doc, buffer, color=False, width=width)
    return buffer.getvalue().splitlines()


def test_rich_measures_the_isolates_as_zero_cells() -> None:
    assert cell_len(LRI) == 0 and cell_len(PDI) == 0
    assert cell_len(f"{LRI}13 11 14{PDI}") == len("13 11 14")


@pytest.mark.parametrize("width", [40, 80])
@pytest.mark.parametrize("region", ["AU", "US", "UK", "CA", "NZ", "IE", "OTHER", None])
def test_every_arabic_crisis_line_shows_numbers_in_dialling_order(
    arabic: None, region: str | None, width: int
) -> None:
    content = builtin_content("ar")
    doc = d.Document(S.CRISIS_TITLE, [], lang="ar").add(
        d.Paragraph(S.DRAFT_NOTICE), *views.crisis_blocks(content, region, hint=True)
    )
    lines = terminal_lines(doc, width)
    wanted = numbers_to_dial()
    seen: set[str] = set()
    for line in lines:
        assert wcswidth(line) <= width, line
        # An isolate never spans two lines: each line's runs are closed on it.
        assert line.count(LRI) == line.count(PDI), line
        for number in SPACED.findall(line.replace(LRI, "").replace(PDI, "")):
            if number in wanted:
                seen.add(number)
                # As a plain terminal with bidi (LTR base) and an RTL paragraph show it.
                assert number in display(line, LTR), (number, display(line, LTR))
                assert number in display(line, RTL), (number, display(line, RTL))
    on_page = {n for n in wanted if any(n in line for line in lines)}
    assert seen == on_page
    if region not in ("US", "OTHER"):  # US: "988", "741741"; OTHER: a website
        assert seen, "no number in groups was checked"
    notice = " ".join(lines)
    assert "--lang en" in display(notice, RTL) and "lang en--" not in display(notice, RTL)


def test_lgbtiq_plus_and_addresses_keep_their_order(arabic: None) -> None:
    content = builtin_content("ar")
    doc = d.Document(S.CRISIS_TITLE, [], lang="ar").add(*views.crisis_blocks(content, "AU"))
    lines = terminal_lines(doc, 80)
    shown = "\n".join(display(line, RTL) for line in lines)
    assert "LGBTIQ+" in shown and "+LGBTIQ" not in shown
    assert "lifeline.org.au" in shown


def test_english_terminal_has_no_isolates() -> None:
    content = builtin_content()
    doc = d.Document(S.CRISIS_TITLE).add(*views.crisis_blocks(content, "AU"))
    assert LRI not in "\n".join(terminal_lines(doc, 40))


@pytest.mark.pty
def test_arabic_crisis_on_a_real_terminal_at_40_columns(tmp_path: Path) -> None:
    child = spawn(
        ["--lang", "ar", "crisis", "--region", "AU", "--no-pager"], tmp_path, columns=40, rows=60
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    drawn = ANSI.sub("", child.drawn.getvalue()).replace("\r", "")
    lines = drawn.split("\n")
    assert max(wcswidth(line) for line in lines) <= 40
    shown = [display(line, LTR) for line in lines]
    for number in ("13 11 14", "1300 659 467", "13 92 76", "1800 55 1800", "131 450"):
        assert any(number in line for line in shown), number


FLAG = re.compile(r"--[a-z][a-z-]*")


@pytest.mark.parametrize(
    "args",
    [
        ["check", "phq9", "--help"],
        ["show", "--help"],
        ["show", "--force"],
        ["explore", "--answers"],
    ],
    ids=["phq9-help", "show-help", "unknown-option", "option-needs-a-value"],
)
def test_arabic_help_and_errors_keep_flags_in_order(args: list[str]) -> None:
    # Review 4, row 10: a terminal that sets each line's direction from its first
    # letter showed "force--" and "answers 0,1,...--" in Arabic help and errors.
    from .conftest import run_cli

    result = run_cli(["--lang", "ar", *args])
    said = result.stdout + result.stderr
    flags = FLAG.findall(said)
    assert flags, said
    for line in said.splitlines():
        for flag in FLAG.findall(line):
            for base in (LTR, RTL):
                assert flag in display(line, base), (flag, display(line, base))


def test_every_page_is_in_the_runs_language_so_the_world_panel_is_isolated(
    arabic: None,
) -> None:
    # Seen in tmux: the every-region panel that explore shows after a skipped
    # safety question was drawn as an English page (Document's lang defaulted to
    # "en"), so "131 450" after an Arabic word read "450 131" in a bidi terminal.
    doc = d.Document("").add(views.world_callout(builtin_content("ar", "[EN] {}".format)))
    assert doc.lang == "ar"
    lines = terminal_lines(doc, 40)
    interpreter = next(
        line for line in lines if "131 450" in line.translate({0x2066: None, 0x2069: None})
    )
    assert "131 450" in display(interpreter, RTL) and "131 450" in display(interpreter, LTR)
