"""Where output goes and how it looks: decided once, from flags and the environment."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import IO

from depression_guide import strings as S
from depression_guide.document import Document
from depression_guide.settings import Settings
from depression_guide.text_safety import fit, is_unicode


@dataclass(frozen=True)
class Screen:
    """What we know about the output stream."""

    is_tty: bool
    plain: bool  # screen-reader friendly: no boxes, no colour, no pictures
    color: bool
    width: int
    encoding: str

    @property
    def pretty(self) -> bool:
        """Rich output only on a real terminal, and never in plain mode."""
        return self.is_tty and not self.plain


def screen_for(stream: IO[str], settings: Settings) -> Screen:
    """The output style for a stream, from this run's settings."""
    try:
        is_tty = stream.isatty()
    except (AttributeError, ValueError):
        is_tty = False
    encoding = getattr(stream, "encoding", None) or "utf-8"
    return Screen(
        is_tty=is_tty,
        plain=settings.plain,
        color=not (settings.no_color or settings.plain),
        width=settings.width,
        encoding=encoding,
    )


def text_of(doc: Document, screen: Screen) -> str:
    """The plain-text rendering of a document for this screen."""
    from depression_guide.render import plain as render_plain

    return render_plain.render(
        doc, width=screen.width, pictures=not screen.plain, unicode=is_unicode(screen.encoding)
    )


def show(doc: Document, screen: Screen, stream: IO[str] | None = None) -> None:
    """Print a document: rich on a terminal, plain text everywhere else."""
    stream = stream or sys.stdout
    if screen.pretty:
        from depression_guide.render import terminal as render_terminal

        target: IO[str] | FittingStream = stream
        if not is_unicode(screen.encoding):
            target = FittingStream(stream)
        render_terminal.render(doc, target, color=screen.color)
    else:
        write(text_of(doc, screen), stream)


def height(doc: Document, screen: Screen) -> int:
    """How many terminal lines `show(doc, screen)` takes (to know what has scrolled away)."""
    import io

    if not screen.pretty:
        return text_height(text_of(doc, screen), screen.width)
    from depression_guide.render import terminal as render_terminal

    buffer = io.StringIO()
    render_terminal.render(doc, buffer, color=False, width=screen.width)
    return buffer.getvalue().count("\n")


def text_height(text: str, width: int) -> int:
    """The lines text takes on a screen `width` columns wide (long lines fold)."""
    lines = text[:-1].split("\n") if text.endswith("\n") else text.split("\n")
    from depression_guide.text_safety import cells

    return sum(max(1, -(-cells(line) // max(1, width))) for line in lines)


def screen_rows() -> int:
    """The terminal's height in lines (24 when it can't be told)."""
    import shutil

    return shutil.get_terminal_size((80, 24)).lines


class FittingStream:
    """A terminal stream that can't show every character: rich sees its real
    encoding (so it draws ASCII boxes) and each write gets ASCII fallbacks."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.encoding = getattr(stream, "encoding", None) or "ascii"

    def write(self, text: str) -> int:
        return self.stream.write(fit(text, self.encoding))

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()


def page(doc: Document, screen: Screen, pager: str) -> bool:
    """Show a long document through $PAGER; False when there is no pager to run.

    The first line says how to leave it. Ctrl-C or q in the pager ends it
    quietly; nothing is lost, as nothing was being saved.
    """
    import io

    buffer = io.StringIO()
    if screen.pretty:
        from depression_guide.render import terminal as render_terminal

        render_terminal.render(
            doc, buffer, color=screen.color, width=screen.width, force_terminal=screen.color
        )
        text = buffer.getvalue()
    else:
        text = text_of(doc, screen)
    return page_text(text, screen, pager)


def page_text(text: str, screen: Screen, pager_command: str) -> bool:
    """Show text through the pager ($PAGER, or less -R -F -X); False if it can't run."""
    import shlex
    import subprocess

    command = shlex.split(pager_command)
    try:
        pager = subprocess.Popen(command, stdin=subprocess.PIPE, encoding=screen.encoding)
    except (OSError, ValueError):
        return False
    try:
        pager.communicate(f"{S.PAGER_HINT}\n{text}")
    except (BrokenPipeError, KeyboardInterrupt):
        pager.wait()
    return True


def write(text: str, stream: IO[str] | None = None) -> None:
    """Write text that the stream's encoding can show (ASCII fallbacks otherwise)."""
    stream = stream or sys.stdout
    stream.write(fit(text, getattr(stream, "encoding", None)))
    stream.flush()


def write_wrapped(text: str, stream: IO[str], columns: int = 80) -> None:
    """Write paragraphs wrapped to the terminal's width (for short notices)."""
    from depression_guide.text_safety import wrap

    width = max(20, columns - 1)
    # wrap(), not textwrap: it measures display cells, so Chinese fits too.
    write(
        "\n".join("\n".join(wrap(line, width)) if line else "" for line in text.split("\n")), stream
    )


# Where a line may not break: inside a phone number ("13 11 14"), between a
# leading region code and its number ("AU 000"), and after "·" (it leads what follows).
_KEEP_TOGETHER = r"(?<=\d) (?=\d)|^(?=\S{1,5} \d)(\S+) |(?<=·) "


def wrap_whole(lines: list[str], columns: int) -> list[str]:
    """Lines wrapped to the screen (a column spare, as in write_wrapped) with
    no phone number split across two lines, even at 20 columns."""
    import re
    import textwrap

    width = max(10, columns - 1)
    no_break = "\xa0"  # textwrap breaks only at ASCII whitespace
    wrapped: list[str] = []
    for line in lines:
        if not line.isascii():
            # Wide (CJK) text: measured in display cells, numbers kept whole.
            from depression_guide.text_safety import wrap

            wrapped += wrap(line, width) or [""]
            continue
        glued = re.sub(_KEEP_TOGETHER, lambda m: (m.group(1) or "") + no_break, line)
        parts = textwrap.wrap(glued, width, break_long_words=False, break_on_hyphens=False)
        wrapped += [part.replace(no_break, " ") for part in parts or [""]]
    return wrapped


def render_as(doc: Document, fmt: str, screen: Screen) -> str:
    """A document as a string in a file format: text, markdown or html."""
    if fmt == "markdown":
        from depression_guide.render import markdown as render_markdown

        return render_markdown.render(doc)
    if fmt == "html":
        from depression_guide.render import html as render_html

        return render_html.render(doc)
    return text_of(doc, screen)
