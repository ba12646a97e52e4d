"""Crisis help: the emergency number first, the region's lines, or every
region's when the region is not known.

One record (`help_record`) holds the help a run gives; every crisis panel is
drawn from it and carries it, and JSON's `crisis` is that same record, so
the numbers in the JSON are the numbers the panels show.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import msgspec

from depression_guide import document as d
from depression_guide import strings as S
from depression_guide.content import model

if TYPE_CHECKING:
    from depression_guide.content import Content


class RegionHelp(msgspec.Struct, frozen=True):
    """A region's help (JSON `crisis`, and the `crisis` command's JSON)."""

    region: str
    name: str
    emergency: str
    danger_message: str
    lines: tuple[model.CrisisLine, ...]


class MainLine(msgspec.Struct, frozen=True):
    region: str
    name: str
    emergency: str
    main_line: str


class WorldHelp(msgspec.Struct, frozen=True):
    """Every region's emergency number and main line, while the region is not known."""

    region: None
    danger_message: str
    regions: tuple[MainLine, ...]
    set_region: str


Help = RegionHelp | WorldHelp


def help_record(content: Content, code: str | None) -> Help:
    """The help for a region, or every region's when it is not known."""
    if code is None:
        return WorldHelp(
            None,
            content.crisis.danger_message,
            tuple(MainLine(r.code, r.name, r.emergency, main_line(r)) for r in content.regions),
            set_region_line(content),
        )
    region = content.region(code)
    return RegionHelp(
        region.code, region.name, region.emergency, content.crisis.danger_message, region.lines
    )


def by_text(line: model.CrisisLine) -> str:
    """'text HOME to 741741' in the reader's language: the verb from the catalog,
    the keyword and number exactly as crisis.yaml gives them. A shape `validate`
    refuses (a pack not yet checked) is shown as written, never dropped."""
    sms = line.sms
    if sms is None:
        return line.text
    if sms.keyword:
        return S.TEXT_KEYWORD.format(keyword=sms.keyword, number=sms.number)
    return S.TEXT.format(number=sms.number)


def digits(number: str) -> str:
    """A number as dialled: '13 11 14' -> '131114', '1-800-668-6868' -> '18006686868'."""
    return ("+" if number.startswith("+") else "") + "".join(c for c in number if c.isdigit())


# TIS National's number, as the interpreter sentences in strings.py give it
# (EVIDENCE parts E and N): linked wherever those sentences are shown.
TIS_NUMBER = "131 450"


def links_of(lines: list[model.CrisisLine], emergency: tuple[str, ...] = ()) -> tuple[d.Link, ...]:
    """Tap-to-call, tap-to-text and web links from the lines' own fields."""
    found: list[d.Link] = [d.Link(TIS_NUMBER, f"tel:{digits(TIS_NUMBER)}")]
    for number in emergency:
        # "112 or 999": each number its own link; "your local emergency number": none.
        for part in re.findall(r"\+?\d[\d -]*\d|\d", number):
            found.append(d.Link(part, f"tel:{digits(part)}"))
    for line in lines:
        if line.phone:
            found.append(d.Link(line.phone, f"tel:{digits(line.phone)}"))
        if line.sms is not None:
            found.append(d.Link(line.sms.number, f"sms:{digits(line.sms.number)}"))
        if line.website:
            found.append(d.Link(line.website, f"https://{line.website}"))
    unique = {(link.text, link.href): link for link in found}
    return tuple(unique.values())


def how_to_reach(line: model.CrisisLine) -> str:
    ways = []
    if line.phone:
        ways.append(S.CALL.format(phone=line.phone))
    if line.text:
        ways.append(by_text(line))
    if line.chat:
        ways.append(S.CHAT_ONLY)
    reach = S.LIST_SEPARATOR.join(ways)
    site = f" ({line.website})" if line.website else ""
    return f"{reach}{site}" if reach else line.website


def line_text(line: model.CrisisLine, detail: bool = True) -> str:
    hours = line.hours[:1].upper() + line.hours[1:]
    text = f"{line.name}: {how_to_reach(line)}. {hours}."
    if detail and line.for_whom:
        text += S.FOR_WHOM.format(whom=line.for_whom)
    return text


def emergency_text(help: RegionHelp) -> str:
    """'If you are in danger now, call the emergency number: 000.' (first, always)."""
    message = help.danger_message.rstrip(".。")
    if help.emergency[:1].isdigit() or "the emergency number" not in message:
        return S.EMERGENCY_LINE.format(message=message, number=help.emergency)
    return f"{message.replace('the emergency number', help.emergency)}."


def crisis_callout(
    content: Content, code: str, full: bool = True, support: bool = True
) -> d.Callout:
    """The crisis panel: the emergency number first, then the region's lines.

    `full=False` gives the short form (emergency number and the main line);
    `support=False` leaves out the non-crisis support lines.
    """
    help = help_record(content, code)
    assert isinstance(help, RegionHelp)
    lines = [emergency_text(help)]
    crisis_lines = [line for line in help.lines if line.kind == "crisis"]
    lines += [line_text(line, detail=full) for line in (crisis_lines if full else crisis_lines[:1])]
    lines += answers_in_english(code)
    if full and support:
        lines += [
            S.SUPPORT.format(line=line_text(line)) for line in help.lines if line.kind == "support"
        ]
        checked = sorted({line.checked for line in help.lines})
        lines.append(S.NUMBERS_CHECKED.format(months=S.LIST_SEPARATOR.join(checked)))
    # Short titles: rich cuts a panel title that doesn't fit a 40-column screen.
    title = S.HELP_IS_AVAILABLE if full else S.IF_YOU_NEED_HELP
    links = links_of(list(help.lines), (help.emergency,))
    return d.Callout(
        "crisis", title.format(region=help.name), tuple(lines), record=help, links=links
    )


