"""The real CLI on a pseudo-terminal (pexpect): what a person at a terminal sees.

Run these alone with `pytest -m pty`. PROMPT_TOOLKIT_NO_CPR stops prompt_toolkit
asking the (fake) terminal for its cursor position.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pexpect
import pytest

pytestmark = pytest.mark.pty

DOWN, ENTER, SPACE, CTRL_C = "\x1b[B", "\r", " ", "\x03"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def spawn(
    args: list[str], cwd: Path, columns: int = 100, env: dict[str, str] | None = None
) -> pexpect.spawn:
    """The real CLI on a pseudo-terminal; `env` adds to (or overrides) a clean environment."""
    full = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DEPRESSION_GUIDE") and k != "NO_COLOR"
    }
    full.update(PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm-256color", COLUMNS=str(columns), LINES="40")
    full.update(env or {})
    return pexpect.spawn(
        sys.executable,
        ["-m", "depression_guide", *args],
        cwd=str(cwd),
        env=full,
        encoding="utf-8",
        dimensions=(40, columns),
        timeout=20,
    )


def answer(child: pexpect.spawn, prompt: str, keys: str) -> None:
    child.expect(prompt)
    child.send(keys)


def test_full_run_with_arrow_keys(tmp_path: Path) -> None:
    child = spawn(["explore", "--save", "summary.md"], tmp_path)
    answer(child, "harming yourself right now", ENTER)  # No
    answer(child, "Where are you", DOWN * 2 + ENTER)  # United Kingdom
    answer(child, "age group", DOWN * 2 + ENTER)  # 25 to 64
    answer(child, "using for depression now", ENTER)  # skip
    answer(child, "did not help enough", DOWN * 2 + ENTER)  # 2-plus
    answer(child, "pregnant", DOWN + ENTER)  # No
    answer(child, "matters most", SPACE + ENTER)  # avoid side effects
    answer(child, "like to read about", SPACE + ENTER)  # talking therapies
    child.expect("Your depression treatment options")
    child.expect("When other treatments haven't helped")  # brought in by 2-plus
    child.expect("Samaritans")
    child.expect("Saved the summary")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    saved = (tmp_path / "summary.md").read_text()
    assert "Where you are: United Kingdom" in saved
    assert "## Talking therapies" in saved and "## Medication" not in saved
    assert oct((tmp_path / "summary.md").stat().st_mode & 0o777) == "0o600"


def test_risk_yes_shows_the_crisis_panel_before_anything_else(tmp_path: Path) -> None:
    child = spawn(["--region", "NZ", "explore"], tmp_path)
    answer(child, "harming yourself right now", DOWN + ENTER)
    child.expect("Thank you for telling us")
    before_next = child.expect(["1737", "age group"])
    assert before_next == 0  # crisis lines come before any other question
    child.expect("carry on")
    child.send("n")
    child.send(ENTER)
    child.expect("there for you any time")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_ctrl_c_exits_130_and_writes_nothing(tmp_path: Path) -> None:
    child = spawn(["explore", "--save", "summary.md"], tmp_path)
    answer(child, "harming yourself right now", ENTER)
    child.expect("Where are you")
    child.sendintr()
    child.expect("Stopped. Nothing was saved.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert list(tmp_path.iterdir()) == []


def test_prompts_reach_the_terminal_when_stdout_is_a_file(tmp_path: Path) -> None:
    child = pexpect.spawn(
        "/bin/sh",
        [
            "-c",
            f"{sys.executable} -m depression_guide explore --answers - < /dev/null > out.txt;"
            f" {sys.executable} -m depression_guide --region AU explore > out.txt",
        ],
        cwd=str(tmp_path),
        encoding="utf-8",
        timeout=20,
        env={**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm"},
    )
    child.expect("harming yourself right now")  # drawn on the terminal, not in out.txt
    child.sendintr()
    child.expect(pexpect.EOF)
    assert "harming yourself" not in (tmp_path / "out.txt").read_text()


def test_show_at_40_columns(tmp_path: Path) -> None:
    child = spawn(["show", "ssri"], tmp_path, columns=40)
    child.expect("SSRI antidepressants")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    for raw in child.before.splitlines():
        line = ANSI.sub("", raw).rstrip()
        assert len(line) <= 40 or " " not in line.strip(), line


def test_references_on_a_terminal_mention_export(tmp_path: Path) -> None:
    child = spawn(["references", "cbt"], tmp_path)
    child.expect("Cuijpers")
    child.expect("--format bibtex, ris, csl-json")
    child.expect(pexpect.EOF)


def test_quiz_run(tmp_path: Path) -> None:
    child = spawn(["quiz"], tmp_path)
    child.expect("Myth or fact")
    for number in range(1, 11):
        child.expect(f"{number} of 10")
        child.send(ENTER)  # "Myth" each time
    child.expect("Your score")
    child.expect("You got")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_phq9_run_with_item_9_shows_crisis_first(tmp_path: Path) -> None:
    child = spawn(["check", "phq9"], tmp_path)
    child.expect("Over the last 2 weeks")
    for number in range(1, 9):
        child.expect(f"{number} of 9")
        child.send(ENTER)  # Not at all
    child.expect("9 of 9")
    child.send(DOWN + ENTER)  # Several days
    child.expect("how difficult")
    child.send(ENTER)
    child.expect("If you are in danger now")
    index = child.expect(["Lifeline", "Your total"])
    assert index == 0
    child.expect("Your total is 1 out of 27")
    child.expect("This is not a diagnosis")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


@pytest.mark.parametrize(
    ("env", "flags"),
    [
        ({"NO_COLOR": "1"}, []),
        ({"TERM": "dumb"}, []),
        ({}, ["--plain"]),
        ({}, ["--no-color"]),
    ],
)
def test_no_escape_codes_on_a_terminal(
    tmp_path: Path, env: dict[str, str], flags: list[str]
) -> None:
    child = spawn([*flags, "show", "ssri"], tmp_path, env=env)
    child.expect(pexpect.EOF)
    assert "\x1b" not in child.before
    assert "SSRI antidepressants" in child.before


def test_ascii_terminal(tmp_path: Path) -> None:
    child = spawn(["show", "serotonin-theory"], tmp_path, env={"PYTHONIOENCODING": "ascii"})
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    text = ANSI.sub("", child.before)
    assert "Ruhe, H. G." in text and "+---" in text
    text.encode("ascii")
