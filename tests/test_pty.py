"""The real CLI on a pseudo-terminal (pexpect): what a person at a terminal sees.

Run these alone with `pytest -m pty`. PROMPT_TOOLKIT_NO_CPR stops prompt_toolkit
asking the (fake) terminal for its cursor position.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
from pathlib import Path

import pexpect
import pyte
import pytest

pytestmark = pytest.mark.pty

DOWN, ENTER, SPACE, CTRL_C = "\x1b[B", "\r", " ", "\x03"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def spawn(
    args: list[str],
    cwd: Path,
    columns: int = 100,
    env: dict[str, str] | None = None,
    rows: int = 40,
) -> pexpect.spawn:
    """The real CLI on a pseudo-terminal; `env` adds to (or overrides) a clean environment.

    Everything the program draws is kept in `child.drawn` (see `screen`).
    """
    full = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DEPRESSION_GUIDE") and k != "NO_COLOR"
    }
    full.update(
        PROMPT_TOOLKIT_NO_CPR="1",
        TERM="xterm-256color",
        COLUMNS=str(columns),
        LINES=str(rows),
        DEPRESSION_GUIDE_TODAY="2026-11-28",
    )
    full.update(env or {})
    child = pexpect.spawn(
        sys.executable,
        ["-m", "depression_guide", *args],
        cwd=str(cwd),
        env=full,
        encoding="utf-8",
        dimensions=(rows, columns),
        timeout=20,
    )
    child.drawn = io.StringIO()
    child.logfile_read = child.drawn
    return child


def settle(child: pexpect.spawn) -> None:
    """Let the program finish drawing (a prompt keeps redrawing for a moment)."""
    with contextlib.suppress(pexpect.TIMEOUT, pexpect.EOF):
        child.expect("\x00never\x00", timeout=0.7)


def screen(child: pexpect.spawn, rows: int, columns: int) -> str:
    """What a person sees now: the drawn output replayed on a terminal emulator."""
    terminal = pyte.Screen(columns, rows)
    pyte.Stream(terminal).feed(child.drawn.getvalue())
    return "\n".join(line.rstrip() for line in terminal.display)


def answer(child: pexpect.spawn, prompt: str, keys: str) -> None:
    child.expect(prompt)
    child.send(keys)


def test_full_run_with_arrow_keys(tmp_path: Path) -> None:
    # The cursor starts on "Skip" in every single-choice question: one DOWN more.
    child = spawn(["explore", "--save", "summary.md"], tmp_path)
    answer(child, "harming yourself right now", DOWN + ENTER)  # No
    answer(child, "Where are you", DOWN * 3 + ENTER)  # United Kingdom
    answer(child, "age group", DOWN * 3 + ENTER)  # 26 to 64
    answer(child, "using for depression now", ENTER)  # skip
    answer(child, "antidepressants have you", DOWN * 3 + ENTER)  # 2-plus
    answer(child, "pregnant", DOWN * 2 + ENTER)  # No
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
    assert "Using now" not in saved  # skipped: not in the recap
    assert "## Talking therapies" in saved and "## Medication" not in saved
    assert oct((tmp_path / "summary.md").stat().st_mode & 0o777) == "0o600"
    assert "Save this to a file" not in child.drawn.getvalue()  # --save was given


def test_risk_yes_shows_the_crisis_panel_before_anything_else(tmp_path: Path) -> None:
    child = spawn(["--region", "NZ", "explore"], tmp_path)
    answer(child, "harming yourself", DOWN * 2 + ENTER)
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


def test_enter_alone_at_every_question_records_nothing(tmp_path: Path) -> None:
    child = spawn(["explore"], tmp_path, columns=80)
    for prompt in (
        "harming yourself right now",
        "Where are you",
        "age group",
        "using for depression now",
        "antidepressants have you",
        "pregnant",
        "matters most",
        "like to read about",
    ):
        answer(child, prompt, ENTER)
    child.expect("What you told us")
    # The region was skipped: the word for a doctor understood everywhere.
    child.expect(r"Save this to a file, to take to your doctor\?")
    recap = child.before
    child.send(ENTER)  # "No, thanks"
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "You skipped every question" in recap
    for given in ("Thoughts of ending", "Under 18", "Pregnant, planning", "Where you are"):
        assert given not in recap
    drawn = child.drawn.getvalue()
    # No note was triggered, and the skipped safety question still showed help.
    for note in ("If you are under 18", "Pregnancy, planning", "PANDA", "Thank you for telling"):
        assert note not in drawn
    assert "Where to get help" in drawn and "Samaritans 116 123" in drawn
    assert list(tmp_path.iterdir()) == []


def test_risk_yes_without_a_region_shows_every_region_first(tmp_path: Path) -> None:
    child = spawn(["explore"], tmp_path)
    answer(child, "harming yourself", DOWN * 2 + ENTER)  # Yes
    child.expect("Thank you for telling us")
    child.expect("Where are you")
    before_region_question = child.before
    for number in ("911", "988", "999", "116 123", "000", "13 11 14", "findahelpline.com"):
        assert number in before_region_question
    child.send(DOWN * 2 + ENTER)  # United States
    child.expect("Help near you")
    child.expect("Crisis Text Line")
    child.expect("carry on")
    child.sendintr()
    child.expect(pexpect.EOF)


def answer_no_then_skip_the_rest(child: pexpect.spawn) -> None:
    """ "No" to the safety question (region given), then Enter alone at every other."""
    answer(child, "harming yourself right now", DOWN + ENTER)
    for prompt in ("age group", "using", "antidepressants have you", "pregnant", "matters"):
        answer(child, prompt, ENTER)
    answer(child, "read about", ENTER)


def test_save_offer_at_the_end(tmp_path: Path) -> None:
    child = spawn(["--region", "UK", "explore"], tmp_path)
    answer_no_then_skip_the_rest(child)
    # The UK's word for the first doctor, as the headings say it.
    answer(child, r"Save this to a file, to take to your GP\?", DOWN + ENTER)  # a web page
    answer(child, "File name", ENTER)  # the suggested name
    child.expect("Saved the summary")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    saved = tmp_path / "depression-summary-2026-11-28.html"
    assert saved.read_text().startswith("<!DOCTYPE html>")
    assert oct(saved.stat().st_mode & 0o777) == "0o600"


def test_no_save_offer_when_stdout_is_a_file(tmp_path: Path) -> None:
    child = pexpect.spawn(
        "/bin/sh",
        ["-c", f"{sys.executable} -m depression_guide --region UK explore > out.txt"],
        cwd=str(tmp_path),
        encoding="utf-8",
        timeout=20,
        env={**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm"},
    )
    answer_no_then_skip_the_rest(child)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Save this" not in child.before
    assert "Your depression treatment options" in (tmp_path / "out.txt").read_text()
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


@pytest.mark.parametrize("columns", [80, 40])
def test_the_emergency_number_is_on_screen_while_asking_to_carry_on(
    tmp_path: Path, columns: int
) -> None:
    child = spawn(["--region", "AU", "explore"], tmp_path, columns=columns, rows=24)
    answer(child, "harming yourself", DOWN * 2 + ENTER)  # Yes
    child.expect("carry on")
    settle(child)
    seen = screen(child, 24, columns)
    assert "number: 000" in seen and "13 11 14" in seen, seen
    child.sendintr()
    child.expect(pexpect.EOF)


@pytest.mark.parametrize("columns", [80, 40])
@pytest.mark.parametrize(
    ("region", "emergency", "line"),
    [("AU", "000", "13 11 14"), ("US", "911", "988"), ("UK", "999", "116 123")],
)
def test_the_emergency_number_is_on_the_last_screen_of_crisis(
    tmp_path: Path, columns: int, region: str, emergency: str, line: str
) -> None:
    child = spawn(["--region", region, "crisis"], tmp_path, columns=columns, rows=24)
    child.expect(pexpect.EOF)
    seen = screen(child, 24, columns)
    assert f"number: {emergency}" in seen and line in seen, seen


def test_prompts_under_term_dumb_have_no_bold_or_colour(tmp_path: Path) -> None:
    child = spawn(["explore"], tmp_path, env={"TERM": "dumb"})
    answer(child, "harming yourself right now", ENTER)
    child.expect("Where are you")
    settle(child)
    child.sendintr()
    child.expect(pexpect.EOF)
    styles = set(re.findall(r"\x1b\[[0-9;]*m", child.drawn.getvalue()))
    assert styles <= {"\x1b[0m"}, styles


def test_phone_numbers_stay_whole_at_40_columns(tmp_path: Path) -> None:
    child = spawn(["--region", "AU", "explore"], tmp_path, columns=40)
    answer(child, "harming yourself", DOWN * 2 + ENTER)
    child.expect("carry on")
    settle(child)
    seen = screen(child, 40, 40)
    assert "1300 659 467" in seen and "1800 55 1800" in seen, seen
    child.sendintr()
    child.expect(pexpect.EOF)


def test_ctrl_c_exits_130_and_writes_nothing(tmp_path: Path) -> None:
    child = spawn(["explore", "--save", "summary.md"], tmp_path)
    answer(child, "harming yourself right now", DOWN + ENTER)
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
    child.expect("1 of 9")
    child.send(ENTER)  # Enter alone scores nothing: the item is asked again
    child.expect("Please choose one of the answers")
    child.expect("1 of 9")
    child.send(DOWN + ENTER)  # Not at all
    for number in range(2, 9):
        child.expect(f"{number} of 9")
        child.send(DOWN + ENTER)  # Not at all
    child.expect("9 of 9")
    child.send(DOWN * 2 + ENTER)  # Several days
    child.expect("how difficult")
    child.send(ENTER)  # starts on "Prefer not to say"
    child.expect("If you are in danger now")
    index = child.expect(["Lifeline", "Your total"])
    assert index == 0
    child.expect("Your total is 1 out of 27")
    child.expect("matter, whatever")
    child.expect("This is not a diagnosis")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    drawn = child.drawn.getvalue()
    assert "few or no symptoms" not in drawn
    assert "How difficult these problems" not in drawn  # skipped, not "Not difficult"


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


PAGER = {"PAGER": "sh -c 'echo PAGER-RAN; cat'"}


@pytest.mark.parametrize(
    "args", [["show", "psychotherapy"], ["about"], ["references"], ["explore", "--detail"]]
)
def test_long_output_is_paged_on_a_terminal(tmp_path: Path, args: list[str]) -> None:
    if args[0] == "explore":
        (tmp_path / "a.yaml").write_text("risk_now: 'no'\nregion: AU\n")
        args = [*args, "--answers", "a.yaml"]
    child = spawn(args, tmp_path, env=PAGER)
    child.expect("PAGER-RAN")
    child.expect("q to quit")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    if args[0] in ("show", "explore"):
        # After the pager closes, the help lines are on the last screen again.
        tail = ANSI.sub("", child.drawn.getvalue()).rsplit("PAGER-RAN", 1)[1]
        last = tail.rsplit("q to quit", 1)[1]
        assert "000" in last[-3000:] and "See a professional" in last[-3000:]


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--no-pager", "show", "psychotherapy"], PAGER),
        (["show", "psychotherapy", "--no-pager"], PAGER),  # after the command, too
        (["references", "--no-pager"], PAGER),
        (["show", "psychotherapy"], {**PAGER, "DEPRESSION_GUIDE_NO_PAGER": "1"}),
    ],
)
def test_no_pager_turns_it_off(tmp_path: Path, args: list[str], env: dict[str, str]) -> None:
    child = spawn(args, tmp_path, env=env)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "PAGER-RAN" not in child.drawn.getvalue()
    assert "Cognitive behavioural therapy" in child.drawn.getvalue() or "Cuijpers" in (
        child.drawn.getvalue()
    )


def test_short_output_is_not_paged(tmp_path: Path) -> None:
    child = spawn(["crisis"], tmp_path, env=PAGER)
    child.expect(pexpect.EOF)
    assert "PAGER-RAN" not in child.drawn.getvalue()


@pytest.mark.parametrize("columns", [80, 40])
def test_decide_walk_through(tmp_path: Path, columns: int) -> None:
    child = spawn(
        ["--region", "AU", "decide", "cbt", "ssri", "exercise"], tmp_path, columns=columns, rows=24
    )
    answer(child, "far along", DOWN * 2 + ENTER)  # considering
    answer(child, "like to decide", DOWN * 2 + ENTER)  # shared
    for fragment in ("feel sure", "Do you know", "Are you clear", "enough support"):
        answer(child, fragment, DOWN * 2 + ENTER)  # No, four times
    for _option in range(3):
        for reason in range(4):
            # The first reason of each option: 5 stars; Enter alone skips the rest.
            answer(child, "A reason to", DOWN * 6 + ENTER if reason == 0 else ENTER)
    # The person's own leaning (issue 24): the last option, whatever the stars.
    answer(child, "leaning towards", DOWN * 3 + ENTER)  # exercise
    for fragment in ("feel sure", "Do you know", "Are you clear", "enough support"):
        answer(child, fragment, DOWN + ENTER)  # Yes, four times
    answer(child, "do next", SPACE + ENTER)  # talk to my GP
    child.expect("My decision guide")
    answer(child, "Save this", DOWN + ENTER)  # a web page
    answer(child, "File name", ENTER)
    child.expect("Saved your decision guide")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    saved = tmp_path / "my-decision-guide-2026-11-28.html"
    assert oct(saved.stat().st_mode & 0o777) == "0o600"
    flat = " ".join(saved.read_text().split())
    assert "Before: yes to 0 of 4" in flat and "After: yes to 4 of 4" in flat
    assert "(5 stars)" in flat and "Talk to my GP" in flat
    assert "My own answer, not worked out by this guide: Exercise." in flat
    assert "skills you can keep using" not in flat  # skipped: not shown as mattering
    drawn = child.drawn.getvalue()
    assert "emergency number: 000" in " ".join(ANSI.sub("", drawn).split()).replace("┃", "")


def test_decide_ctrl_c_leaves_nothing(tmp_path: Path) -> None:
    child = spawn(["decide", "cbt", "ssri", "--save", "guide.md"], tmp_path)
    answer(child, "far along", ENTER)
    child.expect("like to decide")
    child.sendintr()
    child.expect("Stopped. Nothing was saved.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert list(tmp_path.iterdir()) == []


# A pager that shows nothing: what is on the screen after it closes is only
# what the program printed itself (`cat` would have printed the page again).
SILENT_PAGER = {"PAGER": "sh -c 'cat > /dev/null'"}


@pytest.mark.parametrize(
    "args", [["show", "psychotherapy"], ["about"], ["--region", "UK", "show", "cbt", "ssri"]]
)
def test_help_lines_after_a_pager_that_does_not_echo(tmp_path: Path, args: list[str]) -> None:
    child = spawn(args, tmp_path, env=SILENT_PAGER, rows=24)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    last = " ".join(screen(child, 24, 100).split())
    assert "not medical advice" in last
    emergency = "999" if "UK" in args else "Other countries: your local emergency number"
    assert emergency in last
    assert "What it is" not in ANSI.sub("", child.drawn.getvalue())  # the page went to the pager