def answers_in_english(code: str | None) -> list[str]:
    """In another language: the services answer in English, and (in Australia,
    the one region EVIDENCE names a service for) how to ask for an interpreter."""
    if S.lang == "en":
        return []
    if code == "AU":
        return [S.CRISIS_IN_ENGLISH_AU]
    if code is None:
        return [S.CRISIS_IN_ENGLISH, S.INTERPRETER_AU]
    return [S.CRISIS_IN_ENGLISH]


def main_line(region: model.Region) -> str:
    """A region's main crisis line in a few words: 'Lifeline 13 11 14'."""
    line = next((line for line in region.lines if line.kind == "crisis"), None)
    if line is None:
        return ""
    contact = line.phone or (by_text(line) if line.text else "")
    if not contact:
        return f"{line.name} ({line.website})" if line.website else line.name
    return line.name if contact in line.name else f"{line.name} {contact}"


def world_callout(content: Content, hint: bool = False) -> d.Callout:
    """Before the region is known: every region's emergency number and main line.

    One short line a region, so a person anywhere finds their number at once;
    `hint` adds the one line saying how to set the region (when it stays unknown).
    """
    help = help_record(content, None)
    assert isinstance(help, WorldHelp)
    lines = [help.danger_message]
    for region in help.regions:
        main = region.main_line
        numbers = S.CLAUSE_SEPARATOR.join(filter(None, [region.emergency, main]))
        # Each language's own ":" and ";" (Chinese ：；, Arabic ؛).
        lines.append(S.REGION_NUMBERS.format(region=region.name, numbers=numbers))
    lines += answers_in_english(None)
    if hint:
        lines.append(help.set_region)
    mains = [next((x for x in r.lines if x.kind == "crisis"), None) for r in content.regions]
    links = links_of(
        [line for line in mains if line is not None], tuple(r.emergency for r in content.regions)
    )
    return d.Callout("crisis", S.IF_YOU_NEED_HELP_NOW, tuple(lines), record=help, links=links)


def compact_world_lines(content: Content) -> list[str]:
    """Every region's lines at their shortest, for a screen too small for the
    panel: the danger line, then one line a region, 'AU 000 · Lifeline 13 11 14'.

    The code stands for the region's name where the emergency is a number (the
    region question just below names them all); a region without a number
    ("your local emergency number") keeps its name.
    """
    lines = [content.crisis.danger_message]
    for region in content.regions:
        who = region.code if region.emergency[:1].isdigit() else f"{region.name}:"
        main = main_line(region)
        lines.append(f"{who} {region.emergency}" + (f" · {main}" if main else ""))
    return lines


def set_region_line(content: Content) -> str:
    """How to set the region: '--region CODE (AU, US, ...) or DEPRESSION_GUIDE_REGION'."""
    return S.SET_REGION


def help_now(
    content: Content,
    code: str | None,
    hint: bool = False,
    youth: tuple[model.CrisisLine, ...] = (),
) -> d.Callout:
    """The short panel that ends a screen: the region's, or every region's if unknown.

    `youth`: the region's lines for a young person's age group, listed after
    the main line (the notes say so only when they are here).
    """
    if not code:
        return world_callout(content, hint)
    panel = crisis_callout(content, code, full=False)
    if not youth:
        return panel
    # Each says whom it is for ("For young people aged 5 to 25.").
    extra = tuple(line_text(line) for line in youth if line_text(line) not in panel.lines)
    links = (*panel.links, *links_of(list(youth)))
    return msgspec.structs.replace(panel, lines=(*panel.lines, *extra), links=links)


# A crisis panel of at most this many lines fits the last screen whole, even
# wrapped at 40 columns; a longer one is followed by the short panel.
SHORT_PANEL_LINES = 4


def crisis_blocks(
    content: Content, code: str | None, support: bool = True, hint: bool = False
) -> list[d.Block]:
    """A full crisis panel that still ends with the emergency number and main line.

    A long panel scrolls its top off a small screen, so the short panel comes
    last: whatever the screen size, the emergency number is on the last screen.
    """
    if code is None:
        return [world_callout(content, hint)]
    full = crisis_callout(content, code, support=support)
    if len(full.lines) <= SHORT_PANEL_LINES:
        return [full]  # short enough to stay on screen whole
    return [full, help_now(content, code)]


def crisis_page(content: Content, code: str | None, title: str) -> d.Document:
    """`crisis`: the help lines themselves (ending with the short panel when
    long, so the presenter adds no second copy); its JSON is the record the
    panels are drawn from."""
    blocks = crisis_blocks(content, code, hint=True)
    first = blocks[0]
    assert isinstance(first, d.Callout)
    doc = d.Document(title).add(*blocks)
    doc.facts = lambda: {
        "schema_version": d.JSON_SCHEMA_VERSION,
        **msgspec.to_builtins(first.record),
    }
    return doc


def crisis_document(content: Content, code: str | None, title: str) -> d.Document:
    """The crisis lines on their own, e.g. for stderr when stdout is a file."""
    return d.Document(title).add(*crisis_blocks(content, code, support=False))


def with_region_note(doc: d.Document, note: str | None) -> d.Document:
    """The document with where its region came from said in its last crisis panel
    (the one on the final screen), when the region was guessed or saved."""
    last = max(
        (i for i, b in enumerate(doc.blocks) if isinstance(b, d.Callout) and b.kind == "crisis"),
        default=None,
    )
    if note is None or last is None:
        return doc
    panel = doc.blocks[last]
    assert isinstance(panel, d.Callout)
    blocks = list(doc.blocks)
    blocks[last] = msgspec.structs.replace(panel, lines=(*panel.lines, note))
    return msgspec.structs.replace(doc, blocks=blocks)
