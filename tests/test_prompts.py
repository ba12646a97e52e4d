"""The real questionary prompts, driven with prompt_toolkit pipe input."""

from __future__ import annotations

import io as textio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from depression_guide.content import Content, builtin_data_dir
from depression_guide.ui.interview import interview, offer_to_save
from depression_guide.ui.output import Screen
from depression_guide.ui.prompts import ask_one

CONTENT = Content(builtin_data_dir(), "data")
QUESTIONS = {q.key: q for q in CONTENT.explore.questions}
DOWN, ENTER, SPACE, CTRL_C = "\x1b[B", "\r", " ", "\x03"
SCREEN = Screen(is_tty=False, plain=True, color=False, width=80, encoding="utf-8")


@pytest.fixture
def keys() -> Iterator[Any]:
    with create_pipe_input() as pipe:
        yield pipe


def io(pipe: Any) -> dict[str, Any]:
    return {"input": pipe, "output": DummyOutput()}


def run_interview(keys: Any, region: str | None = None) -> tuple[dict[str, Any] | None, str]:
    shown = textio.StringIO()
    answers = interview(CONTENT, region, shown, SCREEN, io(keys))
    return answers, shown.getvalue()


# --- one question ---------------------------------------------------------------


def test_single_choice_starts_on_skip(keys: Any) -> None:
    keys.send_text(ENTER)
    assert ask_one(QUESTIONS["age_group"], io(keys)) is None


def test_single_choice_with_arrow_keys(keys: Any) -> None:
    keys.send_text(DOWN * 2 + ENTER)  # Skip (show help), No, Yes
    assert ask_one(QUESTIONS["risk_now"], io(keys)) == "yes"


def test_a_prefer_not_choice_is_the_skip_entry(keys: Any) -> None:
    # age_group's own "Prefer not to say" comes first and records nothing;
    # it is not offered twice.
    keys.send_text(DOWN + ENTER)
    assert ask_one(QUESTIONS["age_group"], io(keys)) == "under-18"


def test_several_choices(keys: Any) -> None:
    keys.send_text(SPACE + DOWN + DOWN + SPACE + ENTER)
    assert ask_one(QUESTIONS["priorities"], io(keys)) == ("avoid-side-effects", "low-cost")


def test_several_choices_none_ticked_is_skipped(keys: Any) -> None:
    keys.send_text(ENTER)
    assert ask_one(QUESTIONS["interests"], io(keys)) is None


def drawn_by(keys: Any, question: str, typed: str, columns: int = 200) -> str:
    """What the prompt leaves on a (wide) screen, escape codes removed."""
    import re

    from prompt_toolkit.data_structures import Size
    from prompt_toolkit.output.vt100 import Vt100_Output

    screen = textio.StringIO()
    output = Vt100_Output(screen, lambda: Size(rows=40, columns=columns), term="xterm")
    keys.send_text(typed)
    ask_one(QUESTIONS[question], {"input": keys, "output": output})
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())


def test_a_tick_list_shows_what_was_ticked(keys: Any) -> None:
    drawn = drawn_by(keys, "priorities", SPACE + DOWN + DOWN + SPACE + ENTER)
    assert "Avoiding medicine side effects, Low cost" in drawn
    assert "selections" not in drawn


def test_a_tick_list_left_empty_says_it_was_skipped(keys: Any) -> None:
    drawn = drawn_by(keys, "interests", ENTER)
    assert "Skipped (nothing ticked)" in drawn
    assert "done" not in drawn.split("Enter when done")[-1]


