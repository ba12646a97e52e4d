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


# The same, one short line a region, as a small screen shows them above the
# region question (data/crisis.yaml: codes, numbers and main lines).
COMPACT = (
    "If you are in danger now, call the emergency number.",
    "AU 000 · Lifeline 13 11 14",
    "US 911 · 988 Suicide & Crisis Lifeline",
    "UK 999 · Samaritans 116 123",
    "CA 911 · 988 Suicide Crisis Helpline",
    "NZ 111 · 1737 Need to Talk?",
    "IE 112 or 999 · Samaritans 116 123",
    "Other countries: your local emergency number · Find A Helpline (findahelpline.com)",
)
# Numbers that must never be split across two lines of the screen.
WHOLE_NUMBERS = ("13 11 14", "116 123", "112 or 999")


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
    for shown in COMPACT:
        assert shown in waiting, waiting  # while it waits for the answer
    child.send("n" + ENTER)
    child.expect(pexpect.EOF)
    final = flat(screen(child, 24, 40))
    for shown in COMPACT:
        assert shown in final, final
    assert "there for you any time" in final


@pytest.mark.parametrize("keys", [DOWN * 2 + ENTER, DOWN * 3 + ENTER], ids=["yes", "unsure"])
def test_region_question_waits_with_every_emergency_number_on_screen(
    tmp_path: Path, keys: str
) -> None:
    """At 40x24 the region question and its choices take half the screen: the
    every-region lines above it come compact, so none has scrolled away."""
    child = spawn(["explore"], tmp_path, columns=40, rows=24)
    answer(child, "harming yourself", keys)
    child.expect("Somewhere else")  # the region question's last choice: it waits
    settle(child)
    shown = screen(child, 24, 40)
    waiting = flat(shown)
    assert "If you are in danger now" in waiting, shown
    for number in ("000", "911", "999", "111", "112"):
        assert number in waiting, shown
    for line in COMPACT:
        assert line in waiting, shown
    assert "Where are you?" in waiting and "» Skip this question" in waiting
    for number in WHOLE_NUMBERS:  # on one line of the screen, never split
        assert any(number in row for row in shown.split("\n")), shown
    child.send(ENTER + "n" + ENTER)
    child.expect(pexpect.EOF)


def test_region_chosen_after_risk_yes_keeps_its_lines_while_carry_on_waits(
    tmp_path: Path,
) -> None:
    child = spawn(["explore"], tmp_path, columns=40, rows=24)
    answer(child, "harming yourself", DOWN * 2 + ENTER)
    answer(child, "Somewhere else", DOWN * 3 + ENTER)  # United Kingdom
    child.expect("carry on")
    settle(child)
    shown = screen(child, 24, 40)
    waiting = flat(shown)
    assert "call the emergency number: 999." in waiting, shown
    assert "Samaritans: call 116 123" in waiting, shown
    assert "Help is available (United Kingdom)" in waiting, shown
    child.send("n" + ENTER)
    child.expect(pexpect.EOF)


def test_at_20_columns_the_compact_lines_keep_numbers_whole(tmp_path: Path) -> None:
    import pyte

    child = spawn(["explore"], tmp_path, columns=20, rows=24)
    answer(child, "»", DOWN * 2 + ENTER)  # the risk question (its words wrap): Yes
    child.expect("Somewhere else")
    settle(child)
    child.send(ENTER + "n" + ENTER)
    child.expect(pexpect.EOF)
    terminal = pyte.Screen(20, 3000)
    pyte.Stream(terminal).feed(child.drawn.getvalue())
    rows = [row.rstrip() for row in terminal.display]
    for number in (*WHOLE_NUMBERS, "AU 000", "US 911", "UK 999", "NZ 111", "IE 112"):
        assert any(number in row for row in rows), "\n".join(r for r in rows if r)
    assert "(findahelpline.com)" in rows


def test_at_80_columns_the_region_question_waits_under_the_full_panel(tmp_path: Path) -> None:
    """At 80x24 the boxed panel and the region question fit together: unchanged."""
    child = spawn(["explore"], tmp_path, columns=80, rows=24)
    answer(child, "harming yourself", DOWN * 2 + ENTER)
    child.expect("Somewhere else")
    settle(child)
    shown = screen(child, 24, 80)
    waiting = flat(shown)
    assert "If you need help now" in waiting, shown
    for line in EVERY_REGION:
        assert line in waiting, shown
    assert "AU 000" not in waiting
    child.send(ENTER + "n" + ENTER)
    child.expect(pexpect.EOF)


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


