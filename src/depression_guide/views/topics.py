"""Options and background topics as view blocks and JSON (`show`, `topics`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from depression_guide import bibliography
from depression_guide import document as d
from depression_guide import strings as S
from depression_guide.content.model import access_for, cited_in
from depression_guide.views.citations import Citer

if TYPE_CHECKING:
    from depression_guide.content import Content, model
    from depression_guide.logic.topics import Topic

# 2 (second edition): options carry `access` by region, `glance` and `order`
# (`access_au` is gone); the explore summary adds `made`, `region_known`, and
# per option `at_a_glance` and `access_here`. See CHANGELOG.md.
JSON_SCHEMA_VERSION = 2


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
    doc.add(*blocks, citer.ref_list())
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


def record_json(record: Any) -> Any:
    import msgspec

    return msgspec.to_builtins(record)


def topics_json(content: Content, topics: list[Topic], region: str | None) -> dict[str, Any]:
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
        "references": [bibliography.csl_item(content.references[r]) for r in cited],
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
