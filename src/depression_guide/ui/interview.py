"""The explore interview at a terminal: the questions in order, safety first.

The safety question is found by `safety: true` in the data, never by its key,
so a content pack can't rename it away. What each answer to it does:

- at risk ("yes", "unsure"): the crisis lines at once (every region's, one
  line each, while the region is not known; then the region is asked and its
  lines shown), then "carry on?";
- skipped (Enter alone): the short help panel, then the next question;
- anything else: the next question.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from depression_guide import strings as S
from depression_guide import views
from depression_guide.content import Content
from depression_guide.document import Callout, Document, Paragraph
from depression_guide.files import ENDINGS, free_name
from depression_guide.logic.answers import Answer, applies
from depression_guide.ui.output import (
    Screen,
    height,
    screen_rows,
    show,
    text_height,
    wrap_whole,
    write,
    write_wrapped,
)
from depression_guide.ui.prompts import (
    answered_height,
    ask_one,
    choose,
    confirm,
    file_name,
    prompt_of,
    skip_entry,
    waiting_height,
)

if TYPE_CHECKING:
    from depression_guide.ui.run import Run


def ask_explore(run: Run, save: Path | None, how_else: str) -> dict[str, Answer] | None:
    """`explore` at the terminal: the introduction, then the questions.

    The region question is asked only when no flag or setting gave the region.
    """
    from depression_guide.ui.output import screen_for
    from depression_guide.ui.prompts import prompt_io

    stream = run.prompt_stream(how_else)
    screen = screen_for(stream, run.settings)
    saving = S.SAVED_AT_THE_END.format(path=save) if save else S.NOTHING_SAVED_UNLESS
    run.say_draft(stream)
    write_wrapped(S.EXPLORE_INTRO.format(saving=saving), stream, screen.width)
    io = prompt_io(stream, run.plain, run.no_color)
    return interview(run.content, run.region.code, stream, screen, io)


def interview(
    content: Content,
    region: str | None,
    stream: IO[str],
    screen: Screen,
    io: dict[str, Any],
) -> dict[str, Answer] | None:
    """Ask every question that applies, in order. None if the person chose to stop.

    `region` is the region already given (flag or environment), or None.
    """
    questions = content.explore.questions
    region_question = next((q for q in questions if q.key == "region"), None)
    answers: dict[str, Answer] = {}
    asked: set[str] = {"region"} if region else set()

    def panel(*blocks: Any, title: str = S.THANK_YOU) -> int:
        doc = Document(title).add(*blocks)
        show(doc, screen, stream)
        return height(doc, screen)

    for question in questions:
        if question.key in asked or not applies(question, answers):
            continue
        asked.add(question.key)
        answer = ask_one(question, io)
        if answer is not None:
            answers[question.key] = answer
        if question.key == "region" and isinstance(answer, str):
            region = answer
        if not question.safety:
            continue
        if answer is None:
            # Skipped: no answer is recorded, but help is shown anyway.
            panel(views.help_now(content, region), title=S.WHERE_TO_GET_HELP)
            continue
        if answer not in question.at_risk:
            continue
        thanks = Document(S.THANK_YOU).add(
            Paragraph(S.THANKS), *views.crisis_blocks(content, region, support=False)
        )
        asking_region = region is None and region_question is not None
        room = screen_rows() - (waiting_height(region_question) if region_question else 0)
        if asking_region and height(thanks, screen) > room:
            # The region question would push the panel's top (the danger line,
            # the first regions) off a small screen while it waits: the compact
            # lines instead, which fit above it.
            shown = compact_world_help(content, room, stream, screen)
        else:
            show(thanks, screen, stream)
            shown = height(thanks, screen)
        if asking_region and region_question is not None:
            # The region next, so the person sees their own lines in full.
            asked.add(region_question.key)
            picked = ask_one(region_question, io)
            if isinstance(picked, str):
                answers[region_question.key] = region = picked
                panel(*views.crisis_blocks(content, region, support=False), title=S.HELP_NEAR_YOU)
            elif _scrolls_away(shown, region_question, screen):
                # Skipped: the every-region lines are above the region question;
                # on a small screen they would be gone by the last screen.
                panel(views.help_now(content, None), title="")
        if not confirm(S.CARRY_ON, io):
            write_wrapped(S.STOPPED_HERE, stream, screen.width)
            return None
    return answers


def compact_world_help(content: Content, room: int, stream: IO[str], screen: Screen) -> int:
    """Every region's number and main line, one short line each, and as much
    of the thanks as fits in `room` lines above them; the lines it took.

    Plain lines, wrapped so no phone number is ever split.
    """
    lines = wrap_whole(views.compact_world_lines(content), screen.width)
    for words in (f"{S.THANK_YOU}. {S.THANKS}", S.THANKS, f"{S.THANK_YOU}."):
        thanks = wrap_whole([words], screen.width)
        if len(thanks) + len(lines) <= room:
            lines = thanks + lines
            break
    write("\n".join(lines) + "\n", stream)
    return len(lines)


def _scrolls_away(shown: int, region_question: Any, screen: Screen) -> bool:
    """Whether `shown` lines, then the skipped region question, the carry-on
    question and the goodbye (the longest way to the end), overflow the screen."""
    below = (
        answered_height(prompt_of(region_question), skip_entry(region_question)[0])
        + answered_height(S.CARRY_ON, "(Y/n) No", hint=None)
        + text_height(S.STOPPED_HERE, screen.width)
        + 1  # the shell's prompt after the program ends
    )
    return shown + below > screen_rows()


def offer_to_save(
    stem: str,
    render: Callable[[str], str],
    save: Callable[[Path, str], None],
    io: dict[str, Any],
    folder: Path | None = None,
    footer: Document | None = None,
    screen: Screen | None = None,
    doctor: str = "",
) -> None:
    """Ask whether to save what was shown; suggest a name; never replace a file.

    `doctor`: the region's word for the first doctor (S.ANY_DOCTOR if empty).

    `render(fmt)` makes the text to save; `save(path, text)` writes it safely.
    `footer`, the help lines and disclaimer that ended what was shown, is shown
    again when the questions have pushed it off the `screen`.
    """
    options = [(S.NO_THANKS, "no")] + [(label, fmt) for label, fmt, _ in S.SAVE_CHOICES]
    question = S.SAVE_OFFER.format(doctor=doctor or S.ANY_DOCTOR)
    fmt = choose(question, options, io)
    used = answered_height(question, next(label for label, f in options if f == fmt))
    if fmt != "no":
        name = _save_as(stem, fmt, render, save, io, folder or Path.cwd())
        # The name question, and the "Saved ... to NAME" line (two at most).
        used += answered_height(S.FILE_NAME, name, hint=None) + 2
    if footer is not None and screen is not None:
        footer_in_view(footer, used, screen)


def footer_in_view(footer: Document, used: int, screen: Screen) -> None:
    """Show the footer again if `used` lines below it pushed it off the screen.

    On a small screen (40x24, every region's lines) the footer itself is
    nearly a screen high: then it comes back compact, the disclaimer as one
    paragraph without a box, and without the line on setting the region (it
    was shown just above), so the help lines and the disclaimer both stay.
    """
    rows = screen_rows()
    tall = height(footer, screen)
    if tall + used + 1 <= rows:
        return  # still on the last screen
    if tall + 1 > rows:
        footer = Document(footer.title, [_compact(b) for b in footer.blocks])
    show(footer, screen)


def _compact(block: Any) -> Any:
    if isinstance(block, Callout) and block.kind == "disclaimer":
        return Paragraph(" ".join(block.lines), block.title)
    if isinstance(block, Callout) and S.SET_REGION in block.lines:
        lines = tuple(x for x in block.lines if x != S.SET_REGION)
        return Callout(block.kind, block.title, lines, links=block.links)
    return block


def _save_as(
    stem: str,
    fmt: str,
    render: Callable[[str], str],
    save: Callable[[Path, str], None],
    io: dict[str, Any],
    folder: Path,
) -> str:
    """Ask for a file name fit for the format, then save; the name as typed."""
    ending = next(end for _, f, end in S.SAVE_CHOICES if f == fmt)

    def target(name: str) -> Path:
        # A name typed without an ending gets the chosen format's one.
        path = folder / name.strip()
        return path if path.suffix else path.with_name(path.name + ending)

    def check(name: str) -> bool | str:
        if not name.strip():
            return S.TYPE_A_NAME
        path = target(name)
        # "A web page" saved as b.pdf would be HTML that nothing opens as HTML.
        if ENDINGS.get(path.suffix.lower()) != fmt:
            return S.WRONG_ENDING.format(ending=ending)
        if path.is_dir():
            return S.IS_A_FOLDER
        if path.exists() or path.is_symlink():
            return S.FILE_EXISTS
        if not path.parent.is_dir():
            return S.NO_SUCH_FOLDER
        return True

    name = file_name(S.FILE_NAME, free_name(folder, stem, ending), check, io)
    save(target(name), render(fmt))
    return name
