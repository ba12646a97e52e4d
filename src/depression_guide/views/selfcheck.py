"""Documents and JSON for `about`, `quiz` and `check phq9`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from depression_guide import __version__, views
from depression_guide import document as d
from depression_guide import strings as S
from depression_guide.logic.selfcheck import kind_words

if TYPE_CHECKING:
    from depression_guide.content import Content, model
    from depression_guide.logic.selfcheck import Phq9Result


# --- about ---------------------------------------------------------------------


def about_document(content: Content) -> d.Document:
    about = content.about
    citer = views.Citer(content)
    source = about.source
    labels = S.ABOUT_LABELS
    coverage = language_coverage(content)
    doc = d.Document(S.ABOUT_TITLE, lang=S.lang).add(
        d.Paragraph(about.what_it_is, S.WHAT_IT_IS),
        d.Paragraph(about.what_it_is_not, S.WHAT_IT_IS_NOT),
        d.Heading(S.WHERE_FROM, 1),
        d.Paragraph(
            S.SOURCE_LINE.format(
                title=source.title,
                author=source.author,
                publisher=source.publisher,
                published=source.published,
                updated=source.updated,
            )
        ),
        d.Paragraph(about.source_note),
        d.Heading(S.CORRECTIONS, 1),
        d.Bullets(
            tuple(
                citer.cite(
                    S.CORRECTION.format(claim=c.claim, correction=c.correction), c.references
                )
                for c in about.corrections
            )
            or (S.NONE,)
        ),
        d.Heading(S.WHAT_CHANGED, 1),
        *([d.Paragraph(about.edition)] if about.edition else []),
        d.Bullets(about.changes or (S.NOTHING_LISTED,)),
        d.Heading(S.REVIEW_AND_FUNDING, 1),
        d.Paragraph(about.reviewed.isoformat(), labels["reviewed"]),
        d.Paragraph(about.review_due.isoformat(), labels["review_due"]),
        d.Paragraph(about.update_policy, labels["update_policy"]),
        d.Paragraph(about.report_errors, labels["report_errors"]),
        d.Paragraph(about.funding, labels["funding"]),
        d.Paragraph(about.conflicts, labels["conflicts"]),
        d.Paragraph(about.reading_level, labels["reading_level"]),
        d.Paragraph(about.standards, labels["standards"]),
        *(
            [d.Paragraph(citer.cite(about.tools, about.tools_references), labels["tools"])]
            if about.tools
            else []
        ),
        d.Paragraph(__version__, labels["version"]),
        d.Heading(S.LANGUAGES_HEADING, 1),
        d.Bullets(language_lines(coverage)),
        d.Paragraph(S.LANGUAGE_INTERFACE),
        d.Paragraph(S.CONTRIBUTE_TRANSLATION),
        citer.ref_list(),
    )
    # The JSON's own schema_version wins over the content file's.
    doc.facts = lambda: {
        **views.record_json(about),
        "schema_version": views.JSON_SCHEMA_VERSION,
        "version": __version__,
        "languages": {
            "en": {"status": "source", "coverage": 100},
            **{
                lang: {"status": "draft", "coverage": percent} for lang, percent in coverage.items()
            },
        },
    }
    return doc


def language_coverage(content: Content) -> dict[str, int]:
    """Each draft language's share of the content translated, in whole percent (rounded down)."""
    from depression_guide.content.translation_checks import language_report
    from depression_guide.languages import DRAFTS

    return {lang: language_report(content, lang).percent for lang in sorted(DRAFTS)}


def language_lines(coverage: dict[str, int]) -> tuple[str, ...]:
    """The languages, their status (drafts, unchecked) and how much is translated."""
    from depression_guide.languages import LANGUAGES

    return (
        LANGUAGES["en"],
        *(
            S.LANGUAGE_STATUS.format(name=LANGUAGES[lang], code=lang, percent=percent)
            for lang, percent in coverage.items()
        ),
    )


# --- quiz ----------------------------------------------------------------------


