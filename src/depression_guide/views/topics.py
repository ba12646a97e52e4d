"""Options and background topics as view blocks and JSON (`show`, `topics`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from depression_guide import bibliography
from depression_guide import document as d
from depression_guide import strings as S
from depression_guide.content.model import access_for, cited_in
from depression_guide.document import JSON_SCHEMA_VERSION as JSON_SCHEMA_VERSION
from depression_guide.views.citations import Citer

if TYPE_CHECKING:
    from depression_guide.content import Content, model
    from depression_guide.logic.topics import Topic


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


def topics_document(content: Content, topics: list[Topic], region: str | None) -> d.Document:
    """`show`: options, whole categories, or background topics, with references;
    its facts (JSON `topics`) are the records drawn, from the same loop."""
    from depression_guide.logic.topics import options_of

    citer = Citer(content)
    names = []
    blocks: list[d.Block] = []
    drawn: list[tuple[str, Any]] = []  # (kind, record), as the blocks draw them

    for topic in topics:
        if topic.kind == "background":
            item = content.background[topic.id]
            names.append(item.name)
            blocks += background_blocks(item, citer, region)
            drawn.append(("background", item))
            continue
        if topic.kind == "category":
            category = content.categories[topic.id]
            names.append(category.name)
            blocks += [d.Heading(category.name, 1), d.Paragraph(category.summary)]
            drawn.append(("category", category))
        else:
            names.append(content.options[topic.id].name)
        for option in options_of(content, [topic]):
            blocks += option_blocks(option, citer, region)
            drawn.append(("option", option))
    doc = d.Document(S.LIST_SEPARATOR.join(names))
    if len(topics) == 1 and blocks and blocks[0] == d.Heading(doc.title, 2):
        blocks = blocks[1:]  # the page title already names the one topic
    doc.add(*blocks, citer.ref_list())
    doc.facts = lambda: {
        "schema_version": JSON_SCHEMA_VERSION,
        "topics": [{"kind": kind, **record_json(record)} for kind, record in drawn],
        "references": csl_items(
            content, cited_in(*(record for kind, record in drawn if kind != "category"))
        ),
    }
    return doc


def topic_list_document(content: Content) -> d.Document:
    """`topics`: every category with its options, then background topics; ids shown."""
    doc = d.Document(S.TOPICS_TITLE)
    categories = []
    for category in content.categories.values():
        records: list[Any] = (
            list(content.background.values())
            if category.id == "background"
            else [o for o in content.options.values() if o.category == category.id]
        )
        doc.add(
            d.Heading(f"{category.name} ({category.id})", 2),
            d.Bullets(tuple(f"{r.id}: {r.name}" for r in records) or (S.NONE_YET,)),
        )
        categories.append(
            {**id_name_aliases(category), "topics": [id_name_aliases(r) for r in records]}
        )
    doc.add(d.Paragraph(S.SHOW_A_TOPIC))
    doc.facts = lambda: {"schema_version": JSON_SCHEMA_VERSION, "categories": categories}
    return doc


def id_name_aliases(record: Any) -> dict[str, Any]:
    return {"id": record.id, "name": record.name, "aliases": list(record.aliases)}


def record_json(record: Any) -> Any:
    import msgspec

    return msgspec.to_builtins(record)


def csl_items(content: Content, cited: list[str]) -> list[dict[str, Any]]:
    """The references cited, as CSL-JSON items (JSON's `references`)."""
    return [bibliography.csl_item(content.references[r]) for r in cited]
