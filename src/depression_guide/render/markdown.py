"""Markdown: for saving a summary, or pasting into notes. Plain strings only."""

from __future__ import annotations

import re
from typing import assert_never

from depression_guide import document as d
from depression_guide import strings as S
from depression_guide.languages import RIGHT_TO_LEFT
from depression_guide.render.plain import icon_rows
from depression_guide.text_safety import isolate_ltr

# In right-to-left text a web address sits in an isolate (U+2066..U+2069); a
# Markdown tool links a bare address only after a space, so it is written as
# an autolink, <https://...>, inside the isolate: still a link.
_ISOLATED_URL = re.compile("\u2066(https?://[^\u2069\\s]+)\u2069")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _block(block: d.Block) -> list[str]:
    # Exhaustive: mypy fails here on a block type this renderer does not draw.
    match block:
        case d.Heading():
            return ["#" * min(block.level + 1, 6) + " " + block.text, ""]
        case d.Paragraph():
            return [f"**{block.label}:** {block.text}" if block.label else block.text, ""]
        case d.Bullets():
            head = [f"**{block.label}:**", ""] if block.label else []
            return [*head, *(f"- {item}" for item in block.items), ""]
        case d.Callout():
            lines = [f"> **{block.title}**", ">"]
            lines += [
                f"> - {line}" if block.kind == "crisis" else f"> {line}" for line in block.lines
            ]
            return [*lines, ""]
        case d.IconArray():
            lines = [*block.sentences(), ""]
            for arm in block.arms:
                label = S.ICON_LABEL.format(
                    count=arm.count, denominator=block.denominator, label=arm.label
                )
                lines += [f"{label}:", "", "```"]
                lines += icon_rows(block, arm.count, "●", "○")
                lines += ["```", ""]
            return [*lines, f"*{block.caption()}*", ""]
        case d.Grid():
            lines = [
                "| | " + " | ".join(_cell(c) for c in block.columns) + " |",
                "|---" * (len(block.columns) + 1) + "|",
            ]
            lines += [
                f"| **{_cell(label)}** | " + " | ".join(_cell(c) for c in cells) + " |"
                for label, cells in block.rows
            ]
            return [*lines, ""]
        case d.Cards():
            lines = []
            for card in block.cards:
                lines += [f"**{card.title}**", ""]
                lines += [
                    f"- **{label}:** {cell}"
                    for label, cell in zip(block.labels, card.cells, strict=True)
                    if cell
                ]
                lines.append("")
            return lines
        case d.RefList():
            if not block.entries:
                return []
            return [f"### {block.title}", "", *(f"{m} {t}  " for m, t in block.entries), ""]
        case _:
            assert_never(block)


def render(doc: d.Document) -> str:
    lines = [f"# {doc.title}", ""]
    if doc.lang != "en":
        # Front matter (read by pandoc and most Markdown tools) says the
        # language, and that Arabic runs right to left.
        direction = "rtl" if doc.lang in RIGHT_TO_LEFT else "ltr"
        lines = ["---", f"lang: {doc.lang}", f"dir: {direction}", "---", "", *lines]
    for block in doc.blocks:
        lines += _block(block)
    text = "\n".join(lines).rstrip() + "\n"
    if doc.lang not in RIGHT_TO_LEFT:
        return text
    return _ISOLATED_URL.sub("\u2066<\\1>\u2069", isolate_ltr(text))
