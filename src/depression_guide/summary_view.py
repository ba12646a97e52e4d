"""The explore summary as a document and as JSON, in the order DESIGN.md gives."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from depression_guide import document as d
from depression_guide import export, views
from depression_guide.model import citations

if TYPE_CHECKING:
    from depression_guide.content import Content
    from depression_guide.explore import Summary


def summary_document(content: Content, summary: Summary) -> d.Document:
    """The summary to read now, or to take to a GP."""
    citer = views.Citer(content)
    doc = d.Document("Your depression treatment options: a summary to take to your GP")
    region = summary.region if summary.region_known else None
    if summary.at_risk:
        doc.add(*views.crisis_blocks(content, region))
    doc.add(
        d.Paragraph(
            "This summary lists options that fit what you told us. It does not recommend "
            "any of them. The right choice depends on you, and is best made with a health "
            "professional."
        ),
        d.Heading("What you told us", 1),
        d.Bullets(
            tuple(f"{r.question}: {r.answer}" for r in summary.recap)
            or ("You skipped every question.",)
        ),
    )
    for section in summary.sections:
        doc.add(d.Heading(section.category.name, 1), d.Paragraph(section.category.summary))
        for item in section.options:
            doc.add(
                *views.option_blocks(
                    item.option, citer, region, why=item.why, using_it=item.using_it
                )
            )
    if summary.notes:
        doc.add(d.Heading("Notes for you", 1))
        for note in summary.notes:
            doc.add(d.Callout(note.kind, note.title, (citer.cite(note.text, note.references),)))
    doc.add(
        d.Heading("Questions you could ask your GP or psychologist", 1),
        d.Bullets(tuple(summary.questions)),
        d.Heading("Next steps", 1),
        d.Bullets(summary.next_steps),
        citer.ref_list(),
        d.Paragraph(
            f"Content last reviewed {content.about.reviewed.isoformat()}. "
            "Run 'depression-guide about' for sources and corrections."
        ),
        d.Heading("Help and support", 1),
        # Last, so the final screen always shows the emergency number.
        *views.crisis_blocks(content, region),
        d.Callout("disclaimer", "See a professional", (views.DISCLAIMER,)),
    )
    return doc


def summary_json(content: Content, summary: Summary) -> dict[str, Any]:
    """The summary as stable JSON (schema_version 1; see the README)."""
    cited: list[str] = []
    sections = []
    for section in summary.sections:
        options = []
        for item in section.options:
            data = views.record_json(item.option)
            options.append({**data, "why_shown": list(item.why), "using_it": item.using_it})
            for _, refs in citations(item.option):
                cited += [r for r in refs if r not in cited]
        sections.append(
            {"id": section.category.id, "name": section.category.name, "options": options}
        )
    for note in summary.notes:
        cited += [r for r in note.references if r not in cited]
    return {
        "schema_version": views.JSON_SCHEMA_VERSION,
        "region": summary.region,
        "region_known": summary.region_known,
        "at_risk": summary.at_risk,
        "answers": {k: list(v) if isinstance(v, tuple) else v for k, v in summary.answers.items()},
        "recap": [
            {"key": r.key, "question": r.question, "answer": r.answer} for r in summary.recap
        ],
        "categories": sections,
        "notes": [
            {
                "id": n.id,
                "kind": n.kind,
                "title": n.title,
                "text": n.text,
                "references": list(n.references),
            }
            for n in summary.notes
        ],
        "questions": summary.questions,
        "next_steps": list(summary.next_steps),
        "crisis": views.crisis_json(content, summary.region),
        "disclaimer": views.DISCLAIMER,
        "references": [export.csl_item(content.references[r]) for r in cited],
        "content_reviewed": content.about.reviewed.isoformat(),
    }
