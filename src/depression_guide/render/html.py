"""Documents as one self-contained HTML page: no scripts, no external requests.

Made to be handed to a GP: it prints well on A4 and Letter (no picture or box
split across pages, headings kept with what follows), reads on a phone
(nothing wider than the screen), and links DOIs, web addresses and phone
numbers.
"""

from __future__ import annotations

import re
from html import escape
from typing import assert_never

from depression_guide import document as d
from depression_guide import strings as S
from depression_guide.languages import RIGHT_TO_LEFT
from depression_guide.text_safety import isolate_ltr

STYLE = """
body{font-family:system-ui,"Segoe UI","Noto Sans","Noto Sans CJK SC","PingFang SC",
"Microsoft YaHei","Noto Sans Arabic","Noto Naskh Arabic",Tahoma,sans-serif;
max-width:50rem;margin:2rem auto;padding:0 1rem;
line-height:1.5;color:#111;background:#fff;overflow-wrap:break-word}
h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #999}
h3{font-size:1.1rem}
a{color:#0645ad}
.made{color:#333}
.callout{border:2px solid #555;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
.crisis{border-color:#b00020;border-width:3px}.crisis .title{color:#b00020}
.safety{border-color:#8a4b00}
.title{font-weight:bold;margin:.2rem 0}
.callout ul{padding-inline-start:1.2rem;margin:.3rem 0}
figure{margin:.5rem 1rem .5rem 0;display:inline-block;vertical-align:top;max-width:12rem}
figcaption{font-size:.9rem}
.arrays{display:flex;flex-wrap:wrap;gap:.5rem}
svg{width:8.5rem;height:8.5rem}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.3rem;
vertical-align:top;text-align:start}
.cards th[scope=row] small{display:block;font-weight:normal}
ol.refs{padding-inline-start:1.8rem}ol.refs li{margin:.2rem 0}
ol.refs a,.callout a{overflow-wrap:anywhere}
.cards{font-size:.92rem}.cards code{font-size:.8rem}
@media (max-width:40rem){
.cards,.cards tbody,.cards tr,.cards td,.cards th{display:block;width:auto}
.cards thead{display:none}.cards tr{border:1px solid #999;margin:.5rem 0}
.cards td,.cards th{border:0;border-top:1px solid #ddd}
.cards td::before{content:attr(data-label) ": ";font-weight:bold}
table.grid{display:block;overflow-x:auto}}
details.appendix{margin-top:2rem}summary{cursor:pointer}
summary h2{display:inline}.hint{color:#333;font-size:.9rem}
:root{color-scheme:light dark}
@media (prefers-color-scheme:dark){body{color:#e8e8e8;background:#121212}
a{color:#8ab4f8}.made,.hint{color:#c8c8c8}.callout{border-color:#aaa}
.crisis{border-color:#ff8a80}.crisis .title{color:#ff8a80}.safety{border-color:#e0a060}
td,th{border-color:#777}svg{background:#fff;border-radius:4px}}
@page{margin:12mm}
@media print{body{margin:0;max-width:none;font-size:10pt;line-height:1.35;color:#000;
background:#fff}a{color:#000}.crisis .title{color:#b00020}
h1{font-size:15pt;margin:0 0 .4rem}h2{font-size:12.5pt;margin-top:1rem}
.cards{font-size:8.5pt}td,th{padding:.15rem .25rem}.callout{padding:.2rem .6rem;margin:.5rem 0}
.callout,figure,.arrays,tr,li{break-inside:avoid}
h1,h2,h3,.title{break-after:avoid}.new-page{break-before:page}
details.appendix{break-before:page}details.appendix:not([open]){display:none}
summary .hint{display:none}}
"""

FOLD_HINT = S.FOLD_HINT

URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:)]")


