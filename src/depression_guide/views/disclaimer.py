"""What ends every page of options (see a professional, then the help lines),
and the notices around content: the review warning, the date a page was made."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from depression_guide import document as d
from depression_guide import strings as S
from depression_guide.content.model import ANY_DOCTOR
from depression_guide.views.crisis import help_now

if TYPE_CHECKING:
    from depression_guide.content import Content, model

# The words JSON outputs carry: region-neutral ("doctor"); pages use the region's word.
DISCLAIMER = S.DISCLAIMER.format(doctor=ANY_DOCTOR)


def disclaimer(
    content: Content, code: str | None, youth: tuple[model.CrisisLine, ...] = ()
) -> list[d.Block]:
    """What every page of options ends with: see a professional, then the help lines.

    The help lines come last, so that whatever follows on a terminal (a prompt,
    the shell) the emergency number is on the final screen. `youth`: the
    region's services for a young person's age group, listed with them.
    """
    return [
        d.Callout("disclaimer", S.SEE_A_PROFESSIONAL, (disclaimer_text(content, code),)),
        help_now(content, code, hint=True, youth=youth),
    ]


def disclaimer_text(content: Content, code: str | None) -> str:
    """The short disclaimer, with the region's word for the first doctor."""
    return S.DISCLAIMER.format(doctor=doctor_word(content, code))


def doctor_word(content: Content, code: str | None) -> str:
    """The region's word for the doctor people see first ("GP", "family doctor").

    The content decides it (crisis.yaml's `doctor`); unknown region: "doctor".
    """
    return content.region(code).doctor if code else ANY_DOCTOR


def review_warning(about: model.About, today: dt.date) -> str | None:
    """One line when the content is past its review date; None while it is current."""
    if today <= about.review_due:
        return None
    return S.REVIEW_WARNING.format(date=about.review_due.isoformat())


def made_on(day: dt.date | None) -> str:
    """'Made on 28 November 2026. ' (empty when no date is known)."""
    if day is None:
        return ""
    return S.MADE_ON.format(day=day.day, month_year=day.strftime("%B %Y"))