# --- 20 columns: nothing cut --------------------------------------------------------

EDGE = "()[]{},.;:!?\"'•»○●─━┃┏┓┗┛…-"


def _words(text: str) -> set[str]:
    return {w.strip(EDGE).lower() for w in text.split()} - {""}


def _vocabulary() -> set[str]:
    """Every word the program could print: its strings, its content, and a whole
    summary rendered wide (dates, numbers, references)."""
    import yaml

    from depression_guide import strings as S
    from depression_guide.content import builtin_data_dir

    from .conftest import run_cli

    texts: list[str] = []
    for value in vars(S).values():
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, tuple):
            texts += [
                str(v) for item in value for v in (item if isinstance(item, tuple) else (item,))
            ]

    def collect(node: object) -> None:
        if isinstance(node, str):
            texts.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    for path in builtin_data_dir().rglob("*.yaml"):
        collect(yaml.safe_load(path.read_text(encoding="utf-8")))
    wide = run_cli(["explore", "--answers", "-"], input="{}\n", env={"COLUMNS": "1000"})
    texts.append(wide.stdout)
    return set().union(*(_words(t) for t in texts))


def test_explore_at_20_columns_cuts_nothing(tmp_path: Path) -> None:
    import pyte

    from depression_guide.content import Content, builtin_data_dir

    content = Content(builtin_data_dir(), "data")
    child = spawn(["explore"], tmp_path, columns=20, rows=40)
    # Skip every question (Enter alone), then "No, thanks" to saving. A
    # question waits when its pointer (») is on the screen.
    asked = 0
    waiting: list[str] = []  # each question as it waits: its choices, not yet folded away
    for _ in range(20):
        settle(child)
        now = screen(child, 40, 20)
        if "»" not in now:
            continue
        waiting += now.split("\n")
        saving = "Save this to a" in now
        child.send(ENTER)
        if saving:
            break
        asked += 1
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert asked >= 7
    # The whole run on one tall screen: prompt_toolkit moves the cursor only
    # relative to where it is, so the transcript replays whole.
    terminal = pyte.Screen(20, 3000)
    pyte.Stream(terminal).feed(child.drawn.getvalue())
    lines = [line.rstrip() for line in terminal.display]
    while lines and not lines[-1]:
        lines.pop()
    known = _vocabulary()
    assert "…" not in "\n".join(lines + waiting)  # rich's mark for a cut title
    assert not _cut_lines(lines, known), "\n".join(_cut_lines(lines, known))
    assert not _cut_lines(waiting, known), "\n".join(_cut_lines(waiting, known))
    # Question texts keep every word; crisis titles and addresses are whole.
    flat = " ".join(" ".join(lines).split())
    for whole in (
        content.explore.questions[0].prompt,
        "If you need help now",
        "(findahelpline.com)",
        "Lifeline 13 11 14",
        "What matters most to you?",
    ):
        assert " ".join(whole.split()) in flat, whole


def _cut_lines(lines: list[str], known: set[str]) -> list[str]:
    """The lines whose last word is not one the program has (a word cut short)."""
    cut = []
    number = 0
    while number < len(lines):
        line = lines[number]
        number += 1
        # A word longer than the screen (a web address) folds onto the next
        # lines at the screen's edge: put it back together first.
        while (
            line
            and len(line) % 20 == 0
            and line.split()[-1].strip(EDGE).lower() not in known
            and number < len(lines)
            and lines[number][:1] not in ("", " ")
        ):
            line += lines[number]
            number += 1
        words = line.split()
        if words and words[-1].strip(EDGE) and words[-1].strip(EDGE).lower() not in known:
            cut.append(line)
    return cut


def test_save_flag_after_a_no_region_summary_keeps_help_and_disclaimer(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text('risk_now: "no"\n')
    child = spawn(["explore", "--answers", "a.yaml", "--save", "s.md"], tmp_path, 40, rows=24)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Saved the summary to s.md" in child.drawn.getvalue()
    assert (tmp_path / "s.md").is_file()
    final = flat(screen(child, 24, 40))
    assert "See a professional" in final and "This is not medical advice" in final, final
    for shown in EVERY_REGION:
        assert shown in final, final
