"""Content records -> documents. Shared by every command that shows content."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from depression_guide import document as d
from depression_guide import strings as S
from depression_guide.content.model import access_for, cited_in
from depression_guide.render import export

if TYPE_CHECKING:
    from depression_guide.content import Content, model
    from depression_guide.logic.topics import Topic

# 2 (second edition): options carry `access` by region, `glance` and `order`
# (`access_au` is gone); the explore summary adds `made`, `region_known`, and
# per option `at_a_glance` and `access_here`. See CHANGELOG.md.
JSON_SCHEMA_VERSION = 2


def __getattr__(name: str) -> Any:
    # DISCLAIMER in this run's language (JSON outputs and tests name it here).
    if name == "DISCLAIMER":
        return S.DISCLAIMER
    raise AttributeError(name)


class Citer:
    """Numbers references in the order a document first cites them: [1], [2]..."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self.order: list[str] = []

    def mark(self, refs: tuple[str, ...] | list[str]) -> str:
        for ref in refs:
            if ref not in self.order:
                self.order.append(ref)
        numbers = [str(self.order.index(ref) + 1) for ref in refs]
        return f"[{', '.join(numbers)}]" if numbers else ""

    def cite(self, text: str, refs: tuple[str, ...] | list[str]) -> str:
        marker = self.mark(refs)
        return f"{text} {marker}" if marker else text

    def ref_list(self, short: bool = False) -> d.RefList:
        """The references cited, numbered; `short` gives one line each (overviews)."""
        style = export.short if short else export.apa
        return d.RefList(
            tuple(
                (f"[{n}]", style(self.content.references[ref]))
                for n, ref in enumerate(self.order, start=1)
            ),
            S.REFERENCES,
        )


def refs_with_sources(citer: Citer, short: bool = False) -> d.RefList:
    """The reference list, titled with where to read every source and correction."""
    refs = citer.ref_list(short=short)
    return d.RefList(refs.entries, S.REFERENCES_WITH_SOURCES)


# --- crisis lines and the disclaimer ----------------------------------------------


def how_to_reach(line: model.CrisisLine) -> str:
    ways = []
    if line.phone:
        ways.append(S.CALL.format(phone=line.phone))
    if line.text:
        ways.append(line.text if line.text.startswith("text") else S.TEXT.format(number=line.text))
    if line.chat:
        ways.append(S.CHAT_ONLY)
    reach = ", ".join(ways)
    site = f" ({line.website})" if line.website else ""
    return f"{reach}{site}" if reach else line.website


def line_text(line: model.CrisisLine, detail: bool = True) -> str:
    hours = line.hours[:1].upper() + line.hours[1:]
    text = f"{line.name}: {how_to_reach(line)}. {hours}."
    if detail and line.for_whom:
        text += S.FOR_WHOM.format(whom=line.for_whom)
    return text


def emergency_text(region: model.Region, crisis: model.Crisis) -> str:
    """'If you are in danger now, call the emergency number: 000.' (first, always)."""
    message = crisis.danger_message.rstrip(".。")
    if region.emergency[:1].isdigit() or "the emergency number" not in message:
        return S.EMERGENCY_LINE.format(message=message, number=region.emergency)
    return f"{message.replace('the emergency number', region.emergency)}."


def crisis_callout(
    content: Content, code: str, full: bool = True, support: bool = True
) -> d.Callout:
    """The crisis panel: the emergency number first, then the region's lines.

    `full=False` gives the short form (emergency number and the main line);
    `support=False` leaves out the non-crisis support lines.
    """
    region = content.region(code)
    lines = [emergency_text(region, content.crisis)]
    crisis_lines = [line for line in region.lines if line.kind == "crisis"]
    lines += [line_text(line, detail=full) for line in (crisis_lines if full else crisis_lines[:1])]
    lines += answers_in_english(code)
    if full and support:
        lines += [
            S.SUPPORT.format(line=line_text(line))
            for line in region.lines
            if line.kind == "support"
        ]
        checked = sorted({line.checked for line in region.lines})
        lines.append(S.NUMBERS_CHECKED.format(months=", ".join(checked)))
    # Short titles: rich cuts a panel title that doesn't fit a 40-column screen.
    title = S.HELP_IS_AVAILABLE if full else S.IF_YOU_NEED_HELP
    return d.Callout("crisis", title.format(region=region.name), tuple(lines))


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
    contact = line.phone or line.text
    if not contact:
        return f"{line.name} ({line.website})" if line.website else line.name
    return line.name if contact in line.name else f"{line.name} {contact}"


