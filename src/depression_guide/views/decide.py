""" "My decision guide" as a document and as JSON.

Side by side, the reasons the person rated 4 or 5 stars for each option. No
stars are added up, no option is ranked or named as the one to pick.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from depression_guide import document as d
from depression_guide import views
from depression_guide.content.model import cited_in
from depression_guide.logic.decide import MATTERS, sure_yes, what_may_help
from depression_guide.render import export

if TYPE_CHECKING:
    from depression_guide.content import Content, model
    from depression_guide.logic.decide import DecisionGuide, Rated

TITLE = "My decision guide"
NOT_ADDED_UP = (
    "The options are in the order you gave them. Stars are not added up: one reason "
    "that matters a lot to you can count for more than several others."
)


def stars(count: int) -> str:
    return f"{count} star{'s' if count != 1 else ''}"


def decide_document(content: Content, result: DecisionGuide, region: str) -> d.Document:
    decide = content.decide
    citer = views.Citer(content)
    doc = d.Document(TITLE)
    made = f"Made on {result.made.day} {result.made.strftime('%B %Y')}. " if result.made else ""
    doc.add(d.Paragraph(f"{made}The decision: {decide.decision}"))
    facts = []
    if result.stage:
        facts.append(f"How far along I am: {result.stage.label}.")
    if result.role:
        facts.append(f"My role in deciding: {result.role.label}.")
    if facts:
        doc.add(d.Bullets(tuple(facts)))

    def listed(items: tuple[Rated, ...]) -> str:
        if not items:
            return "None rated 4 or 5 stars."
        return " ".join(
            citer.cite(f"{r.reason.text} ({stars(r.stars or 0)})", r.reason.references)
            for r in items
        )

    doc.add(
        d.Heading("What matters to me", 1),
        d.Paragraph(NOT_ADDED_UP),
        d.Grid(
            tuple(w.option.name for w in result.options),
            (
                (
                    f"Reasons to choose it that matter to me ({MATTERS} or 5 stars)",
                    tuple(listed(w.matters("for")) for w in result.options),
                ),
                (
                    f"Reasons to avoid it that matter to me ({MATTERS} or 5 stars)",
                    tuple(listed(w.matters("against")) for w in result.options),
                ),
            ),
        ),
    )
    doc.add(d.Heading("How sure I feel (the SURE test)", 1))
    before = _sure_lines(decide, "Before", result.sure_before)
    doc.add(d.Bullets(tuple(before + _sure_lines(decide, "After", result.sure_after))))
    latest = result.sure_after or result.sure_before
    helps = what_may_help(decide, latest)
    if helps:
        doc.add(d.Bullets(tuple(helps), "What may help"))
    doc.add(d.Paragraph(citer.cite(decide.sure_note.text, decide.sure_note.references)))
    doc.add(
        d.Heading("My next steps", 1),
        d.Bullets(tuple(c.label for c in result.next_steps) or ("None chosen yet.",)),
        d.Paragraph(
            "To read more: depression-guide show " + " ".join(w.option.id for w in result.options)
        ),
        d.Paragraph(citer.cite(decide.credit, decide.references)),
        citer.ref_list(short=True),
        views.help_now(content, region),
        d.Callout("disclaimer", "See a professional", (views.DISCLAIMER,)),
    )
    return doc


def _sure_lines(decide: model.Decide, when: str, answers: dict[str, bool]) -> list[str]:
    if not answers:
        return [f"{when}: not answered."]
    count = sure_yes(decide, answers)
    said = "; ".join(
        f"{q.area}: {'yes' if answers[q.id] else 'no'}" for q in decide.sure if q.id in answers
    )
    if count is None:
        return [f"{when}: {said}."]
    return [f"{when}: yes to {count} of {len(decide.sure)}. {said}."]


def decide_json(content: Content, result: DecisionGuide, region: str) -> dict[str, Any]:
    decide = content.decide

    def rated(items: tuple[Rated, ...]) -> list[dict[str, Any]]:
        return [
            {
                "id": r.reason.id,
                "text": r.reason.text,
                "stars": r.stars,
                "references": list(r.reason.references),
            }
            for r in items
        ]

    def sure(answers: dict[str, bool]) -> dict[str, Any]:
        return {"answers": dict(answers), "yes": sure_yes(decide, answers)}

    cited = cited_in(decide, *(r.reason for w in result.options for r in w.rated))
    return {
        "schema_version": views.JSON_SCHEMA_VERSION,
        "made": result.made.isoformat() if result.made else None,
        "decision": decide.decision,
        "stage": result.stage.id if result.stage else None,
        "role": result.role.id if result.role else None,
        "options": [
            {
                "id": w.option.id,
                "name": w.option.name,
                "reasons_for": rated(tuple(r for r in w.rated if r.side == "for")),
                "reasons_against": rated(tuple(r for r in w.rated if r.side == "against")),
            }
            for w in result.options
        ],
        "sure_before": sure(result.sure_before),
        "sure_after": sure(result.sure_after),
        "what_may_help": what_may_help(decide, result.sure_after or result.sure_before),
        "next_steps": [c.id for c in result.next_steps],
        "credit": decide.credit,
        "references": [export.csl_item(content.references[r]) for r in cited],
        "crisis": views.crisis_json(content, region),
        "disclaimer": views.DISCLAIMER,
    }
