"""HTML: one self-contained page (no external files), readable on screen and on paper."""

from __future__ import annotations

from html import escape

from depression_guide.document import (
    Block,
    Bullets,
    Callout,
    Document,
    Grid,
    Heading,
    IconArray,
    Paragraph,
    RefList,
)

STYLE = """
body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;
line-height:1.5;color:#111;background:#fff}
h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #999}
h3{font-size:1.1rem}
.callout{border:2px solid #555;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
.crisis{border-color:#b00020;border-width:3px}.crisis h2,.crisis p.title{color:#b00020}
.title{font-weight:bold}
.icons{font-family:monospace;line-height:1.1;letter-spacing:.1em}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.3rem;
vertical-align:top;text-align:left}
@media print{body{margin:0;max-width:none}.callout{break-inside:avoid}a{color:#000}}
"""


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        level = min(block.level + 1, 6)
        return f"<h{level}>{escape(block.text)}</h{level}>"
    if isinstance(block, Paragraph):
        label = f"<strong>{escape(block.label)}:</strong> " if block.label else ""
        return f"<p>{label}{escape(block.text)}</p>"
    if isinstance(block, Bullets):
        label = f"<p><strong>{escape(block.label)}:</strong></p>" if block.label else ""
        items = "".join(f"<li>{escape(item)}</li>" for item in block.items)
        return f"{label}<ul>{items}</ul>"
    if isinstance(block, Callout):
        role = ' role="alert"' if block.kind == "crisis" else ""
        items = "".join(f"<li>{escape(line)}</li>" for line in block.lines)
        return (
            f'<section class="callout {block.kind}"{role}>'
            f'<p class="title">{escape(block.title)}</p><ul>{items}</ul></section>'
        )
    if isinstance(block, IconArray):
        parts = [f"<p>{escape(s)}</p>" for s in block.sentences()]
        for arm in block.arms:
            words = f"{arm.count} in {block.denominator} {arm.label} {block.outcome}"
            rows = "<br>".join(
                "".join("●" if i < arm.count else "○" for i in range(r, r + 10))
                for r in range(0, block.denominator, 10)
            )
            parts.append(
                f"<figure><figcaption>{escape(arm.label)}</figcaption>"
                f'<div class="icons" role="img" aria-label="{escape(words)}">'
                f"{rows}</div></figure>"
            )
        parts.append(f"<p><small>{escape(block.caption())}</small></p>")
        return "".join(parts)
    if isinstance(block, Grid):
        head = "".join(f'<th scope="col">{escape(c)}</th>' for c in block.columns)
        body = "".join(
            f'<tr><th scope="row">{escape(label)}</th>'
            + "".join(f"<td>{escape(cell)}</td>" for cell in cells)
            + "</tr>"
            for label, cells in block.rows
        )
        return f"<table><thead><tr><td></td>{head}</tr></thead><tbody>{body}</tbody></table>"
    if isinstance(block, RefList):
        if not block.entries:
            return ""
        items = "".join(f"<li>{escape(m)} {escape(t)}</li>" for m, t in block.entries)
        return f'<h3>{escape(block.title)}</h3><ul class="refs">{items}</ul>'
    raise TypeError(f"unknown block {block!r}")


def render(doc: Document) -> str:
    body = "\n".join(_block(block) for block in doc.blocks)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(doc.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{escape(doc.title)}</h1>\n{body}\n</body>\n</html>\n"
    )