def world_callout(content: Content) -> d.Callout:
    """Before the region is known: every region's emergency number and main line.

    One short line a region, so a person anywhere finds their number at once.
    """
    lines = [content.crisis.danger_message]
    for region in content.regions:
        main = main_line(region)
        lines.append(f"{region.name}: {region.emergency}" + (f"; {main}" if main else ""))
    lines += answers_in_english(None)
    return d.Callout("crisis", S.IF_YOU_NEED_HELP_NOW, tuple(lines))


def help_now(content: Content, code: str | None) -> d.Callout:
    """The short panel that ends a screen: the region's, or every region's if unknown."""
    return crisis_callout(content, code, full=False) if code else world_callout(content)


# A crisis panel of at most this many lines fits the last screen whole, even
# wrapped at 40 columns; a longer one is followed by the short panel.
SHORT_PANEL_LINES = 4


def crisis_blocks(content: Content, code: str | None, support: bool = True) -> list[d.Block]:
    """A full crisis panel that still ends with the emergency number and main line.

    A long panel scrolls its top off a small screen, so the short panel comes
    last: whatever the screen size, the emergency number is on the last screen.
    """
    if code is None:
        return [world_callout(content)]
    full = crisis_callout(content, code, support=support)
    if len(full.lines) <= SHORT_PANEL_LINES:
        return [full]  # short enough to stay on screen whole
    return [full, help_now(content, code)]


def made_on(day: dt.date | None) -> str:
    """'Made on 28 November 2026. ' (empty when no date is known)."""
    if day is None:
        return ""
    # The month's name from the strings (never the C library's locale).
    return S.MADE_ON.format(day=day.day, month=S.MONTHS[day.month - 1], year=day.year)


def review_warning(about: model.About, today: dt.date) -> str | None:
    """One line when the content is past its review date; None while it is current."""
    if today <= about.review_due:
        return None
    return S.REVIEW_WARNING.format(date=about.review_due.isoformat())


def with_review_warning(doc: d.Document, warning: str | None) -> d.Document:
    """The document with the review warning first, when it shows crisis lines
    (every page of options ends with them)."""
    shows_help = any(isinstance(b, d.Callout) and b.kind == "crisis" for b in doc.blocks)
    if warning is None or not shows_help:
        return doc
    return d.Document(doc.title, [d.Paragraph(warning, S.PLEASE_NOTE), *doc.blocks])


def draft_notice_lines(region: str | None) -> tuple[str, ...]:
    """The draft notice, in the language and in English; with the interpreter
    line in Australia (or when the region is not known)."""
    interpreter = region in ("AU", None)
    return (
        S.DRAFT_NOTICE,
        *((S.INTERPRETER_AU,) if interpreter else ()),
        S.english("DRAFT_NOTICE"),
        *((S.english("INTERPRETER_AU"),) if interpreter else ()),
    )


def draft_notice(region: str | None) -> d.Callout:
    return d.Callout("note", S.DRAFT_TITLE, draft_notice_lines(region))


def with_draft_notice(doc: d.Document, region: str | None) -> d.Document:
    """A document in a draft language: the notice near the top and again just
    before the disclaimer (the help lines stay last)."""
    notice = draft_notice(region)
    blocks: list[d.Block] = [notice]
    for block in doc.blocks:
        if isinstance(block, d.Callout) and block.kind == "disclaimer":
            blocks.append(notice)
        blocks.append(block)
    return d.Document(doc.title, blocks, lang=doc.lang)


