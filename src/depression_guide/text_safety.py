"""Text that any terminal can print: ASCII fallbacks when the encoding lacks a character."""

from __future__ import annotations

import codecs
import re
import textwrap
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


NBSP = "\u00a0"
# A space between two digits is part of a phone number ("13 11 14"): never a
# place to break a line, or a person in crisis reads "call 1300" / "659 467".
NUMBER_GAP = re.compile(r"(?<=\d) (?=\d)|(?<=\d,) (?=\d+\])")  # also "[2, 3]"


def wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """Wrap text to `width` columns, keeping numbers such as "13 11 14" whole.

    textwrap breaks only at ASCII white space, so the numbers' spaces are made
    non-breaking while wrapping and ordinary again after (what is written out
    is plain spaces, easy to search and to read aloud).
    """
    lines = textwrap.wrap(
        NUMBER_GAP.sub(NBSP, text),
        width=width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]
    return [line.replace(NBSP, " ") for line in lines]
