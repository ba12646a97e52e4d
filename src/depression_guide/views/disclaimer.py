"""What ends every page of options (see a professional, then the help lines),
and the notices around content: the review warning, the date a page was made."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from depression_guide import document as d
from depression_guide import strings as S
from depression_guide.views.crisis import help_now

if TYPE_CHECKING:
    from depression_guide.content import Content, model

DISCLAIMER = S.DISCLAIMER  # kept here too: JSON outputs and tests name it


def disclaimer(content: Content, code: str | None) -> list[d.Block]:
    """What every page of options ends with: see a professional, then the help lines.

    The help lines come last, so that whatever follows on a terminal (a prompt,
    the shell) the emergency number is on the final screen.
    """
    return [
        d.Callout("disclaimer", S.SEE_A_PROFESSIONAL, (S.DISCLAIMER,)),
        help_now(content, code, hint=True),
    ]


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