def disclaimer(content: Content, code: str | None) -> list[d.Block]:
    """What every page of options ends with: see a professional, then the help lines.

    The help lines come last, so that whatever follows on a terminal (a prompt,
    the shell) the emergency number is on the final screen.
    """
    return [
        d.Callout("disclaimer", S.SEE_A_PROFESSIONAL, (S.DISCLAIMER,)),
        help_now(content, code),
    ]


def footer(content: Content, code: str | None) -> d.Document:
    """The help lines and the disclaimer on their own: shown again after a pager."""
    return d.Document("").add(*disclaimer(content, code))


def crisis_document(content: Content, code: str | None, title: str) -> d.Document:
    """The crisis lines on their own, e.g. for stderr when stdout is a file."""
    return d.Document(title).add(*crisis_blocks(content, code, support=False))


# --- options ---------------------------------------------------------------------


def icon_array(frequency: model.Frequency, citer: Citer) -> d.IconArray:
    return d.IconArray(
        outcome=frequency.outcome,
        group=frequency.group,
        time_frame=frequency.time_frame,
        denominator=frequency.denominator,
        arms=tuple(d.Arm(arm.label, arm.count) for arm in frequency.arms),
        source=citer.mark(frequency.references),
        sentence=S.ICON_SENTENCE,
        caption_text=S.ICON_CAPTION,
    )


def statement_text(statement: model.Statement, citer: Citer) -> str:
    text = citer.cite(statement.text, statement.references)
    if statement.certainty:
        text += S.STRENGTH.format(words=S.CERTAINTY_WORDS[statement.certainty])
    return text


def option_blocks(
    option: model.Option,
    citer: Citer,
    region: str | None,
    why: tuple[str, ...] = (),
    using_it: bool = False,
    level: int = 2,
) -> list[d.Block]:
    """One option, in the order a person asks about it; downsides as detailed as benefits."""
    access = access_for(option, region)
    blocks: list[d.Block] = [d.Heading(option.name, level)]
    if why:
        blocks.append(d.Bullets(why, label=S.WHY_SHOWN))
    if using_it and option.safety_note:
        blocks.append(d.Callout("safety", S.IF_YOU_ALREADY_TAKE_ONE, (option.safety_note,)))
    blocks += [
        d.Paragraph(option.summary, S.WHAT_IT_IS),
        d.Paragraph(option.involves, S.WHAT_IT_INVOLVES),
        d.Paragraph(
            citer.cite(option.delivery.text, option.delivery.references), S.HOW_IT_IS_GIVEN
        ),
        d.Paragraph(
            citer.cite(option.time_to_benefit.text, option.time_to_benefit.references),
            S.HOW_LONG,
        ),
        d.Bullets(
            tuple(
                ([option.evidence_gap] if option.evidence_gap else [])
                + [statement_text(s, citer) for s in option.benefits]
            ),
            S.WHAT_THE_EVIDENCE_SHOWS,
        ),
    ]
    blocks += [icon_array(s.frequency, citer) for s in option.benefits if s.frequency]
    blocks.append(
        d.Bullets(tuple(statement_text(s, citer) for s in option.downsides), S.DOWNSIDES_AND_RISKS)
    )
    if option.medicine_rows:
        blocks.append(
            d.Bullets(
                tuple(
                    citer.cite(
                        f"{S.MEDICINE_TOPICS[row.topic].capitalize()}: {row.text}", row.references
                    )
                    for row in option.medicine_rows
                ),
                S.MEDICINE_QUESTIONS,
            )
        )
    blocks += [
        d.Bullets(option.consider, S.THINGS_TO_THINK_ABOUT),
        d.Bullets(option.may_suit, S.WHO_IT_MAY_SUIT),
        d.Paragraph(citer.cite(access.text, access.references), S.ACCESS_AND_COST),
    ]
    citer.mark(option.references)
    return blocks


