"""Documents and JSON for `about`, `quiz` and `check phq9`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from depression_guide import __version__, views
from depression_guide import document as d
from depression_guide.logic.selfcheck import QUIZ_CHOICES, kind_words

if TYPE_CHECKING:
    from depression_guide.content import Content, model
    from depression_guide.logic.selfcheck import Phq9Result


# --- about ---------------------------------------------------------------------


def about_document(content: Content) -> d.Document:
    about = content.about
    citer = views.Citer(content)
    source = about.source
    doc = d.Document("About depression-guide").add(
        d.Paragraph(about.what_it_is, "What it is"),
        d.Paragraph(about.what_it_is_not, "What it is not"),
        d.Heading("Where the content comes from", 1),
        d.Paragraph(
            f'"{source.title}" by {source.author}, {source.publisher}. Published '
            f"{source.published}, updated {source.updated}."
        ),
        d.Paragraph(about.source_note),
        d.Heading("Corrections to the source article", 1),
        d.Bullets(
            tuple(
                citer.cite(f"The article: {c.claim} Our correction: {c.correction}", c.references)
                for c in about.corrections
            )
            or ("None.",)
        ),
        d.Heading("What changed in this edition", 1),
        *([d.Paragraph(about.edition)] if about.edition else []),
        d.Bullets(about.changes or ("Nothing listed.",)),
        d.Heading("Review, updates and funding", 1),
        d.Paragraph(about.reviewed.isoformat(), "Content last reviewed"),
        d.Paragraph(about.review_due.isoformat(), "Next review due"),
        d.Paragraph(about.update_policy, "Update policy"),
        d.Paragraph(about.report_errors, "Report an error"),
        d.Paragraph(about.funding, "Funding"),
        d.Paragraph(about.conflicts, "Conflicts of interest"),
        d.Paragraph(about.reading_level, "Reading level"),
        d.Paragraph(about.standards, "Standards"),
        *(
            [d.Paragraph(citer.cite(about.tools, about.tools_references), "Decision tools")]
            if about.tools
            else []
        ),
        d.Paragraph(__version__, "Version"),
        citer.ref_list(),
    )
    return doc


def about_json(content: Content) -> dict[str, Any]:
    # The JSON's own schema_version wins over the content file's.
    return {
        **views.record_json(content.about),
        "schema_version": views.JSON_SCHEMA_VERSION,
        "version": __version__,
    }


# --- quiz ----------------------------------------------------------------------


def quiz_feedback(content: Content, item: model.QuizItem, answer: str | None) -> d.Document:
    """What the evidence says about one statement, after (or without) an answer."""
    citer = views.Citer(content)
    truth = {"myth": "a myth", "fact": "a fact", "partly": "partly true"}[item.answer]
    if answer is None:
        verdict = f"Answer: {QUIZ_CHOICES[item.answer]}."
    elif answer == item.answer:
        verdict = f"Right: it's {truth}."
    else:
        verdict = f"Not quite: it's {truth}."
    return d.Document(item.statement).add(
        d.Paragraph(citer.cite(f"{verdict} {item.explanation}", item.references)),
        *([citer.ref_list()] if item.references else []),
    )


def quiz_reveal_document(content: Content) -> d.Document:
    """Every statement with its answer, for handing out."""
    citer = views.Citer(content)
    quiz = content.quiz
    doc = d.Document("Myth or fact? Depression and its treatment").add(d.Paragraph(quiz.intro))
    for number, item in enumerate(quiz.items, start=1):
        doc.add(
            d.Heading(f"{number}. {item.statement}", 2),
            d.Paragraph(
                citer.cite(f"{QUIZ_CHOICES[item.answer]}. {item.explanation}", item.references)
            ),
        )
    return doc.add(citer.ref_list())


def quiz_score_document(content: Content, score: int) -> d.Document:
    total = len(content.quiz.items)
    return d.Document("Your score").add(
        d.Paragraph(kind_words(score, total)),
        d.Paragraph(
            "To read more, try 'depression-guide show serotonin-theory' or "
            "'depression-guide explore'."
        ),
    )


# --- PHQ-9 ---------------------------------------------------------------------


def band_meaning(phq9: model.Phq9, result: Phq9Result) -> str:
    """What the band means; never reassurance straight after thoughts of harm."""
    return phq9.thoughts_of_harm if result.thoughts_of_harm else result.band.meaning


def phq9_document(content: Content, result: Phq9Result, region: str) -> d.Document:
    """The result: the crisis panel first if item 9 is above 0, then the score."""
    phq9 = content.phq9
    citer = views.Citer(content)
    doc = d.Document("Your PHQ-9 self-check")
    if result.thoughts_of_harm:
        doc.add(
            d.Paragraph(
                "You said you have had thoughts that you would be better off dead or "
                "of hurting yourself. Thank you for answering honestly. You do not "
                "have to face this alone; please reach out now."
            ),
            *views.crisis_blocks(content, region, support=False),
        )
    doc.add(
        d.Paragraph(
            citer.cite(
                f"Your total is {result.total} out of 27. That is in the band called "
                f'"{result.band.name}" ({result.band.low} to {result.band.high}).',
                phq9.references,
            )
        ),
        d.Paragraph(band_meaning(phq9, result)),
        d.Callout("note", phq9.not_a_diagnosis, (phq9.share,)),
        d.Heading("Your answers", 1),
        d.Bullets(
            tuple(
                f"{item}: {phq9.answers[score]} ({score})"
                for item, score in zip(phq9.items, result.scores, strict=True)
            )
        ),
    )
    if result.difficulty is not None:
        doc.add(
            d.Paragraph(
                phq9.difficulty_answers[result.difficulty],
                "How difficult these problems have made things",
            )
        )
    doc.add(citer.ref_list(), *views.disclaimer(content, region))
    return doc


def phq9_json(content: Content, result: Phq9Result, region: str) -> dict[str, Any]:
    phq9 = content.phq9
    return {
        "schema_version": views.JSON_SCHEMA_VERSION,
        "scores": list(result.scores),
        "total": result.total,
        "band": {
            "name": result.band.name,
            "low": result.band.low,
            "high": result.band.high,
            "meaning": band_meaning(phq9, result),
        },
        "difficulty": (
            phq9.difficulty_answers[result.difficulty] if result.difficulty is not None else None
        ),
        "thoughts_of_harm": result.thoughts_of_harm,
        "not_a_diagnosis": phq9.not_a_diagnosis,
        "crisis": views.crisis_json(content, region),
        "references": list(phq9.references),
    }
