"""Options side by side: the same questions for every option (an Option Grid)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from depression_guide import document as d
from depression_guide import strings as S
from depression_guide import views
from depression_guide.content.model import access_for, cited_in
from depression_guide.errors import GuideError
from depression_guide.logic.topics import Topic, options_of

if TYPE_CHECKING:
    from depression_guide.content import Content, model

MIN_OPTIONS, MAX_OPTIONS = 2, 4
# A whole category may bring a few more than four options; they stack well.
MAX_FROM_CATEGORY = 6
# The rows Mayo's medication aid uses, shown when any option is a medicine.
MEDICINE_TOPICS = ("weight", "sexual side effects", "sleep", "stopping")


def chosen_options(content: Content, topics: list[Topic]) -> list[model.Option]:
    """The options to compare, or a usage error that says what compare takes."""
    for topic in topics:
        if topic.kind == "background":
            raise GuideError(S.COMPARE_BACKGROUND.format(topic=topic.id), S.COMPARE_BACKGROUND_HINT)
    options = options_of(content, topics)
    has_category = any(t.kind == "category" for t in topics)
    limit = MAX_FROM_CATEGORY if has_category else MAX_OPTIONS
    if len(options) < MIN_OPTIONS:
        raise GuideError(S.COMPARE_TOO_FEW, S.COMPARE_TOO_FEW_HINT)
    if len(options) > limit:
        raise GuideError(
            S.COMPARE_TOO_MANY.format(limit=limit, count=len(options)), S.COMPARE_TOO_MANY_HINT
        )
    return options


def rows(
    options: list[model.Option], citer: views.Citer, region: str | None
) -> list[tuple[str, tuple[str, ...]]]:
    """The questions people ask, one row each, answered for every option."""

    def join(statements: tuple[model.Statement, ...]) -> str:
        return " ".join(views.statement_text(s, citer) for s in statements)

    grid: list[tuple[str, tuple[str, ...]]] = [
        (S.ROW_WHAT, tuple(o.summary for o in options)),
        (S.ROW_INVOLVES, tuple(o.involves for o in options)),
        (
            S.ROW_GIVEN,
            tuple(citer.cite(o.delivery.text, o.delivery.references) for o in options),
        ),
        (
            S.ROW_HOW_LONG,
            tuple(
                citer.cite(o.time_to_benefit.text, o.time_to_benefit.references) for o in options
            ),
        ),
        (S.ROW_EVIDENCE, tuple(join(o.benefits) for o in options)),
        (S.ROW_DOWNSIDES, tuple(join(o.downsides) for o in options)),
    ]
    if any(o.medicine_rows for o in options):
        for topic in MEDICINE_TOPICS:
            cells = []
            for option in options:
                row = next((r for r in option.medicine_rows if r.topic == topic), None)
                if row is not None:
                    cells.append(citer.cite(row.text, row.references))
                elif option.category == "medication":
                    cells.append(S.NO_CHECKED_INFORMATION)
                else:
                    cells.append(S.NOT_A_MEDICINE)
            grid.append((S.ROW_MEDICINES.format(topic=S.MEDICINE_TOPICS[topic]), tuple(cells)))
    grid += [
        (
            S.ROW_COST,
            tuple(
                citer.cite(access_for(o, region).text, access_for(o, region).references)
                for o in options
            ),
        ),
        (S.ROW_SUITS, tuple(" ".join(o.may_suit) for o in options)),
    ]
    return grid


def compare_document(
    content: Content, options: list[model.Option], region: str | None
) -> d.Document:
    citer = views.Citer(content)
    doc = d.Document(
        S.COMPARE_TITLE.format(names=S.LIST_SEPARATOR.join(o.name for o in options)), lang=S.lang
    )
    grid = rows(options, citer, region)
    doc.add(d.Paragraph(S.COMPARE_INTRO), d.Grid(tuple(o.name for o in options), tuple(grid)))
    # The JSON's rows are the grid's, cell for cell; its markers number the
    # references as the grid cites them (the pictures and the list come after).
    markers = {f"[{n}]": ref for n, ref in enumerate(citer.order, start=1)}
    ids = [o.id for o in options]
    doc.facts = lambda: {
        "schema_version": views.JSON_SCHEMA_VERSION,
        "options": [{"id": o.id, "name": o.name} for o in options],
        "rows": [
            {"question": label, "answers": dict(zip(ids, cells, strict=True))}
            for label, cells in grid
        ],
        "markers": markers,
        "references": views.csl_items(content, cited_in(*options)),
    }
    pictures = [(o, s.frequency) for o in options for s in o.benefits if s.frequency]
    if pictures:
        doc.add(d.Heading(S.CHANCES_AS_PICTURES, 1))
        for option, frequency in pictures:
            doc.add(d.Heading(option.name, 3), views.icon_array(frequency, citer))
    for option in options:
        citer.mark(option.references)
    doc.add(citer.ref_list())
    return doc
