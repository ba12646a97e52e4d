"""What ends every page of options (see a professional, then the help lines),
and the notices around content: the review warning, the date a page was made."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import msgspec

from depression_guide import document as d
from depression_guide import strings as S
from depression_guide.views.crisis import help_now

if TYPE_CHECKING:
    from depression_guide.content import Content, model


def disclaimer(
    content: Content, code: str | None, youth: tuple[model.CrisisLine, ...] = ()
) -> list[d.Block]:
    """What every page of options ends with: see a professional, then the help lines.

    The help lines come last, so that whatever follows on a terminal (a prompt,
    the shell) the emergency number is on the final screen. `youth`: the
    region's services for a young person's age group, listed with them.
    """
    # Keyed: JSON's `disclaimer` and `crisis` are read off these two blocks.
    return [
        d.Callout(
            "disclaimer", S.SEE_A_PROFESSIONAL, (disclaimer_text(content, code),), key="disclaimer"
        ),
        msgspec.structs.replace(help_now(content, code, hint=True, youth=youth), key="crisis"),
    ]


def disclaimer_text(content: Content, code: str | None) -> str:
    """The short disclaimer, with the region's word for the first doctor."""
    return S.DISCLAIMER.format(doctor=doctor_word(content, code))


def doctor_word(content: Content, code: str | None) -> str:
    """The region's word for the doctor people see first ("GP", "family doctor").

    The content decides it (crisis.yaml's `doctor`). Region not known: the catalog's
    neutral word, as the save offer says it, so no English word sits inside a
    translated line.
    """
    return content.region(code).doctor if code else S.ANY_DOCTOR


def review_warning(about: model.About, today: dt.date) -> str | None:
    """One line when the content is past its review date; None while it is current."""
    if today <= about.review_due:
        return None
    return S.REVIEW_WARNING.format(date=about.review_due.isoformat())


def made_on(day: dt.date | None) -> str:
    """'Made on 28 November 2026. ' (empty when no date is known)."""
    if day is None:
        return ""
    # The month's name from the strings (never the C library's locale).
    return S.MADE_ON.format(day=day.day, month=S.MONTHS[day.month - 1], year=day.year)


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
    return d.Callout("note", S.DRAFT_TITLE, draft_notice_lines(region), key="draft_notice")


def with_draft_notice(doc: d.Document, region: str | None) -> d.Document:
    """A document in a draft language: the notice near the top and again just
    before the disclaimer (the help lines stay last)."""
    notice = draft_notice(region)
    blocks: list[d.Block] = [notice]
    for block in doc.blocks:
        if isinstance(block, d.Callout) and block.kind == "disclaimer":
            blocks.append(notice)
        blocks.append(block)
    return msgspec.structs.replace(doc, blocks=blocks)
