""" "My decision guide" as a document and as JSON.

Side by side, the reasons the person rated 4 or 5 stars for each option. No
stars are added up, no option is ranked or named as the one to pick.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from depression_guide import document as d
from depression_guide import strings as S
from depression_guide import views
from depression_guide.content.model import cited_in
from depression_guide.logic.decide import MATTERS, latest_sure, sure_yes, what_may_help

if TYPE_CHECKING:
    from depression_guide.content import Content, model
    from depression_guide.logic.decide import DecisionGuide, Rated


def stars(count: int) -> str:
    return S.plural("STARS", count)


def decide_document(content: Content, result: DecisionGuide, region: str | None) -> d.Document:
    decide = content.decide
    citer = views.Citer(content)
    doc = d.Document(S.DECISION_GUIDE, lang=S.lang)
    made = views.made_on(result.made)
    doc.add(d.Paragraph(made + S.THE_DECISION.format(decision=decide.decision)))
    facts = []
    if result.stage:
        facts.append(S.HOW_FAR_ALONG.format(stage=result.stage.label))
    if result.role:
        facts.append(S.MY_ROLE.format(role=result.role.label))
    if facts:
        doc.add(d.Bullets(tuple(facts)))

    def listed(items: tuple[Rated, ...]) -> str:
        if not items:
            return S.NONE_MATTER
        return " ".join(
            citer.cite(f"{r.reason.text} ({stars(r.stars or 0)})", r.reason.references)
            for r in items
        )

    doc.add(
        d.Heading(S.WHAT_MATTERS, 1),
        d.Paragraph(S.NOT_ADDED_UP),
        d.Grid(
            tuple(w.option.name for w in result.options),
            (
                (
                    S.REASONS_FOR.format(least=MATTERS),
                    tuple(listed(w.matters("for")) for w in result.options),
                ),
                (
                    S.REASONS_AGAINST.format(least=MATTERS),
                    tuple(listed(w.matters("against")) for w in result.options),
                ),
            ),
        ),
    )
    doc.add(d.Heading(S.LEANING_HEADING, 1), d.Paragraph(leaning_words(result)))
    doc.add(d.Heading(S.HOW_SURE, 1))
    before = _sure_lines(decide, S.SURE_BEFORE, result.sure_before)
    doc.add(d.Bullets(tuple(before + _sure_lines(decide, S.SURE_AFTER, result.sure_after))))
    helps = what_may_help(decide, latest_sure(result.sure_before, result.sure_after))
    if helps:
        doc.add(d.Bullets(tuple(helps), S.WHAT_MAY_HELP))
    doc.add(d.Paragraph(citer.cite(decide.sure_note.text, decide.sure_note.references)))
    doc.add(
        d.Heading(S.MY_NEXT_STEPS, 1),
        d.Bullets(tuple(c.label for c in result.next_steps) or (S.NONE_CHOSEN,)),
        d.Paragraph(S.READ_MORE.format(ids=" ".join(w.option.id for w in result.options))),
        d.Paragraph(citer.cite(decide.credit, decide.references)),
        citer.ref_list(short=True),
    )
    doc.facts = lambda: decide_facts(content, result, helps)
    return doc


def leaning_words(result: DecisionGuide) -> str:
    """The person's leaning as they gave it (an option, or not sure yet)."""
    if result.leaning is None:
        return S.LEANING_NOT_ANSWERED
    said = S.NOT_SURE_YET if isinstance(result.leaning, str) else result.leaning.name
    return S.LEANING.format(leaning=said)


def leaning_id(result: DecisionGuide) -> str | None:
    if result.leaning is None or isinstance(result.leaning, str):
        return result.leaning  # None, or NOT_SURE
    return result.leaning.id


def _sure_lines(decide: model.Decide, when: str, answers: dict[str, bool]) -> list[str]:
    if not answers:
        return [S.SURE_NOT_ANSWERED.format(when=when)]
    count = sure_yes(decide, answers)
    said = S.CLAUSE_SEPARATOR.join(
        f"{q.area}: {S.YES if answers[q.id] else S.NO}" for q in decide.sure if q.id in answers
    )
    if count is None:
        return [S.SURE_PARTLY.format(when=when, said=said)]
    return [S.SURE_COUNTED.format(when=when, count=count, total=len(decide.sure), said=said)]


def decide_facts(content: Content, result: DecisionGuide, helps: list[str]) -> dict[str, Any]:
    """The guide's facts, as stable JSON: every reason rated, with its stars
    (the page shows the ones rated 4 or 5); `helps` as the page says them."""
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
        # The person's own answer: an option id, "not-sure", or null.
        "leaning": leaning_id(result),
        "sure_before": sure(result.sure_before),
        "sure_after": sure(result.sure_after),
        "what_may_help": helps,
        "next_steps": [c.id for c in result.next_steps],
        "credit": decide.credit,
        "references": views.csl_items(content, cited),
    }
