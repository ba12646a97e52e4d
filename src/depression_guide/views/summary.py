"""The explore summary as a document and as JSON, in the order DESIGN.md gives.

An overview that fits on a page (read in a few minutes, taken to a GP), with
each option's full section one command away, or in an appendix (`detail`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

import msgspec

from depression_guide import document as d
from depression_guide import strings as S
from depression_guide import views
from depression_guide.content.model import access_for, cited_in

if TYPE_CHECKING:
    from depression_guide.content import Content, model
    from depression_guide.logic.explore import Section, Shown, Summary

# (Read from strings.py when used, never copied here at import: the run's
# language is put in place after this module may have been imported.)


def summary_document(
    content: Content,
    summary: Summary,
    detail: bool = False,
    fold: Literal["", "closed", "open"] = "",
) -> d.Document:
    """The summary to read now, or to take to a GP; `detail` adds every option in full.

    `fold` makes the appendix, in HTML, a section the reader opens: "closed"
    keeps the printout to the overview (what a GP reads), "open" prints it all.
    """
    citer = views.Citer(content)
    region = summary.region
    doctor = views.doctor_word(content, region)
    youth = summary.youth_lines
    doc = d.Document(S.SUMMARY_TITLE.format(doctor=doctor), lang=S.lang)
    if summary.at_risk:
        # Short, so the options are still near: every line is in `crisis`, and
        # the help lines end the summary too.
        doc.add(d.Paragraph(S.AT_RISK), views.help_now(content, region, youth=youth))
    made = views.made_on(summary.made)
    doc.add(
        d.Paragraph(f"{made}{S.SUMMARY_WHAT_IT_IS}"),
        d.Heading(S.WHAT_YOU_TOLD_US, 1),
        d.Bullets(
            tuple(f"{r.question}: {r.answer}" for r in summary.recap) or (S.SKIPPED_EVERYTHING,)
        ),
    )
    # Notes for you, safety notes first: boxes with their own titles, so no heading.
    for note in summary.notes:
        doc.add(d.Callout(note.kind, note.title, (citer.cite(note.text, note.references),)))
    doc.add(d.Heading(S.AT_A_GLANCE, 1))
    doc.add(*glance_blocks(summary, citer, region, in_full=detail))
    doc.add(
        d.Heading(S.QUESTIONS_TO_ASK.format(doctor=doctor), 1),
        d.Bullets(tuple(summary.questions)),
        d.Heading(S.NEXT_STEPS, 1),
        d.Bullets((*summary.next_steps, *decide_step(summary))),
    )
    # The presenter ends the page with the disclaimer and the help lines (the
    # youth lines too: the outcome carries them).
    doc.add(views.refs_with_sources(citer, short=True))
    if detail:
        # The overview ends with the help lines too, before the appendix (the
        # presenter adds them at the very end, as on every page).
        doc.add(*views.disclaimer(content, region, youth))
        # The appendix comes after the whole overview, so the overview (and its
        # help lines) stays on the first pages of a printed copy.
        doc.add(d.Heading(S.IN_FULL, 1, new_page=True, fold=fold))
        for section in summary.sections:
            doc.add(d.Heading(section.category.name, 2))
            for item in section.options:
                doc.add(
                    *views.option_blocks(
                        item.option, citer, region, why=item.why, using_it=item.using_it, level=3
                    )
                )
        doc.add(views.refs_with_sources(citer))
    doc.facts = lambda: summary_facts(content, summary)
    return doc


def glance_blocks(
    summary: Summary, citer: views.Citer, region: str | None, in_full: bool = False
) -> list[d.Block]:
    """One card per option shown, the same fields each, in the content's order.

    Cards are grouped by why they are shown ("You chose no topics...", "Shown
    because of your answer..."); the options without a card are named at the
    end, each group one command away, or `in_full` in the appendix (a saved
    file is read away from the terminal).
    """
    blocks: list[d.Block] = []
    groups: dict[str, list[Section]] = {}
    for section in summary.sections:
        groups.setdefault(section.reason, []).append(section)
    for reason, sections in groups.items():
        cards = tuple(
            card(item, citer, region, in_full) for s in sections for item in s.at_a_glance
        )
        if cards:  # a group whose options are all named below says nothing here
            fair = "" if blocks else S.NONE_RANKED
            blocks += [d.Paragraph(reason + fair), cards_block(cards)]
    each = S.MORE_IN_CATEGORY_IN_FULL if in_full else S.MORE_IN_CATEGORY
    others = S.CLAUSE_SEPARATOR.join(
        each.format(
            category=s.category.name,
            names=S.LIST_SEPARATOR.join(short_name(i.option) for i in s.also),
            id=s.category.id,
        )
        for s in summary.sections
        if s.also
    )
    if others:
        more = S.MORE_OPTIONS_IN_FULL if in_full else S.MORE_OPTIONS
        blocks.append(d.Paragraph(more.format(others=others, in_full=S.IN_FULL)))
    return blocks


def cards_block(cards: tuple[d.Card, ...]) -> d.Cards:
    """The cards, leaving out a field no card has (usually "Why shown")."""
    keep = [i for i in range(len(S.CARD_LABELS)) if any(c.cells[i] for c in cards)]
    return d.Cards(
        tuple(S.CARD_LABELS[i] for i in keep),
        tuple(msgspec.structs.replace(c, cells=tuple(c.cells[i] for i in keep)) for c in cards),
    )


def decide_step(summary: Summary) -> tuple[str, ...]:
    """One line pointing to `decide` for the options shown (2 to 4 of them)."""
    shown = [item.option.id for s in summary.sections for item in s.at_a_glance]
    # Then the first of each kind without a card, so every kind can be weighed.
    shown += [s.also[0].option.id for s in summary.sections if s.also and not s.at_a_glance]
    shown += [
        item.option.id for s in summary.sections for item in s.also if item.option.id not in shown
    ]
    if len(shown) < 2:
        return ()
    return (S.WEIGH_THEM.format(ids=" ".join(shown[:4])),)


def short_name(option: model.Option) -> str:
    """'BA' for 'Behavioural activation (BA)'; the whole name when it has no short form."""
    if option.name.endswith(")") and "(" in option.name:
        return option.name[option.name.rindex("(") + 1 : -1]
    return option.name


def card(item: Shown, citer: views.Citer, region: str | None, in_full: bool = False) -> d.Card:
    """One option at a glance: its name, where to read more (a command, or the
    appendix when there is one), and the same fields as every other."""
    option = item.option
    glance = option.glance
    access = access_for(option, region)
    why = S.CLAUSE_SEPARATOR.join(item.why[1:])  # the category's reason is said once, above
    cells = (
        glance.what,
        glance.soon,
        citer.cite(glance.evidence, glance.references),
        glance.downsides,
        citer.cite(access.short or access.text, access.references),
        why,
    )
    if in_full:
        return d.Card(option.name, cells, S.CARD_IN_FULL)
    return d.Card(option.name, cells, S.CARD_MORE, S.CARD_COMMAND.format(id=option.id))


def summary_facts(content: Content, summary: Summary) -> dict[str, Any]:
    """The summary's facts, as stable JSON (see the README for the keys): the
    same Summary the page is drawn from, with every option in full (as the
    saved files' appendix)."""
    region = summary.region
    sections = []
    for section in summary.sections:
        options = []
        for item in section.options:
            data = views.record_json(item.option)
            del data["access"]  # every region's: only this region's goes out (below)
            options.append(
                {
                    **data,
                    "why_shown": list(item.why),
                    "using_it": item.using_it,
                    "at_a_glance": item in section.at_a_glance,
                    "access_here": views.record_json(access_for(item.option, region)),
                }
            )
        sections.append(
            {
                "id": section.category.id,
                "name": section.category.name,
                "reason": section.reason,
                "options": options,
            }
        )
    cited = cited_in(*(i.option for s in summary.sections for i in s.options), *summary.notes)
    return {
        "schema_version": views.JSON_SCHEMA_VERSION,
        "made": summary.made.isoformat() if summary.made else None,
        "region": summary.region,
        "region_known": summary.region_known,
        "at_risk": summary.at_risk,
        "answers": {k: list(v) if isinstance(v, tuple) else v for k, v in summary.answers.items()},
        "recap": [
            {"key": r.key, "question": r.question, "answer": r.answer} for r in summary.recap
        ],
        "notes": [note_json(n) for n in summary.notes],
        "categories": sections,
        "questions": summary.questions,
        "next_steps": list(summary.next_steps),
        "references": views.csl_items(content, cited),
        "content_reviewed": content.about.reviewed.isoformat(),
        # The services for young people listed with the help at the end.
        "youth_lines": [views.record_json(line) for line in summary.youth_lines],
    }


def note_json(note: model.Note) -> dict[str, Any]:
    return {
        "id": note.id,
        "kind": note.kind,
        "title": note.title,
        "text": note.text,
        "references": list(note.references),
    }
