"""View objects: what a command shows, independent of how it is drawn.

Commands build a Document of blocks; a renderer draws it as terminal text,
plain text, Markdown or HTML. No renderer knows about the content model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

CalloutKind = Literal["crisis", "safety", "note", "disclaimer"]


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    text: str
    label: str = ""  # a short lead-in such as "What it is"


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    label: str = ""


@dataclass(frozen=True)
class Callout:
    """A box that must not be missed: crisis lines, safety messages, notes."""

    kind: CalloutKind
    title: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Arm:
    label: str
    count: int


@dataclass(frozen=True)
class IconArray:
    """Natural frequencies on one denominator, drawn as 10 x 10 people per arm."""

    outcome: str
    group: str
    time_frame: str
    denominator: int
    arms: tuple[Arm, ...]
    source: str  # reference marker(s), e.g. "[2]"

    def sentences(self) -> tuple[str, ...]:
        """The same numbers in words (what plain mode and screen readers get)."""
        return tuple(
            f"About {arm.count} in {self.denominator} {arm.label} {self.outcome}."
            for arm in self.arms
        )

    def caption(self) -> str:
        return f"Group: {self.group}. Time: {self.time_frame}. Source: {self.source}"


@dataclass(frozen=True)
class Grid:
    """A side-by-side comparison: one column an option, one row a question."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class RefList:
    entries: tuple[tuple[str, str], ...]  # (marker, formatted reference)
    title: str = "References"


Block = Heading | Paragraph | Bullets | Callout | IconArray | Grid | RefList


@dataclass
class Document:
    title: str
    blocks: list[Block] = field(default_factory=list)

    def add(self, *blocks: Block) -> Document:
        self.blocks.extend(blocks)
        return self