def test_what_was_ticked_is_wrapped_not_cut_at_40_columns(
    keys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    drawn = drawn_by(keys, "interests", ENTER, columns=40)
    # On a line of its own, whole: after the hint it was cut at the edge.
    assert "\n  Skipped (nothing ticked)" in drawn


def test_nothing_at_the_moment_goes_alone(keys: Any) -> None:
    # "Nothing at the moment" with "An antidepressant" is refused; unticking
    # the second lets Enter through.
    keys.send_text(SPACE + DOWN + SPACE + ENTER + SPACE + ENTER)
    assert ask_one(QUESTIONS["current_treatment"], io(keys)) == ("none",)


def test_ctrl_c_raises_keyboard_interrupt(keys: Any) -> None:
    keys.send_text(CTRL_C)
    with pytest.raises(KeyboardInterrupt):
        ask_one(QUESTIONS["age_group"], io(keys))


# --- the interview ----------------------------------------------------------------


def test_enter_alone_everywhere_records_nothing(keys: Any) -> None:
    keys.send_text(ENTER * 8)
    answers, shown = run_interview(keys)
    assert answers == {}
    # The skipped safety question still shows where help is, for every region.
    assert "Where to get help" in shown and "000" in shown and "988" in shown


def test_interview_in_order_with_region_given(keys: Any) -> None:
    # risk no; age 26-64; using therapy; tried 0; not pregnant; no priorities; digital
    keys.send_text(
        DOWN
        + ENTER
        + DOWN * 3
        + ENTER
        + DOWN * 2
        + SPACE
        + ENTER
        + DOWN
        + ENTER
        + DOWN * 2
        + ENTER
        + ENTER
        + DOWN * 3
        + SPACE
        + ENTER
    )
    answers, shown = run_interview(keys, region="UK")
    assert answers == {
        "risk_now": "no",
        "age_group": "26-64",
        "current_treatment": ("therapy",),
        "tried_without_relief": "0",
        "pregnancy": "no",
        "interests": ("digital",),
    }
    assert shown == ""  # no crisis panel for "no"


def test_risk_yes_without_region_shows_every_region_then_asks_it(keys: Any) -> None:
    # yes; then the region question: United Kingdom; then "carry on?" no.
    keys.send_text(DOWN * 2 + ENTER + DOWN * 3 + ENTER + "n" + ENTER)
    answers, shown = run_interview(keys)
    assert answers is None  # the person chose to stop
    world, _, near = shown.partition("Help near you")
    for number in ("000", "13 11 14", "911", "988", "999", "116 123", "111", "1737"):
        assert number in world
    assert "Samaritans" in near and "Shout" in near and "Lifeline" not in near


def test_risk_unsure_with_region_shows_that_region_and_can_go_on(keys: Any) -> None:
    keys.send_text(DOWN * 3 + ENTER + ENTER + ENTER * 7)  # unsure; carry on (yes)
    answers, shown = run_interview(keys, region="NZ")
    assert answers == {"risk_now": "unsure"}
    assert "1737" in shown and "111" in shown and "Lifeline Aotearoa" in shown
    assert "13 11 14" not in shown


def test_a_pack_whose_safety_question_has_another_key_still_shows_help(
    keys: Any, tmp_path: Path
) -> None:
    import shutil

    pack = tmp_path / "pack"
    shutil.copytree(builtin_data_dir(), pack)
    explore = pack / "explore.yaml"
    explore.write_text(explore.read_text().replace("risk_now", "safety_now"))
    content = Content(pack, "pack")
    keys.send_text(DOWN * 2 + ENTER + ENTER + "n" + ENTER)  # yes; region skipped; stop
    shown = textio.StringIO()
    assert interview(content, None, shown, SCREEN, io(keys)) is None
    assert "Thank you for telling us" in shown.getvalue()


# --- the offer to save ------------------------------------------------------------


def test_offer_to_save_enter_alone_saves_nothing(keys: Any, tmp_path: Path) -> None:
    keys.send_text(ENTER)
    saved: list[Path] = []
    offer_to_save("summary", lambda f: f, lambda p, t: saved.append(p), io(keys), tmp_path)
    assert saved == []


def test_offer_to_save_suggests_a_name_and_never_replaces(keys: Any, tmp_path: Path) -> None:
    (tmp_path / "summary.html").write_text("keep me")
    # HTML; the taken name typed over the suggestion is refused; type another.
    clear = "\x7f" * 20
    keys.send_text(DOWN + ENTER + clear + "summary.html" + ENTER + clear + "mine.html" + ENTER)
    saved: dict[Path, str] = {}
    offer_to_save(
        "summary", lambda f: f"as {f}", lambda p, t: saved.update({p: t}), io(keys), tmp_path
    )
    assert saved == {tmp_path / "mine.html": "as html"}
    assert (tmp_path / "summary.html").read_text() == "keep me"


def test_offer_to_save_never_suggests_a_name_that_exists(keys: Any, tmp_path: Path) -> None:
    (tmp_path / "summary.md").write_text("keep me")
    (tmp_path / "summary-2.md").write_text("keep me too")
    keys.send_text(DOWN * 2 + ENTER + ENTER)  # Markdown, the suggested name as it is
    saved: dict[Path, str] = {}
    offer_to_save(
        "summary", lambda f: f"as {f}", lambda p, t: saved.update({p: t}), io(keys), tmp_path
    )
    assert saved == {tmp_path / "summary-3.md": "as markdown"}


def test_offer_to_save_refuses_a_name_that_ends_as_another_format(
    keys: Any, tmp_path: Path
) -> None:
    # "A web page", then b.pdf and b.md (refused: HTML would be written into
    # them), then "b" alone: the web page's ending is added.
    clear = "\x7f" * 20
    keys.send_text(
        DOWN + ENTER + clear + "b.pdf" + ENTER + clear + "b.md" + ENTER + clear + "b" + ENTER
    )
    saved: dict[Path, str] = {}
    offer_to_save(
        "summary", lambda f: f"as {f}", lambda p, t: saved.update({p: t}), io(keys), tmp_path
    )
    assert saved == {tmp_path / "b.html": "as html"}


def test_offer_to_save_accepts_the_other_ending_of_the_same_format(
    keys: Any, tmp_path: Path
) -> None:
    keys.send_text(DOWN + ENTER + "\x7f" * 20 + "page.htm" + ENTER)
    saved: dict[Path, str] = {}
    offer_to_save(
        "summary", lambda f: f"as {f}", lambda p, t: saved.update({p: t}), io(keys), tmp_path
    )
    assert saved == {tmp_path / "page.htm": "as html"}


def test_offer_to_save_refuses_a_folder(keys: Any, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").mkdir()
    clear = "\x7f" * 20
    # Plain text; the folder notes.txt (typed with or without its ending) is refused.
    keys.send_text(
        DOWN * 3
        + ENTER
        + clear
        + "notes.txt"
        + ENTER
        + clear
        + "notes"
        + ENTER
        + clear
        + "notes-2"
        + ENTER
    )
    saved: dict[Path, str] = {}
    offer_to_save(
        "summary", lambda f: f"as {f}", lambda p, t: saved.update({p: t}), io(keys), tmp_path
    )
    assert saved == {tmp_path / "notes-2.txt": "as text"}


# --- decide's option picker -------------------------------------------------------


def test_decide_option_picker_says_what_enter_alone_does(keys: Any) -> None:
    """Enter alone can't skip the options (decide needs 2 to 4): the hint must not say it does."""
    from prompt_toolkit.data_structures import Size
    from prompt_toolkit.output.vt100 import Vt100_Output

    from depression_guide.ui.decide_interview import _pick_options

    drawn = textio.StringIO()
    output = Vt100_Output(drawn, lambda: Size(rows=24, columns=80), term="dumb")
    # Enter alone first (refused), then tick two and Enter.
    keys.send_text(ENTER + SPACE + DOWN + SPACE + ENTER)
    picked = _pick_options(CONTENT, {"input": keys, "output": output})
    first_two = list(CONTENT.options)[:2]
    assert picked == first_two
    screen = drawn.getvalue()
    assert "Space to tick, Enter when done." in screen
    assert "Enter alone skips" not in screen


def test_decide_shows_what_may_help_right_after_each_sure_no(keys: Any) -> None:
    from depression_guide.ui.decide_interview import ask_decide

    # Stage and role skipped; SURE: No, No, No, then Skip; the rest skipped.
    no = DOWN * 2 + ENTER
    keys.send_text(ENTER + ENTER + no * 3 + ENTER + ENTER * 60)
    shown = textio.StringIO()
    answers = ask_decide(CONTENT, ["cbt", "ssri"], shown, io(keys))
    assert answers.sure_before == {"sure": False, "understand": False, "risk-benefit": False}
    text = " ".join(shown.getvalue().split())
    step_4 = text.index("Step 4.")
    for question in CONTENT.decide.sure:
        at = text.find(" ".join(question.if_no.split()))
        if question.id == "encouragement":
            assert at == -1  # skipped, not "no": no suggestion
        else:
            assert -1 < at < step_4  # before the next step: right after the test


@pytest.mark.parametrize(("lines", "again"), [("24", True), ("60", False)])
def test_offer_to_save_shows_the_footer_again_when_it_scrolled_away(
    keys: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    lines: str,
    again: bool,
) -> None:
    from depression_guide import views

    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.setenv("LINES", lines)
    narrow = Screen(is_tty=False, plain=True, color=False, width=40, encoding="utf-8")
    keys.send_text(ENTER)  # No, thanks
    from depression_guide.document import Document

    footer = Document("").add(*views.disclaimer(CONTENT, None))
    offer_to_save(
        "summary", str, lambda p, t: None, io(keys), tmp_path, footer=footer, screen=narrow
    )
    shown = capsys.readouterr().out
    assert ("Lifeline 13 11 14" in shown) is again
    if again:  # the disclaimer, then every region's lines, last
        assert "This is not medical advice" in " ".join(shown.split())
        # Compact: the line on setting the region was shown just above.
        assert shown.rstrip().endswith("(findahelpline.com)")


def test_a_document_s_trailing_help_is_its_footer() -> None:
    from depression_guide import views
    from depression_guide.document import Document, Paragraph
    from depression_guide.present.presenter import trailing_help

    doc = Document("Guide").add(Paragraph("text"), *views.disclaimer(CONTENT, "UK"))
    assert trailing_help(doc) == Document("").add(*views.disclaimer(CONTENT, "UK"))
    assert trailing_help(Document("Guide").add(Paragraph("text"))) is None


@pytest.mark.parametrize(("doctor", "asked"), [("family doctor", "family doctor"), ("", "doctor")])
def test_the_save_offer_names_the_region_word_for_a_doctor(
    keys: Any, tmp_path: Path, doctor: str, asked: str
) -> None:
    from prompt_toolkit.data_structures import Size
    from prompt_toolkit.output.vt100 import Vt100_Output

    drawn = textio.StringIO()
    output = Vt100_Output(drawn, lambda: Size(rows=24, columns=80), term="xterm")
    keys.send_text(ENTER)
    offer_to_save(
        "summary",
        lambda f: f,
        lambda p, t: None,
        {"input": keys, "output": output},
        tmp_path,
        doctor=doctor,
    )
    assert f"Save this to a file, to take to your {asked}?" in drawn.getvalue()