def quiz_feedback(content: Content, item: model.QuizItem, answer: str | None) -> d.Document:
    """What the evidence says about one statement, after (or without) an answer."""
    citer = views.Citer(content)
    truth = S.QUIZ_TRUTH[item.answer]
    if answer is None:
        verdict = S.QUIZ_ANSWER.format(answer=S.QUIZ_CHOICES[item.answer])
    elif answer == item.answer:
        verdict = S.QUIZ_RIGHT.format(truth=truth)
    else:
        verdict = S.QUIZ_NOT_QUITE.format(truth=truth)
    return d.Document(item.statement).add(
        d.Paragraph(citer.cite(f"{verdict} {item.explanation}", item.references)),
        *([citer.ref_list()] if item.references else []),
    )


def quiz_reveal_document(content: Content) -> d.Document:
    """Every statement with its answer, for handing out."""
    citer = views.Citer(content)
    quiz = content.quiz
    doc = d.Document(S.QUIZ_TITLE, lang=S.lang).add(d.Paragraph(quiz.intro))
    for number, item in enumerate(quiz.items, start=1):
        doc.add(
            d.Heading(f"{number}. {item.statement}", 2),
            d.Paragraph(
                citer.cite(
                    S.QUIZ_REVEALED.format(
                        answer=S.QUIZ_CHOICES[item.answer], explanation=item.explanation
                    ),
                    item.references,
                )
            ),
        )
    return doc.add(citer.ref_list())


def quiz_results_document(
    content: Content, items: tuple[model.QuizItem, ...], given: tuple[str, ...], score: int
) -> d.Document:
    """`quiz --answers`: what the evidence says about each statement, then the score."""
    doc = d.Document(S.QUIZ_TITLE, lang=S.lang)
    for item, answer in zip(items, given, strict=True):
        feedback = quiz_feedback(content, item, answer)
        doc.add(d.Heading(feedback.title, 2), *feedback.blocks)
    score_doc = quiz_score_document(content, score)
    return doc.add(d.Heading(score_doc.title, 1), *score_doc.blocks)


def quiz_score_document(content: Content, score: int) -> d.Document:
    total = len(content.quiz.items)
    return d.Document(S.QUIZ_SCORE_TITLE, lang=S.lang).add(
        d.Paragraph(kind_words(score, total)),
        d.Paragraph(S.QUIZ_READ_MORE),
    )


# --- PHQ-9 ---------------------------------------------------------------------


def band_meaning(phq9: model.Phq9, result: Phq9Result) -> str:
    """What the band means; never reassurance straight after thoughts of harm."""
    return phq9.thoughts_of_harm if result.thoughts_of_harm else result.band.meaning


def total_words(phq9: model.Phq9, result: Phq9Result) -> str:
    """The total and its band; with thoughts of harm, never the lowest band's name
    ("minimal" next to thoughts of being better off dead reads as reassurance)."""
    if result.thoughts_of_harm and result.band == phq9.bands[0]:
        return S.PHQ9_TOTAL_ONLY.format(total=result.total)
    return S.PHQ9_TOTAL.format(
        total=result.total, band=result.band.name, low=result.band.low, high=result.band.high
    )


def phq9_document(content: Content, result: Phq9Result, region: str | None) -> d.Document:
    """The result: the crisis panel first if item 9 is above 0, then the score."""
    phq9 = content.phq9
    citer = views.Citer(content)
    doc = d.Document(S.PHQ9_TITLE, lang=S.lang)
    if result.thoughts_of_harm:
        # The full panel alone: the short one crisis_blocks adds for long
        # panels would repeat it straight away (the page still ends with it).
        doc.add(
            d.Paragraph(S.PHQ9_THOUGHTS),
            *views.crisis_blocks(content, region, support=False)[:1],
        )
    doc.add(
        d.Paragraph(citer.cite(total_words(phq9, result), phq9.references)),
        d.Paragraph(band_meaning(phq9, result)),
        d.Callout("note", phq9.not_a_diagnosis, (phq9.share,)),
        d.Heading(S.PHQ9_YOUR_ANSWERS, 1),
        *([d.Paragraph(S.PHQ9_IN_ENGLISH)] if S.lang != "en" else []),
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
                S.PHQ9_DIFFICULTY,
            )
        )
    doc.add(citer.ref_list())
    doc.facts = lambda: {
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
        "references": list(phq9.references),
    }
    return doc
