"""Today's date, in one place, so tests (and a clinic checking a future review
date) can fix it with DEPRESSION_GUIDE_TODAY=YYYY-MM-DD (read by cli.py, the one
module that reads the environment, and passed here)."""

from __future__ import annotations

import datetime as dt

from depression_guide.errors import GuideError

TODAY_VARIABLE = "DEPRESSION_GUIDE_TODAY"


def today(fixed: str | None = None) -> dt.date:
    """Today, or the date `fixed` (DEPRESSION_GUIDE_TODAY's value) when it is set."""
    fixed = (fixed or "").strip()
    if not fixed:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(fixed)
    except ValueError:
        raise GuideError(
            f"{TODAY_VARIABLE}='{fixed}' is not a date.",
            f"Use the form 2026-11-28, or unset {TODAY_VARIABLE}.",
        ) from None