# In a right-to-left page (`rtl`, passed down from render()), numbers, phone
# numbers, flags ("--lang en"), web addresses and "LGBTIQ+" are kept left to
# right in their own isolate: otherwise the groups of "13 11 14" can be shown
# in reverse order between Arabic words (the same runs as the terminal, plain
# text and Markdown: text_safety.isolate_ltr, here as <bdi>).


def _text(text: str, rtl: bool) -> str:
    """Escaped text; in a right-to-left page, left-to-right runs isolated."""
    if not rtl:
        return escape(text)
    return (
        escape(isolate_ltr(text)).replace("\u2066", '<bdi dir="ltr">').replace("\u2069", "</bdi>")
    )


def _spans(text: str, links: tuple[d.Link, ...]) -> list[tuple[int, int, str]]:
    """Where each link's words first stand free in text (whole numbers and
    names only), longest first; and every web address written out. Each link
    takes one place, in the lines' order, so "call 988, text 988" gets tel:
    then sms:."""
    found = [(m.start(), m.end(), m[0]) for m in URL.finditer(text)]
    for link in sorted(links, key=lambda link: -len(link.text)):
        pattern = rf"(?<![\w.+-]){re.escape(link.text)}(?![\w+-]|\.\w)"
        for m in re.finditer(pattern, text):
            if all(m.end() <= start or m.start() >= end for start, end, _ in found):
                found.append((m.start(), m.end(), link.href))
                break
    return sorted(found)


def _linked(text: str, rtl: bool, links: tuple[d.Link, ...] = ()) -> str:
    """Escaped text with web addresses, and a crisis box's phone numbers, text
    numbers and websites (from the lines' own fields: any language), as links."""
    out, last = [], 0
    for start, end, href in _spans(text, links):
        link = f'<a href="{escape(href)}">{escape(text[start:end])}</a>'
        out += [_text(text[last:start], rtl), f'<bdi dir="ltr">{link}</bdi>' if rtl else link]
        last = end
    return "".join(out) + _text(text[last:], rtl)


