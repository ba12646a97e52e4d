"""Today's date, in one place, so tests (and a clinic checking a future review
date) can fix it with DEPRESSION_GUIDE_TODAY=YYYY-MM-DD."""

from __future__ import annotations

import datetime as dt
import os

from depression_guide.errors import GuideError

TODAY_VARIABLE = "DEPRESSION_GUIDE_TODAY"


def today() -> dt.date:
    """Today, or the date in DEPRESSION_GUIDE_TODAY when it is set."""
    fixed = os.environ.get(TODAY_VARIABLE, "").strip()
    if not fixed:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(fixed)
    except ValueError:
        raise GuideError(
            f"{TODAY_VARIABLE}='{fixed}' is not a date.",
            f"Use the form 2026-11-28, or unset {TODAY_VARIABLE}.",
        ) from None
