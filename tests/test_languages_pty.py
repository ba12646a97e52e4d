"""Chinese on a real 40x24 terminal: explore start to end, the risk "yes" panel with
every region's emergency number, and no line wider than the screen (measured in
display cells with wcwidth: a Chinese character takes two)."""

from __future__ import annotations

import re
from pathlib import Path

import pexpect
import pytest
from wcwidth import wcswidth

from .test_pty import ANSI, DOWN, ENTER, answer, screen, settle, spawn

pytestmark = pytest.mark.pty
CURSOR_MOVES = re.compile(r"\x1b\[\d*[ABCDGHJKf]|\x1b\[\d+;\d+[Hf]|\r")


def widest(drawn: str) -> int:
    """The widest line the program wrote, in display cells (cursor moves split lines)."""
    text = CURSOR_MOVES.sub("\n", drawn)
    text = ANSI.sub("", text)
    return max((wcswidth(line) for line in text.split("\n")), default=0)


def test_chinese_explore_start_to_end_at_40_columns(tmp_path: Path) -> None:
    child = spawn(
        ["explore", "--no-pager"], tmp_path, columns=40, rows=24, env={"LANG": "zh_CN.UTF-8"}
    )
    child.expect("翻译草稿")  # the draft notice before the first question
    child.expect("qualified health translator")
    answer(child, "伤害自己的念头吗", DOWN * 2 + ENTER)  # Yes
    child.expect("谢谢您告诉我们")
    for number in ("000", "911", "999", "111", "112"):  # every region's, before anything
        child.expect(number)
    answer(child, "您在哪里", DOWN + ENTER)  # Australia, asked next after a "yes"
    child.expect("您附近的帮助")
    child.expect("继续看治疗选择")
    settle(child)
    assert "TIS National" in screen(child, 24, 40)  # how to ask for an interpreter
    child.send("y")
    child.send(ENTER)
    answer(child, "年龄段是", DOWN * 3 + ENTER)  # 25 to 64
    for prompt in ("现在用什么方法", "试过几种", "怀孕", "最看重什么", "想了解哪些"):
        answer(child, prompt, ENTER)  # skipped
    child.expect("您的选择一览")
    child.expect("要保存到文件")
    child.send(ENTER)  # no, thanks
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    drawn = child.drawn.getvalue()
    assert widest(drawn) <= 40, _debug_wide(drawn)
    assert "…" not in drawn  # folded, never cut (Chinese has no spaces to wrap at)
    last = screen(child, 24, 40)
    assert "000" in last and "13 11 14" in last  # the help lines on the last screen


def _debug_wide(drawn: str) -> list[str]:
    text = ANSI.sub("", CURSOR_MOVES.sub("\n", drawn))
    return [line for line in text.split("\n") if wcswidth(line) > 40]
