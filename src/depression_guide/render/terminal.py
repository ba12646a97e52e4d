"""Rich output for a terminal: the only module that imports rich.

It imports rich at the top; what keeps rich off the start-up path is that
output.show() imports this module only when it draws on a terminal.
"""

from __future__ import annotations

import shutil
from typing import IO, Any, assert_never

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from depression_guide import document as d
from depression_guide import strings as S
from depression_guide.languages import RIGHT_TO_LEFT
from depression_guide.text_safety import isolate_ltr, wrap

# Below this width a grid of options is stacked, so no cell is squeezed or cut.
GRID_MIN_WIDTH = 100
STYLES = {"crisis": "bold red", "safety": "bold yellow", "note": "cyan", "disclaimer": "dim"}


class _Flow:
    """How text is laid out on this page.

    Left to right, rich wraps it. Right to left (Arabic), it is wrapped here,
    keeping numbers whole, and each line's left-to-right runs (numbers,
    "--lang en", addresses, "LGBTIQ+") are put in isolates (U+2066..U+2069)
    after wrapping: rich measures them as zero cells, and an isolate never
    spans two lines, so a bidi terminal shows "13 11 14" in dialling order.
    """

    def __init__(self, rtl: bool) -> None:
        self.rtl = rtl

    def iso(self, text: str) -> str:
        return isolate_ltr(text) if self.rtl else text

    def text(self, text: str, width: int, style: str = "", label: str = "", rest: str = "") -> Text:
        """`label` (bold) then `text`, wrapped to `width` (right to left only)."""
        if not self.rtl:
            out = Text(label, style="bold") if label else Text()
            out.append(text, style=style or None)
            return out
        out = Text(no_wrap=True, overflow="fold")
        for index, line in enumerate(wrap(label + text, width, rest=rest)):
            if index:
                out.append("\n")
            if index == 0 and label and line.startswith(label):
                out.append(self.iso(label), style="bold")
                line = line[len(label) :]
            out.append(self.iso(line), style=style or None)
        return out


def _icons(array: d.IconArray, count: int, unicode: bool) -> Text:
    filled, empty = ("●", "○") if unicode else ("#", ".")
    text = Text(no_wrap=True, overflow="crop")
    for index in range(array.denominator):
        if index and index % 10 == 0:
            text.append("\n")
        text.append(
            filled if index < count else empty, style="bold cyan" if index < count else "dim"
        )
        text.append(" ")
    return text


def _bullets(items: tuple[str, ...], unicode: bool, flow: _Flow, width: int) -> Table:
    """A list with hanging indents: wrapped lines line up after the bullet."""
    table = Table.grid(padding=(0, 1))
    table.add_column(width=3, justify="right")
    # fold, not rich's default ellipsis: Chinese has no spaces to wrap at, and a
    # cut item loses the rest of its sentence.
    table.add_column(ratio=1, overflow="fold")
    for item in items:
        table.add_row("•" if unicode else "-", flow.text(item, width - 4))
    return table


def _stacked(grid: d.Grid, unicode: bool, flow: _Flow, width: int) -> list[Any]:
    parts: list[Any] = []
    for label, cells in grid.rows:
        parts.append(flow.text(label, width, style="bold underline"))
        table = Table.grid(padding=(0, 1))
        table.add_column(width=3, justify="right")
        table.add_column(ratio=1, overflow="fold")
        for column, cell in zip(grid.columns, cells, strict=True):
            table.add_row("•" if unicode else "-", flow.text(cell, width - 4, label=f"{column}: "))
        parts += [table, Text("")]
    return parts


def _fits_a_box(block: d.Callout, width: int) -> bool:
    """Whether a panel can show the callout's title (in its top border, with
    3 columns each side) and its longest word (inside 4 columns of border)."""
    longest = max((len(word) for line in block.lines for word in line.split()), default=0)
    return len(block.title) + 6 <= width and longest <= width - 4


