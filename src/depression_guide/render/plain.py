"""Plain text: for pipes, files, screen readers and TERM=dumb. No rich, no ANSI.

Readable top to bottom: headings on their own lines, no box drawing, no
decorative runs of symbols a screen reader would read out one by one.
"""

from __future__ import annotations

from typing import assert_never

from depression_guide import document as d
from depression_guide import strings as S
from depression_guide.languages import RIGHT_TO_LEFT
from depression_guide.text_safety import cells as display_cells
from depression_guide.text_safety import isolate_ltr, wrap

MIN_WIDTH = 20
MAX_WIDTH = 100  # long lines are hard to read, even on a wide terminal


def _wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    return wrap(text, width, first, rest)


def icon_rows(array: d.IconArray, count: int, filled: str, empty: str) -> list[str]:
    """Ten rows of ten people: the first `count` filled (one arm of an icon array)."""
    cells = [filled if i < count else empty for i in range(array.denominator)]
    return [" ".join(cells[row : row + 10]) for row in range(0, len(cells), 10)]


def _block(block: d.Block, width: int, pictures: bool, unicode: bool) -> list[str]:
    # Exhaustive: mypy fails here on a block type this renderer does not draw.
    match block:
        case d.Heading():
            lines = _wrap(block.text, width)
            if pictures and block.level <= 1:
                # The underline sets the heading apart; no blank line is needed too.
                return ["", *lines, "-" * min(display_cells(block.text), width)]
            return ["", *lines, ""]
        case d.Paragraph():
            if block.label:
                return [*_wrap(f"{block.label}: {block.text}", width, rest="  "), ""]
            return [*_wrap(block.text, width), ""]
        case d.Bullets():
            head = _wrap(block.label + ":", width) if block.label else []
            items = [line for item in block.items for line in _wrap(item, width, "- ", "  ")]
            return [*head, *items, ""]
        case d.Callout():
            title = S.CALLOUT_KINDS[block.kind]
            lines = _wrap(f"{title}: {block.title}", width)
            lines += [line for item in block.lines for line in _wrap(item, width, "  ", "  ")]
            return ["", *lines, ""]
        case d.IconArray():
            lines = [line for sentence in block.sentences() for line in _wrap(sentence, width)]
            if pictures:
                filled, empty = ("●", "○") if unicode else ("#", ".")
                for arm in block.arms:
                    label = S.ICON_LABEL.format(
                        count=arm.count, denominator=block.denominator, label=arm.label
                    )
                    lines += ["", *_wrap(f"{label}:", width)]
                    lines += icon_rows(block, arm.count, filled, empty)
                lines += _wrap(S.ICON_KEY.format(filled=filled, empty=empty), width)
            lines += _wrap(block.caption(), width)
            return [*lines, ""]
        case d.Grid():
            # Stacked: one section a question, one line an option. Nothing is cut.
            lines = []
            for label, cells in block.rows:
                lines += ["", *_wrap(label, width)]
                for column, cell in zip(block.columns, cells, strict=True):
                    lines += _wrap(f"{column}: {cell}", width, "- ", "  ")
            return [*lines, ""]
        case d.Cards():
            # No blank line between cards: each title starts at the margin and its
            # fields are indented, which is enough to see where one ends.
            lines = []
            for card in block.cards:
                lines += _wrap(card.title, width)
                for label, cell in zip(block.labels, card.cells, strict=True):
                    if cell:
                        lines += _wrap(f"{label}: {cell}", width, "  ", "    ")
            return [*lines, ""]
        case d.RefList():
            if not block.entries:
                return []
            lines = ["", *_wrap(block.title, width)]
            for marker, text in block.entries:
                lines += _wrap(f"{marker} {text}", width, "", "    ")
            return [*lines, ""]
        case _:
            assert_never(block)


def render(doc: d.Document, width: int = 80, pictures: bool = True, unicode: bool = True) -> str:
    """Draw a document as plain text wrapped to `width` columns.

    `pictures` adds icon arrays and heading underlines; --plain turns it off.
    """
    width = max(MIN_WIDTH, min(width, MAX_WIDTH))
    lines = _wrap(doc.title, width)
    if pictures:
        # An underline for sighted readers of files; --plain leaves it out so
        # screen readers don't read a row of symbols.
        lines.append("=" * min(display_cells(doc.title), width))
    lines.append("")
    for block in doc.blocks:
        lines += _block(block, width, pictures, unicode)
    text = "\n".join(line.rstrip() for line in lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    if doc.lang in RIGHT_TO_LEFT:
        text = isolate_ltr(text)  # after wrapping: the isolates take no cells
    return text.strip("\n") + "\n"