def background_blocks(
    topic: model.Background, citer: Citer, region: str | None, level: int = 2
) -> list[d.Block]:
    blocks: list[d.Block] = [d.Heading(topic.name, level), d.Paragraph(topic.summary)]
    for section in topic.sections:
        if section.region and section.region != region:
            continue  # another region's services
        blocks += [
            d.Heading(section.heading, level + 1),
            d.Paragraph(citer.cite(section.text, section.references)),
        ]
    citer.mark(topic.references)
    return blocks


def topics_document(content: Content, topics: list[Topic], region: str) -> d.Document:
    """`show`: options, whole categories, or background topics, with references."""
    from depression_guide.logic.topics import options_of

    citer = Citer(content)
    names = []
    blocks: list[d.Block] = []
    for topic in topics:
        if topic.kind == "background":
            item = content.background[topic.id]
            names.append(item.name)
            blocks += background_blocks(item, citer, region)
            continue
        if topic.kind == "category":
            category = content.categories[topic.id]
            names.append(category.name)
            blocks += [d.Heading(category.name, 1), d.Paragraph(category.summary)]
        else:
            names.append(content.options[topic.id].name)
        for option in options_of(content, [topic]):
            blocks += option_blocks(option, citer, region)
    doc = d.Document(", ".join(names))
    if len(topics) == 1 and blocks and blocks[0] == d.Heading(doc.title, 2):
        blocks = blocks[1:]  # the page title already names the one topic
    doc.add(*blocks, citer.ref_list(), *disclaimer(content, region))
    return doc


def topic_list_document(content: Content) -> d.Document:
    """`topics`: every category with its options, then background topics; ids shown."""
    doc = d.Document(S.TOPICS_TITLE)
    for category in content.categories.values():
        doc.add(d.Heading(f"{category.name} ({category.id})", 2))
        if category.id == "background":
            items = [f"{t.id}: {t.name}" for t in content.background.values()]
        else:
            items = [
                f"{o.id}: {o.name}" for o in content.options.values() if o.category == category.id
            ]
        doc.add(d.Bullets(tuple(items) or (S.NONE_YET,)))
    doc.add(d.Paragraph(S.SHOW_A_TOPIC))
    return doc


# --- JSON ----------------------------------------------------------------------


def record_json(record: Any) -> Any:
    import msgspec

    return msgspec.to_builtins(record)


def crisis_json(content: Content, code: str) -> dict[str, Any]:
    region = content.region(code)
    return {
        "region": region.code,
        "name": region.name,
        "emergency": region.emergency,
        "danger_message": content.crisis.danger_message,
        "lines": [record_json(line) for line in region.lines],
    }


def topics_json(content: Content, topics: list[Topic], region: str) -> dict[str, Any]:
    from depression_guide.logic.topics import options_of

    items: list[dict[str, Any]] = []
    shown: list[Any] = []
    for topic in topics:
        if topic.kind == "background":
            record: Any = content.background[topic.id]
            items.append({"kind": "background", **record_json(record)})
            shown.append(record)
        else:
            if topic.kind == "category":
                items.append({"kind": "category", **record_json(content.categories[topic.id])})
            for option in options_of(content, [topic]):
                items.append({"kind": "option", **record_json(option)})
                shown.append(option)
    cited = cited_in(*shown)
    return {
        "schema_version": JSON_SCHEMA_VERSION,
        "topics": items,
        "references": [export.csl_item(content.references[r]) for r in cited],
        "disclaimer": S.DISCLAIMER,
        "crisis": crisis_json(content, region),
    }


def topic_list_json(content: Content) -> dict[str, Any]:
    return {
        "schema_version": JSON_SCHEMA_VERSION,
        "categories": [
            {
                "id": c.id,
                "name": c.name,
                "aliases": list(c.aliases),
                "topics": [
                    {"id": t.id, "name": t.name, "aliases": list(t.aliases)}
                    for t in (
                        content.background.values()
                        if c.id == "background"
                        else [o for o in content.options.values() if o.category == c.id]
                    )
                ],
            }
            for c in content.categories.values()
        ],
    }