def _renderables(block: d.Block, width: int, unicode: bool, flow: _Flow | None = None) -> list[Any]:
    flow = flow or _Flow(rtl=False)
    # Exhaustive: mypy fails here on a block type this renderer does not draw.
    match block:
        case d.Heading():
            if block.level <= 1:
                if len(block.text) + 4 > width or flow.rtl:
                    # A rule's title that doesn't fit is cut ("Your options at a…"):
                    # on a narrow screen the heading wraps above a plain rule.
                    return [Text(""), flow.text(block.text, width, style="bold"), Rule()]
                return [Text(""), Rule(Text(block.text, style="bold"), align="left")]
            return [
                Text(""),
                flow.text(block.text, width, style="bold magenta" if block.level == 2 else "bold"),
            ]
        case d.Paragraph():
            lead = f"{block.label}: " if block.label else ""
            return [flow.text(block.text, width, label=lead), Text("")]
        case d.Bullets():
            parts: list[Any] = [flow.text(f"{block.label}:", width, "bold")] if block.label else []
            return [*parts, _bullets(block.items, unicode, flow, width), Text("")]
        case d.Callout():
            style = STYLES[block.kind]
            if not _fits_a_box(block, width):
                # Too narrow for a box (20 columns): rich would cut its title
                # ("If you need hel") and a long word ("findahelpline.c"). The
                # title and lines then stand alone, wrapped, nothing cut.
                return [
                    Text(""),
                    *(Text(flow.iso(part), style=style) for part in wrap(block.title, width)),
                    *(
                        Text(flow.iso(part), overflow="fold")
                        for line in block.lines
                        for part in wrap(line, width)
                    ),
                ]
            # Wrapped here rather than by rich, which would break a phone number
            # across lines; the panel's border and padding take 4 columns.
            body = Group(
                *(
                    Text(flow.iso(part), no_wrap=True, overflow="fold")
                    for line in block.lines
                    for part in wrap(line, max(10, width - 4))
                )
            )
            return [
                Panel(
                    body,
                    title=Text(flow.iso(block.title), style=style),
                    title_align="left",
                    border_style=style,
                    box=box.HEAVY if block.kind == "crisis" else box.ROUNDED,
                )
            ]
        case d.IconArray():
            parts = [flow.text(sentence, width) for sentence in block.sentences()]
            # Each array is 20 columns wide; side by side only when both fit.
            side_by_side = width >= len(block.arms) * 24
            columns = Table.grid(padding=(0, 4) if side_by_side else (0, 0))
            labels = [
                Text(
                    flow.iso(
                        S.ICON_LABEL.format(
                            count=a.count, denominator=block.denominator, label=a.label
                        )
                    ),
                    style="bold",
                )
                for a in block.arms
            ]
            icons = [_icons(block, a.count, unicode) for a in block.arms]
            if side_by_side:
                for _arm in block.arms:
                    columns.add_column(max_width=22, overflow="fold")
                columns.add_row(*labels)
                columns.add_row(*icons)
            else:
                columns.add_column(overflow="fold")
                for label, picture in zip(labels, icons, strict=True):
                    columns.add_row(label)
                    columns.add_row(picture)
                    columns.add_row(Text(""))
            under = flow.text(block.caption(), width, style="dim")
            return [*parts, Text(""), columns, under, Text("")]
        case d.Grid():
            if width < GRID_MIN_WIDTH:
                return _stacked(block, unicode, flow, width)
            table = Table(box=box.SIMPLE_HEAVY, show_lines=True, expand=True)
            table.add_column("", style="bold", ratio=1, overflow="fold")
            for column in block.columns:
                table.add_column(flow.iso(column), ratio=2, overflow="fold")
            for row_label, cells in block.rows:
                table.add_row(flow.iso(row_label), *map(flow.iso, cells))
            return [table]
        case d.Cards():
            if width >= GRID_MIN_WIDTH:
                cards = Table(box=box.SIMPLE_HEAVY, show_lines=True, expand=True)
                # Wide enough for the longest word of a title, so "depression-guide
                # show ketamine" wraps between words, never inside one (with a ratio,
                # rich takes `width` as the column's least width).
                longest = max(len(word) for card in block.cards for word in card.title.split())
                cards.add_column(
                    S.OPTION_COLUMN, style="bold", ratio=2, overflow="fold", width=min(longest, 24)
                )
                for name in block.labels:
                    cards.add_column(flow.iso(name), ratio=3, overflow="fold")
                for card in block.cards:
                    cards.add_row(flow.iso(card.title), *map(flow.iso, card.cells))
                return [cards]
            stacked: list[Any] = []
            for card in block.cards:
                fields = Table.grid(padding=(0, 0))
                fields.add_column(width=2)
                fields.add_column(ratio=1, overflow="fold")
                for name, cell in zip(block.labels, card.cells, strict=True):
                    if cell:
                        fields.add_row("", flow.text(cell, width - 2, label=f"{name}: "))
                stacked += [flow.text(card.title, width, style="bold"), fields, Text("")]
            return stacked
        case d.RefList():
            if not block.entries:
                return []
            parts = [Text(""), flow.text(block.title, width, style="bold")]
            parts += [
                flow.text(entry, width, label=f"{marker} ") for marker, entry in block.entries
            ]
            return parts
        case _:
            assert_never(block)


def render(
    doc: d.Document,
    file: IO[str] | Any,
    color: bool,
    width: int | None = None,
    force_terminal: bool = False,
) -> None:
    """Print a document to a terminal with rich."""
    # Without colour there are no escape codes at all (not even bold): rich
    # writes none when told the stream is not a terminal. The width is then
    # given explicitly, since rich would otherwise assume 80.
    if not color and width is None:
        width = shutil.get_terminal_size((80, 24)).columns
    console = Console(
        file=file,
        width=width,
        highlight=False,
        emoji=False,
        soft_wrap=False,
        force_terminal=True if force_terminal else (None if color else False),
    )
    unicode = console.encoding.lower().startswith("utf")
    flow = _Flow(rtl=doc.lang in RIGHT_TO_LEFT)
    if doc.title:  # an untitled document (a footer shown again) takes no blank line
        console.print(flow.text(doc.title, console.width, style="bold"))
    for block in doc.blocks:
        for renderable in _renderables(block, console.width, unicode, flow):
            console.print(renderable)
