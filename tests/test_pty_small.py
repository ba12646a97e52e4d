"""Small screens on a real terminal (pexpect + pyte): help that stays in view.

At 40x24 every region's lines are nearly a screen high, so the questions that
follow them (the region, carry on, save) push them up. These tests read the
final screen as a person would see it.
"""

from __future__ import annotations

from pathlib import Path

import pexpect
import pytest

from .test_pty import DOWN, ENTER, answer, screen, settle, spawn

pytestmark = pytest.mark.pty

# Every region's emergency number and main line, as the no-region panel shows them.
EVERY_REGION = (
    "Australia: 000",
    "Lifeline 13 11 14",
    "United States: 911",
    "United Kingdom: 999",
    "Samaritans",
    "116 123",
    "Canada: 911",
    "New Zealand: 111",
    "Ireland: 112 or 999",
)


def flat(text: str) -> str:
    """Screen text with the box edges and line breaks taken out (lines wrap in the box)."""
    for edge in "┃│":
        text = text.replace(edge, " ")
    return " ".join(text.split())


def test_risk_yes_region_skipped_then_stop_keeps_every_number_on_screen(tmp_path: Path) -> None:
    child = spawn(["explore"], tmp_path, columns=40, rows=24)
    answer(child, "harming yourself", DOWN * 2 + ENTER)  # Yes
    answer(child, "Where are you", ENTER)  # skipped
    child.expect("carry on")
    settle(child)
    waiting = flat(screen(child, 24, 40))
    for shown in EVERY_REGION:
        assert shown in waiting, waiting  # while it waits for the answer
    child.send("n" + ENTER)
    child.expect(pexpect.EOF)
    final = flat(screen(child, 24, 40))
    assert "in danger now, call the emergency number" in final, final
    for shown in EVERY_REGION:
        assert shown in final, final
    assert "there for you any time" in final


def test_at_80_columns_the_skipped_region_does_not_repeat_the_lines(tmp_path: Path) -> None:
    child = spawn(["explore"], tmp_path, columns=80, rows=24)
    answer(child, "harming yourself", DOWN * 2 + ENTER)
    answer(child, "Where are you", ENTER)
    child.expect("carry on")
    child.send("n" + ENTER)
    child.expect(pexpect.EOF)
    assert child.drawn.getvalue().count("Lifeline 13 11 14") == 1  # it all fits


def test_save_question_after_a_no_region_summary_keeps_help_and_disclaimer(
    tmp_path: Path,
) -> None:
    child = spawn(["explore"], tmp_path, columns=40, rows=24)
    answer(child, "harming yourself", DOWN + ENTER)  # No
    for prompt in ("Where are you", "age group", "using", "antidepressants have you"):
        answer(child, prompt, ENTER)
    for prompt in ("pregnant", "matters", "read about"):
        answer(child, prompt, ENTER)
    answer(child, "Save this to a file", ENTER)  # No, thanks
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    final = flat(screen(child, 24, 40))
    assert "See a professional" in final, final
    assert "This is not medical advice" in final
    assert "about what fits you" in final
    for shown in EVERY_REGION:
        assert shown in final, final
    assert list(tmp_path.iterdir()) == []
