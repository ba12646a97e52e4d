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
from depression_guide.text_safety import wrap

# Below this width a grid of options is stacked, so no cell is squeezed or cut.
GRID_MIN_WIDTH = 100
STYLES = {"crisis": "bold red", "safety": "bold yellow", "note": "cyan", "disclaimer": "dim"}


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


def _bullets(items: tuple[str, ...], unicode: bool) -> Table:
    """A list with hanging indents: wrapped lines line up after the bullet."""
    table = Table.grid(padding=(0, 1))
    table.add_column(width=3, justify="right")
    # fold, not rich's default ellipsis: Chinese has no spaces to wrap at, and a
    # cut item loses the rest of its sentence.
    table.add_column(ratio=1, overflow="fold")
    for item in items:
        table.add_row("•" if unicode else "-", Text(item))
    return table


def _stacked(grid: d.Grid, unicode: bool) -> list[Any]:
    parts: list[Any] = []
    for label, cells in grid.rows:
        parts.append(Text(label, style="bold underline"))
        table = Table.grid(padding=(0, 1))
        table.add_column(width=3, justify="right")
        table.add_column(ratio=1, overflow="fold")
        for column, cell in zip(grid.columns, cells, strict=True):
            line = Text(f"{column}: ", style="bold")
            line.append(cell)
            table.add_row("•" if unicode else "-", line)
        parts += [table, Text("")]
    return parts


def _fits_a_box(block: d.Callout, width: int) -> bool:
    """Whether a panel can show the callout's title (in its top border, with
    3 columns each side) and its longest word (inside 4 columns of border)."""
    longest = max((len(word) for line in block.lines for word in line.split()), default=0)
    return len(block.title) + 6 <= width and longest <= width - 4


def _renderables(block: d.Block, width: int, unicode: bool) -> list[Any]:
    # Exhaustive: mypy fails here on a block type this renderer does not draw.
    match block:
        case d.Heading():
            if block.level <= 1:
                if len(block.text) + 4 > width:
                    # A rule's title that doesn't fit is cut ("Your options at a…"):
                    # on a narrow screen the heading wraps above a plain rule.
                    return [Text(""), Text(block.text, style="bold"), Rule()]
                return [Text(""), Rule(Text(block.text, style="bold"), align="left")]
            return [
                Text(""),
                Text(block.text, style="bold magenta" if block.level == 2 else "bold"),
            ]
        case d.Paragraph():
            text = Text()
            if block.label:
                text.append(f"{block.label}: ", style="bold")
            text.append(block.text)
            return [text, Text("")]
        case d.Bullets():
            parts: list[Any] = [Text(f"{block.label}:", style="bold")] if block.label else []
            return [*parts, _bullets(block.items, unicode), Text("")]
        case d.Callout():
            style = STYLES[block.kind]
            if not _fits_a_box(block, width):
                # Too narrow for a box (20 columns): rich would cut its title
                # ("If you need hel") and a long word ("findahelpline.c"). The
                # title and lines then stand alone, wrapped, nothing cut.
                return [
                    Text(""),
                    *(Text(part, style=style) for part in wrap(block.title, width)),
                    *(
                        Text(part, overflow="fold")
                        for line in block.lines
                        for part in wrap(line, width)
                    ),
                ]
            # Wrapped here rather than by rich, which would break a phone number
            # across lines; the panel's border and padding take 4 columns.
            body = Group(
                *(
                    Text(part, no_wrap=True, overflow="fold")
                    for line in block.lines
                    for part in wrap(line, max(10, width - 4))
                )
            )
            return [
                Panel(
                    body,
                    title=Text(block.title, style=style),
                    title_align="left",
                    border_style=style,
                    box=box.HEAVY if block.kind == "crisis" else box.ROUNDED,
                )
            ]
        case d.IconArray():
            parts = [Text(sentence) for sentence in block.sentences()]
            # Each array is 20 columns wide; side by side only when both fit.
            side_by_side = width >= len(block.arms) * 24
            columns = Table.grid(padding=(0, 4) if side_by_side else (0, 0))
            labels = [
                Text(
                    S.ICON_LABEL.format(
                        count=a.count, denominator=block.denominator, label=a.label
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
            return [*parts, Text(""), columns, Text(block.caption(), style="dim"), Text("")]
        case d.Grid():
            if width < GRID_MIN_WIDTH:
                return _stacked(block, unicode)
            table = Table(box=box.SIMPLE_HEAVY, show_lines=True, expand=True)
            table.add_column("", style="bold", ratio=1, overflow="fold")
            for column in block.columns:
                table.add_column(column, ratio=2, overflow="fold")
            for row_label, cells in block.rows:
                table.add_row(row_label, *cells)
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
                    cards.add_column(name, ratio=3, overflow="fold")
                for card in block.cards:
                    cards.add_row(card.title, *card.cells)
                return [cards]
            stacked: list[Any] = []
            for card in block.cards:
                fields = Table.grid(padding=(0, 0))
                fields.add_column(width=2)
                fields.add_column(ratio=1, overflow="fold")
                for name, cell in zip(block.labels, card.cells, strict=True):
                    if cell:
                        field = Text(f"{name}: ", style="bold")
                        field.append(cell)
                        fields.add_row("", field)
                stacked += [Text(card.title, style="bold"), fields, Text("")]
            return stacked
        case d.RefList():
            if not block.entries:
                return []
            parts = [Text(""), Text(block.title, style="bold")]
            for marker, entry in block.entries:
                line = Text(f"{marker} ", style="bold")
                line.append(entry)
                parts.append(line)
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
    if doc.title:  # an untitled document (a footer shown again) takes no blank line
        console.print(Text(doc.title, style="bold"))
    for block in doc.blocks:
        for renderable in _renderables(block, console.width, unicode):
            console.print(renderable)
