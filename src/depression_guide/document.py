"""View objects: what a command shows, independent of how it is drawn.

Commands build a Document of blocks; a renderer draws it as terminal text,
plain text, Markdown or HTML. No renderer knows about the content model.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

import msgspec

from depression_guide import strings

CalloutKind = Literal["crisis", "safety", "note", "disclaimer"]

# The version of every `--format json` output's keys (a document's `facts`).
# 2 (second edition): options carry `access` by region, `glance` and `order`
# (`access_au` is gone); the explore summary adds `made`, `region_known`, and
# per option `at_a_glance` and `access_here`. See CHANGELOG.md.
JSON_SCHEMA_VERSION = 2


class BlockBase(msgspec.Struct, frozen=True):
    """Base of the view blocks. msgspec Structs rather than dataclasses: they
    are built in C, where each dataclass exec()s generated code at import."""


class Heading(BlockBase, frozen=True):
    text: str
    level: int = 2
    new_page: bool = False  # printed, it starts a new page (an appendix)
    # In HTML, this heading and all that follows are a section the reader opens
    # (<details>): "closed" prints only once opened, "open" prints as it is.
    fold: Literal["", "closed", "open"] = ""


class Paragraph(BlockBase, frozen=True):
    text: str
    label: str = ""  # a short lead-in such as "What it is"
    key: str = ""  # the JSON key this text is also given under ("review_warning")


class Bullets(BlockBase, frozen=True):
    items: tuple[str, ...]
    label: str = ""


class Link(msgspec.Struct, frozen=True):
    """Words of a line to link, exactly as they appear in it, and where to:
    ("13 11 14", "tel:131114"), ("lifeline.org.au", "https://lifeline.org.au")."""

    text: str
    href: str


class Callout(BlockBase, frozen=True):
    """A box that must not be missed: crisis lines, safety messages, notes."""

    kind: CalloutKind
    title: str
    lines: tuple[str, ...]
    # The JSON key its facts are also given under ("disclaimer", "crisis",
    # "draft_notice"), and the record it was drawn from (the region's help):
    # JSON is read off the blocks the text shows, never made beside them.
    key: str = ""
    record: Any = None
    # Made from the crisis lines' own fields (phone, text, website), never
    # found by reading the sentence: they work in every language.
    links: tuple[Link, ...] = ()


class Arm(msgspec.Struct, frozen=True):
    label: str
    count: int


class IconArray(BlockBase, frozen=True):
    """Natural frequencies on one denominator, drawn as 10 x 10 people per arm."""

    outcome: str
    group: str
    time_frame: str
    denominator: int
    arms: tuple[Arm, ...]
    source: str  # reference marker(s), e.g. "[2]"
    # The sentences in the document's language (strings.py fills them in views).
    sentence: str = "About {count} in {denominator} {label} {outcome}."
    caption_text: str = "Group: {group}. Time: {time_frame}. Source: {source}"

    def sentences(self) -> tuple[str, ...]:
        """The same numbers in words (what plain mode and screen readers get)."""
        return tuple(
            self.sentence.format(
                count=arm.count,
                denominator=self.denominator,
                label=arm.label,
                outcome=self.outcome,
            )
            for arm in self.arms
        )

    def caption(self) -> str:
        return self.caption_text.format(
            group=self.group, time_frame=self.time_frame, source=self.source
        )


class Grid(BlockBase, frozen=True):
    """A side-by-side comparison: one column an option, one row a question."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]


class Card(msgspec.Struct, frozen=True):
    """One option at a glance, and where to read more about it."""

    name: str
    cells: tuple[str, ...]  # one text for each of the Cards' labels; "" = none
    more: str = ""  # where to read more, in words: "more", "in full below"
    command: str = ""  # the command that shows it in full, if any

    @property
    def title(self) -> str:
        """The title as one line: 'Name (more: depression-guide show cbt)'."""
        hint = ": ".join(part for part in (self.more, self.command) if part)
        return f"{self.name} ({hint})" if hint else self.name


class Cards(BlockBase, frozen=True):
    """Options at a glance: the same fields for every option.

    A table on wide screens and pages; stacked cards on narrow ones.
    """

    labels: tuple[str, ...]  # the fields, in order, e.g. "What it is"
    cards: tuple[Card, ...]


class RefList(BlockBase, frozen=True):
    entries: tuple[tuple[str, str], ...]  # (marker, formatted reference)
    title: str = "References"


# Every kind of block, as one union: renderers `match` over it and end with
# `assert_never`, so mypy fails on a block type one of them does not draw.
Block = Heading | Paragraph | Bullets | Callout | IconArray | Grid | Cards | RefList


class Document(msgspec.Struct):
    title: str
    blocks: list[Block] = []  # msgspec gives each document its own list
    # The language of the text (HTML's lang attribute, right-to-left isolates):
    # the run's, unless a view says otherwise, so no page can forget it.
    lang: str = msgspec.field(default_factory=lambda: strings.lang)
    # The page's facts as `--format json` gives them (keys in the documented
    # order), made by the same view function, from the same records, as the
    # blocks; turned into JSON values only when JSON is asked for (text runs
    # stay fast). Renderers never read them.
    facts: Callable[[], dict[str, Any]] | None = None

    def add(self, *blocks: Block) -> Document:
        self.blocks.extend(blocks)
        return self