def _icons(count: int, denominator: int, words: str) -> str:
    """Ten by ten people: filled for those with the outcome (an inline SVG)."""
    rows = max(1, denominator // 10)
    circles = "".join(
        f'<circle cx="{5 + (i % 10) * 10}" cy="{5 + (i // 10) * 10}" r="4" '
        f'fill="{"#1f5fa8" if i < count else "none"}" stroke="#1f5fa8"/>'
        for i in range(denominator)
    )
    return (
        f'<svg viewBox="0 0 100 {rows * 10}" role="img" aria-label="{escape(words)}">'
        f"{circles}</svg>"
    )


def _block(block: d.Block, rtl: bool) -> str:
    # Exhaustive: mypy fails here on a block type this renderer does not draw.
    match block:
        case d.Heading():
            level = min(block.level + 1, 6)
            page = ' class="new-page"' if block.new_page else ""
            return f"<h{level}{page}>{escape(block.text)}</h{level}>"
        case d.Paragraph():
            label = f"<strong>{escape(block.label)}:</strong> " if block.label else ""
            return f"<p>{label}{_linked(block.text, rtl)}</p>"
        case d.Bullets():
            label = f"<p><strong>{escape(block.label)}:</strong></p>" if block.label else ""
            items = "".join(f"<li>{_linked(item, rtl)}</li>" for item in block.items)
            return f"{label}<ul>{items}</ul>"
        case d.Callout():
            role = ' role="alert"' if block.kind == "crisis" else ""
            items = "".join(f"<li>{_linked(line, rtl, block.links)}</li>" for line in block.lines)
            return (
                f'<section class="callout {block.kind}"{role}>'
                f'<p class="title">{escape(block.title)}</p><ul>{items}</ul></section>'
            )
        case d.IconArray():
            # The picture is one image with its numbers as its name, so a screen
            # reader says "20 in 100 ..." once, never a hundred circles.
            figures = "".join(
                f"<figure>{_icons(arm.count, block.denominator, _words(block, arm))}"
                f'<figcaption aria-hidden="true">{_text(_sentence(block, arm), rtl)}'
                f"</figcaption></figure>"
                for arm in block.arms
            )
            caption = _text(block.caption(), rtl)
            return f'<div class="arrays">{figures}</div><p><small>{caption}</small></p>'
        case d.Cards():
            head = "".join(f'<th scope="col">{escape(label)}</th>' for label in block.labels)
            rows = "".join(
                f'<tr><th scope="row">{_title(card)}</th>'
                + "".join(
                    f'<td data-label="{escape(label)}">{_linked(cell, rtl)}</td>'
                    for label, cell in zip(block.labels, card.cells, strict=True)
                )
                + "</tr>"
                for card in block.cards
            )
            return _table("cards", f'<th scope="col">{escape(S.OPTION_COLUMN)}</th>', head, rows)
        case d.Grid():
            head = "".join(f'<th scope="col">{escape(c)}</th>' for c in block.columns)
            body = "".join(
                f'<tr><th scope="row">{escape(label)}</th>'
                + "".join(f"<td>{_linked(cell, rtl)}</td>" for cell in cells)
                + "</tr>"
                for label, cells in block.rows
            )
            return _table("grid", "<td></td>", head, body)
        case d.RefList():
            if not block.entries:
                return ""
            # Numbered once, by the list itself: the markers are "[n]".
            items = "".join(
                f'<li value="{escape(marker.strip("[]"))}">{_linked(text, rtl)}</li>'
                for marker, text in block.entries
            )
            return f'<h3>{escape(block.title)}</h3><ol class="refs">{items}</ol>'
        case _:
            assert_never(block)


def _table(kind: str, corner: str, head: str, body: str) -> str:
    """A table with a header row: the cards (an option a row) or the grid (a question a row)."""
    return (
        f'<table class="{kind}"><thead><tr>{corner}{head}</tr></thead><tbody>{body}</tbody></table>'
    )


def _words(block: d.IconArray, arm: d.Arm) -> str:
    """A picture's name: its numbers first ('42 in 100 people who had CBT ...')."""
    label = S.ICON_LABEL.format(count=arm.count, denominator=block.denominator, label=arm.label)
    return f"{label} {block.outcome}"


def _sentence(block: d.IconArray, arm: d.Arm) -> str:
    return block.sentence.format(
        count=arm.count, denominator=block.denominator, label=arm.label, outcome=block.outcome
    )


def _title(card: d.Card) -> str:
    """A card's name, with where to read more on a line of its own (the command as code)."""
    command = f"<code>{escape(card.command)}</code>" if card.command else ""
    hint = ": ".join(part for part in (escape(card.more), command) if part)
    return f"{escape(card.name)}<small>{hint}</small>" if hint else escape(card.name)


def _body(blocks: list[d.Block], rtl: bool) -> str:
    """The blocks as HTML; from a folding heading on, a <details> the reader opens.

    A closed <details> prints nothing of its contents, and the print CSS hides
    it whole: the printout is the overview, ending with the help lines.
    """
    out: list[str] = []
    for index, block in enumerate(blocks):
        if isinstance(block, d.Heading) and block.fold:
            level = min(block.level + 1, 6)
            opened = " open" if block.fold == "open" else ""
            inner = "\n".join(_block(b, rtl) for b in blocks[index + 1 :])
            out.append(
                f'<details class="appendix"{opened}><summary><h{level}>{escape(block.text)}'
                f'</h{level}> <span class="hint">{escape(FOLD_HINT)}</span></summary>\n'
                f"{inner}\n</details>"
            )
            break
        out.append(_block(block, rtl))
    return "\n".join(out)


def render(doc: d.Document) -> str:
    rtl = doc.lang in RIGHT_TO_LEFT
    body = _body(doc.blocks, rtl)
    direction = ' dir="rtl"' if rtl else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(doc.lang)}"{direction}>\n'
        '<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(doc.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{escape(doc.title)}</h1>\n{body}\n</body>\n</html>\n"
    )
