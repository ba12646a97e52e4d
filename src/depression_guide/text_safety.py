"""Text that any terminal can print: ASCII fallbacks when the encoding lacks a character."""

from __future__ import annotations

import codecs
import unicodedata

# Symbols we use, and what to print where the terminal cannot show them.
FALLBACKS = str.maketrans(
    {
        "●": "#",
        "○": ".",
        "•": "-",
        "–": "-",
        "—": "-",
        "‘": "'",
        "’": "'",
        "“": '"',
        "”": '"',
        "…": "...",
        "×": "x",
        "≥": ">=",
        "≤": "<=",
        "→": "->",
        "\u00a0": " ",
    }
)


def can_encode(text: str, encoding: str | None) -> bool:
    try:
        text.encode(encoding or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def is_unicode(encoding: str | None) -> bool:
    """True when the stream's encoding can show any character."""
    try:
        return codecs.lookup(encoding or "utf-8").name.startswith("utf")
    except LookupError:
        return False


def fit(text: str, encoding: str | None) -> str:
    """Return text the encoding can show: symbols swapped, accents dropped, rest '?'."""
    if can_encode(text, encoding):
        return text
    swapped = unicodedata.normalize("NFKD", text.translate(FALLBACKS))
    stripped = "".join(ch for ch in swapped if not unicodedata.combining(ch))
    return stripped.encode(encoding or "ascii", errors="replace").decode(encoding or "ascii")
