"""Text that any terminal can print: ASCII fallbacks when the encoding lacks a character."""

from __future__ import annotations

import codecs
import functools
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


# Characters one column wide in every terminal, wcwidth's answer for each
# (tests/test_text_safety.py checks every one against it): Latin letters,
# punctuation, arrows, maths and the icon array's circles. English text is
# made only of these, so it is measured without importing wcwidth (about 10 ms
# of start-up, for `show` and `explore`).
_NARROW = re.compile(
    "[\x20-\x7e\xa0-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u22ff\u25a0-\u25fc\u27e6-\u27ef]*"
)


_NARROW_RUN = re.compile(_NARROW.pattern.replace("]*", "]+"))
# Characters two columns wide for wcwidth (every one checked by the tests):
# CJK punctuation, kana, the unified ideographs, Hangul syllables and the
# full-width forms. Chinese text is made of these and the narrow ones, so it
# too is measured without importing wcwidth (about 30 ms of a Chinese run).
_SURELY_WIDE = (
    ("\u3001", "\u3029"),
    ("\u3041", "\u3096"),
    ("\u30a1", "\u30fa"),
    ("\u4e00", "\u9fff"),
    ("\uac00", "\ud7a3"),
    ("\uff01", "\uff60"),
)


def _wide_count(text: str) -> int | None:
    """How many characters of text are two columns wide, or None when text
    has a character that is neither narrow nor surely wide."""
    rest = _NARROW_RUN.sub("", text)
    for char in rest:
        if not any(low <= char <= high for low, high in _SURELY_WIDE):
            return None
    return len(rest)


def cells(text: str) -> int:
    """How many terminal columns text takes: CJK characters take two."""
    if text.isascii() or _NARROW.fullmatch(text):
        return len(text)
    wide = _wide_count(text)
    if wide is not None:
        return len(text) + wide
    from wcwidth import wcswidth

    width = wcswidth(text)
    return width if width >= 0 else len(text)


# Where a line may break in text without spaces: before a wide (CJK)
# character. A run of closing punctuation stays with what it closes.
_WIDE = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
_CLOSING = "\u3001\u3002\uff0c\uff09\uff1a\uff1b\uff01\uff1f\u300d\u300f\u3011"
_FIRST_WIDE = "\u2e80"  # no character below it is in _WIDE
# spaces | a word (a number's no-break spaces inside): the units of text with
# no wide character, as _wide_units() would find them.
_NARROW_UNITS = re.compile(r"[^\S\u00a0]+|(?:\S|\u00a0)+")


@functools.cache
def _wide_units() -> re.Pattern[str]:
    """spaces | one wide character | a word. Compiled on first need: its large
    character ranges take about 12 ms to compile, which English never needs."""
    return re.compile(rf"[^\S\u00a0]+|[{_WIDE}][{_CLOSING}]*|(?:[^\s{_WIDE}]|\u00a0)+")


def _units(text: str) -> list[str]:
    wide = max(text, default="") >= _FIRST_WIDE
    return (_wide_units() if wide else _NARROW_UNITS).findall(text)


def _wrap_cells(text: str, width: int, first: str, rest: str) -> list[str]:
    """Greedy wrapping by display cells, breaking at spaces or between CJK characters."""
    lines: list[str] = []
    line, used, indent = first, cells(first), first
    pending_space = False
    for unit in _units(text):
        if unit.isspace() and NBSP not in unit:
            pending_space = line.strip() != ""
            continue
        gap = 1 if pending_space else 0
        size = cells(unit)
        if line.strip() and used + gap + size > width:
            lines.append(line)
            indent = rest
            line, used, gap = rest, cells(rest), 0
        line += " " * gap + unit
        used += gap + size
        pending_space = False
    if line.strip() or not lines:
        lines.append(line if line.strip() else indent.rstrip())
    return lines


def wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """Wrap text to `width` columns, keeping numbers such as "13 11 14" whole.

    textwrap breaks only at ASCII white space, so the numbers' spaces are made
    non-breaking while wrapping and ordinary again after (what is written out
    is plain spaces, easy to search and to read aloud). Text with wide (CJK)
    characters is measured in display cells, and may break between them.
    """
    if not text.isascii():
        wrapped = _wrap_cells(NUMBER_GAP.sub(NBSP, text), width, first, rest)
        return [line.replace(NBSP, " ") for line in wrapped]
    lines = textwrap.wrap(
        NUMBER_GAP.sub(NBSP, text),
        width=width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]
    return [line.replace(NBSP, " ") for line in lines]


# Right-to-left text: a spaced number such as "13 11 14" is, by the Unicode
# bidirectional algorithm, shown group by group from right to left ("14 11 13")
# when it stands among Arabic words. Wrapping it in a left-to-right isolate
# (U+2066 ... U+2069, invisible and zero cells wide) keeps it in its order in
# the terminal, plain text and Markdown, as <bdi dir="ltr"> does in HTML.
# Only numbers in more than one piece ("13 11 14", "0.79", "+61", "25%") can
# be reordered; a lone run of digits ("000", a marker "[1]") always reads right.
_LTR_NUMBER = re.compile(r"(?<![\w/.:-])(?:\+?\d+(?:[ ,.:/-]\d+)+%?|\+\d+%?|\d+%)(?![\w/]|\.\w)")
# Other left-to-right runs that start or end with a neutral character, which
# takes the Arabic direction and moves to the other end: a command flag with
# its value ("--lang en" shown as "lang en--"), a word ending in "+"
# ("LGBTIQ+" shown as "+LGBTIQ"), and web addresses and DOIs ("1737.org.nz"
# shown as "org.nz.1737"). Each is isolated whole, so it can still be copied
# in one piece; brackets and a full stop around an address stay outside.
_FLAG = re.compile(r"(?<![\w-])--[a-z][a-z-]*(?: (?!--)[A-Za-z][\w-]*)?")
_PLUS_WORD = re.compile(r"(?<![\w+])[A-Za-z]\w*\+(?!\w)")
_ADDRESS = re.compile(
    r"(?:https?://|www\.|doi\.org/|(?<![\w.@/-])[\w-]+(?:\.[\w-]+)*\.(?:org|com|gov|au|nz|uk|ca|ie)\b)"
    r"[^\s()<>]*?(?=[).,;:]*(?:\s|$))"
)
_LRI, _PDI = "\u2066", "\u2069"
_RUNS = (_ADDRESS, _FLAG, _PLUS_WORD)


def isolate_ltr(text: str) -> str:
    """`text` with each left-to-right run (numbers, flags, addresses, "LGBTIQ+")
    kept in its order inside right-to-left text."""
    return _isolate_runs(text, 0)


def _isolate_runs(text: str, level: int) -> str:
    if level == len(_RUNS):
        return _LTR_NUMBER.sub(lambda m: f"{_LRI}{m[0]}{_PDI}", text)
    out: list[str] = []
    last = 0
    for match in _RUNS[level].finditer(text):
        out.append(_isolate_runs(text[last : match.start()], level + 1))
        out.append(f"{_LRI}{match[0]}{_PDI}")
        last = match.end()
    out.append(_isolate_runs(text[last:], level + 1))
    return "".join(out)


def isolate_lines(text: str) -> str:
    """Each line of already wrapped right-to-left text with its left-to-right runs
    isolated (after wrapping, so an isolate never spans two lines)."""
    return "\n".join(isolate_ltr(line) for line in text.split("\n"))


# The name the plain and Markdown renderers first used (numbers only then).
isolate_numbers = isolate_ltr
