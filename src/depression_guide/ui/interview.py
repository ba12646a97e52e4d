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
from typing import IO, Any

from depression_guide import views
from depression_guide.content import Content
from depression_guide.document import Document, Paragraph
from depression_guide.logic.answers import Answer, applies
from depression_guide.ui.output import Screen, show, write_wrapped
from depression_guide.ui.prompts import ask_one, choose, confirm, file_name

THANKS = "You are not alone, and help is available right now, day or night."
CARRY_ON = "Would you like to carry on to the treatment options?"


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

    def panel(*blocks: Any, title: str = "Thank you for telling us") -> None:
        show(Document(title).add(*blocks), screen, stream)

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
            panel(views.help_now(content, region), title="Where to get help")
            continue
        if answer not in question.at_risk:
            continue
        panel(Paragraph(THANKS), *views.crisis_blocks(content, region, support=False))
        if region is None and region_question is not None:
            # The region next, so the person sees their own lines in full.
            asked.add(region_question.key)
            picked = ask_one(region_question, io)
            if isinstance(picked, str):
                answers[region_question.key] = region = picked
                panel(*views.crisis_blocks(content, region, support=False), title="Help near you")
        if not confirm(CARRY_ON, io):
            write_wrapped("\nThat's okay. These lines are there for you any time.\n", stream)
            return None
    return answers


# What the save offer offers: (label, format, file ending).
SAVE_CHOICES = (
    ("A web page (.html, prints well)", "html", ".html"),
    ("Markdown (.md)", "markdown", ".md"),
    ("Plain text (.txt)", "text", ".txt"),
)


def offer_to_save(
    stem: str,
    render: Callable[[str], str],
    save: Callable[[Path, str], None],
    io: dict[str, Any],
    folder: Path | None = None,
) -> None:
    """Ask whether to save what was shown; suggest a name; never replace a file.

    `render(fmt)` makes the text to save; `save(path, text)` writes it safely.
    """
    options = [("No, thanks", "no")] + [(label, fmt) for label, fmt, _ in SAVE_CHOICES]
    fmt = choose("Save this to a file, to take to your GP?", options, io)
    if fmt == "no":
        return
    ending = next(end for _, f, end in SAVE_CHOICES if f == fmt)
    folder = folder or Path.cwd()

    def check(name: str) -> bool | str:
        path = folder / name.strip()
        if not name.strip():
            return "Type a file name."
        if path.exists():
            return "That file exists and is never replaced: type another name."
        if not path.parent.is_dir():
            return "That folder does not exist."
        return True

    name = file_name("File name:", f"{stem}{ending}", check, io)
    save(folder / name.strip(), render(fmt))
